// satstore client — state of the admin's staff screens (issue 20): staff accounts (#/staff/users:
// the list, the invitation form, role changes, disabling behind a confirmation), the audit log
// (#/staff/audit), and accepting an invitation (#/accept-invite?token=…, the mail's link). Plain
// data, part of AppState; screens draw from it and record StaffAction intents;
// staff_accounts_requests.cpp performs them.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/api/staff.hpp"
#include "load.hpp"

namespace satstore::client {

// What the staff screens ask the loop to do (Intent::Kind::staff, Intent::number; text as noted).
enum class StaffAction : std::int64_t {
    reload,        // the list (or the audit log) again
    search,        // the list for staff.query
    more_users,    // the next page of the list
    invite,        // POST /staff/users from staff.invite
    edit_roles,    // text = account id: open its role checkboxes
    cancel_edit,
    save_roles,    // PATCH /staff/users/{editing_id} {roles}
    ask_toggle,    // text = account id: the disable / enable confirmation
    close_toggle,
    toggle,        // PATCH /staff/users/{confirm_id} {disabled}
    more_audit,    // the next page of the audit log
    accept,        // POST /invitations/complete from staff.accept
};

using StaffUser = satstore::api::StaffUser;
using AuditItem = satstore::api::AuditItem;

// One checkbox per grantable role, in api::kStaffRoles order (merchant, agent, admin).
using RoleChoice = std::array<bool, 3>;

struct InviteForm {
    std::string email, display_name;
    RoleChoice roles{};
    std::map<std::string, std::string> errors;  // "email", "roles", "display_name"
    std::string error;  // general
    bool busy = false;
    bool focus_first_error = false;
};

struct AcceptForm {
    std::string token;  // from the route; a new token resets the form
    std::string password, password2;
    std::map<std::string, std::string> errors;  // "password", "password2"
    std::string error;
    bool expired = false;  // 410: used, expired or withdrawn
    bool busy = false;
    bool focus_first_error = false;
};

struct StaffAccountsState {
    Load list_load = Load::idle;
    std::vector<StaffUser> users;
    std::string next_cursor;  // "" when the list is complete
    bool loading_more = false;
    std::string query;        // the search field
    InviteForm invite;
    std::string editing_id;   // the account whose roles are being changed ("" none)
    RoleChoice editing_roles{};
    std::string edit_error;
    bool saving = false;
    std::string confirm_id;   // the account of the open disable / enable dialog ("" none)
    bool confirm_busy = false;

    Load audit_load = Load::idle;
    std::vector<AuditItem> audit;
    std::string audit_next;
    bool audit_loading_more = false;

    AcceptForm accept;
};

// Requests of the staff screens in flight (by platform request id).
enum class StaffRequest { users, more_users, invite, update, audit, more_audit, accept };

}  // namespace satstore::client
