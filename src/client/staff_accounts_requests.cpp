// satstore client — the admin's staff screens' requests (see staff_accounts_requests.hpp).
//
// Index: [SECTION] helpers · [SECTION] staff list · [SECTION] invitation and changes ·
//        [SECTION] audit log · [SECTION] accepting an invitation · [SECTION] entry points
#include "staff_accounts_requests.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/client.hpp"
#include "app_requests.hpp"
#include "core/url.hpp"
#include "i18n/strings.hpp"
#include "platform/web_extra.hpp"
#include "view_helpers.hpp"

namespace satstore::client {
namespace {

using nlohmann::json;

// --- [SECTION] helpers -------------------------------------------------------------------------

std::string general_error(const AppState& s, const platform::HttpReply& r) {
    return tr(s.lang, r.status == 0 ? S::network_failed : S::request_failed);
}

std::vector<Role> chosen_roles(const RoleChoice& choice) {
    std::vector<Role> roles;
    for (std::size_t i = 0; i < choice.size(); ++i)
        if (choice[i]) roles.push_back(satstore::api::kStaffRoles[i]);
    return roles;
}

RoleChoice choice_of(const std::vector<Role>& roles) {
    RoleChoice c{};
    for (std::size_t i = 0; i < c.size(); ++i)
        c[i] = std::find(roles.begin(), roles.end(), satstore::api::kStaffRoles[i]) != roles.end();
    return c;
}

// The next_cursor of a page answer ("" when it is the last page).
std::string next_cursor(const platform::HttpReply& r) {
    const auto j = api::ok_json(r);
    return j && j->contains("next_cursor") && (*j)["next_cursor"].is_string() ? (*j)["next_cursor"].get<std::string>() : "";
}

// The server's English rule messages, in the UI language (as the reset form does).
std::string password_error(const AppState& s, const std::string& server_message) {
    if (s.lang == Lang::en) return server_message;
    return tr(s.lang, server_message.find("common") != std::string::npos ? S::password_too_common : S::password_too_weak);
}

// --- [SECTION] staff list ----------------------------------------------------------------------

void request_users(AppState& s, bool more) {
    StaffAccountsState& st = s.staff;
    std::string path = "/staff/users?limit=50";
    if (!st.query.empty()) path += "&q=" + percent_encode(st.query);
    if (more) {
        if (st.next_cursor.empty() || st.loading_more) return;
        st.loading_more = true;
        path += "&cursor=" + st.next_cursor;
    } else {
        st.list_load = Load::loading;
    }
    api::send(s, more ? StaffRequest::more_users : StaffRequest::users, "GET", path);
}

void apply_users(AppState& s, const platform::HttpReply& r, bool more) {
    StaffAccountsState& st = s.staff;
    st.loading_more = false;
    auto items = api::ok_items<StaffUser>(r, "staff accounts");
    if (!items) {
        if (!more) st.list_load = Load::failed;
        else show_toast(s, general_error(s, r), true);
        return;
    }
    if (more) st.users.insert(st.users.end(), items->begin(), items->end());
    else st.users = std::move(*items);
    st.next_cursor = next_cursor(r);
    st.list_load = Load::ok;
}

// Puts an account as answered in place in the list (or first, when new).
void put_user(AppState& s, const StaffUser& u) {
    auto& users = s.staff.users;
    auto it = std::find_if(users.begin(), users.end(), [&](const StaffUser& x) { return x.id == u.id; });
    if (it != users.end()) *it = u;
    else users.insert(users.begin(), u);
}

// --- [SECTION] invitation and changes ----------------------------------------------------------

void invite(AppState& s) {
    InviteForm& f = s.staff.invite;
    if (f.busy) return;
    f.errors.clear();
    f.error.clear();
    satstore::api::StaffInvite body{f.email, chosen_roles(f.roles), f.display_name};
    if (f.email.empty()) f.errors["email"] = tr(s.lang, S::required_field);
    if (body.roles.empty()) f.errors["roles"] = tr(s.lang, S::st_choose_role);
    if (!f.errors.empty()) {
        f.focus_first_error = true;
        return;
    }
    f.busy = true;
    api::send(s, StaffRequest::invite, "POST", "/staff/users", json(body).dump());
}

void apply_invite(AppState& s, const platform::HttpReply& r) {
    InviteForm& f = s.staff.invite;
    f.busy = false;
    if (const auto user = r.status == 201 ? api::ok_value<StaffUser>(r, "staff account") : std::nullopt) {
        show_toast(s, trf(s.lang, S::st_invited_s, user->email.c_str()));
        put_user(s, *user);
        f = InviteForm{};
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.is(api::ProblemCode::email_taken)) f.errors["email"] = tr(s.lang, S::st_email_taken);
    else if (!p.errors.empty()) {
        for (const auto& [field, message] : p.errors)
            f.errors[field.rfind("roles", 0) == 0 ? "roles" : field] = s.lang == Lang::en ? message : tr(s.lang, S::st_field_invalid);
    } else f.error = general_error(s, r);
    f.focus_first_error = !f.errors.empty();
}

void send_update(AppState& s, const std::string& id, const satstore::api::StaffUpdate& update) {
    api::send(s, StaffRequest::update, "PATCH", "/staff/users/" + percent_encode(id), json(update).dump(), {.key = id});
}

void apply_update(AppState& s, const platform::HttpReply& r) {
    StaffAccountsState& st = s.staff;
    const bool was_toggle = !st.confirm_id.empty();
    st.saving = false;
    st.confirm_busy = false;
    st.confirm_id.clear();
    if (const auto user = r.status == 200 ? api::ok_value<StaffUser>(r, "staff account") : std::nullopt) {
        put_user(s, *user);
        st.editing_id.clear();
        st.edit_error.clear();
        show_toast(s, tr(s.lang, was_toggle ? (user->disabled ? S::st_disabled_toast : S::st_enabled_toast) : S::st_roles_saved));
        if (s.user && user->id == s.user->id) request_me(s);  // own roles changed: the console follows
        return;
    }
    const api::Problem p = api::problem(r);
    const std::string message = p.is(api::ProblemCode::last_admin) ? tr(s.lang, S::st_last_admin) : general_error(s, r);
    if (!was_toggle && !st.editing_id.empty()) st.edit_error = message;
    else show_toast(s, message, true);
}

// --- [SECTION] audit log -----------------------------------------------------------------------

void request_audit(AppState& s, bool more) {
    StaffAccountsState& st = s.staff;
    std::string path = "/staff/audit?limit=50";
    if (more) {
        if (st.audit_next.empty() || st.audit_loading_more) return;
        st.audit_loading_more = true;
        path += "&cursor=" + st.audit_next;
    } else {
        st.audit_load = Load::loading;
    }
    api::send(s, more ? StaffRequest::more_audit : StaffRequest::audit, "GET", path);
}

void apply_audit(AppState& s, const platform::HttpReply& r, bool more) {
    StaffAccountsState& st = s.staff;
    st.audit_loading_more = false;
    auto items = api::ok_items<AuditItem>(r, "audit log");
    if (!items) {
        if (!more) st.audit_load = Load::failed;
        else show_toast(s, general_error(s, r), true);
        return;
    }
    if (more) st.audit.insert(st.audit.end(), items->begin(), items->end());
    else st.audit = std::move(*items);
    st.audit_next = next_cursor(r);
    st.audit_load = Load::ok;
}

// --- [SECTION] accepting an invitation ---------------------------------------------------------

void accept(AppState& s) {
    AcceptForm& f = s.staff.accept;
    if (f.busy) return;
    f.errors.clear();
    f.error.clear();
    if (auto problem = password_problem(f.password)) f.errors["password"] = password_error(s, *problem);
    else if (f.password != f.password2) f.errors["password2"] = tr(s.lang, S::passwords_differ);
    if (!f.errors.empty()) {
        f.focus_first_error = true;
        return;
    }
    f.busy = true;
    api::send(s, StaffRequest::accept, "POST", "/invitations/complete",
              json(satstore::api::InvitationAcceptance{f.token, f.password, std::nullopt}).dump(), {.with_session = false});
}

void apply_accept(AppState& s, const platform::HttpReply& r) {
    AcceptForm& f = s.staff.accept;
    f.busy = false;
    if (auto session = r.status == 201 ? api::ok_value<satstore::api::Session>(r, "session") : std::nullopt) {
        s.session_token = session->token;
        s.user = std::move(session->user);
        save_session(s);
        f = AcceptForm{};
        const std::string& name = s.user->display_name.empty() ? s.user->email : s.user->display_name;
        show_toast(s, trf(s.lang, S::welcome_s, name.c_str()));
        platform::set_location_hash(is_merchant(s) ? "/staff/orders" : is_agent(s) ? "/staff/tickets" : "/");
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.is(api::ProblemCode::token_expired)) f.expired = true;
    else if (auto it = p.errors.find("password"); it != p.errors.end()) f.errors["password"] = password_error(s, it->second);
    else f.error = general_error(s, r);
    f.focus_first_error = !f.errors.empty();
}

}  // namespace

// --- [SECTION] entry points --------------------------------------------------------------------

void enter_staff_accounts_route(AppState& s) {
    switch (s.route.route) {
        case Route::staff_users:
            if (is_admin(s) && s.staff.list_load != Load::loading) request_users(s, false);
            break;
        case Route::staff_audit:
            if (is_admin(s) && s.staff.audit_load != Load::loading) request_audit(s, false);
            break;
        case Route::accept_invite:
            if (s.staff.accept.token != s.route.invite_token) {
                s.staff.accept = AcceptForm{};
                s.staff.accept.token = s.route.invite_token;
            }
            break;
        default: break;
    }
}

void perform_staff_accounts(AppState& s, const Intent& in) {
    StaffAccountsState& st = s.staff;
    switch (static_cast<StaffAction>(in.number)) {
        case StaffAction::reload:
            if (s.route.route == Route::staff_audit) request_audit(s, false);
            else request_users(s, false);
            break;
        case StaffAction::search: request_users(s, false); break;
        case StaffAction::more_users: request_users(s, true); break;
        case StaffAction::invite: invite(s); break;
        case StaffAction::edit_roles:
            for (const StaffUser& u : st.users)
                if (u.id == in.text) {
                    st.editing_id = u.id;
                    st.editing_roles = choice_of(u.roles);
                    st.edit_error.clear();
                }
            break;
        case StaffAction::cancel_edit:
            st.editing_id.clear();
            st.edit_error.clear();
            break;
        case StaffAction::save_roles: {
            const std::vector<Role> roles = chosen_roles(st.editing_roles);
            if (st.saving || st.editing_id.empty()) break;
            if (roles.empty()) {
                st.edit_error = tr(s.lang, S::st_choose_role);
                break;
            }
            st.saving = true;
            send_update(s, st.editing_id, {roles, std::nullopt});
            break;
        }
        case StaffAction::ask_toggle:
            st.confirm_id = in.text;
            st.editing_id.clear();
            break;
        case StaffAction::close_toggle:
            if (!st.confirm_busy) st.confirm_id.clear();
            break;
        case StaffAction::toggle:
            if (st.confirm_busy || st.confirm_id.empty()) break;
            for (const StaffUser& u : st.users)
                if (u.id == st.confirm_id) {
                    st.confirm_busy = true;
                    send_update(s, u.id, {std::nullopt, !u.disabled});
                }
            break;
        case StaffAction::more_audit: request_audit(s, true); break;
        case StaffAction::accept: accept(s); break;
    }
}

void handle_staff_accounts_reply(AppState& s, StaffRequest kind, const platform::HttpReply& r) {
    switch (kind) {
        case StaffRequest::users: apply_users(s, r, false); break;
        case StaffRequest::more_users: apply_users(s, r, true); break;
        case StaffRequest::invite: apply_invite(s, r); break;
        case StaffRequest::update: apply_update(s, r); break;
        case StaffRequest::audit: apply_audit(s, r, false); break;
        case StaffRequest::more_audit: apply_audit(s, r, true); break;
        case StaffRequest::accept: apply_accept(s, r); break;
    }
}

}  // namespace satstore::client
