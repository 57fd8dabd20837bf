// Accounts: registration, sessions (log in / log out) and the current user (SPEC §5).
#include "core/api/bodies.hpp"
#include "core/account.hpp"
#include "core/order.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/security_rules.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

api::UserInfo user_info(const User& u) {
    return {u.id, u.email, u.display_name, u.roles, u.twofa_enabled, u.points, u.created_at_unix_s};
}

}  // namespace

api::Session start_session(Context& ctx, const User& user) {
    const std::string token = secrets::new_token();
    ctx.store.create_session({secrets::token_hash(token), user.id, ctx.now_unix_s, ctx.now_unix_s + ctx.config.session_ttl_s,
                              ctx.request.remote_ip, user_agent(ctx)});
    return {token, user_info(user), ctx.config.session_ttl_s};
}

Response register_user(Context& ctx) {
    const auto body = ctx.json_body();
    if (auto errors = validate_registration(body); !errors.empty()) throw validation_error(std::move(errors));
    User user;
    user.id = secrets::new_id("usr");
    user.email = normalize_email(body.at("email").get<std::string>());
    if (auto name = body.find("display_name"); name != body.end() && name->is_string())
        user.display_name = name->get<std::string>();
    user.password_hash = secrets::hash_password(body.at("password").get<std::string>());
    user.roles = {Role::buyer};
    user.created_at_unix_s = ctx.now_unix_s;
    if (!ctx.store.create_user(user))
        throw ApiError(409, ProblemCode::email_taken, "Email already registered",
                       "An account with this email exists. Log in, or reset the password.",
                       {{"email", "This email is already registered."}});
    Response r = json_response(201, user_info(user));
    r.header("Location", "/api/v1/me");
    return r;
}

Response create_session(Context& ctx) {
    const auto body = ctx.json_body();
    if (auto errors = validate_login(body); !errors.empty()) throw validation_error(std::move(errors));
    enforce_rate_limit(ctx, "login", ctx.config.login_attempts_per_ip_per_minute);
    const std::string email = normalize_email(body.at("email").get<std::string>());
    const std::string password = body.at("password").get<std::string>();
    const std::string code = body.contains("totp") && body["totp"].is_string() ? body["totp"].get<std::string>() : "";

    LoginEvent event{std::nullopt, ctx.now_unix_s, ctx.request.remote_ip, user_agent(ctx), false, ""};
    auto refuse = [&](const std::string& reason) {
        event.reason = reason;
        ctx.store.record_login(event);
    };
    auto user = ctx.store.user_by_email(email);
    if (user) event.user_id = user->id;
    // The password is checked (or an equal check burnt) before the lock is looked at, and unknown
    // addresses lock like accounts do: a locked account and an unknown email answer alike, in
    // the same time (issue 17, F4).
    // An invited account has no password until its invitation is accepted (issue 20).
    const bool password_ok = user && !user->password_hash.empty() ? secrets::verify_password(user->password_hash, password)
                                                                  : (secrets::burn_password_check(password), false);
    const std::string key = lockout_key(email);
    if (const auto locked_s = seconds_locked(ctx, key)) {
        refuse("account_locked");
        throw account_locked(locked_s);
    }
    if (!password_ok) {
        refuse("invalid_credentials");
        count_failed_attempt(ctx, key);
        // One message for unknown emails and wrong passwords: no account enumeration.
        throw ApiError(401, ProblemCode::invalid_credentials, "Wrong email or password", "The email or the password is not correct.");
    }
    // Told only to whoever knows the password: it says nothing about unknown emails.
    if (user->disabled) {
        refuse("account_disabled");
        throw ApiError(403, ProblemCode::account_disabled, "Account disabled",
                       "An administrator disabled this account. Ask them to enable it again.");
    }
    if (user->twofa_enabled) {
        if (code.empty()) {
            refuse("totp_required");
            throw ApiError(401, ProblemCode::totp_required, "Two-factor code required",
                           "Enter the 6-digit code from your authenticator app, or a recovery code.", {{"totp", "Required."}});
        }
        if (!second_factor_ok(ctx, *user, code)) {
            refuse("invalid_totp");
            count_failed_attempt(ctx, key);
            throw ApiError(401, ProblemCode::invalid_credentials, "Wrong code", "The two-factor code is wrong or was already used.",
                           {{"totp", "Wrong or already used code."}});
        }
    }
    ctx.store.reset_failed_logins(key);
    event.success = true;
    ctx.store.record_login(event);

    return json_response(201, start_session(ctx, *user));
}

Response delete_current_session(Context& ctx) {
    ctx.store.delete_session(ctx.session_hash);
    return empty_response(204);
}

Response get_me(Context& ctx) { return json_response(200, user_info(ctx.current_user())); }

}  // namespace satstore::server::handlers
