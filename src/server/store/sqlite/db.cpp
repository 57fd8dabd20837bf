#include "server/store/sqlite/db.hpp"

#include <sqlite3.h>

#include "server/store/store.hpp"

namespace satstore::server::sqlite {
namespace {
[[noreturn]] void fail(sqlite3* db, const char* what) {
    throw StoreError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}
}  // namespace

Db::Db(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError("cannot open database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
}

Db::~Db() { sqlite3_close(db_); }

void Db::exec(std::string_view sql) {
    std::string copy(sql);
    char* error = nullptr;
    if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw StoreError("sql: " + message);
    }
}

std::int64_t Db::changes() const { return sqlite3_changes(db_); }

Stmt::Stmt(Db& db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
        fail(db.handle(), "prepare");
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_.handle(), "bind");
    return *this;
}

Stmt& Stmt::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_.handle(), "bind");
    return *this;
}

Stmt& Stmt::bind_blob(int index, std::string_view bytes) {
    if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_.handle(), "bind");
    return *this;
}

Stmt& Stmt::bind_null(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_.handle(), "bind");
    return *this;
}

Stmt& Stmt::bind_or_null(int index, std::string_view text) { return text.empty() ? bind_null(index) : bind(index, text); }

bool Stmt::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_.handle(), "step");
}

std::string Stmt::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, column)) : std::string();
}

std::vector<std::string> Stmt::first_column() {
    std::vector<std::string> out;
    while (step()) out.push_back(text(0));
    return out;
}

std::int64_t Stmt::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Stmt::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (const StoreError&) {
            // The transaction is already gone (the connection failed); nothing left to undo.
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

std::string next_number(Db& db, std::string_view name, std::string_view prefix) {
    Stmt s(db, "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value");
    s.bind(1, name);
    if (!s.step()) throw StoreError("counter missing: " + std::string(name));
    const std::string digits = std::to_string(s.integer(0));
    return std::string(prefix) + std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
}

std::optional<StoredRequest> stored_request(Db& db, std::string_view user_id, std::string_view scope, std::string_view key) {
    Stmt s(db, "SELECT request_hash, response FROM idempotency_keys WHERE user_id = ? AND scope = ? AND key = ?");
    s.bind(1, user_id).bind(2, scope).bind(3, key);
    if (!s.step()) return std::nullopt;
    return StoredRequest{s.text(0), s.text(1)};
}

void store_request(Db& db, std::string_view user_id, std::string_view scope, std::string_view key,
                   std::string_view request_hash, std::string_view response, std::int64_t at_unix_s) {
    Stmt s(db, "INSERT INTO idempotency_keys(user_id, scope, key, request_hash, status, response, created_at) "
               "VALUES (?, ?, ?, ?, 201, ?, ?)");
    s.bind(1, user_id).bind(2, scope).bind(3, key).bind(4, request_hash).bind(5, response).bind(6, at_unix_s).step();
}

}  // namespace satstore::server::sqlite
