// Paying an order: the shape of PAYMENT.md step 1 here; steps 2–8 in the store's settling transaction
// (core::check_authorization under the order's lock), each outcome mapped to its problem.
#include "core/authorization.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"
#include "server/jobs.hpp"

namespace satstore::server::handlers {
namespace {

[[noreturn]] void mismatch(const std::string& field, const std::string& detail) {
    throw ApiError(422, ProblemCode::authorization_mismatch, "Authorization does not match the order", detail,
                   {{"authorization." + field, detail}});
}

// The problem for a verdict of core::check_authorization.
ApiError refusal(const PaymentVerdict& v) {
    switch (v.check) {
        case PaymentCheck::mismatch: mismatch(v.field, v.detail);
        case PaymentCheck::order_not_payable:
            return ApiError(409, ProblemCode::order_not_payable, "Order cannot be paid", v.detail);
        case PaymentCheck::quote_expired: return ApiError(409, ProblemCode::quote_expired, "Quote expired", v.detail);
        case PaymentCheck::payer_not_registered:
            return ApiError(403, ProblemCode::payer_not_registered, "Payer not registered", v.detail);
        case PaymentCheck::signature_invalid:
            return ApiError(422, ProblemCode::signature_invalid, "Signature invalid", v.detail, {{"sig", "Does not verify."}});
        case PaymentCheck::ok: break;
    }
    throw std::logic_error("refusal of an accepted payment");
}

}  // namespace

Response create_payment(Context& ctx) {
    const auto body = ctx.json_body();
    const auto& user = ctx.current_user();
    const std::string& order_id = ctx.request.params.at("id");

    // 1. Shape. Everything after it is checked by the store, under the order's lock.
    const auto fields = body.contains("authorization") ? body["authorization"] : nlohmann::json();
    auto parsed = parse_authorization(fields);
    const auto sig = body.contains("sig") && body["sig"].is_string() ? body["sig"].get<std::string>() : "";
    if (sig.size() != 128) parsed.errors["sig"] = "The signature: 128 lowercase hex digits.";
    if (!parsed.errors.empty()) throw validation_error(std::move(parsed.errors));
    const Authorization& a = parsed.authorization;
    if (a.store != ctx.config.store_id) mismatch("store", "The authorization names another store.");

    // 2–8. An overdue order is expired first; then check_authorization, replay, nonce, balance and
    // settlement in one transaction.
    order_expiring_if_overdue(ctx.store, order_id, ctx.now_unix_s);
    const PaymentRecord payment{secrets::new_id("pay"), order_id, a.payer, a.currency, a.amount, fields, sig, ctx.now_unix_s};
    const SettleResult r = ctx.store.settle_payment(payment, a, user.id, ctx.now_unix_s);
    switch (r.outcome) {
        case SettleOutcome::settled: {
            Response resp = json_response(201, r.payment);
            resp.header("Location", "/api/v1/orders/" + order_id);
            return resp;
        }
        case SettleOutcome::replayed: return json_response(200, r.payment);
        case SettleOutcome::already_paid:
            throw ApiError(409, ProblemCode::already_paid, "Order already paid", "This order was paid with another authorization.");
        case SettleOutcome::not_found: throw not_found("No order of yours has this id.");
        case SettleOutcome::refused: throw refusal(r.verdict);
        case SettleOutcome::nonce_reused:
            throw ApiError(409, ProblemCode::nonce_reused, "Nonce reused", "This authorization's nonce was used before. Sign again.");
        case SettleOutcome::insufficient_balance: {
            ApiError e(402, ProblemCode::insufficient_balance, "Insufficient balance",
                       "The wallet holds less than the amount due. Top up, then pay again.");
            e.extra.currency = a.currency;
            e.extra.balance_minor = r.balance;
            e.extra.amount_minor = a.amount;
            e.extra.shortfall_minor = a.amount - r.balance;
            throw e;
        }
    }
    throw std::logic_error("unhandled settle outcome");
}

}  // namespace satstore::server::handlers
