#include "core/api/staff.hpp"

#include <algorithm>

#include "core/api/json_read.hpp"
#include "core/order.hpp"

namespace satstore::api {
namespace {

using nlohmann::json;
using json_read::text_or;

std::vector<Role> known_roles(const json& j) {
    std::vector<Role> roles;
    if (auto it = j.find("roles"); it != j.end() && it->is_array())
        for (const json& r : *it)
            if (auto role = r.is_string() ? parse_role(r.get<std::string>()) : std::nullopt) roles.push_back(*role);
    return roles;
}

// "roles": a non-empty array of staff role names; the first bad entry is reported.
void read_roles(const json& value, std::vector<Role>& out, FieldErrors& errors) {
    out.clear();
    if (!value.is_array() || value.empty()) {
        errors["roles"] = "Choose at least one role: merchant, agent or admin.";
        return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto role = value[i].is_string() ? parse_role(value[i].get<std::string>()) : std::nullopt;
        if (!role || !is_staff_role(*role)) {
            errors["roles[" + std::to_string(i) + "]"] = "One of merchant, agent, admin.";
            return;
        }
        if (std::find(out.begin(), out.end(), *role) == out.end()) out.push_back(*role);
    }
}

void read_display_name(const json& body, std::string& out, FieldErrors& errors) {
    const auto it = body.find("display_name");
    if (it == body.end() || it->is_null()) return;
    if (!it->is_string()) errors["display_name"] = "Display name must be text.";
    else if (it->get_ref<const std::string&>().size() > kMaxDisplayNameBytes) errors["display_name"] = "Display name is too long.";
    else out = it->get<std::string>();
}

}  // namespace

bool is_staff_role(Role role) { return std::find(std::begin(kStaffRoles), std::end(kStaffRoles), role) != std::end(kStaffRoles); }

void to_json(json& j, const StaffUser& u) {
    j = {{"id", u.id},       {"email", u.email},     {"display_name", u.display_name}, {"roles", u.roles},
         {"disabled", u.disabled}, {"invited", u.invited}, {"created_at", rfc3339(u.created_at_unix_s)}};
}

void from_json(const json& j, StaffUser& u) {
    u = StaffUser{};
    u.id = j.at("id").get<std::string>();
    u.email = j.at("email").get<std::string>();
    u.display_name = text_or(j, "display_name");
    u.roles = known_roles(j);
    u.disabled = j.value("disabled", false);
    u.invited = j.value("invited", false);
    u.created_at_unix_s = json_read::time_or_zero(j, "created_at");
}

void to_json(json& j, const StaffInvite& i) {
    j = {{"email", i.email}, {"roles", i.roles}};
    if (!i.display_name.empty()) j["display_name"] = i.display_name;
}

FieldErrors parse_staff_invite(const json& body, StaffInvite& out) {
    FieldErrors errors;
    out = StaffInvite{};
    out.email = normalize_email(text_or(body, "email"));
    if (out.email.empty()) errors["email"] = "Email is required.";
    else if (!is_valid_email(out.email)) errors["email"] = "Enter a valid email address.";
    if (const auto it = body.find("roles"); it == body.end()) errors["roles"] = "Choose at least one role: merchant, agent or admin.";
    else read_roles(*it, out.roles, errors);
    read_display_name(body, out.display_name, errors);
    return errors;
}

void to_json(json& j, const StaffUpdate& u) {
    j = json::object();
    if (u.roles) j["roles"] = *u.roles;
    if (u.disabled) j["disabled"] = *u.disabled;
}

FieldErrors parse_staff_update(const json& body, StaffUpdate& out) {
    FieldErrors errors;
    out = StaffUpdate{};
    if (const auto it = body.find("roles"); it != body.end()) {
        out.roles.emplace();
        read_roles(*it, *out.roles, errors);
    }
    if (const auto it = body.find("disabled"); it != body.end()) {
        if (it->is_boolean()) out.disabled = it->get<bool>();
        else errors["disabled"] = "true or false.";
    }
    if (errors.empty() && !out.roles && !out.disabled) errors["body"] = "Send roles, disabled or both.";
    return errors;
}

void to_json(json& j, const InvitationAcceptance& a) {
    j = {{"token", a.token}, {"password", a.password}};
    if (a.display_name) j["display_name"] = *a.display_name;
}

FieldErrors parse_invitation_acceptance(const json& body, InvitationAcceptance& out) {
    FieldErrors errors;
    out = InvitationAcceptance{};
    out.token = text_or(body, "token");
    if (out.token.empty()) errors["token"] = "The invitation code from the mail is required.";
    out.password = text_or(body, "password");
    if (auto problem = password_problem(out.password)) errors["password"] = *problem;
    std::string name;
    const bool has_name = body.contains("display_name") && !body["display_name"].is_null();
    read_display_name(body, name, errors);
    if (has_name) out.display_name = name;
    return errors;
}

void to_json(json& j, const AuditItem& a) {
    j = {{"seq", a.seq},       {"at", rfc3339(a.at_unix_s)}, {"actor_id", a.actor_id}, {"actor_email", a.actor_email},
         {"action", a.action}, {"target", a.target},         {"before", a.before},     {"after", a.after}};
}

void from_json(const json& j, AuditItem& a) {
    a = AuditItem{};
    a.seq = j.value("seq", std::int64_t{0});
    a.at_unix_s = json_read::time_or_zero(j, "at");
    a.actor_id = text_or(j, "actor_id");
    a.actor_email = text_or(j, "actor_email");
    a.action = text_or(j, "action");
    a.target = text_or(j, "target");
    a.before = j.contains("before") ? j.at("before") : json();
    a.after = j.contains("after") ? j.at("after") : json();
}

}  // namespace satstore::api
