#include "core/account.hpp"

#include <algorithm>

#include "core/common_passwords.hpp"
#include "core/enum_json.hpp"
#include "core/text.hpp"

namespace satstore {

std::optional<Role> parse_role(std::string_view name) { return parse_enum<Role>(name); }

bool has_role(const std::vector<Role>& roles, Role needed) {
    return std::any_of(roles.begin(), roles.end(), [&](Role r) {
        return r == needed || (r == Role::admin && needed != Role::buyer);
    });
}

std::string normalize_email(std::string_view email) {
    while (!email.empty() && email.front() == ' ') email.remove_prefix(1);
    while (!email.empty() && email.back() == ' ') email.remove_suffix(1);
    std::string out(email);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_valid_email(std::string_view email) {
    if (email.empty() || email.size() > kMaxEmailBytes) return false;
    for (char c : email)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
        return false;
    const auto domain = email.substr(at + 1);
    const auto dot = domain.rfind('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
           domain.find("..") == std::string_view::npos;
}

namespace {

const std::string* string_field(const nlohmann::json& body, const char* name) {
    if (!body.is_object()) return nullptr;
    auto it = body.find(name);
    if (it == body.end() || !it->is_string()) return nullptr;
    return &it->get_ref<const std::string&>();
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password) {
    if (password.empty()) return "Password is required.";
    if (password.size() > kMaxPasswordBytes) return "Password is too long.";
    if (utf8_chars(password) < kMinPasswordChars) return "Password must be at least 10 characters.";
    if (is_common_password(password)) return "This password is too common. Choose another.";
    return std::nullopt;
}

FieldErrors validate_registration(const nlohmann::json& body) {
    FieldErrors errors;
    const auto* email = string_field(body, "email");
    if (!email || email->empty()) errors["email"] = "Email is required.";
    else if (!is_valid_email(normalize_email(*email))) errors["email"] = "Enter a valid email address.";

    const auto* password = string_field(body, "password");
    if (!password) errors["password"] = "Password is required.";
    else if (auto problem = password_problem(*password)) errors["password"] = *problem;

    if (body.is_object() && body.contains("display_name") && !body["display_name"].is_null()) {
        const auto* name = string_field(body, "display_name");
        if (!name) errors["display_name"] = "Display name must be text.";
        else if (name->size() > kMaxDisplayNameBytes) errors["display_name"] = "Display name is too long.";
    }
    return errors;
}

FieldErrors validate_login(const nlohmann::json& body) {
    FieldErrors errors;
    const auto* email = string_field(body, "email");
    if (!email || email->empty()) errors["email"] = "Email is required.";
    else if (email->size() > kMaxEmailBytes) errors["email"] = "Email is too long.";
    const auto* password = string_field(body, "password");
    if (!password || password->empty()) errors["password"] = "Password is required.";
    else if (password->size() > kMaxPasswordBytes) errors["password"] = "Password is too long.";
    return errors;
}

}  // namespace satstore
