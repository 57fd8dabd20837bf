// satstore server — account-security rules shared by the session and account handlers.
#pragma once

#include <string>

#include "server/http/problem.hpp"
#include "server/http/router.hpp"

namespace satstore::server::handlers {

// The request's User-Agent, truncated for storage.
std::string user_agent(const Context& ctx);

// Counts this request against `limit` per minute for the client's IP under `scope`; throws
// 429 `rate_limited` with Retry-After when over. Counted in the database (all processes agree).
void enforce_rate_limit(const Context& ctx, const std::string& scope, int limit);

// 423 `account_locked` with Retry-After.
ApiError account_locked(std::int64_t retry_after_s);

// Checks a TOTP code (consuming its time step, so it cannot be used twice) or a recovery code
// (consuming it). False for anything else.
bool second_factor_ok(Context& ctx, const User& user, const std::string& code);

}  // namespace satstore::server::handlers
