#include "server/store/sql/db.hpp"

#include "server/store/store.hpp"

namespace satstore::server::sql {

std::unique_ptr<Db> connect(const std::string& url) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.rfind(kSqlite, 0) == 0) return connect_sqlite(url.substr(kSqlite.size()));
    if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) return connect_postgres(url);
    throw StoreError("unsupported database URL (expected sqlite:PATH or postgres://…)");
}

std::vector<std::string> Stmt::first_column() {
    std::vector<std::string> out;
    while (step()) out.push_back(text(0));
    return out;
}

Transaction::Transaction(Db& db, WriteLock lock) : db_(db) { db_.begin_write(lock); }

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.rollback();
        } catch (const StoreError&) {
            // The transaction is already gone (the connection failed); nothing left to undo.
        }
    }
}

void Transaction::commit() {
    db_.commit();
    done_ = true;
}

std::optional<std::size_t> Transaction::commit_after(std::span<Stmt> last) {
    std::vector<Cursor*> cursors;
    for (Stmt& s : last) cursors.push_back(&s.cursor());
    const auto refused = db_.commit_after(cursors);
    done_ = !refused;
    return refused;
}

void Transaction::rollback() {
    db_.rollback();
    done_ = true;
}

std::optional<std::size_t> Db::commit_after(const std::vector<Cursor*>& last) {
    for (std::size_t i = 0; i < last.size(); ++i) {
        try {
            last[i]->step();
        } catch (const CheckViolation&) {
            return i;
        }
        if (changes() != 1) throw StoreError("a final update of a transaction changed no row");
    }
    commit();
    return std::nullopt;
}

std::string next_number(Db& db, std::string_view name, std::string_view prefix) {
    Stmt s(db, "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value");
    s.bind(1, name);
    if (!s.step()) throw StoreError("counter missing: " + std::string(name));
    return formatted_number(prefix, s.integer(0));
}

std::string like_contains(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

std::string formatted_number(std::string_view prefix, std::int64_t n) {
    const std::string digits = std::to_string(n);
    return std::string(prefix) + std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
}

std::optional<StoredRequest> claim_request(Db& db, std::string_view user_id, std::string_view scope, std::string_view key,
                                           std::string_view request_hash, std::int64_t at_unix_s) {
    Stmt claim(db, "INSERT INTO idempotency_keys(user_id, scope, key, request_hash, status, response, created_at) "
                   "VALUES (?, ?, ?, ?, 201, '', ?) ON CONFLICT DO NOTHING");
    claim.bind(1, user_id).bind(2, scope).bind(3, key).bind(4, request_hash).bind(5, at_unix_s).step();
    if (db.changes() == 1) return std::nullopt;
    Stmt s(db, "SELECT request_hash, response FROM idempotency_keys WHERE user_id = ? AND scope = ? AND key = ?");
    s.bind(1, user_id).bind(2, scope).bind(3, key);
    if (!s.step()) throw StoreError("idempotency key vanished inside its transaction");
    return StoredRequest{s.text(0), s.text(1)};
}

void answer_request(Db& db, std::string_view user_id, std::string_view scope, std::string_view key,
                    std::string_view response) {
    Stmt s(db, "UPDATE idempotency_keys SET response = ? WHERE user_id = ? AND scope = ? AND key = ?");
    s.bind(1, response).bind(2, user_id).bind(3, scope).bind(4, key).step();
}

}  // namespace satstore::server::sql
