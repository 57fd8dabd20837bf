// The SQLite driver of the SQL backend (db.hpp): WAL mode, foreign keys on, 5 s busy timeout,
// write transactions queued per file, checkpoints when a connection goes back to the pool.
#include <sqlite3.h>

#include <map>
#include <memory>
#include <mutex>

#include "server/store/sql/db.hpp"
#include "server/store/store.hpp"

namespace satstore::server::sql {
namespace {

[[noreturn]] void fail(sqlite3* db, const char* what) {
    throw StoreError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// The write transactions on one database file in this process take turns on one mutex before
// BEGIN IMMEDIATE, so they queue instead of polling in SQLite's busy handler (sleeps of 1, 2,
// 5… ms that showed in the p99). Writers in other processes still meet the busy handler.
std::shared_ptr<std::mutex> writer_turn(const std::string& path) {
    static std::mutex guard;
    static std::map<std::string, std::weak_ptr<std::mutex>> by_path;
    const std::lock_guard lock(guard);
    auto& slot = by_path[path];
    auto turn = slot.lock();
    if (!turn) slot = turn = std::make_shared<std::mutex>();
    return turn;
}

class SqliteDb;

class SqliteCursor final : public Cursor {
public:
    // `idle`: the prepared statements of the same SQL waiting for a cursor; stmt_ joins them at the end.
    SqliteCursor(SqliteDb& db, std::vector<sqlite3_stmt*>& idle, sqlite3_stmt* stmt) : db_(db), idle_(idle), stmt_(stmt) {}
    ~SqliteCursor() override;

    void bind_text(int index, std::string_view text) override {
        if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
            fail(handle(), "bind");
    }
    void bind_int(int index, std::int64_t value) override {
        if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(handle(), "bind");
    }
    void bind_null(int index) override {
        if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(handle(), "bind");
    }
    void bind_blob(int index, std::string_view bytes) override {
        if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
            fail(handle(), "bind");
    }
    bool step() override {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        if (sqlite3_extended_errcode(handle()) == SQLITE_CONSTRAINT_CHECK)
            throw CheckViolation(std::string("step: ") + sqlite3_errmsg(handle()));
        fail(handle(), "step");
    }
    std::string text(int column) const override {
        const auto* p = sqlite3_column_text(stmt_, column);
        return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, column)) : std::string();
    }
    std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
    bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

private:
    sqlite3* handle() const { return sqlite3_db_handle(stmt_); }

    SqliteDb& db_;
    std::vector<sqlite3_stmt*>& idle_;
    sqlite3_stmt* stmt_;
};

class SqliteDb final : public Db {
public:
    explicit SqliteDb(const std::string& path) : writer_turn_(writer_turn(path)) {
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            throw StoreError("cannot open database " + path + ": " + message);
        }
        sqlite3_busy_timeout(db_, 5000);
        // Replaces SQLite's automatic checkpoint (released() checkpoints instead).
        sqlite3_wal_hook(db_, [](void* self, sqlite3*, const char*, int pages) {
            static_cast<SqliteDb*>(self)->wal_pages_ = pages;
            return SQLITE_OK;
        }, this);
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    }
    ~SqliteDb() override {
        for (auto& [sql, stmts] : cache_)
            for (auto* stmt : stmts) sqlite3_finalize(stmt);
        sqlite3_close(db_);
    }

    Dialect dialect() const override { return Dialect::sqlite; }

    void exec(std::string_view sql) override {
        const std::string copy(sql);
        char* error = nullptr;
        if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw StoreError("sql: " + message);
        }
    }
    // Statements are kept per connection once prepared (parsing and planning cost more than
    // running most of them); a statement in use by another cursor gets a fresh copy.
    std::unique_ptr<Cursor> prepare(std::string_view sql) override {
        auto it = cache_.find(sql);
        if (it == cache_.end()) it = cache_.emplace(std::string(sql), std::vector<sqlite3_stmt*>{}).first;
        auto& idle = it->second;
        if (!idle.empty()) {
            sqlite3_stmt* stmt = idle.back();
            idle.pop_back();
            --cached_;
            return std::make_unique<SqliteCursor>(*this, idle, stmt);
        }
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
            SQLITE_OK)
            fail(db_, "prepare");
        return std::make_unique<SqliteCursor>(*this, idle, stmt);
    }
    std::int64_t changes() const override { return sqlite3_changes(db_); }
    // IMMEDIATE takes the write lock up front so concurrent writers wait (busy timeout) instead
    // of failing half-way. SQLite has one writer at a time, so WriteLock::rows is the same.
    void begin_write(WriteLock) override {
        writing_ = std::unique_lock(*writer_turn_);
        try {
            exec("BEGIN IMMEDIATE");
        } catch (...) {
            writing_.unlock();
            throw;
        }
    }
    void commit() override {
        exec("COMMIT");
        writing_.unlock();
    }
    void rollback() override {
        const std::unique_lock turn = std::move(writing_);  // released however ROLLBACK ends
        exec("ROLLBACK");
    }
    bool usable() const override { return true; }
    // The checkpoint SQLite would run after a commit, run once the caller is done with the
    // connection: no statement of its own is open then (one left on a row keeps its snapshot, and
    // every checkpoint failed with SQLITE_LOCKED), and no writer's turn waits for it. A passive
    // checkpoint from 1000 pages on. It never starts the log over while writers and readers keep
    // overlapping it (the log reached 1 GB in a 5 s payment benchmark), so past 64 MiB of pages
    // a restart, in the writers' turn, that waits for the readers of older snapshots (busy
    // timeout). Best effort: one that fails is tried again after a later commit.
    void released() override {
        constexpr int kPassivePages = 1000;
        constexpr int kRestartPages = 16384;
        if (wal_pages_ >= kRestartPages) {
            const std::lock_guard turn(*writer_turn_);
            sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
        } else if (wal_pages_ >= kPassivePages) {
            sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        }
        wal_pages_ = 0;  // until the next commit on this connection
    }

    // A cursor is done with `stmt`: reset, it waits for the next use of the same SQL.
    void give_back(std::vector<sqlite3_stmt*>& idle, sqlite3_stmt* stmt) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (cached_ >= kMaxCached) {
            sqlite3_finalize(stmt);
            return;
        }
        idle.push_back(stmt);
        ++cached_;
    }

private:
    static constexpr std::size_t kMaxCached = 256;

    sqlite3* db_ = nullptr;
    std::shared_ptr<std::mutex> writer_turn_;
    std::unique_lock<std::mutex> writing_;  // held from begin_write to commit or rollback
    int wal_pages_ = 0;                     // in the write-ahead log after the last commit
    // SQL as written → its idle statements (a node's value stays put while cursors point at it).
    SqlMap<std::vector<sqlite3_stmt*>> cache_;
    std::size_t cached_ = 0;
};

SqliteCursor::~SqliteCursor() { db_.give_back(idle_, stmt_); }

}  // namespace

std::unique_ptr<Db> connect_sqlite(const std::string& path) { return std::make_unique<SqliteDb>(path); }

}  // namespace satstore::server::sql
