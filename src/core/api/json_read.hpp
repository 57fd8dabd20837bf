// satstore core — lenient readers of API JSON members, shared by the codecs of core/api
// (bodies.cpp, tickets.cpp). A member of the wrong type reads as absent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/order.hpp"

namespace satstore::api::json_read {

// A string member, or `fallback` when absent, null or not a string.
inline std::string text_or(const nlohmann::json& j, const char* key, std::string fallback = {}) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// An RFC 3339 member as unix seconds; 0 when absent, null or malformed.
inline std::int64_t time_or_zero(const nlohmann::json& j, const char* key) {
    return parse_rfc3339(text_or(j, key)).value_or(0);
}

// A member of type T, nullopt when absent or null (throws on another type).
template <typename T>
std::optional<T> optional_at(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<T>();
}

}  // namespace satstore::api::json_read
