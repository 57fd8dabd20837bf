// SQLite backend: connection pool, migrations and the backend factory.
#include "server/store/sqlite/sqlite_store.hpp"

#include "core/embedded_file.hpp"

namespace satstore::server {

// Generated from store/migrations/sqlite/*.sql (cmake/embed.cmake).
namespace migrations { const std::vector<EmbeddedFile>& sqlite_migrations(); }

namespace sqlite {

ConnectionPool::Lease ConnectionPool::take() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto db = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    return Lease(*this, std::make_unique<Db>(path_));
}

void ConnectionPool::give_back(std::unique_ptr<Db> db) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
}

SqliteStore::SqliteStore(const std::string& path) : pool_(path) {
    auto lease = pool_.take();  // fail early when the file cannot be opened
}

std::vector<std::string> SqliteStore::migrate() {
    auto lease = pool_.take();
    Db& db = *lease;
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
    std::vector<std::string> applied;
    for (const auto& file : migrations::sqlite_migrations()) {
        Transaction tx(db);
        Stmt check(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
        check.bind(1, file.name);
        if (check.step()) continue;
        db.exec(file.contents);
        Stmt mark(db, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, strftime('%s','now'))");
        mark.bind(1, file.name).step();
        tx.commit();
        applied.push_back(file.name);
    }
    return applied;
}

bool SqliteStore::ping() noexcept {
    try {
        auto lease = pool_.take();
        Stmt s(*lease, "SELECT 1");
        return s.step();
    } catch (const StoreError&) {
        return false;
    }
}

OperationalCounts SqliteStore::operational_counts(std::int64_t now) {
    auto lease = pool_.take();
    // A ticket's due time moves on while it waits on the customer (0008_tickets.sql).
    Stmt s(*lease,
           "SELECT (SELECT COUNT(*) FROM payments),"
           " (SELECT COUNT(*) FROM refunds WHERE status = 'succeeded'),"
           " (SELECT COUNT(*) FROM tickets WHERE status NOT IN ('resolved', 'closed') AND"
           "   CASE WHEN sla_stopped_at > 0 THEN sla_stopped_at ELSE ?1 END >"
           "   created_at + sla_s + paused_s + CASE WHEN pause_started_at > 0 THEN ?1 - pause_started_at ELSE 0 END)");
    s.bind(1, now);
    s.step();
    return {s.integer(0), s.integer(1), s.integer(2)};
}

}  // namespace sqlite

std::unique_ptr<Store> open_store(const std::string& url) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.rfind(kSqlite, 0) == 0) return std::make_unique<sqlite::SqliteStore>(url.substr(kSqlite.size()));
    throw StoreError("unsupported database URL (expected sqlite:PATH): " + url);
}

}  // namespace satstore::server
