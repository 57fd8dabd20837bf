// satstore client — account-security requests (see account_requests.hpp).
//
// Index: [SECTION] helpers · [SECTION] account page · [SECTION] two-factor ·
//        [SECTION] forgot and reset password · [SECTION] entry points
#include "account_requests.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "api/client.hpp"
#include "app_requests.hpp"
#include "buying_requests.hpp"
#include "core/account.hpp"
#include "i18n/strings.hpp"
#include "platform/web_extra.hpp"
#include "ui/qr_code.hpp"

namespace satstore::client {
namespace {

using nlohmann::json;

// --- [SECTION] helpers -------------------------------------------------------------------------

// A general error line for a failed reply that has no per-field errors.
std::string general_error(const AppState& s, const platform::HttpReply& r, const api::Problem& p) {
    if (r.status == 0) return tr(s.lang, S::network_failed);
    if (p.is(api::ProblemCode::rate_limited)) return tr(s.lang, S::rate_limited);
    return tr(s.lang, S::request_failed);
}

// --- [SECTION] account page --------------------------------------------------------------------

void request_page(AppState& s) {
    AccountPage& p = s.account.page;
    p.me_load = AccountLoad::loading;
    p.activity_load = AccountLoad::loading;
    api::send(s, AccountRequest::me, "GET", "/me");
    api::send(s, AccountRequest::activity, "GET", "/me/login-activity");
}

void apply_me(AppState& s, const platform::HttpReply& r) {
    AccountPage& p = s.account.page;
    const std::optional<User> me = api::ok_value<User>(r, "user");
    if (!me) {
        p.me_load = AccountLoad::failed;
        return;
    }
    p.twofa_enabled = me->twofa_enabled;
    p.created_at = rfc3339(me->created_at_unix_s);
    p.roles = me->roles;
    if (s.user) {
        s.user->email = me->email;
        s.user->display_name = me->display_name;
    }
    p.me_load = AccountLoad::ok;
}

void apply_activity(AppState& s, const platform::HttpReply& r) {
    AccountPage& p = s.account.page;
    auto events = api::ok_items<LoginEventRow>(r, "login activity");
    if (!events) {
        p.activity_load = AccountLoad::failed;
        return;
    }
    p.activity = std::move(*events);
    p.activity_load = AccountLoad::ok;
}

void change_password(AppState& s) {
    PasswordForm& f = s.account.password;
    if (f.busy) return;
    f.errors.clear();
    f.error.clear();
    if (f.current.empty()) f.errors["current_password"] = tr(s.lang, S::required_field);
    if (f.next.empty()) f.errors["new_password"] = tr(s.lang, S::required_field);
    else if (f.next != f.next2) f.errors["new_password2"] = tr(s.lang, S::passwords_differ);
    if (!f.errors.empty()) {
        f.focus_first_error = true;
        return;
    }
    f.busy = true;
    api::send(s, AccountRequest::change_password, "PUT", "/me/password",
         json{{"current_password", f.current}, {"new_password", f.next}}.dump());
}

// The server's password rules in the UI language (its messages are English).
std::string new_password_error(const AppState& s, const std::string& server_message) {
    if (s.lang == Lang::en) return server_message;
    if (server_message.find("common") != std::string::npos) return tr(s.lang, S::password_too_common);
    return tr(s.lang, S::password_too_weak);
}

void apply_change_password(AppState& s, const platform::HttpReply& r) {
    PasswordForm& f = s.account.password;
    f.busy = false;
    if (r.status == 204 || r.status == 200) {
        f = PasswordForm{};
        show_toast(s, tr(s.lang, S::password_changed));
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.is(api::ProblemCode::invalid_credentials)) f.errors["current_password"] = tr(s.lang, S::current_password_wrong);
    else if (auto it = p.errors.find("new_password"); it != p.errors.end()) f.errors["new_password"] = new_password_error(s, it->second);
    else f.error = general_error(s, r, p);
    f.focus_first_error = !f.errors.empty();
}

void apply_logout_all(AppState& s, const platform::HttpReply& r) {
    AccountPage& p = s.account.page;
    p.logout_all_busy = false;
    if (r.status != 204 && r.status != 200 && r.status != 401) {
        p.logout_all_dialog = false;
        show_toast(s, general_error(s, r, api::problem(r)), true);
        return;
    }
    s.session_token.clear();
    s.user.reset();
    s.buy = BuyingState{};
    s.account = AccountState{};
    s.staff = StaffAccountsState{};
    save_session(s);
    show_toast(s, tr(s.lang, S::logged_out_everywhere));
    platform::set_location_hash("/login");
}

// --- [SECTION] two-factor ----------------------------------------------------------------------

void apply_enrol(AppState& s, const platform::HttpReply& r) {
    TwoFactorState& t = s.account.twofa;
    t.busy = false;
    const auto enrolment = api::ok_value<satstore::api::TwoFactorEnrolment>(r, "enrolment");
    if (enrolment && !enrolment->secret.empty()) {
        t.secret = enrolment->secret;
        t.otpauth_uri = enrolment->otpauth_uri;
        t.qr = QrModules{};
        if (!ui::qr_encode(t.otpauth_uri, t.qr.size, t.qr.dark)) std::fprintf(stderr, "satstore: otpauth URI too long for a QR code\n");
        t.code.clear();
        t.code_error.clear();
        t.error.clear();
        t.focus_code = true;
        t.reveal = true;
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.is(api::ProblemCode::twofa_enabled)) {
        s.account.page.twofa_enabled = true;
        return;
    }
    t.error = general_error(s, r, p);
}

// The code as typed, without the spaces and dashes authenticator apps show ("123 456").
std::string clean_code(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (c != ' ') out += c;
    }
    return out;
}

void confirm_or_disable(AppState& s, bool confirm) {
    TwoFactorState& t = s.account.twofa;
    if (t.busy) return;
    t.error.clear();
    t.code_error.clear();
    const std::string code = clean_code(t.code);
    if (code.empty()) {
        t.code_error = tr(s.lang, S::required_field);
        t.focus_code = true;
        return;
    }
    t.busy = true;
    const std::string body = json{{"code", code}}.dump();
    if (confirm) api::send(s, AccountRequest::confirm, "POST", "/me/2fa/confirm", body);
    else api::send(s, AccountRequest::disable, "DELETE", "/me/2fa", body);
}

void apply_code_reply(AppState& s, const platform::HttpReply& r, bool confirm) {
    TwoFactorState& t = s.account.twofa;
    t.busy = false;
    if (r.status == 200 || r.status == 204) {
        const auto codes = confirm ? api::ok_value<satstore::api::RecoveryCodes>(r, "recovery codes") : std::nullopt;
        t = TwoFactorState{};
        s.account.page.twofa_enabled = confirm;
        t.reveal = true;
        if (codes) t.recovery_codes = codes->codes;
        show_toast(s, tr(s.lang, confirm ? S::twofa_on_toast : S::twofa_off_toast));
        request_page(s);  // the activity and the profile's state
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.is(api::ProblemCode::invalid_code)) {
        t.code_error = tr(s.lang, S::wrong_code);
        t.focus_code = true;
    } else if (p.is(api::ProblemCode::twofa_enabled) || p.is(api::ProblemCode::twofa_disabled) || p.is(api::ProblemCode::twofa_not_enrolled)) {
        t = TwoFactorState{};
        request_page(s);
    } else {
        t.error = general_error(s, r, p);
    }
}

// --- [SECTION] forgot and reset password -------------------------------------------------------

void request_reset(AppState& s) {
    ForgotForm& f = s.account.forgot;
    if (f.busy) return;
    f.email_error.clear();
    f.error.clear();
    if (f.email.empty()) {
        f.email_error = tr(s.lang, S::required_field);
        return;
    }
    f.busy = true;
    api::send(s, AccountRequest::request_reset, "POST", "/password-resets", json{{"email", f.email}}.dump());
}

void apply_request_reset(AppState& s, const platform::HttpReply& r) {
    ForgotForm& f = s.account.forgot;
    f.busy = false;
    if (r.status == 202 || r.status == 200) {
        f.sent = true;
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.errors.count("email")) f.email_error = tr(s.lang, S::email_invalid);
    else f.error = general_error(s, r, p);
}

void complete_reset(AppState& s) {
    ResetForm& f = s.account.reset;
    if (f.busy) return;
    f.errors.clear();
    f.error.clear();
    // The server spends the token on the first attempt, so the password rule is checked here
    // first (the same core rule as the server's): a weak password never costs the link.
    if (f.password.empty()) f.errors["new_password"] = tr(s.lang, S::required_field);
    else if (auto problem = password_problem(f.password)) f.errors["new_password"] = new_password_error(s, *problem);
    else if (f.password != f.password2) f.errors["new_password2"] = tr(s.lang, S::passwords_differ);
    if (!f.errors.empty()) {
        f.focus_first_error = true;
        return;
    }
    f.busy = true;
    // The token travels in the body, never in a URL that logs and histories keep.
    api::send(s, AccountRequest::complete_reset, "POST", "/password-resets/complete",
         json{{"token", f.token}, {"new_password", f.password}}.dump());
}

void apply_complete_reset(AppState& s, const platform::HttpReply& r) {
    ResetForm& f = s.account.reset;
    f.busy = false;
    if (r.status == 204 || r.status == 200) {
        f = ResetForm{};
        // Every session ended on the server, this one included.
        s.session_token.clear();
        s.user.reset();
        save_session(s);
        show_toast(s, tr(s.lang, S::password_reset_done));
        platform::set_location_hash("/login");
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.is(api::ProblemCode::token_expired)) {
        f.expired = true;
        return;
    }
    if (auto it = p.errors.find("new_password"); it != p.errors.end()) {
        f.errors["new_password"] = new_password_error(s, it->second);
        f.focus_first_error = true;
        return;
    }
    f.error = general_error(s, r, p);
}

}  // namespace

