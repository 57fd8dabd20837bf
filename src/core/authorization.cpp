#include "core/authorization.hpp"

#include <set>

#include "core/hex.hpp"
#include "core/jcs.hpp"

namespace satstore {

nlohmann::json to_json_fields(const Authorization& a) {
    return {{"v", a.v},
            {"store", a.store},
            {"order", a.order},
            {"order_digest", a.order_digest},
            {"quote", a.quote},
            {"currency", currency_code(a.currency)},
            {"amount", amount_to_string(a.amount)},
            {"payer", a.payer},
            {"nonce", a.nonce},
            {"expires", a.expires_unix_s}};
}

ParsedAuthorization parse_authorization(const nlohmann::json& fields) {
    ParsedAuthorization out;
    FieldErrors& e = out.errors;
    Authorization& a = out.authorization;
    const std::string p = "authorization.";
    if (!fields.is_object()) {
        e["authorization"] = "Expected an object with the authorization fields.";
        return out;
    }
    static const std::set<std::string> known = {"v", "store", "order", "order_digest", "quote",
                                                "currency", "amount", "payer", "nonce", "expires"};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!known.count(it.key())) e[p + it.key()] = "Unknown field: an authorization has exactly the v1 fields.";

    auto text = [&](const char* key, std::size_t max_bytes) -> std::string {
        auto it = fields.find(key);
        if (it == fields.end() || !it->is_string() || it->get_ref<const std::string&>().empty() ||
            it->get_ref<const std::string&>().size() > max_bytes) {
            e[p + key] = "Required text.";
            return {};
        }
        return it->get<std::string>();
    };
    auto integer = [&](const char* key) -> std::optional<std::int64_t> {
        auto it = fields.find(key);
        if (it == fields.end() || !(it->is_number_integer() || it->is_number_unsigned()) ||
            (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
            e[p + key] = "Required whole number.";
            return std::nullopt;
        }
        return it->get<std::int64_t>();
    };

    if (const auto v = integer("v"); v && *v != 1) e[p + "v"] = "Only version 1 is supported.";
    a.store = text("store", 64);
    a.order = text("order", 64);
    a.order_digest = text("order_digest", 64);
    if (!a.order_digest.empty() && !hex::is_lower_hex(a.order_digest, 64)) e[p + "order_digest"] = "64 lowercase hex digits.";
    a.quote = text("quote", 64);
    const std::string currency = text("currency", 8);
    if (const auto c = parse_currency(currency); c && !is_fiat(*c)) a.currency = *c;
    else if (!currency.empty()) e[p + "currency"] = "A crypto currency: BTC or USDT.";
    const std::string amount = text("amount", 20);
    if (const auto n = parse_amount_minor(amount); n && *n > 0) a.amount = *n;
    else if (!amount.empty()) e[p + "amount"] = "A positive decimal string of base units.";
    a.payer = text("payer", 64);
    if (!a.payer.empty() && !hex::is_lower_hex(a.payer, 64)) e[p + "payer"] = "64 lowercase hex digits.";
    a.nonce = text("nonce", 32);
    if (!a.nonce.empty() && !hex::is_lower_hex(a.nonce, 32)) e[p + "nonce"] = "32 lowercase hex digits.";
    if (const auto expires = integer("expires")) a.expires_unix_s = *expires;
    return out;
}

payment::Bytes32 authorization_digest(const Authorization& a) {
    // Every member is a string or an integer, so canonicalization cannot fail.
    return payment::tagged_hash(payment::kPaymentTag, *jcs::canonicalize(to_json_fields(a)));
}

std::optional<std::string> sign_authorization(const Authorization& a, const payment::Bytes32& seckey32,
                                              const payment::Bytes32& aux_rand32) {
    return payment::sign_digest(authorization_digest(a), seckey32, aux_rand32);
}

bool verify_authorization(const Authorization& a, const std::string& sig_hex) {
    return payment::verify_digest(authorization_digest(a), sig_hex, a.payer);
}

payment::Bytes32 wallet_bind_digest(const std::string& pubkey_hex, const std::string& store, const std::string& user_id) {
    const nlohmann::json message = {{"pubkey", pubkey_hex}, {"store", store}, {"user", user_id}, {"v", 1}};
    return payment::tagged_hash(payment::kWalletBindTag, *jcs::canonicalize(message));
}

std::optional<Authorization> authorization_for(const Order& order, const std::string& payer_hex,
                                               const std::string& nonce_hex) {
    const std::optional<std::string> digest = payment::order_digest_hex(order_summary(order));
    if (!order.quote || !digest) return std::nullopt;
    Authorization a;
    a.store = order.store;
    a.order = order.id;
    a.order_digest = *digest;
    a.quote = order.quote->id;
    a.currency = order.quote->currency;
    a.amount = order.quote->amount;
    a.payer = payer_hex;
    a.nonce = nonce_hex;
    a.expires_unix_s = order.quote->expires_at_unix_s;
    return a;
}

PaymentVerdict check_authorization(const Authorization& a, const std::string& sig_hex, const Order& order,
                                   const std::string& registered_payer, std::int64_t now_unix_s) {
    const auto mismatch = [](std::string field, std::string detail) {
        return PaymentVerdict{PaymentCheck::mismatch, std::move(field), std::move(detail)};
    };
    // 2. The order as the store holds it.
    if (a.store != order.store) return mismatch("store", "The authorization names another store.");
    if (a.order != order.id) return mismatch("order", "The authorization is for another order.");
    if (!transition(order.status, OrderEvent::pay, Actor::buyer) || !order.quote)
        return {PaymentCheck::order_not_payable, {},
                order.status == OrderStatus::cancelled ? "The order was cancelled." : "The order is not awaiting payment."};
    const Quote& quote = *order.quote;
    if (a.quote != quote.id) return mismatch("quote", "The authorization signs a quote that is not the order's current one.");
    if (a.currency != quote.currency) return mismatch("currency", "The currency differs from the quote's.");
    if (a.amount != quote.amount) return mismatch("amount", "The amount differs from the quote's.");
    if (a.order_digest != payment::order_digest_hex(order_summary(order)))
        return mismatch("order_digest", "The order contents or address differ from what was signed.");
    // 3. Time.
    if (now_unix_s > a.expires_unix_s || a.expires_unix_s > quote.expires_at_unix_s || now_unix_s > quote.expires_at_unix_s)
        return {PaymentCheck::quote_expired, {}, "The quote or the authorization has expired. Get a new quote and sign again."};
    // 4. Payer.
    if (registered_payer.empty() || registered_payer != a.payer)
        return {PaymentCheck::payer_not_registered, {}, "The paying key is not the wallet registered with this account."};
    // 5. Signature.
    if (!verify_authorization(a, sig_hex))
        return {PaymentCheck::signature_invalid, "sig", "The signature does not verify. Check the payment password and sign again."};
    return {};
}

}  // namespace satstore
