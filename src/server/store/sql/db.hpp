// satstore server — the connection layer of the SQL backend: one small interface (Db, Stmt,
// Transaction) with a driver per database (sqlite_db.cpp, postgres_db.cpp). The store's area
// files write their SQL once against it: `?` or `?N` placeholders, which the PostgreSQL driver
// renumbers as `$N`.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace satstore::server::sql {

enum class Dialect { sqlite, postgres };

// How a write transaction keeps its check-then-write steps atomic against other writers.
enum class WriteLock {
    // Alone: no other write transaction runs meanwhile. The default.
    exclusive,
    // Beside other `rows` transactions, never beside an exclusive one. The transaction locks each
    // row it checks before it writes (for_update) and updates rows that many transactions share
    // (a balance) in its last statements, so that on PostgreSQL such transactions run and commit
    // side by side. On SQLite it is the same as exclusive.
    rows,
};

// A prepared statement as a driver implements it. Bind indexes start at 1, columns at 0.
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual void bind_text(int index, std::string_view text) = 0;
    virtual void bind_int(int index, std::int64_t value) = 0;
    virtual void bind_null(int index) = 0;
    virtual void bind_blob(int index, std::string_view bytes) = 0;
    // Runs the statement on the first call; true while a row is available.
    virtual bool step() = 0;
    virtual std::string text(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual bool is_null(int column) const = 0;
};

// One connection. Not thread-safe: the store keeps one per concurrent caller (ConnectionPool).
// Failures throw StoreError.
class Db {
public:
    virtual ~Db() = default;
    virtual Dialect dialect() const = 0;
    // Runs one or more statements without results.
    virtual void exec(std::string_view sql) = 0;
    virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;
    // Rows changed by the last INSERT, UPDATE or DELETE.
    virtual std::int64_t changes() const = 0;
    // Starts a transaction that holds the database's write lock until it ends, in one process or
    // in several (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory transaction lock, shared by
    // WriteLock::rows transactions).
    virtual void begin_write(WriteLock lock) = 0;
    // End the transaction begin_write started.
    virtual void commit() = 0;
    virtual void rollback() = 0;
    // Runs `last`, then commits. They are the updates of rows that many transactions share (a
    // product's stock, the merchant's balance), written so that a CHECK constraint refuses what
    // must not happen (stock or a balance below zero), and each must change one row. Returns the
    // index of the first one refused, with nothing committed (the caller rolls back), or nullopt
    // once committed. The PostgreSQL driver sends them and the COMMIT in one round trip (a
    // pipeline), so that those rows stay locked only until the commit is durable, not also while
    // this thread waits for the CPU between statements.
    virtual std::optional<std::size_t> commit_after(const std::vector<Cursor*>& last);
    // False once the connection is broken (the pool then drops it instead of reusing it).
    virtual bool usable() const = 0;
    // The pool has it back: no statement is open and no transaction runs. Upkeep goes here.
    virtual void released() {}
};

// The driver for a URL: "sqlite:PATH" or "postgres://…" / "postgresql://…" (libpq URI).
// Throws StoreError when the database cannot be opened.
std::unique_ptr<Db> connect(const std::string& url);
std::unique_ptr<Db> connect_sqlite(const std::string& path);
std::unique_ptr<Db> connect_postgres(const std::string& uri);

// What a driver keeps per statement, by the SQL as written; looked up by string_view, without
// copying the SQL on every query.
struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
};
template <typename Value>
using SqlMap = std::unordered_map<std::string, Value, SqlHash, std::equal_to<>>;

// A prepared statement with a chaining interface.
class Stmt {
public:
    Stmt(Db& db, std::string_view sql) : cursor_(db.prepare(sql)) {}

    Stmt& bind(int index, std::string_view text) { return cursor_->bind_text(index, text), *this; }
    Stmt& bind(int index, std::int64_t value) { return cursor_->bind_int(index, value), *this; }
    Stmt& bind_null(int index) { return cursor_->bind_null(index), *this; }
    // Binds `text`, or NULL when it is empty (optional references such as an order id).
    Stmt& bind_or_null(int index, std::string_view text) { return text.empty() ? bind_null(index) : bind(index, text); }
    Stmt& bind_blob(int index, std::string_view bytes) { return cursor_->bind_blob(index, bytes), *this; }
    // Advances to the next row: true when a row is available, false when done.
    bool step() { return cursor_->step(); }
    std::string text(int column) const { return cursor_->text(column); }
    std::int64_t integer(int column) const { return cursor_->integer(column); }
    bool is_null(int column) const { return cursor_->is_null(column); }
    // Steps through every remaining row and collects column 0 as text.
    std::vector<std::string> first_column();
    Cursor& cursor() { return *cursor_; }

private:
    std::unique_ptr<Cursor> cursor_;
};

// A write transaction (Db::begin_write) that rolls back in the destructor unless commit() ran.
class Transaction {
public:
    explicit Transaction(Db& db, WriteLock lock = WriteLock::exclusive);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    // Db::commit_after with these statements: the index of the one refused (the transaction is
    // then still to be rolled back), or nullopt once committed.
    std::optional<std::size_t> commit_after(std::span<Stmt> last);
    // Ends it now (e.g. to read on the same connection after commit_after refused).
    void rollback();

private:
    Db& db_;
    bool done_ = false;
};

// The case-insensitive LIKE of the dialect (SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE).
inline const char* like(const Db& db) { return db.dialect() == Dialect::postgres ? "ILIKE" : "LIKE"; }
// A LIKE pattern matching `text` anywhere, its wildcards escaped (use with ESCAPE '\').
std::string like_contains(std::string_view text);

// The row lock of a SELECT in a WriteLock::rows transaction (SQLite, one writer at a time, has none).
inline const char* for_update(const Db& db) { return db.dialect() == Dialect::postgres ? " FOR UPDATE" : ""; }

// A human-facing number: `prefix` and at least six digits ("SO-001001", "T-000001", "RMA-000042").
std::string formatted_number(std::string_view prefix, std::int64_t n);
// The next number from counter `name` of the counters table, formatted.
std::string next_number(Db& db, std::string_view name, std::string_view prefix);

// A request remembered under an Idempotency-Key (table idempotency_keys).
struct StoredRequest {
    std::string request_hash;
    std::string response;
};
// Claims `key` for a request before its work: nullopt when the key is new — the caller does the
// work and stores its 201 response with answer_request, in the same transaction — or the request
// that claimed it first. A concurrent request with the same key waits (PostgreSQL) until the
// first one's transaction ends, then sees its answer; a rolled-back claim leaves nothing behind.
std::optional<StoredRequest> claim_request(Db& db, std::string_view user_id, std::string_view scope, std::string_view key,
                                           std::string_view request_hash, std::int64_t at_unix_s);
void answer_request(Db& db, std::string_view user_id, std::string_view scope, std::string_view key,
                    std::string_view response);

}  // namespace satstore::server::sql
