// SQL backend: wallets, the double-entry ledger, payments and the ledger audit.
#include <nlohmann/json.hpp>

#include "core/enum_json.hpp"
#include "server/auth/secrets.hpp"
#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

constexpr const char* kPaymentColumns =
    "id, order_id, payer, currency, amount, authorization_json, sig, created_at";

PaymentRecord read_payment(const Stmt& s) {
    return PaymentRecord{s.text(0), s.text(1), s.text(2), parse_currency(s.text(3)).value_or(Currency::BTC),
                         s.integer(4), nlohmann::json::parse(s.text(5)), s.text(6), s.integer(7)};
}

constexpr const char* kAddToBalance = "UPDATE ledger_accounts SET balance = balance + ? WHERE id = ?";

std::string account_kind(const std::string& account_id) { return account_id.substr(0, account_id.find(':')); }

void ensure_account(Db& db, const std::string& id, Currency currency) {
    Stmt s(db, "INSERT INTO ledger_accounts(id, kind, currency, balance) VALUES (?, ?, ?, 0) ON CONFLICT(id) DO NOTHING");
    s.bind(1, id).bind(2, account_kind(id)).bind(3, currency_code(currency)).step();
}

std::int64_t balance_of(Db& db, const std::string& account) {
    Stmt s(db, "SELECT balance FROM ledger_accounts WHERE id = ?");
    s.bind(1, account);
    return s.step() ? s.integer(0) : 0;
}

}  // namespace

std::string wallet_account(std::string_view pubkey, Currency c) {
    return "wallet:" + std::string(pubkey) + ":" + std::string(currency_code(c));
}

std::string merchant_account(Currency c, std::string_view payment_id) {
    constexpr std::uint64_t kShards = 16;
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char ch : payment_id) h = (h ^ ch) * 1099511628211ull;
    return "merchant:" + std::string(currency_code(c)) + ":" + std::to_string(h % kShards);
}

std::string credited_account(Db& db, std::string_view payment_id) {
    Stmt s(db, "SELECT account_id FROM ledger_entries WHERE ref = ? AND kind = 'payment' AND amount > 0");
    s.bind(1, payment_id);
    if (!s.step()) throw StoreError("no ledger credit for payment " + std::string(payment_id));
    return s.text(0);
}

Transfer::Transfer(Db& db, const std::string& from, const std::string& to, Currency currency, std::int64_t amount,
                   const std::string& kind, const std::string& ref, std::int64_t now)
    // The schema's CHECK (kind = 'faucet' OR balance >= 0) refuses a debit beyond the balance.
    : balances{Stmt(db, kAddToBalance), Stmt(db, kAddToBalance)} {
    // The entries reference both accounts, so missing ones are created first; a plain read
    // decides, because on PostgreSQL an INSERT … ON CONFLICT meets a busy account's row lock and
    // waits for its updaters.
    {
        Stmt known(db, "SELECT COUNT(*) FROM ledger_accounts WHERE id IN (?, ?)");
        known.bind(1, from).bind(2, to);
        if (known.step() && known.integer(0) < 2) {
            ensure_account(db, from, currency);
            ensure_account(db, to, currency);
        }
    }
    const std::string txn = secrets::new_id("txn");
    const std::string code(currency_code(currency));
    Stmt entries(db, "INSERT INTO ledger_entries(txn_id, account_id, currency, amount, kind, ref, at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7), (?1, ?8, ?3, ?9, ?5, ?6, ?7)");
    entries.bind(1, txn).bind(2, from).bind(3, code).bind(4, -amount).bind(5, kind).bind(6, ref).bind(7, now)
        .bind(8, to).bind(9, amount).step();
    balances[0].bind(1, -amount).bind(2, from);
    balances[1].bind(1, amount).bind(2, to);
}

bool Transfer::apply() {
    try {
        balances[0].step();
    } catch (const CheckViolation&) {
        return false;
    }
    balances[1].step();
    return true;
}

std::optional<PaymentRecord> load_payment_for_order(Db& db, std::string_view order_id) {
    Stmt s(db, std::string("SELECT ") + kPaymentColumns + " FROM payments WHERE order_id = ?");
    s.bind(1, order_id);
    if (!s.step()) return std::nullopt;
    return read_payment(s);
}

