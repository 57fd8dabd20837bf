// SQL backend: coupons, orders, quotes, cancellation.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/enum_json.hpp"

#include "server/auth/secrets.hpp"
#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

template <typename Enum>
Enum enum_of(const std::string& text) {
    return nlohmann::json(text).get<Enum>();
}

// Order numbers are SO- and this plus the row's seq (SO-001001 is the first order).
constexpr std::int64_t kFirstOrderNumber = 1000;

constexpr const char* kOrderColumns =
    "seq, id, number, user_id, store, status, payment_status, fiat, lang, subtotal, shipping, coupon_discount, "
    "points_used, discount, total, coupon, pay_currency, ship_to_json, quote_id, created_at, pay_by, delivered_at";

Order read_order_row(const Stmt& s) {
    Order o;
    o.id = s.text(1);
    o.number = s.text(2);
    o.user_id = s.text(3);
    o.store = s.text(4);
    o.status = enum_of<OrderStatus>(s.text(5));
    o.payment_status = enum_of<PaymentStatus>(s.text(6));
    o.fiat = parse_currency(s.text(7)).value_or(Currency::CNY);
    o.lang = enum_of<Lang>(s.text(8));
    o.totals = {s.integer(9), s.integer(10), s.integer(11), s.integer(12), s.integer(13), s.integer(14)};
    o.coupon = s.text(15);
    o.pay_currency = parse_currency(s.text(16)).value_or(Currency::BTC);
    o.ship_to = nlohmann::json::parse(s.text(17)).get<Address>();
    o.created_at_unix_s = s.integer(19);
    o.pay_by_unix_s = s.integer(20);
    o.delivered_at_unix_s = s.is_null(21) ? 0 : s.integer(21);
    return o;
}

std::optional<Quote> load_quote(Db& db, std::string_view quote_id) {
    Stmt s(db, "SELECT id, currency, amount, rate, created_at, expires_at FROM quotes WHERE id = ?");
    s.bind(1, quote_id);
    if (!s.step()) return std::nullopt;
    return Quote{s.text(0), parse_currency(s.text(1)).value_or(Currency::BTC), s.integer(2), s.integer(3),
                 s.integer(4), s.integer(5)};
}

// Fills lines, quote and timeline of an order read by read_order_row (`quote_id` from column 18).
void load_details(Db& db, Order& o, const std::string& quote_id) {
    Stmt lines(db, "SELECT id, product_id, sku, title, qty, unit_price, line_total, variant_id, variant FROM order_lines "
                   "WHERE order_id = ? ORDER BY position");
    lines.bind(1, o.id);
    while (lines.step())
        o.lines.push_back({lines.text(0), lines.text(1), lines.text(2), lines.text(3), lines.integer(4),
                           lines.integer(5), lines.integer(6), lines.text(7), lines.text(8)});
    if (!quote_id.empty()) o.quote = load_quote(db, quote_id);
    Stmt events(db, "SELECT at, status, actor, note FROM order_events WHERE order_id = ? ORDER BY seq");
    events.bind(1, o.id);
    while (events.step()) o.timeline.push_back({events.integer(0), events.text(1), events.text(2), events.text(3)});
    // Unpaid orders have no payment, shipments, refunds or returns (settle_payment sets the
    // payment and payment_status together): two thirds of the queries spared on the pay path.
    if (o.payment_status == PaymentStatus::unpaid) return;
    o.payment = load_payment_for_order(db, o.id);
    load_fulfilment(db, o);
}

void insert_quote(Db& db, const std::string& order_id, const Quote& q) {
    Stmt s(db, "INSERT INTO quotes(id, order_id, currency, amount, rate, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, q.id).bind(2, order_id).bind(3, currency_code(q.currency)).bind(4, q.amount)
        .bind(5, q.rate_minor_per_unit).bind(6, q.created_at_unix_s).bind(7, q.expires_at_unix_s).step();
}


}  // namespace

