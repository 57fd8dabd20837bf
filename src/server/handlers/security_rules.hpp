// satstore server — account-security rules shared by the session and account handlers.
#pragma once

#include <string>

#include "core/api/bodies.hpp"

#include "server/http/problem.hpp"
#include "server/http/router.hpp"

namespace satstore::server::handlers {

// The origin links in mail point to (a password reset, an invitation): --public-url when set,
// else the request's Origin when it is this server's own or an allowed CORS origin, else
// http://host:port — never an unchecked header.
std::string link_origin(const Context& ctx);

// A new session of `user` (the answer of POST /sessions): the token is returned, its hash stored.
api::Session start_session(Context& ctx, const User& user);

// The request's User-Agent, truncated for storage.
std::string user_agent(const Context& ctx);

// Counts this request against `limit` per minute for the client's IP under `scope`; throws
// 429 `rate_limited` with Retry-After when over. Counted in the database (all processes agree).
void enforce_rate_limit(const Context& ctx, const std::string& scope, int limit);

// The lockout key of a normalized email (its hash), registered or not.
std::string lockout_key(const std::string& normalized_email);

// Seconds until `key` unlocks; 0 when it is not locked.
std::int64_t seconds_locked(const Context& ctx, const std::string& key);

// 423 `account_locked` with Retry-After.
ApiError account_locked(std::int64_t retry_after_s);

// Counts a failed attempt — a login, a wrong current password, a wrong code when removing
// two-factor — against the same lockout (issue 17, F5).
void count_failed_attempt(const Context& ctx, const std::string& key);

// Checks a TOTP code (consuming its time step, so it cannot be used twice) or a recovery code
// (consuming it). False for anything else.
bool second_factor_ok(Context& ctx, const User& user, const std::string& code);

}  // namespace satstore::server::handlers
