// SQL backend: the staff audit log.
#include <nlohmann/json.hpp>

#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

nlohmann::json read_json(const Stmt& s, int column) {
    return s.is_null(column) ? nlohmann::json() : nlohmann::json::parse(s.text(column));
}

}  // namespace

void append_audit(Db& db, const AuditEntry& e) {
    Stmt s(db,
           "INSERT INTO audit_log(at, actor_id, actor_email, action, target, before_json, after_json) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, e.at_unix_s).bind(2, e.actor_id).bind(3, e.actor_email).bind(4, e.action).bind(5, e.target);
    if (e.before.is_null()) s.bind_null(6); else s.bind(6, e.before.dump());
    if (e.after.is_null()) s.bind_null(7); else s.bind(7, e.after.dump());
    s.step();
}

AuditPage SqlStore::audit_log(const AuditQuery& q) {
    auto lease = pool_.take();
    std::string sql = "SELECT seq, at, actor_id, actor_email, action, target, before_json, after_json "
                      "FROM audit_log WHERE 1 = 1";
    if (!q.target.empty()) sql += " AND target = ?1";
    if (q.after_seq) sql += " AND seq < ?2";
    sql += " ORDER BY seq DESC LIMIT ?3";
    Stmt s(*lease, sql);
    if (!q.target.empty()) s.bind(1, q.target);
    if (q.after_seq) s.bind(2, *q.after_seq);
    s.bind(3, std::int64_t{q.limit} + 1);  // one extra row tells whether a next page exists
    AuditPage page;
    while (s.step()) {
        if (static_cast<int>(page.items.size()) == q.limit) {
            page.next_seq = page.items.back().seq;
            break;
        }
        page.items.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), read_json(s, 6),
                              read_json(s, 7)});
    }
    return page;
}

}  // namespace satstore::server::sql
