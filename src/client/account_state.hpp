// satstore client — state of the account-security screens (issue 7): the account page (profile,
// password, two-factor, login activity, log out everywhere), forgot password and reset password.
// Plain data, part of AppState (app_state.hpp); screens draw from it and record AccountAction
// intents; account_requests.cpp performs them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/account.hpp"
#include "core/api/bodies.hpp"
#include "load.hpp"

namespace satstore::client {

// What the account screens ask the loop to do (Intent::Kind::account, Intent::number).
enum class AccountAction : std::int64_t {
    change_password,     // PUT /me/password from account.password_form
    enrol_2fa,           // POST /me/2fa → secret, otpauth URI, QR code
    confirm_2fa,         // POST /me/2fa/confirm {code}
    cancel_2fa,          // forget a started enrolment (the server keeps it pending; harmless)
    start_disable_2fa,   // show the code field of "Disable"
    disable_2fa,         // DELETE /me/2fa {code}
    dismiss_codes,       // "I saved them": recovery codes are never shown again
    open_logout_all,     // confirm dialog
    close_logout_all,
    logout_all,          // DELETE /sessions
    request_reset,       // POST /password-resets {email}
    complete_reset,      // POST /password-resets/complete {token, new_password}
    copy_text,           // text = what to copy
    reload,              // GET /me and the login activity again
};

using AccountLoad = Load;  // load.hpp

using LoginEventRow = satstore::api::LoginEvent;  // GET /me/login-activity (core/api/bodies.hpp)

// A QR code as modules (true = dark), size × size, row-major; empty when none.
struct QrModules {
    int size = 0;
    std::vector<bool> dark;
};

struct PasswordForm {
    std::string current, next, next2;
    std::map<std::string, std::string> errors;  // "current_password", "new_password", "new_password2"
    std::string error;   // general
    bool busy = false;
    bool focus_first_error = false;
};

struct TwoFactorState {
    std::string secret;       // base32, while enrolling
    std::string otpauth_uri;  // while enrolling
    QrModules qr;             // of otpauth_uri
    std::string code;         // confirm or disable
    std::string code_error;
    std::string error;        // general
    bool disabling = false;   // the "Disable" code field is open
    bool busy = false;
    bool focus_code = false;
    bool reveal = false;      // scroll the card into view once (the QR code, the recovery codes)
    std::vector<std::string> recovery_codes;  // shown once after confirming
};

struct AccountPage {
    AccountLoad me_load = AccountLoad::idle;
    bool twofa_enabled = false;
    std::string created_at;        // RFC 3339
    std::vector<Role> roles;
    AccountLoad activity_load = AccountLoad::idle;
    std::vector<LoginEventRow> activity;  // newest first
    bool logout_all_dialog = false;
    bool logout_all_busy = false;
};

struct ForgotForm {
    std::string email;
    std::string email_error;
    std::string error;
    bool busy = false;
    bool sent = false;  // "if an account exists, we sent a link"
};

struct ResetForm {
    std::string token;  // from the route; a new token resets the form
    std::string password, password2;
    std::map<std::string, std::string> errors;  // "new_password", "new_password2"
    std::string error;
    bool expired = false;  // 410: offer a new link
    bool busy = false;
    bool focus_first_error = false;
};

// Requests of the account screens in flight (by platform request id).
enum class AccountRequest { me, activity, change_password, enrol, confirm, disable, logout_all, request_reset, complete_reset };

struct AccountState {
    AccountPage page;
    PasswordForm password;
    TwoFactorState twofa;
    ForgotForm forgot;
    ResetForm reset;
};

}  // namespace satstore::client
