// Paying an order: every check of PAYMENT.md, in its order, then settlement in one transaction.
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

}  // namespace

Response create_payment(Context& ctx) {
    const auto body = ctx.json_body();
    const auto& user = ctx.current_user();
    const std::string& order_id = ctx.request.params.at("id");

    // 1. Shape.
    const auto fields = body.contains("authorization") ? body["authorization"] : nlohmann::json();
    auto parsed = parse_authorization(fields);
    const auto sig = body.contains("sig") && body["sig"].is_string() ? body["sig"].get<std::string>() : "";
    if (sig.size() != 128) parsed.errors["sig"] = "The signature: 128 lowercase hex digits.";
    if (!parsed.errors.empty()) throw validation_error(std::move(parsed.errors));
    const Authorization& a = parsed.authorization;
    if (a.store != ctx.config.store_id) mismatch("store", "The authorization names another store.");
    if (a.order != order_id) mismatch("order", "The authorization is for another order.");

    // 2. The order as the server knows it.
    const auto order = order_expiring_if_overdue(ctx.store, order_id, ctx.now_unix_s);
    if (!order || order->user_id != user.id) throw not_found("No order of yours has this id.");
    PaymentRecord payment{secrets::new_id("pay"), order->id, a.payer, a.currency, a.amount, fields, sig, ctx.now_unix_s};
    if (order->payment) {
        // 6 (replay) comes first for a paid order: the same authorization gets its payment back.
        if (order->payment->sig == sig && order->payment->authorization == fields)
            return json_response(200, *order->payment);
        throw ApiError(409, ProblemCode::already_paid, "Order already paid", "This order was paid with another authorization.");
    }
    if (order->status != OrderStatus::pending_payment || !order->quote)
        throw ApiError(409, ProblemCode::order_not_payable, "Order cannot be paid",
                       order->status == OrderStatus::cancelled ? "The order was cancelled." : "The order is not awaiting payment.");
    const Quote& quote = *order->quote;
    if (a.quote != quote.id) mismatch("quote", "The authorization signs a quote that is not the order's current one.");
    if (a.currency != quote.currency) mismatch("currency", "The currency differs from the quote's.");
    if (a.amount != quote.amount) mismatch("amount", "The amount differs from the quote's.");
    if (a.order_digest != payment::order_digest_hex(order_summary(*order)))
        mismatch("order_digest", "The order contents or address differ from what was signed.");

    // 3. Time.
    if (ctx.now_unix_s > a.expires_unix_s || a.expires_unix_s > quote.expires_at_unix_s || ctx.now_unix_s > quote.expires_at_unix_s)
        throw ApiError(409, ProblemCode::quote_expired, "Quote expired", "The quote or the authorization has expired. Get a new quote and sign again.");

    // 4. Payer.
    const auto wallet = ctx.store.wallet_of(user.id);
    if (!wallet || wallet->pubkey != a.payer)
        throw ApiError(403, ProblemCode::payer_not_registered, "Payer not registered",
                       "The paying key is not the wallet registered with this account.");

    // 5. Signature.
    if (!verify_authorization(a, sig))
        throw ApiError(422, ProblemCode::signature_invalid, "Signature invalid",
                       "The signature does not verify. Check the payment password and sign again.", {{"sig", "Does not verify."}});

    // 6–8. Replay, nonce, balance and settlement, atomically.
    const SettleResult r = ctx.store.settle_payment(payment, user.id, quote.id, ctx.now_unix_s);
    switch (r.outcome) {
        case SettleOutcome::settled: {
            Response resp = json_response(201, r.payment);
            resp.header("Location", "/api/v1/orders/" + order->id);
            return resp;
        }
        case SettleOutcome::replayed: return json_response(200, r.payment);
        case SettleOutcome::already_paid:
            throw ApiError(409, ProblemCode::already_paid, "Order already paid", "This order was paid with another authorization.");
        case SettleOutcome::order_not_payable:
            throw ApiError(409, ProblemCode::order_not_payable, "Order cannot be paid", "The order is not awaiting payment.");
        case SettleOutcome::quote_changed: mismatch("quote", "The order's quote changed while paying. Sign the new quote.");
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