void add_order_event(Db& db, const std::string& order_id, const TimelineEntry& e) {
    Stmt s(db, "INSERT INTO order_events(order_id, at, status, actor, note) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, order_id).bind(2, e.at_unix_s).bind(3, e.status).bind(4, e.actor).bind(5, e.note).step();
}

std::optional<Order> load_order(Db& db, std::string_view id) {
    Stmt s(db, std::string("SELECT ") + kOrderColumns + " FROM orders WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    Order o = read_order_row(s);
    const std::string quote_id = s.is_null(18) ? "" : s.text(18);
    load_details(db, o, quote_id);
    return o;
}

std::optional<Coupon> SqlStore::coupon(std::string_view code) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT code, kind, value, min_subtotal, expires_at, active FROM coupons WHERE code = ?");
    s.bind(1, code);
    if (!s.step()) return std::nullopt;
    return Coupon{s.text(0), enum_of<CouponKind>(s.text(1)), s.integer(2), s.integer(3), s.integer(4), s.integer(5) != 0};
}

bool SqlStore::coupon_used_by(std::string_view code, std::string_view user_id) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT 1 FROM coupon_redemptions WHERE code = ? AND user_id = ?");
    s.bind(1, code).bind(2, user_id);
    return s.step();
}

void SqlStore::upsert_coupon(const Coupon& c) {
    auto lease = pool_.take();
    Stmt s(*lease,
           "INSERT INTO coupons(code, kind, value, min_subtotal, expires_at, active) VALUES (?, ?, ?, ?, ?, ?) "
           "ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, value = excluded.value, "
           "min_subtotal = excluded.min_subtotal, expires_at = excluded.expires_at, active = excluded.active");
    s.bind(1, c.code).bind(2, enum_name(c.kind)).bind(3, c.value).bind(4, c.min_subtotal_minor)
        .bind(5, c.expires_at_unix_s).bind(6, std::int64_t{c.active}).step();
}

