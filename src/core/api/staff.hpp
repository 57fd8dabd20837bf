// satstore core — the wire contract of staff accounts and the audit log (issue 20):
// GET/POST /staff/users, PATCH /staff/users/{id}, GET /staff/audit, POST /invitations/complete.
// The server reads requests with the parse_* functions (per-field errors, the 422 of SPEC §5)
// and encodes answers with to_json; the client sends with to_json and decodes with from_json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/account.hpp"

namespace satstore::api {

// The roles an administrator may grant to a staff account (buyers register themselves).
inline constexpr Role kStaffRoles[] = {Role::merchant, Role::agent, Role::admin};
bool is_staff_role(Role role);

// --- a staff account as the console shows it (and as the audit log records it) ----------------
// Never a password hash, a session or an invitation token.
struct StaffUser {
    std::string id;  // "usr_…"
    std::string email;
    std::string display_name;
    std::vector<Role> roles;  // roles this build does not know are skipped when read
    bool disabled = false;    // cannot log in; its sessions were ended
    bool invited = false;     // invitation pending: no password set yet
    std::int64_t created_at_unix_s = 0;  // "created_at", RFC 3339
};
void to_json(nlohmann::json& j, const StaffUser& u);
void from_json(const nlohmann::json& j, StaffUser& u);

// --- POST /staff/users {email, roles, display_name?} -------------------------------------------
struct StaffInvite {
    std::string email;  // normalized by parse_staff_invite
    std::vector<Role> roles;
    std::string display_name;
};
void to_json(nlohmann::json& j, const StaffInvite& i);
// Reads and checks an invitation body into `out`: a valid email, a non-empty list of staff roles
// ("roles" or "roles[i]" names the bad one; duplicates are dropped), an optional display name of
// at most kMaxDisplayNameBytes. Returns the per-field errors (empty when acceptable).
FieldErrors parse_staff_invite(const nlohmann::json& body, StaffInvite& out);

// --- PATCH /staff/users/{id} {roles?, disabled?} -----------------------------------------------
struct StaffUpdate {
    std::optional<std::vector<Role>> roles;  // replaces the account's roles
    std::optional<bool> disabled;
};
void to_json(nlohmann::json& j, const StaffUpdate& u);
// As parse_staff_invite for the members present; a body with neither member is an error on "body".
FieldErrors parse_staff_update(const nlohmann::json& body, StaffUpdate& out);

// --- POST /invitations/complete {token, password, display_name?} → Session --------------------
struct InvitationAcceptance {
    std::string token;
    std::string password;
    std::optional<std::string> display_name;  // replaces the one the administrator typed
};
void to_json(nlohmann::json& j, const InvitationAcceptance& a);
// The token must be present; the password must pass password_problem (the registration rule).
FieldErrors parse_invitation_acceptance(const nlohmann::json& body, InvitationAcceptance& out);

// --- GET /staff/audit ----------------------------------------------------------------------------
struct AuditItem {
    std::int64_t seq = 0;
    std::int64_t at_unix_s = 0;  // "at"
    std::string actor_id;        // "usr_…", or "cli"
    std::string actor_email;
    std::string action;          // "user.invite", "product.update", …
    std::string target;
    nlohmann::json before;       // the record before (null when none)
    nlohmann::json after;        // the record after (null when removed)
};
void to_json(nlohmann::json& j, const AuditItem& a);
void from_json(const nlohmann::json& j, AuditItem& a);

}  // namespace satstore::api
