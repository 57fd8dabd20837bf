// satstore server — small helpers shared by handlers: query parameters and cursor pages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "server/http/router.hpp"

namespace satstore::server::handlers {

// The decoded query parameter, or "" when absent.
std::string query_param(const Context& ctx, const char* name);

// ?limit=: default when absent; 422 unless a whole number from 1 to `max`.
int parse_page_limit(const Context& ctx, int default_limit, int max = 100);

// ?cursor=: nullopt when absent; 422 unless it is a next_cursor this API handed out.
std::optional<std::int64_t> parse_cursor(const Context& ctx);

// The Idempotency-Key header: 1–100 visible ASCII characters. Without one, `required` answers 422
// idempotency_key_required, otherwise "" (no idempotency); a malformed key is always 422.
std::string idempotency_key(const Context& ctx, bool required);

// Hex SHA-256 of the JCS-canonical request body: an idempotent replay must carry the same one.
std::string request_hash(const nlohmann::json& body);

// {"items": [...], "next_cursor": "p123" | null}.
template <typename T>
nlohmann::json page_json(const std::vector<T>& items, std::optional<std::int64_t> next_seq) {
    return {{"items", items}, {"next_cursor", next_seq ? nlohmann::json("p" + std::to_string(*next_seq)) : nlohmann::json()}};
}

}  // namespace satstore::server::handlers