bool SqlStore::bind_wallet(const Wallet& w) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Stmt taken(db, "SELECT user_id FROM wallets WHERE pubkey = ?");
    taken.bind(1, w.pubkey);
    if (taken.step() && taken.text(0) != w.user_id) return false;
    Stmt upsert(db, "INSERT INTO wallets(user_id, pubkey, proof, created_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(user_id) DO UPDATE SET pubkey = excluded.pubkey, proof = excluded.proof, "
                    "created_at = excluded.created_at");
    upsert.bind(1, w.user_id).bind(2, w.pubkey).bind(3, w.proof).bind(4, w.created_at_unix_s).step();
    tx.commit();
    return true;
}

std::optional<Wallet> SqlStore::wallet_of(std::string_view user_id) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT user_id, pubkey, proof, created_at FROM wallets WHERE user_id = ?");
    s.bind(1, user_id);
    if (!s.step()) return std::nullopt;
    return Wallet{s.text(0), s.text(1), s.text(2), s.integer(3)};
}

std::vector<Balance> SqlStore::balances(std::string_view pubkey) {
    auto lease = pool_.take();
    std::vector<Balance> out;
    for (Currency c : {Currency::BTC, Currency::USDT}) out.push_back({c, balance_of(*lease, wallet_account(pubkey, c))});
    return out;
}

LedgerPage SqlStore::ledger(std::string_view pubkey, int limit, std::optional<std::int64_t> after_seq) {
    auto lease = pool_.take();
    std::string sql = "SELECT seq, txn_id, currency, amount, kind, ref, at FROM ledger_entries WHERE account_id IN (?1, ?2)";
    if (after_seq) sql += " AND seq < ?3";
    sql += " ORDER BY seq DESC LIMIT ?4";
    Stmt s(*lease, sql);
    s.bind(1, wallet_account(pubkey, Currency::BTC)).bind(2, wallet_account(pubkey, Currency::USDT));
    if (after_seq) s.bind(3, *after_seq);
    s.bind(4, std::int64_t{limit} + 1);
    LedgerPage page;
    while (s.step()) {
        if (static_cast<int>(page.items.size()) == limit) {
            page.next_seq = page.items.back().seq;
            break;
        }
        page.items.push_back({s.integer(0), s.text(1), parse_currency(s.text(2)).value_or(Currency::BTC), s.integer(3),
                              s.text(4), s.text(5), s.integer(6)});
    }
    return page;
}

void SqlStore::top_up(std::string_view pubkey, Currency currency, std::int64_t amount, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    const std::string faucet = "faucet:" + std::string(currency_code(currency));
    Transfer t(db, faucet, wallet_account(pubkey, currency), currency, amount, "topup", "", now);
    if (tx.commit_after(t.balances)) throw StoreError("faucet transfer failed");
}

