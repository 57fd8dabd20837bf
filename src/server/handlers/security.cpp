// Account security: two-factor enrolment, password change and reset, login activity, logging
// out everywhere, the demo mail outbox (SPEC §1 accounts and security).
#include <algorithm>

#include <sodium.h>

#include "core/api/bodies.hpp"
#include "core/account.hpp"
#include "core/hex.hpp"
#include "server/auth/secrets.hpp"
#include "server/auth/totp.hpp"
#include "server/handlers/handlers.hpp"
#include "server/handlers/security_rules.hpp"

namespace satstore::server::handlers {
namespace {

constexpr std::size_t kMaxUserAgentBytes = 256;
constexpr int kRecoveryCodes = 10;

std::string text_field(const nlohmann::json& body, const char* name) {
    const auto it = body.find(name);
    return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string hash_code(const std::string& code) { return secrets::token_hash(code); }

// "abcd-efgh": 8 random lowercase base32 characters.
std::string new_recovery_code() {
    std::vector<unsigned char> raw(5);
    randombytes_buf(raw.data(), raw.size());
    std::string code = totp::base32_encode(raw);
    for (char& c : code) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return code.substr(0, 4) + "-" + code.substr(4, 4);
}

ApiError wrong_code() {
    return ApiError(422, ProblemCode::invalid_code, "Wrong code", "The code is wrong or was already used.", {{"code", "Wrong code."}});
}

}  // namespace

// The origin a reset link points to. Never taken from the request unchecked: a forged Origin (or
// Host) would send the victim's token to the forger's site. --public-url wins; else the request's
// Origin when it is this server's own or an allowed CORS origin (static hosting); else host:port.
std::string link_origin(const Context& ctx) {
    const Config& c = ctx.config;
    if (!c.public_url.empty()) return c.public_url;
    const bool any_host = c.host.empty() || c.host == "0.0.0.0" || c.host == "::";
    const std::string host = any_host ? "localhost" : (c.host.find(':') != std::string::npos ? "[" + c.host + "]" : c.host);
    const std::string own = "http://" + host + ":" + std::to_string(c.port);
    const std::string origin(ctx.request.header("origin"));
    if (origin == own) return origin;
    for (const auto& allowed : c.cors_origins)
        if (allowed == origin) return origin;
    return own;
}

std::string user_agent(const Context& ctx) {
    return std::string(ctx.request.header("user-agent").substr(0, kMaxUserAgentBytes));
}

void enforce_rate_limit(const Context& ctx, const std::string& scope, int limit) {
    const std::int64_t window = ctx.now_unix_s - ctx.now_unix_s % 60;
    if (ctx.store.count_rate(scope + ":ip:" + ctx.request.remote_ip, window) > limit) {
        ApiError e(429, ProblemCode::rate_limited, "Too many requests", "Too many attempts from your network. Wait a minute.");
        e.headers.emplace_back("Retry-After", std::to_string(window + 60 - ctx.now_unix_s));
        throw e;
    }
}

std::string lockout_key(const std::string& normalized_email) { return secrets::token_hash(normalized_email); }

std::int64_t seconds_locked(const Context& ctx, const std::string& key) {
    return std::max<std::int64_t>(0, ctx.store.locked_until(key) - ctx.now_unix_s);
}

ApiError account_locked(std::int64_t retry_after_s) {
    ApiError e(423, ProblemCode::account_locked, "Account locked",
               "Too many failed attempts. Try again later or reset your password.");
    e.headers.emplace_back("Retry-After", std::to_string(retry_after_s));
    e.extra.retry_after_s = retry_after_s;
    return e;
}

void count_failed_attempt(const Context& ctx, const std::string& key) {
    ctx.store.record_failed_login(key, ctx.now_unix_s, ctx.config.lock_after_failures, ctx.config.lock_s);
}

bool second_factor_ok(Context& ctx, const User& user, const std::string& code) {
    if (code.find('-') != std::string::npos)
        return ctx.store.use_recovery_code(user.id, hash_code(code), ctx.now_unix_s);
    const std::string& secret = user.twofa_enabled ? user.totp_secret : user.totp_pending_secret;
    if (secret.empty()) return false;
    const auto step = totp::matching_step(secret, code, ctx.now_unix_s);
    return step && ctx.store.use_totp_step(user.id, *step);
}

Response enrol_2fa(Context& ctx) {
    const User& user = ctx.current_user();
    if (user.twofa_enabled)
        throw ApiError(409, ProblemCode::twofa_enabled, "Two-factor already on", "Disable it first to enrol a new authenticator.");
    const std::string secret = totp::new_secret();
    ctx.store.set_totp_pending(user.id, secret);
    return json_response(201, api::TwoFactorEnrolment{secret, totp::otpauth_uri(ctx.config.store_name, user.email, secret)});
}

Response confirm_2fa(Context& ctx) {
    const auto body = ctx.json_body();
    const User& user = ctx.current_user();
    if (user.twofa_enabled) throw ApiError(409, ProblemCode::twofa_enabled, "Two-factor already on", "Two-factor is already enabled.");
    if (user.totp_pending_secret.empty())
        throw ApiError(409, ProblemCode::twofa_not_enrolled, "No enrolment", "Start two-factor enrolment first.");
    const std::string code = text_field(body, "code");
    // Recovery codes cannot confirm: they do not exist before the enrolment is confirmed.
    if (code.empty() || code.find('-') != std::string::npos || !second_factor_ok(ctx, user, code)) throw wrong_code();
    std::vector<std::string> codes, hashes;
    for (int i = 0; i < kRecoveryCodes; ++i) {
        codes.push_back(new_recovery_code());
        hashes.push_back(hash_code(codes.back()));
    }
    ctx.store.enable_totp(user.id, user.totp_pending_secret, hashes);
    return json_response(200, api::RecoveryCodes{codes});
}

// Removing two-factor and changing the password prove the account's secrets again: a wrong
// code or current password counts toward the login lockout, and a locked account is refused,
// so a stolen session cannot guess them without limit (issue 17, F5).
Response disable_2fa(Context& ctx) {
    const auto body = ctx.request.body.empty() ? nlohmann::json::object() : ctx.json_body();
    const User& user = ctx.current_user();
    if (!user.twofa_enabled) throw ApiError(409, ProblemCode::twofa_disabled, "Two-factor is off", "Two-factor is not enabled.");
    const std::string key = lockout_key(user.email);
    if (const auto locked_s = seconds_locked(ctx, key)) throw account_locked(locked_s);
    const std::string code = text_field(body, "code");
    if (code.empty() || !second_factor_ok(ctx, user, code)) {
        count_failed_attempt(ctx, key);
        throw wrong_code();
    }
    ctx.store.disable_totp(user.id);
    return empty_response(204);
}

Response change_password(Context& ctx) {
    const auto body = ctx.json_body();
    const User& user = ctx.current_user();
    const std::string current = text_field(body, "current_password"), next = text_field(body, "new_password");
    FieldErrors errors;
    if (current.empty()) errors["current_password"] = "Enter your current password.";
    if (auto problem = password_problem(next)) errors["new_password"] = *problem;
    if (!errors.empty()) throw validation_error(std::move(errors));
    const std::string key = lockout_key(user.email);
    if (const auto locked_s = seconds_locked(ctx, key)) throw account_locked(locked_s);
    if (!secrets::verify_password(user.password_hash, current)) {
        count_failed_attempt(ctx, key);
        throw ApiError(403, ProblemCode::invalid_credentials, "Wrong password", "The current password is not correct.",
                       {{"current_password", "Not correct."}});
    }
    ctx.store.set_password_hash(user.id, secrets::hash_password(next));
    ctx.store.reset_failed_logins(key);
    ctx.store.delete_sessions(user.id, ctx.session_hash);  // other devices must log in again
    return empty_response(204);
}

Response delete_all_sessions(Context& ctx) {
    ctx.store.delete_sessions(ctx.current_user().id, "");
    return empty_response(204);
}

Response login_activity(Context& ctx) {
    std::vector<api::LoginEvent> items;
    for (const auto& e : ctx.store.login_events(ctx.current_user().id, 50))
        items.push_back({e.at_unix_s, e.ip, e.user_agent, e.success, e.reason});
    return json_response(200, {{"items", items}});
}

Response request_password_reset(Context& ctx) {
    const auto body = ctx.json_body();
    enforce_rate_limit(ctx, "reset", ctx.config.reset_requests_per_ip_per_minute);
    const std::string email = normalize_email(text_field(body, "email"));
    if (!is_valid_email(email)) throw validation_error({{"email", "Enter a valid email address."}});
    // Same answer whether or not the account exists: no enumeration.
    if (auto user = ctx.store.user_by_email(email)) {
        const std::string token = secrets::new_token();
        ctx.store.create_password_reset(secrets::token_hash(token), user->id, ctx.now_unix_s,
                                        ctx.now_unix_s + ctx.config.password_reset_ttl_s);
        const std::string link = link_origin(ctx) + "/#/reset-password?token=" + token;
        ctx.store.send_mail({0, user->email, "Reset your satstore password",
                             "Someone asked to reset the password of your satstore account.\n"
                             "Open this link within 30 minutes to choose a new password:\n" + link + "\n"
                             "Reset code: " + token + "\n"
                             "If this was not you, ignore this mail; your password stays the same.",
                             ctx.now_unix_s});
    }
    return json_response(202, {{"status", "accepted"}});
}

// POST /password-resets/complete {token, new_password}, and the older
// POST /password-resets/{token} {new_password} (the route table keeps its path out of the logs).
// The token is spent by the first attempt, whatever its outcome: a token that survived a failed
// attempt could be tried again by whoever saw it. The client checks the password rule
// (core password_problem) before sending, so a 422 here means the rule was bypassed.
Response complete_password_reset(Context& ctx) {
    const auto body = ctx.json_body();
    const auto param = ctx.request.params.find("token");
    const std::string token = param != ctx.request.params.end() ? param->second : text_field(body, "token");
    if (token.empty()) throw validation_error({{"token", "The reset code from the mail is required."}});
    const auto user_id = ctx.store.consume_password_reset(secrets::token_hash(token), ctx.now_unix_s);
    if (!user_id)
        throw ApiError(410, ProblemCode::token_expired, "Link expired", "This reset link was used or has expired. Ask for a new one.");
    const std::string next = text_field(body, "new_password");
    if (auto problem = password_problem(next))
        throw ApiError(422, ProblemCode::validation_failed, "Some fields are missing or invalid.",
                       "The password was not changed and this reset link is now used: ask for a new one.",
                       {{"new_password", *problem}});
    ctx.store.set_password_hash(*user_id, secrets::hash_password(next));
    if (const auto user = ctx.store.user_by_id(*user_id)) ctx.store.reset_failed_logins(lockout_key(user->email));
    ctx.store.delete_sessions(*user_id, "");
    return empty_response(204);
}

Response dev_outbox(Context& ctx) {
    if (!ctx.config.demo) throw not_found("The outbox exists only in demo mode.");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : ctx.store.outbox(50))
        items.push_back({{"id", m.seq}, {"to", m.to}, {"subject", m.subject}, {"body", m.body}, {"at", rfc3339(m.created_at_unix_s)}});
    return json_response(200, {{"items", items}});
}

}  // namespace satstore::server::handlers
