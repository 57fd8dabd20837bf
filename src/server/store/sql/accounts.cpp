// SQL backend: users, sessions, login events, points and saved addresses.
#include <nlohmann/json.hpp>

#include "core/enum_json.hpp"

#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

std::vector<Role> split_roles(const std::string& text) {
    std::vector<Role> roles;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (auto role = parse_role(std::string_view(text).substr(start, end - start))) roles.push_back(*role);
        start = end + 1;
    }
    return roles;
}

}  // namespace

std::string join_roles(const std::vector<Role>& roles) {
    std::string out;
    for (Role r : roles) {
        if (!out.empty()) out += ',';
        out += enum_name(r);
    }
    return out;
}

const char* const kUserColumns =
    "u.id, u.email, u.display_name, u.password_hash, u.roles, u.twofa_enabled, u.created_at, u.points, "
    "u.totp_secret, u.totp_pending_secret, u.disabled";

User read_user(const Stmt& s) {
    User u;
    u.id = s.text(0);
    u.email = s.text(1);
    u.display_name = s.text(2);
    u.password_hash = s.text(3);
    u.roles = split_roles(s.text(4));
    u.twofa_enabled = s.integer(5) != 0;
    u.created_at_unix_s = s.integer(6);
    u.points = s.integer(7);
    u.totp_secret = s.text(8);
    u.totp_pending_secret = s.text(9);
    u.disabled = s.integer(10) != 0;
    return u;
}

std::optional<User> one_user(Db& db, const std::string& where, std::string_view key) {
    Stmt s(db, std::string("SELECT ") + kUserColumns + " FROM users u WHERE " + where);
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return read_user(s);
}

bool SqlStore::create_user(const User& u) {
    auto lease = pool_.take();
    Stmt s(*lease,
           "INSERT INTO users(id, email, display_name, password_hash, roles, twofa_enabled, created_at, points) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(email) DO NOTHING");
    s.bind(1, u.id).bind(2, u.email).bind(3, u.display_name).bind(4, u.password_hash)
        .bind(5, join_roles(u.roles)).bind(6, std::int64_t{u.twofa_enabled}).bind(7, u.created_at_unix_s)
        .bind(8, u.points);
    s.step();
    return (*lease).changes() == 1;
}

std::optional<User> SqlStore::user_by_email(std::string_view email) {
    auto lease = pool_.take();
    return one_user(*lease, "u.email = ?", email);
}

std::optional<User> SqlStore::user_by_id(std::string_view id) {
    auto lease = pool_.take();
    return one_user(*lease, "u.id = ?", id);
}

void SqlStore::create_session(const Session& session) {
    auto lease = pool_.take();
    Stmt s(*lease,
           "INSERT INTO sessions(token_hash, user_id, created_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, session.token_hash).bind(2, session.user_id).bind(3, session.created_at_unix_s)
        .bind(4, session.expires_at_unix_s).bind(5, session.ip).bind(6, session.user_agent).step();
}

std::optional<User> SqlStore::session_user(std::string_view token_hash, std::int64_t now) {
    auto lease = pool_.take();
    Stmt s(*lease, std::string("SELECT ") + kUserColumns +
                       " FROM sessions s JOIN users u ON u.id = s.user_id "
                       "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0");
    s.bind(1, token_hash).bind(2, now);
    if (!s.step()) return std::nullopt;
    return read_user(s);
}

void SqlStore::delete_session(std::string_view token_hash) {
    auto lease = pool_.take();
    Stmt s(*lease, "DELETE FROM sessions WHERE token_hash = ?");
    s.bind(1, token_hash).step();
}

void SqlStore::record_login(const LoginEvent& e) {
    auto lease = pool_.take();
    Stmt s(*lease, "INSERT INTO login_events(user_id, at, ip, user_agent, success, reason) VALUES (?, ?, ?, ?, ?, ?)");
    if (e.user_id) s.bind(1, *e.user_id);
    else s.bind_null(1);
    s.bind(2, e.at_unix_s).bind(3, e.ip).bind(4, e.user_agent).bind(5, std::int64_t{e.success}).bind(6, e.reason).step();
}

std::vector<SavedAddress> SqlStore::addresses(std::string_view user_id) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT id, address_json, created_at FROM addresses WHERE user_id = ? ORDER BY created_at DESC, id");
    s.bind(1, user_id);
    std::vector<SavedAddress> out;
    while (s.step())
        out.push_back({s.text(0), nlohmann::json::parse(s.text(1)).get<Address>(), s.integer(2)});
    return out;
}

void SqlStore::save_address(std::string_view user_id, const SavedAddress& a) {
    auto lease = pool_.take();
    Stmt s(*lease, "INSERT INTO addresses(id, user_id, address_json, created_at) VALUES (?, ?, ?, ?)");
    s.bind(1, a.id).bind(2, user_id).bind(3, nlohmann::json(a.address).dump()).bind(4, a.created_at_unix_s).step();
}

bool SqlStore::delete_address(std::string_view user_id, std::string_view address_id) {
    auto lease = pool_.take();
    Stmt s(*lease, "DELETE FROM addresses WHERE id = ? AND user_id = ?");
    s.bind(1, address_id).bind(2, user_id).step();
    return (*lease).changes() == 1;
}

}  // namespace satstore::server::sql