SettleResult SqlStore::settle_payment(const PaymentRecord& p, const Authorization& a, std::string_view user_id,
                                      std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    // Payments for different orders settle side by side: each first locks its order's row, and
    // touches the rows other payments may share (the payer's and the merchant's balances) only in
    // its last statements, so they stay locked for as short a time as possible.
    Transaction tx(db, WriteLock::rows);
    Stmt lock(db, std::string("SELECT user_id FROM orders WHERE id = ?") + for_update(db));
    lock.bind(1, p.order_id);
    if (!lock.step() || lock.text(0) != user_id) return {SettleOutcome::not_found, {}, 0, {}};
    if (auto existing = load_payment_for_order(db, p.order_id)) {
        const bool same = existing->sig == p.sig && existing->authorization == p.authorization;
        return {same ? SettleOutcome::replayed : SettleOutcome::already_paid, *existing, 0, {}};
    }
    const std::optional<Order> order = load_order(db, p.order_id);
    Stmt wallet(db, "SELECT pubkey FROM wallets WHERE user_id = ?");
    wallet.bind(1, user_id);
    const std::string registered = wallet.step() ? wallet.text(0) : std::string();
    if (PaymentVerdict v = check_authorization(a, p.sig, *order, registered, now); v.check != PaymentCheck::ok)
        return {SettleOutcome::refused, {}, 0, std::move(v)};
    const OrderStatus next = *transition(order->status, OrderEvent::pay, Actor::buyer);  // checked just above

    Stmt nonce(db, "INSERT INTO payment_nonces(payer, nonce, payment_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    nonce.bind(1, p.payer).bind(2, p.authorization.at("nonce").get<std::string>()).bind(3, p.id).step();
    if (db.changes() != 1) return {SettleOutcome::nonce_reused, {}, 0, {}};

    Stmt insert(db, "INSERT INTO payments(id, order_id, user_id, payer, currency, amount, authorization_json, sig, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, p.id).bind(2, p.order_id).bind(3, user_id).bind(4, p.payer).bind(5, currency_code(p.currency))
        .bind(6, p.amount).bind(7, p.authorization.dump()).bind(8, p.sig).bind(9, now).step();
    Stmt paid(db, "UPDATE orders SET status = ?, payment_status = ?, updated_at = ? WHERE id = ?");
    paid.bind(1, enum_name(next)).bind(2, enum_name(PaymentStatus::paid)).bind(3, now).bind(4, p.order_id).step();
    add_order_event(db, p.order_id, {now, enum_name(next), actor_name(Actor::buyer), "Paid " + format_money({p.amount, p.currency})});

    // Last, the balances, with the commit; without the funds everything above is rolled back.
    const std::string from = wallet_account(p.payer, p.currency);
    Transfer t(db, from, merchant_account(p.currency, p.id), p.currency, p.amount, "payment", p.id, now);
    if (tx.commit_after(t.balances)) {
        tx.rollback();
        return {SettleOutcome::insufficient_balance, {}, balance_of(db, from), {}};
    }
    PaymentRecord stored = p;
    stored.created_at_unix_s = now;
    return {SettleOutcome::settled, stored, 0, {}};
}

std::vector<PaymentRecord> SqlStore::all_payments() {
    auto lease = pool_.take();
    Stmt s(*lease, std::string("SELECT ") + kPaymentColumns + " FROM payments ORDER BY created_at, id");
    std::vector<PaymentRecord> out;
    while (s.step()) out.push_back(read_payment(s));
    return out;
}

std::vector<std::string> SqlStore::ledger_violations() {
    auto lease = pool_.take();
    Db& db = *lease;
    std::vector<std::string> out;
    auto collect = [&](const char* sql, const std::string& prefix) {
        Stmt s(db, sql);
        while (s.step()) out.push_back(prefix + s.text(0));
    };
    collect("SELECT currency || ' entries sum to ' || SUM(amount) FROM ledger_entries GROUP BY currency HAVING SUM(amount) != 0",
            "ledger: ");
    collect("SELECT id || ' balance ' || balance FROM ledger_accounts WHERE kind != 'faucet' AND balance < 0",
            "negative balance: ");
    collect("SELECT a.id || ' balance ' || a.balance || ' but entries sum to ' || COALESCE(SUM(e.amount), 0) "
            "FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id GROUP BY a.id "
            "HAVING a.balance != COALESCE(SUM(e.amount), 0)",
            "balance mismatch: ");
    collect("SELECT txn_id || ' sums to ' || SUM(amount) FROM ledger_entries GROUP BY txn_id HAVING SUM(amount) != 0",
            "unbalanced transaction: ");
    collect("SELECT o.id || ' is ' || o.payment_status || ' with ' || COUNT(p.id) || ' payments' FROM orders o "
            "LEFT JOIN payments p ON p.order_id = o.id GROUP BY o.id, o.payment_status "
            "HAVING (o.payment_status != 'unpaid') != (COUNT(p.id) = 1) OR COUNT(p.id) > 1",
            "order/payment mismatch: ");
    collect("SELECT p.id || ' debited ' || COALESCE(-SUM(e.amount), 0) || ' for ' || p.amount FROM payments p "
            "LEFT JOIN ledger_entries e ON e.ref = p.id AND e.kind = 'payment' AND e.amount < 0 GROUP BY p.id "
            "HAVING COALESCE(-SUM(e.amount), 0) != p.amount",
            "payment/ledger mismatch: ");
    return out;
}

}  // namespace satstore::server::sql
