// satstore server — a thin RAII layer over the SQLite C API, used by the SQLite backend only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace satstore::server::sqlite {

// One connection. WAL mode, foreign keys on, 5 s busy timeout. Not thread-safe: the backend
// keeps one per concurrent user (see ConnectionPool in sqlite_store.cpp).
class Db {
public:
    // Opens (creating if needed) the file at `path`. Throws StoreError on failure.
    explicit Db(const std::string& path);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    // Runs one or more statements without results. Throws StoreError on failure.
    void exec(std::string_view sql);
    sqlite3* handle() { return db_; }
    std::int64_t changes() const;

private:
    sqlite3* db_ = nullptr;
};

// A prepared statement. Bind indexes start at 1, column indexes at 0.
class Stmt {
public:
    Stmt(Db& db, std::string_view sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int index, std::string_view text);
    Stmt& bind(int index, std::int64_t value);
    Stmt& bind_null(int index);
    // Binds `text`, or NULL when it is empty (optional references such as an order id).
    Stmt& bind_or_null(int index, std::string_view text);
    Stmt& bind_blob(int index, std::string_view bytes);
    // Advances to the next row: true when a row is available, false when done.
    // Throws StoreError on failure.
    bool step();
    std::string text(int column) const;
    // Steps through every remaining row and collects column 0 as text.
    std::vector<std::string> first_column();
    std::int64_t integer(int column) const;
    bool is_null(int column) const;

private:
    Db& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// A transaction: BEGIN IMMEDIATE on construction, ROLLBACK in the destructor unless commit()
// was called. IMMEDIATE takes the write lock up front so concurrent writers wait (busy
// timeout) instead of failing half-way.
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    void commit();

private:
    Db& db_;
    bool done_ = false;
};

// The next human-facing number from counter `name` of the counters table: `prefix` and at least six
// digits ("SO-000123", "T-000001", "RMA-000042").
std::string next_number(Db& db, std::string_view name, std::string_view prefix);

// A request remembered under an Idempotency-Key (table idempotency_keys).
struct StoredRequest {
    std::string request_hash;
    std::string response;
};
std::optional<StoredRequest> stored_request(Db& db, std::string_view user_id, std::string_view scope, std::string_view key);
// Remembers the 201 `response` to a request, for replays of the same key.
void store_request(Db& db, std::string_view user_id, std::string_view scope, std::string_view key,
                   std::string_view request_hash, std::string_view response, std::int64_t at_unix_s);

}  // namespace satstore::server::sqlite
