// Staff accounts (issue 20; admin only): the list, invitations by mail, role changes and
// disabling, and the audit log; and accepting an invitation (whoever holds the mail's link).
//
// An invitation creates the account at once, without a password (it cannot log in: "invited"
// in the list), and mails a one-time link `<origin>/#/accept-invite?token=…` valid for 7 days.
// The token follows the password-reset rules: stored hashed, spent by its first use, refused
// once expired. An email that already has an account — a buyer's included — is refused with 409
// `email_taken`: roles are never granted to an account its owner created without their word, and
// an administrator who means it can invite another address.
#include "core/api/staff.hpp"
#include "core/text.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/handlers/security_rules.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr std::size_t kMaxQueryChars = 100;

StaffActor actor(const Context& ctx) { return {ctx.current_user().id, ctx.current_user().email}; }

std::string role_list(const std::vector<Role>& roles) {
    std::string out;
    for (Role r : roles) out += (out.empty() ? "" : ", ") + nlohmann::json(r).get<std::string>();
    return out;
}

void send_invitation(Context& ctx, const User& user, const std::string& token) {
    const User& admin = ctx.current_user();
    const std::string by = admin.display_name.empty() ? admin.email : admin.display_name + " (" + admin.email + ")";
    const std::string link = link_origin(ctx) + "/#/accept-invite?token=" + token;
    ctx.store.send_mail({0, user.email, "You are invited to " + ctx.config.store_name,
                         by + " invited you to the staff of " + ctx.config.store_name + " as " + role_list(user.roles) + ".\n"
                         "Open this link within 7 days to choose your password:\n" + link + "\n"
                         "Invitation code: " + token + "\n"
                         "If you did not expect this mail, ignore it.",
                         ctx.now_unix_s});
}

}  // namespace

Response staff_list_users(Context& ctx) {
    StaffUserQuery q;
    q.text = query_param(ctx, "q");
    if (utf8_chars(q.text) > kMaxQueryChars) throw validation_error({{"q", "At most 100 characters."}});
    q.limit = parse_page_limit(ctx, kDefaultPageSize);
    q.offset = parse_cursor(ctx).value_or(0);
    const auto page = ctx.store.staff_users(q);
    std::vector<api::StaffUser> items;
    for (const auto& u : page.items) items.push_back(staff_view(u));
    return json_response(200, page_json(items, page.next_offset));
}

Response staff_invite_user(Context& ctx) {
    api::StaffInvite invite;
    if (auto errors = api::parse_staff_invite(ctx.json_body(), invite); !errors.empty()) throw validation_error(std::move(errors));
    const std::string token = secrets::new_token();
    NewStaffUser n;
    n.user.id = secrets::new_id("usr");
    n.user.email = invite.email;
    n.user.display_name = invite.display_name;
    n.user.roles = invite.roles;
    n.user.created_at_unix_s = ctx.now_unix_s;
    n.invitation_token_hash = secrets::token_hash(token);
    n.invitation_expires_at_unix_s = ctx.now_unix_s + ctx.config.invitation_ttl_s;
    n.actor = actor(ctx);
    n.now_unix_s = ctx.now_unix_s;
    const auto result = ctx.store.create_staff_user(n);
    if (result.outcome == StaffOutcome::email_taken)
        throw ApiError(409, ProblemCode::email_taken, "Email already registered",
                       "An account with this email exists. Invite another address.",
                       {{"email", "This email is already registered."}});
    send_invitation(ctx, *result.user, token);
    return json_response(201, staff_view(*result.user));
}

Response staff_update_user(Context& ctx) {
    api::StaffUpdate update;
    if (auto errors = api::parse_staff_update(ctx.json_body(), update); !errors.empty()) throw validation_error(std::move(errors));
    const auto result =
        ctx.store.update_staff_user(ctx.request.params.at("id"), {update.roles, update.disabled, actor(ctx), ctx.now_unix_s});
    switch (result.outcome) {
        case StaffOutcome::not_found: throw not_found("No staff account has this id.");
        case StaffOutcome::last_admin:
            throw ApiError(409, ProblemCode::last_admin, "The last admin",
                           "This is the only enabled admin: make another account admin before removing the role or "
                           "disabling this one.");
        default: break;
    }
    return json_response(200, staff_view(*result.user));
}

Response staff_audit_log(Context& ctx) {
    AuditQuery q;
    q.target = query_param(ctx, "target");
    q.limit = parse_page_limit(ctx, kDefaultPageSize);
    q.after_seq = parse_cursor(ctx);
    const auto page = ctx.store.audit_log(q);
    std::vector<api::AuditItem> items;
    for (const auto& e : page.items)
        items.push_back({e.seq, e.at_unix_s, e.actor_id, e.actor_email, e.action, e.target, e.before, e.after});
    return json_response(200, page_json(items, page.next_seq));
}

// The password is checked before the token is spent: the rule does not depend on the token, and
// a typo should not cost the invitee their link (unlike a reset, an invitation cannot be asked for
// again by the invitee).
Response accept_invitation(Context& ctx) {
    api::InvitationAcceptance a;
    if (auto errors = api::parse_invitation_acceptance(ctx.json_body(), a); !errors.empty())
        throw validation_error(std::move(errors));
    const auto result =
        ctx.store.accept_invitation(secrets::token_hash(a.token), secrets::hash_password(a.password), a.display_name, ctx.now_unix_s);
    if (result.outcome != StaffOutcome::done)
        throw ApiError(410, ProblemCode::token_expired, "Invitation expired",
                       "This invitation link was used or has expired. Ask an administrator for a new one.");
    ctx.store.reset_failed_logins(lockout_key(result.user->email));
    ctx.store.record_login({result.user->id, ctx.now_unix_s, ctx.request.remote_ip, user_agent(ctx), true, ""});
    return json_response(201, start_session(ctx, *result.user));
}

}  // namespace satstore::server::handlers