PlaceResult SqlStore::place_order(NewOrder& in) {
    auto lease = pool_.take();
    Db& db = *lease;
    // Orders are placed side by side: what each one checks is locked row by row (its key, the
    // buyer's points, a product's stock), and the rows that many orders share — the stock of a
    // popular product — are updated last, just before the commit.
    Transaction tx(db, WriteLock::rows);
    Order& o = in.order;
    constexpr const char* kScope = "POST /orders";

    if (const auto known = claim_request(db, o.user_id, kScope, in.idempotency_key, in.request_hash, o.created_at_unix_s)) {
        if (known->request_hash != in.request_hash) return {PlaceOutcome::key_reused, "", "", 0};
        return {PlaceOutcome::replayed, known->response, "", 0};
    }

    for (const auto& line : o.lines) {
        Stmt price(db, "SELECT v.price_minor FROM variants v JOIN products p ON p.id = v.product_id "
                       "WHERE v.id = ? AND v.product_id = ? AND p.status = 'active'");
        price.bind(1, line.variant_id).bind(2, line.product_id);
        if (!price.step() || price.integer(0) != line.unit_price_minor)
            return {PlaceOutcome::price_changed, "", line.product_id, 0, line.variant_id};
    }
    if (!o.coupon.empty()) {
        Stmt redeem(db, "INSERT INTO coupon_redemptions(code, user_id, order_id) VALUES (?, ?, ?) "
                        "ON CONFLICT DO NOTHING");
        redeem.bind(1, o.coupon).bind(2, o.user_id).bind(3, o.id).step();
        if (db.changes() != 1) return {PlaceOutcome::coupon_unavailable, "", "", 0};
    }
    if (o.totals.points_used > 0) {
        Stmt spend(db, "UPDATE users SET points = points - ?1 WHERE id = ?2 AND points >= ?1");
        spend.bind(1, o.totals.points_used).bind(2, o.user_id).step();
        if (db.changes() != 1) return {PlaceOutcome::points_insufficient, "", "", 0};
    }

    // The order's number comes from its row's sequence number, which the database hands out
    // without a lock (a shared counter row would make every checkout wait for the one before it
    // to commit); so the row goes in under its id as a stand-in number first.
    Stmt insert(db,
                "INSERT INTO orders(id, number, user_id, store, status, payment_status, fiat, lang, subtotal, shipping, "
                "coupon_discount, points_used, discount, total, coupon, pay_currency, ship_to_json, quote_id, "
                "created_at, pay_by, updated_at) VALUES (?1,?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?18) "
                "RETURNING seq");
    insert.bind(1, o.id).bind(2, o.user_id).bind(3, o.store)
        .bind(4, enum_name(o.status)).bind(5, enum_name(o.payment_status))
        .bind(6, currency_code(o.fiat)).bind(7, enum_name(o.lang))
        .bind(8, o.totals.subtotal_minor).bind(9, o.totals.shipping_minor).bind(10, o.totals.coupon_discount_minor)
        .bind(11, o.totals.points_used).bind(12, o.totals.discount_minor).bind(13, o.totals.total_minor)
        .bind(14, o.coupon).bind(15, currency_code(o.pay_currency)).bind(16, nlohmann::json(o.ship_to).dump());
    if (o.quote) insert.bind(17, o.quote->id);
    else insert.bind_null(17);
    insert.bind(18, o.created_at_unix_s).bind(19, o.pay_by_unix_s).step();
    o.number = formatted_number("SO-", kFirstOrderNumber + insert.integer(0));
    insert.step();  // finishes it: SQLite cannot commit while a RETURNING statement is unfinished
    Stmt number(db, "UPDATE orders SET number = ? WHERE id = ?");
    number.bind(1, o.number).bind(2, o.id).step();

    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        const auto& l = o.lines[i];
        Stmt line(db, "INSERT INTO order_lines(id, order_id, position, product_id, sku, title, qty, unit_price, line_total, "
                      "variant_id, variant) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        line.bind(1, l.id).bind(2, o.id).bind(3, static_cast<std::int64_t>(i)).bind(4, l.product_id).bind(5, l.sku)
            .bind(6, l.title).bind(7, l.qty).bind(8, l.unit_price_minor).bind(9, l.line_total_minor)
            .bind(10, l.variant_id).bind(11, l.variant).step();
        record_stock_movement(db, {l.variant_id, o.created_at_unix_s, -l.qty, std::nullopt, StockReason::order, o.user_id, "",
                                   o.number, ""});
    }
    if (o.quote) insert_quote(db, o.id, *o.quote);
    for (const auto& e : o.timeline) add_order_event(db, o.id, e);

    // The answer for the key goes in now: it does not depend on the stock, and whatever follows
    // the stock updates keeps a popular product's row locked for longer (an out-of-stock return
    // below rolls it back with the rest).
    PlaceResult result{PlaceOutcome::created, in.encode_response(o), "", 0};
    answer_request(db, o.user_id, kScope, in.idempotency_key, result.response_body);

    // Last, the rows that orders share, with the commit. Stock is taken in product-id order, so
    // that two orders for the same variants never wait for each other crosswise. The schema's
    // CHECK (stock >= 0) refuses a decrement below zero, however many checkouts (and stock
    // adjustments) run at once.
    std::vector<const OrderLine*> by_variant;
    for (const auto& l : o.lines) by_variant.push_back(&l);
    std::sort(by_variant.begin(), by_variant.end(),
              [](const OrderLine* a, const OrderLine* b) { return a->variant_id < b->variant_id; });
    std::vector<Stmt> takes;
    for (const OrderLine* line : by_variant) {
        takes.emplace_back(db, "UPDATE variants SET stock = stock - ? WHERE id = ?");
        takes.back().bind(1, line->qty).bind(2, line->variant_id);
    }
    if (const auto refused = tx.commit_after(takes)) {
        tx.rollback();
        const OrderLine& line = *by_variant[*refused];
        Stmt left(db, "SELECT stock FROM variants WHERE id = ?");
        left.bind(1, line.variant_id);
        return {PlaceOutcome::out_of_stock, "", line.product_id, left.step() ? left.integer(0) : 0, line.variant_id};
    }
    stock_changed();
    return result;
}

std::optional<Order> SqlStore::order(std::string_view id) {
    auto lease = pool_.take();
    return load_order(*lease, id);
}

