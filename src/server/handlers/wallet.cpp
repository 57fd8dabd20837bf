// The buyer's wallet: key registration with proof of possession, balances, ledger, demo faucet.
#include "core/api/bodies.hpp"
#include "core/authorization.hpp"
#include "core/hex.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

// Largest faucet top-up: 1 BTC or 10,000 USDT at a time.
std::int64_t max_topup(Currency c) { return c == Currency::BTC ? 100'000'000 : 10'000'000'000; }

api::WalletInfo wallet_info(Context& ctx, const std::optional<Wallet>& wallet) {
    api::WalletInfo info{wallet ? wallet->pubkey : "", {}, ctx.config.demo};
    if (wallet)
        for (const auto& b : ctx.store.balances(wallet->pubkey)) info.balances.push_back({b.currency, b.amount});
    return info;
}

Wallet registered_wallet(Context& ctx) {
    auto wallet = ctx.store.wallet_of(ctx.current_user().id);
    if (!wallet)
        throw ApiError(409, ProblemCode::wallet_not_registered, "No wallet registered",
                       "Create or import a wallet and register it first.");
    return *wallet;
}

}  // namespace

Response put_wallet(Context& ctx) {
    const auto body = ctx.json_body();
    FieldErrors errors;
    const auto pubkey = body.value("pubkey", nlohmann::json()).is_string() ? body["pubkey"].get<std::string>() : "";
    const auto proof = body.value("proof", nlohmann::json()).is_string() ? body["proof"].get<std::string>() : "";
    if (!hex::is_lower_hex(pubkey, 64)) errors["pubkey"] = "The x-only public key: 64 lowercase hex digits.";
    if (!hex::is_lower_hex(proof, 128)) errors["proof"] = "The proof signature: 128 lowercase hex digits.";
    if (!errors.empty()) throw validation_error(std::move(errors));
    const auto& user = ctx.current_user();
    const auto digest = wallet_bind_digest(pubkey, ctx.config.store_id, user.id);
    if (!payment::verify_digest(digest, proof, pubkey))
        throw ApiError(422, ProblemCode::signature_invalid, "Proof of possession invalid",
                       "The proof is not a signature of this store's wallet-binding message by this key.",
                       {{"proof", "Signature does not verify."}});
    if (!ctx.store.bind_wallet({user.id, pubkey, proof, ctx.now_unix_s}))
        throw ApiError(409, ProblemCode::wallet_key_taken, "Key already registered", "Another account uses this wallet key.");
    return json_response(200, wallet_info(ctx, ctx.store.wallet_of(user.id)));
}

Response get_wallet(Context& ctx) { return json_response(200, wallet_info(ctx, ctx.store.wallet_of(ctx.current_user().id))); }

Response get_ledger(Context& ctx) {
    const Wallet wallet = registered_wallet(ctx);
    const auto page = ctx.store.ledger(wallet.pubkey, parse_page_limit(ctx, 50), parse_cursor(ctx));
    std::vector<nlohmann::json> items;
    for (const auto& e : page.items)
        items.push_back(api::LedgerItem{"le_" + std::to_string(e.seq), e.currency, e.amount, e.kind, e.ref, e.at_unix_s});
    return json_response(200, page_json(items, page.next_seq));
}

Response create_topup(Context& ctx) {
    if (!ctx.config.demo)
        throw ApiError(403, ProblemCode::faucet_disabled, "Faucet disabled", "Top-ups are only available in demo mode.");
    const auto body = ctx.json_body();
    FieldErrors errors;
    const std::string currency_text = body.value("currency", nlohmann::json()).is_string() ? body["currency"].get<std::string>() : "";
    const std::string amount_text = body.value("amount", nlohmann::json()).is_string() ? body["amount"].get<std::string>() : "";
    const Currency currency = parse_currency(currency_text).value_or(Currency::CNY);
    const std::int64_t amount = parse_amount_minor(amount_text).value_or(0);
    if (is_fiat(currency)) errors["currency"] = "Choose BTC or USDT.";
    if (amount <= 0) errors["amount"] = "A positive amount in base units, as a decimal string.";
    else if (!is_fiat(currency) && amount > max_topup(currency)) errors["amount"] = "At most 1 BTC or 10,000 USDT at a time.";
    if (!errors.empty()) throw validation_error(std::move(errors));
    const Wallet wallet = registered_wallet(ctx);
    ctx.store.top_up(wallet.pubkey, currency, amount, ctx.now_unix_s);
    return json_response(201, wallet_info(ctx, wallet));
}

}  // namespace satstore::server::handlers