// --- [SECTION] entry points ----------------------------------------------------------------------

int locked_minutes(std::int64_t retry_after_s) {
    const std::int64_t m = (retry_after_s + 59) / 60;
    return static_cast<int>(m < 1 ? 1 : m);
}

void enter_account_route(AppState& s) {
    AccountState& a = s.account;
    switch (s.route.route) {
        case Route::account:
            if (s.session_token.empty()) {
                s.buy.return_to = "/account";
                platform::set_location_hash("/login");
                return;
            }
            a.password = PasswordForm{};
            a.twofa = TwoFactorState{};  // recovery codes are shown once: not again after leaving
            a.page.logout_all_dialog = false;
            request_page(s);
            break;
        case Route::forgot_password:
            a.forgot = ForgotForm{};
            a.forgot.email = s.login.email;
            break;
        case Route::reset_password:
            if (a.reset.token != s.route.reset_token) {
                a.reset = ResetForm{};
                a.reset.token = s.route.reset_token;
            }
            break;
        default: break;
    }
}

void perform_account(AppState& s, const Intent& in) {
    AccountState& a = s.account;
    switch (static_cast<AccountAction>(in.number)) {
        case AccountAction::change_password: change_password(s); break;
        case AccountAction::enrol_2fa:
            if (!a.twofa.busy) {
                a.twofa.busy = true;
                a.twofa.error.clear();
                api::send(s, AccountRequest::enrol, "POST", "/me/2fa");
            }
            break;
        case AccountAction::confirm_2fa: confirm_or_disable(s, true); break;
        case AccountAction::cancel_2fa: a.twofa = TwoFactorState{}; break;
        case AccountAction::start_disable_2fa:
            a.twofa = TwoFactorState{};
            a.twofa.disabling = true;
            a.twofa.focus_code = true;
            break;
        case AccountAction::disable_2fa: confirm_or_disable(s, false); break;
        case AccountAction::dismiss_codes: a.twofa.recovery_codes.clear(); break;
        case AccountAction::open_logout_all: a.page.logout_all_dialog = true; break;
        case AccountAction::close_logout_all: a.page.logout_all_dialog = false; break;
        case AccountAction::logout_all:
            if (!a.page.logout_all_busy) {
                a.page.logout_all_busy = true;
                api::send(s, AccountRequest::logout_all, "DELETE", "/sessions", {}, {.handles_401 = true});  // 401: gone already
            }
            break;
        case AccountAction::request_reset: request_reset(s); break;
        case AccountAction::complete_reset: complete_reset(s); break;
        case AccountAction::copy_text:
            platform::copy_to_clipboard(in.text);
            show_toast(s, tr(s.lang, S::copied));
            break;
        case AccountAction::reload: request_page(s); break;
    }
}

void handle_account_reply(AppState& s, AccountRequest kind, const platform::HttpReply& r) {
    switch (kind) {
        case AccountRequest::me: apply_me(s, r); break;
        case AccountRequest::activity: apply_activity(s, r); break;
        case AccountRequest::change_password: apply_change_password(s, r); break;
        case AccountRequest::enrol: apply_enrol(s, r); break;
        case AccountRequest::confirm: apply_code_reply(s, r, true); break;
        case AccountRequest::disable: apply_code_reply(s, r, false); break;
        case AccountRequest::logout_all: apply_logout_all(s, r); break;
        case AccountRequest::request_reset: apply_request_reset(s, r); break;
        case AccountRequest::complete_reset: apply_complete_reset(s, r); break;
    }
}

}  // namespace satstore::client
