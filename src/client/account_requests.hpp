// satstore client — the loop's side of the account-security screens (issue 7): performs
// AccountAction intents, starts their API requests (SPEC §5: /me, /me/password, /me/2fa,
// /me/login-activity, /sessions, /password-resets) and applies the replies. Draw code never
// calls these; app.cpp does.
#pragma once

#include "app_state.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client {

// Loads what an account route (account, forgot_password, reset_password) shows; sends a
// logged-out visitor of #/account to the login form (and back afterwards). Call on entering.
void enter_account_route(AppState& s);

// Performs one Intent::Kind::account intent.
void perform_account(AppState& s, const Intent& intent);

// Applies the reply of one of this feature's requests (app.cpp routes it here by its api::Call;
// a 401 to a request with the session never arrives: api::session_expired handled it).
void handle_account_reply(AppState& s, AccountRequest kind, const platform::HttpReply& reply);

// Whole minutes (rounded up, at least 1) of a 423 account_locked reply's retry_after seconds.
int locked_minutes(std::int64_t retry_after_s);

}  // namespace satstore::client
