// satstore core — account rules: roles, and validation of registration and login input.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace satstore {

enum class Role { buyer, merchant, agent, admin };

NLOHMANN_JSON_SERIALIZE_ENUM(Role, {
    {Role::buyer, "buyer"},
    {Role::merchant, "merchant"},
    {Role::agent, "agent"},
    {Role::admin, "admin"},
})

std::optional<Role> parse_role(std::string_view name);

// True when `roles` grants `needed`; `admin` grants every staff role (SPEC §5).
bool has_role(const std::vector<Role>& roles, Role needed);

// Field name → human-readable message, the `errors` member of a 422 problem.
using FieldErrors = std::map<std::string, std::string>;

inline constexpr std::size_t kMinPasswordChars = 10;
inline constexpr std::size_t kMaxPasswordBytes = 256;
inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxDisplayNameBytes = 80;

// Lower-cases ASCII letters and trims surrounding spaces: the stored form of an email.
std::string normalize_email(std::string_view email);

// A pragmatic address check: one '@', a non-empty local part, a dotted domain, no spaces or
// control characters, at most kMaxEmailBytes.
bool is_valid_email(std::string_view email);

// Why a new password is unacceptable (empty, too long, under 10 characters, too common), or
// nullopt when it is fine.
std::optional<std::string> password_problem(std::string_view password);

// Registration input: {email, password, display_name?}. Missing, mistyped or weak fields are
// reported per field; an empty map means the input is acceptable.
FieldErrors validate_registration(const nlohmann::json& body);

// Login input: {email, password, totp?}. Only shape is checked here.
FieldErrors validate_login(const nlohmann::json& body);

}  // namespace satstore
