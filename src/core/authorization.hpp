// satstore core — the payment authorization of PAYMENT.md v1: its exact shape, its digest, and
// signing and verifying it; plus the wallet-binding proof.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/money.hpp"
#include "core/order.hpp"
#include "core/payment.hpp"

namespace satstore {

struct Authorization {
    int v = 1;
    std::string store;
    std::string order;
    std::string order_digest;  // 64 lowercase hex
    std::string quote;
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;   // base units; a decimal string in JSON
    std::string payer;         // 64 lowercase hex, x-only public key
    std::string nonce;         // 32 lowercase hex
    std::int64_t expires_unix_s = 0;

    friend bool operator==(const Authorization&, const Authorization&) = default;
};

// The JSON fields exactly as PAYMENT.md lists them.
nlohmann::json to_json_fields(const Authorization& a);

// Parses untrusted fields: every field present with the right type and form, no other field,
// v == 1, currency a crypto currency. Errors are keyed "authorization.<field>".
struct ParsedAuthorization {
    Authorization authorization;
    FieldErrors errors;
};
ParsedAuthorization parse_authorization(const nlohmann::json& fields);

// digest = tagged_hash("satstore/payment/v1", JCS(fields)).
payment::Bytes32 authorization_digest(const Authorization& a);

// Signs with a 32-byte secret key and 32 bytes of fresh randomness; nullopt for a bad key.
std::optional<std::string> sign_authorization(const Authorization& a, const payment::Bytes32& seckey32,
                                              const payment::Bytes32& aux_rand32);

// True when `sig_hex` is a valid BIP-340 signature of `a` by `a.payer`.
bool verify_authorization(const Authorization& a, const std::string& sig_hex);

// --- The rule both sides apply (PAYMENT.md "What the server checks", steps 2–5) ----------------

// What the buyer signs for an order's current quote: every field from the order as the server
// sent it, the payer's key and a fresh nonce; it expires with the quote. nullopt when the order
// has no quote or its digest cannot be computed.
std::optional<Authorization> authorization_for(const Order& order, const std::string& payer_hex,
                                               const std::string& nonce_hex);

enum class PaymentCheck {
    ok,
    order_not_payable,     // 409: the rules do not let this order be paid (core::transition)
    mismatch,              // 422 authorization_mismatch: `field` differs from the order
    quote_expired,         // 409: now ≤ expires ≤ quote.expires_at does not hold
    payer_not_registered,  // 403: the payer is not the caller's registered wallet
    signature_invalid,     // 422
};
struct PaymentVerdict {
    PaymentCheck check = PaymentCheck::ok;
    std::string field;   // for mismatch: "store", "order", "quote", "currency", "amount", "order_digest"
    std::string detail;  // a sentence for the buyer
};

// Checks a received authorization and its signature against the order as the store holds it,
// in PAYMENT.md's order; `registered_payer` is the caller's wallet key ("" when none). The
// server calls it inside the settling transaction, under the order's lock; the client's
// authorization_for() passes it by construction (the core tests prove it).
PaymentVerdict check_authorization(const Authorization& a, const std::string& sig_hex, const Order& order,
                                   const std::string& registered_payer, std::int64_t now_unix_s);

// The wallet-binding message: tagged_hash("satstore/wallet-bind/v1",
// JCS({"pubkey","store","user","v":1})). Its signature is the `proof` of PUT /wallet.
payment::Bytes32 wallet_bind_digest(const std::string& pubkey_hex, const std::string& store,
                                    const std::string& user_id);

}  // namespace satstore
