// SQL backend: staff accounts (issue 20) — the list, invitations, role changes and disabling,
// each change written to the audit log in its own transaction.
#include <algorithm>

#include "server/store/sql/sql_store.hpp"

namespace satstore::server {

api::StaffUser staff_view(const User& u) {
    return {u.id, u.email, u.display_name, u.roles, u.disabled, u.password_hash.empty(), u.created_at_unix_s};
}

namespace sql {
namespace {

// Roles are stored comma-separated (accounts.cpp join_roles): matched as ",role,".
std::string has_role_sql(const char* role) { return std::string("(',' || u.roles || ',') LIKE '%,") + role + ",%'"; }

const std::string& staff_condition() {
    static const std::string sql =
        "(" + has_role_sql("merchant") + " OR " + has_role_sql("agent") + " OR " + has_role_sql("admin") + ")";
    return sql;
}

// Enabled admins that can log in (a pending invitation has no password yet), except `except_id`.
std::int64_t other_enabled_admins(Db& db, std::string_view except_id) {
    Stmt s(db, "SELECT COUNT(*) FROM users u WHERE u.disabled = 0 AND u.password_hash <> '' AND u.id <> ? AND " +
                   has_role_sql("admin"));
    s.bind(1, except_id);
    s.step();
    return s.integer(0);
}

bool is_enabled_admin(const User& u) { return !u.disabled && !u.password_hash.empty() && has_role(u.roles, Role::admin); }

void audit(Db& db, const StaffActor& actor, std::int64_t now, const char* action, const std::string& target,
           nlohmann::json before, nlohmann::json after) {
    append_audit(db, {0, now, actor.id, actor.email, action, target, std::move(before), std::move(after)});
}

}  // namespace

StaffUserPage SqlStore::staff_users(const StaffUserQuery& q) {
    auto lease = pool_.take();
    Db& db = *lease;
    std::string sql = std::string("SELECT ") + kUserColumns + " FROM users u WHERE " + staff_condition();
    if (!q.text.empty())
        sql += std::string(" AND (u.email ") + like(db) + " ?1 ESCAPE '\\' OR u.display_name " + like(db) + " ?1 ESCAPE '\\')";
    sql += " ORDER BY u.created_at DESC, u.id DESC LIMIT ?2 OFFSET ?3";
    Stmt s(db, sql);
    if (!q.text.empty()) s.bind(1, like_contains(q.text));
    s.bind(2, std::int64_t{q.limit} + 1).bind(3, q.offset);  // one extra row tells whether a next page exists
    StaffUserPage page;
    while (s.step()) {
        if (static_cast<int>(page.items.size()) == q.limit) {
            page.next_offset = q.offset + q.limit;
            break;
        }
        page.items.push_back(read_user(s));
    }
    return page;
}

std::optional<User> SqlStore::staff_user(std::string_view id) {
    auto lease = pool_.take();
    return one_user(*lease, "u.id = ?1 AND " + staff_condition(), id);
}

StaffResult SqlStore::create_staff_user(const NewStaffUser& n) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    const User& u = n.user;
    Stmt add(db,
             "INSERT INTO users(id, email, display_name, password_hash, roles, twofa_enabled, created_at, points) "
             "VALUES (?, ?, ?, ?, ?, 0, ?, 0) ON CONFLICT(email) DO NOTHING");
    add.bind(1, u.id).bind(2, u.email).bind(3, u.display_name).bind(4, u.password_hash).bind(5, join_roles(u.roles))
        .bind(6, u.created_at_unix_s);
    add.step();
    if (db.changes() != 1) return {StaffOutcome::email_taken, std::nullopt};
    if (!n.invitation_token_hash.empty()) {
        Stmt invite(db, "INSERT INTO invitations(token_hash, user_id, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
        invite.bind(1, n.invitation_token_hash).bind(2, u.id).bind(3, n.actor.id).bind(4, n.now_unix_s)
            .bind(5, n.invitation_expires_at_unix_s).step();
    }
    audit(db, n.actor, n.now_unix_s, n.invitation_token_hash.empty() ? "user.create" : "user.invite", u.id, nullptr,
          staff_view(u));
    tx.commit();
    return {StaffOutcome::done, u};
}

StaffResult SqlStore::update_staff_user(std::string_view id, const StaffChange& c) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);  // the write lock: two admins demoting each other cannot both pass the check
    const auto before = one_user(db, "u.id = ?1 AND " + staff_condition(), id);
    if (!before) return {StaffOutcome::not_found, std::nullopt};
    User after = *before;
    if (c.roles) after.roles = *c.roles;
    if (c.disabled) after.disabled = *c.disabled;
    const bool changed = after.roles != before->roles || after.disabled != before->disabled;
    if (!changed) return {StaffOutcome::done, after};
    if (is_enabled_admin(*before) && !is_enabled_admin(after) && other_enabled_admins(db, before->id) == 0)
        return {StaffOutcome::last_admin, before};
    Stmt update(db, "UPDATE users SET roles = ?, disabled = ? WHERE id = ?");
    update.bind(1, join_roles(after.roles)).bind(2, std::int64_t{after.disabled}).bind(3, id).step();
    if (after.disabled && !before->disabled) {
        Stmt end(db, "DELETE FROM sessions WHERE user_id = ?");
        end.bind(1, id).step();
    }
    audit(db, c.actor, c.now_unix_s, "user.update", after.id, staff_view(*before), staff_view(after));
    tx.commit();
    return {StaffOutcome::done, after};
}

StaffResult SqlStore::accept_invitation(const std::string& token_hash, const std::string& password_hash,
                                        const std::optional<std::string>& display_name, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    std::string user_id;
    {
        Stmt spend(db, "UPDATE invitations SET used_at = ?1 WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1 "
                       "RETURNING user_id");
        spend.bind(1, now).bind(2, token_hash);
        if (!spend.step()) return {StaffOutcome::invitation_invalid, std::nullopt};
        user_id = spend.text(0);
    }
    const auto before = one_user(db, "u.id = ?1", user_id);
    if (!before || before->disabled) {
        tx.commit();  // the token stays spent
        return {StaffOutcome::invitation_invalid, std::nullopt};
    }
    User after = *before;
    after.password_hash = password_hash;
    if (display_name) after.display_name = *display_name;
    Stmt set(db, "UPDATE users SET password_hash = ?, display_name = ? WHERE id = ?");
    set.bind(1, after.password_hash).bind(2, after.display_name).bind(3, user_id).step();
    audit(db, {after.id, after.email}, now, "user.accept", after.id, staff_view(*before), staff_view(after));
    tx.commit();
    return {StaffOutcome::done, after};
}

bool SqlStore::has_enabled_admin() {
    auto lease = pool_.take();
    return other_enabled_admins(*lease, "") > 0;
}

}  // namespace sql
}  // namespace satstore::server
