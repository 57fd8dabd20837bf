// The payment rule both sides apply (core/authorization.hpp): the client builds the authorization
// with authorization_for(), the server's store checks it with check_authorization() — built from
// the recorded vectors' orders, keys and signatures.
#include <doctest/doctest.h>

#include "core/authorization.hpp"
#include "vectors.hpp"

using namespace satstore;

namespace {

// The order of a valid vector, as the store would hold it, awaiting payment of the vector's quote.
Order order_of(const nlohmann::json& vec) {
    const auto& fields = vec.at("fields");
    Order o = test::order_of_summary(vec.at("order"));
    o.status = OrderStatus::pending_payment;
    Quote q;
    q.id = fields.at("quote");
    q.currency = fields.at("currency").get<Currency>();
    q.amount = *parse_amount_minor(fields.at("amount").get<std::string>());
    q.expires_at_unix_s = fields.at("expires");
    o.quote = q;
    return o;
}

}  // namespace

TEST_CASE("authorization_for rebuilds every valid vector's fields from its order; check_authorization accepts them") {
    for (const auto& vec : test::payment_vectors().at("valid")) {
        const Order o = order_of(vec);
        const auto& fields = vec.at("fields");
        const auto a = authorization_for(o, vec.at("pubkey"), fields.at("nonce"));
        REQUIRE(a);
        CHECK(to_json_fields(*a) == fields);
        const std::string sig = vec.at("sig");
        const std::int64_t now = a->expires_unix_s - 60;
        CHECK(check_authorization(*a, sig, o, vec.at("pubkey"), now).check == PaymentCheck::ok);
        // The client's own signature passes too.
        const auto own = sign_authorization(*a, test::bytes32(vec.at("seckey")), test::bytes32(vec.at("aux_rand")));
        REQUIRE(own);
        CHECK(*own == sig);
    }
}

TEST_CASE("check_authorization refuses in PAYMENT.md's order, naming the field") {
    const auto& vec = test::payment_vectors().at("valid").at(0);
    const Order o = order_of(vec);
    const std::string payer = vec.at("pubkey");
    const Authorization a = *authorization_for(o, payer, vec.at("fields").at("nonce"));
    const std::string sig = vec.at("sig");
    const std::int64_t now = a.expires_unix_s - 60;
    const auto verdict = [&](const Authorization& x, const Order& order, std::int64_t at = 0, const std::string& s = {},
                             const std::string& registered = {}) {
        return check_authorization(x, s.empty() ? sig : s, order, registered.empty() ? payer : registered, at ? at : now);
    };

    for (const char* field : {"store", "order", "quote", "order_digest"}) {
        Authorization x = a;
        if (std::string(field) == "store") x.store = "other";
        if (std::string(field) == "order") x.order = "ord_other";
        if (std::string(field) == "quote") x.quote = "q_other";
        if (std::string(field) == "order_digest") x.order_digest = std::string(64, '0');
        const PaymentVerdict v = verdict(x, o);
        CAPTURE(field);
        CHECK(v.check == PaymentCheck::mismatch);
        CHECK(v.field == field);
    }
    Authorization more = a;
    more.amount += 1;
    CHECK(verdict(more, o).field == "amount");
    Authorization other_coin = a;
    other_coin.currency = a.currency == Currency::BTC ? Currency::USDT : Currency::BTC;
    CHECK(verdict(other_coin, o).field == "currency");

    // The address changed after signing: the digest no longer matches.
    Order moved = o;
    moved.ship_to.street += " 2";
    CHECK(verdict(a, moved).field == "order_digest");

    // Orders the state machine does not let pay, whatever is signed.
    for (OrderStatus st : {OrderStatus::paid, OrderStatus::shipped, OrderStatus::cancelled, OrderStatus::completed}) {
        Order done = o;
        done.status = st;
        CHECK(verdict(a, done).check == PaymentCheck::order_not_payable);
    }
    Order unquoted = o;
    unquoted.quote.reset();
    CHECK(verdict(a, unquoted).check == PaymentCheck::order_not_payable);
    CHECK_FALSE(authorization_for(unquoted, payer, "00"));

    // Time: now ≤ expires ≤ quote.expires_at.
    CHECK(verdict(a, o, a.expires_unix_s + 1).check == PaymentCheck::quote_expired);
    Authorization late = a;
    late.expires_unix_s += 1;
    CHECK(verdict(late, o).check == PaymentCheck::quote_expired);

    // Payer, then signature.
    CHECK(verdict(a, o, 0, {}, std::string(64, 'a')).check == PaymentCheck::payer_not_registered);
    CHECK(check_authorization(a, sig, o, "", now).check == PaymentCheck::payer_not_registered);
    std::string flipped = sig;
    flipped[0] = flipped[0] == '0' ? '1' : '0';
    CHECK(verdict(a, o, 0, flipped).check == PaymentCheck::signature_invalid);
}
