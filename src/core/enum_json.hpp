// satstore core — strict parsing of enums serialized with NLOHMANN_JSON_SERIALIZE_ENUM.
//
// nlohmann's generated from_json maps an unknown string to the enum's FIRST value instead of
// failing, which would turn "status=lost" into "pending_payment". Untrusted text goes through
// parse_enum, which accepts only names that serialize back to themselves.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace satstore {

template <typename Enum>
std::optional<Enum> parse_enum(std::string_view name) {
    const nlohmann::json text = std::string(name);
    const Enum value = text.get<Enum>();
    if (nlohmann::json(value) != text) return std::nullopt;
    return value;
}

// The serialized name of an enum value ("pending_payment").
template <typename Enum>
std::string enum_name(Enum value) {
    return nlohmann::json(value).template get<std::string>();
}

// Reads a JSON string member as an enum; throws std::invalid_argument for unknown names.
template <typename Enum>
Enum enum_at(const nlohmann::json& object, const char* key) {
    const auto value = parse_enum<Enum>(object.at(key).get<std::string>());
    if (!value) throw std::invalid_argument(std::string("unknown value for ") + key);
    return *value;
}

}  // namespace satstore