OrderPage SqlStore::orders(const OrderQuery& q) {
    auto lease = pool_.take();
    Db& db = *lease;
    std::string sql = std::string("SELECT ") + kOrderColumns + " FROM orders WHERE 1 = 1";
    if (!q.user_id.empty()) sql += " AND user_id = ?1";
    if (q.status) sql += " AND status = ?2";
    if (q.after_seq) sql += " AND seq < ?3";
    sql += " ORDER BY seq DESC LIMIT ?4";
    Stmt s(db, sql);
    if (!q.user_id.empty()) s.bind(1, q.user_id);
    if (q.status) s.bind(2, enum_name(*q.status));
    if (q.after_seq) s.bind(3, *q.after_seq);
    s.bind(4, std::int64_t{q.limit} + 1);
    OrderPage page;
    std::vector<std::string> quote_ids;
    std::int64_t last_seq = 0;
    while (s.step()) {
        if (static_cast<int>(page.items.size()) == q.limit) {
            page.next_seq = last_seq;
            break;
        }
        last_seq = s.integer(0);
        page.items.push_back(read_order_row(s));
        quote_ids.push_back(s.is_null(18) ? "" : s.text(18));
    }
    for (std::size_t i = 0; i < page.items.size(); ++i) load_details(db, page.items[i], quote_ids[i]);
    return page;
}

std::optional<Order> SqlStore::renew_quote(std::string_view order_id, const Quote& quote) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Stmt status(db, "SELECT status FROM orders WHERE id = ?");
    status.bind(1, order_id);
    if (!status.step() || status.text(0) != "pending_payment") return std::nullopt;
    insert_quote(db, std::string(order_id), quote);
    Stmt update(db, "UPDATE orders SET quote_id = ?, pay_currency = ?, updated_at = ? WHERE id = ?");
    update.bind(1, quote.id).bind(2, currency_code(quote.currency)).bind(3, quote.created_at_unix_s).bind(4, order_id).step();
    auto order = load_order(db, order_id);
    tx.commit();
    return order;
}

std::optional<Order> SqlStore::cancel_order(std::string_view order_id, OrderEvent event, Actor actor,
                                               const std::string& note, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    auto order = load_order(db, order_id);
    if (!order) return std::nullopt;
    const auto next = transition(order->status, event, actor);
    if (!next || *next != OrderStatus::cancelled) return std::nullopt;
    if (order->payment) {
        const std::int64_t remaining = order->payment->amount - refunded_total(*order);
        if (remaining > 0) {
            Refund refund{secrets::new_id("rfd"), order->payment->payer, order->payment->currency, remaining,
                          RefundStatus::pending, "Order cancelled", {}, actor_name(actor), now, 0};
            apply_refund(db, *order, refund, now);
        }
    }

    Stmt update(db, "UPDATE orders SET status = ?, updated_at = ? WHERE id = ?");
    update.bind(1, enum_name(*next)).bind(2, now).bind(3, order_id).step();
    for (const auto& line : order->lines) {
        Stmt release(db, "UPDATE variants SET stock = stock + ? WHERE id = ?");
        release.bind(1, line.qty).bind(2, line.variant_id).step();
        record_stock_movement(db, {line.variant_id, now, line.qty, std::nullopt, StockReason::cancel,
                                   actor == Actor::buyer ? order->user_id : "", "", order->number, ""});
    }
    Stmt coupon(db, "DELETE FROM coupon_redemptions WHERE order_id = ?");
    coupon.bind(1, order_id).step();
    if (order->totals.points_used > 0) {
        Stmt points(db, "UPDATE users SET points = points + ? WHERE id = ?");
        points.bind(1, order->totals.points_used).bind(2, order->user_id).step();
    }
    add_order_event(db, order->id, {now, enum_name(*next), actor_name(actor), note});
    auto updated = load_order(db, order_id);
    tx.commit();
    stock_changed();
    return updated;
}

std::vector<std::string> SqlStore::overdue_unpaid_orders(std::int64_t now, int limit) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT id FROM orders WHERE status = 'pending_payment' AND pay_by <= ? ORDER BY pay_by LIMIT ?");
    s.bind(1, now).bind(2, std::int64_t{limit});
    return s.first_column();
}

}  // namespace satstore::server::sql
