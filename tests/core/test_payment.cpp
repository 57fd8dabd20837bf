#include <doctest/doctest.h>

#include <algorithm>

#include "core/hex.hpp"
#include "core/payment.hpp"
#include "vectors.hpp"

namespace pay = satstore::payment;
namespace hex = satstore::hex;

namespace {
using satstore::test::bytes32;
std::string to_hex(const pay::Bytes32& b) { return hex::encode(b.data(), b.size()); }
}  // namespace

TEST_CASE("order and payment digests match every valid vector") {
    for (const auto& vec : satstore::test::payment_vectors().at("valid")) {
        CHECK(pay::order_digest_hex(vec.at("order")) == vec.at("order_digest").get<std::string>());
        CHECK(vec.at("fields").at("order_digest") == vec.at("order_digest"));
        auto digest = pay::digest_of(pay::kPaymentTag, vec.at("fields"));
        REQUIRE(digest.has_value());
        CHECK(to_hex(*digest) == vec.at("digest").get<std::string>());
    }
}

TEST_CASE("signing with the vector's aux_rand reproduces its signature exactly") {
    for (const auto& vec : satstore::test::payment_vectors().at("valid")) {
        const auto seckey = bytes32(vec.at("seckey"));
        CHECK(pay::xonly_pubkey_hex(seckey) == vec.at("pubkey").get<std::string>());
        const auto digest = bytes32(vec.at("digest"));
        CHECK(pay::sign_digest(digest, seckey, bytes32(vec.at("aux_rand"))) == vec.at("sig").get<std::string>());
        CHECK(pay::verify_digest(digest, vec.at("sig").get<std::string>(), vec.at("pubkey").get<std::string>()));
    }
}

TEST_CASE("every invalid vector is rejected") {
    for (const auto& vec : satstore::test::payment_vectors().at("invalid")) {
        CAPTURE(vec.at("why").get<std::string>());
        // The verifier recomputes the digest from the fields; it never trusts a supplied digest.
        auto digest = pay::digest_of(pay::kPaymentTag, vec.at("fields"));
        REQUIRE(digest.has_value());
        CHECK_FALSE(pay::verify_digest(*digest, vec.at("sig").get<std::string>(), vec.at("pubkey").get<std::string>()));
    }
}

TEST_CASE("malformed signatures and keys are rejected, not crashed on") {
    const auto& vec = satstore::test::payment_vectors().at("valid").at(0);
    const auto digest = bytes32(vec.at("digest"));
    const std::string sig = vec.at("sig"), pub = vec.at("pubkey");
    CHECK_FALSE(pay::verify_digest(digest, "", pub));
    CHECK_FALSE(pay::verify_digest(digest, sig.substr(2), pub));
    CHECK_FALSE(pay::verify_digest(digest, "zz" + sig.substr(2), pub));
    CHECK_FALSE(pay::verify_digest(digest, sig, "00" + pub.substr(2)));
    CHECK_FALSE(pay::verify_digest(digest, sig, std::string(64, 'f')));
    pay::Bytes32 zero{};
    CHECK_FALSE(pay::xonly_pubkey_hex(zero).has_value());
    CHECK_FALSE(pay::sign_digest(digest, zero, zero).has_value());
}

#include "core/authorization.hpp"

TEST_CASE("authorizations parse strictly and verify exactly as the vectors say") {
    for (const auto& vec : satstore::test::payment_vectors().at("valid")) {
        auto parsed = satstore::parse_authorization(vec.at("fields"));
        REQUIRE(parsed.errors.empty());
        CHECK(satstore::to_json_fields(parsed.authorization) == vec.at("fields"));
        CHECK(to_hex(satstore::authorization_digest(parsed.authorization)) == vec.at("digest").get<std::string>());
        CHECK(satstore::verify_authorization(parsed.authorization, vec.at("sig")));
        CHECK(satstore::sign_authorization(parsed.authorization, bytes32(vec.at("seckey")), bytes32(vec.at("aux_rand"))) ==
              vec.at("sig").get<std::string>());
    }
    for (const auto& vec : satstore::test::payment_vectors().at("invalid")) {
        CAPTURE(vec.at("why").get<std::string>());
        auto parsed = satstore::parse_authorization(vec.at("fields"));
        REQUIRE(parsed.errors.empty());
        // The vector's key is what the payer claims; a changed payer field is also covered by the digest.
        auto a = parsed.authorization;
        a.payer = vec.at("pubkey");
        CHECK_FALSE(satstore::verify_authorization(a, vec.at("sig")));
    }
}

TEST_CASE("malformed authorizations are refused field by field") {
    const auto fields = satstore::test::payment_vectors().at("valid").at(0).at("fields");
    auto with = [&](const char* key, nlohmann::json value) {
        auto f = fields;
        if (value.is_discarded()) f.erase(key);
        else f[key] = value;
        return satstore::parse_authorization(f).errors;
    };
    CHECK(with("v", 2).count("authorization.v"));
    CHECK(with("amount", 100).count("authorization.amount"));
    CHECK(with("amount", "0").count("authorization.amount"));
    CHECK(with("amount", "01").count("authorization.amount"));
    CHECK(with("currency", "CNY").count("authorization.currency"));
    CHECK(with("payer", std::string(64, 'G')).count("authorization.payer"));
    CHECK(with("payer", std::string(64, 'A')).count("authorization.payer"));
    CHECK(with("nonce", "abc").count("authorization.nonce"));
    CHECK(with("expires", "1795000000").count("authorization.expires"));
    CHECK(with("expires", 1.5).count("authorization.expires"));
    CHECK(with("extra", true).count("authorization.extra"));
    CHECK(with("quote", nlohmann::json(nlohmann::json::value_t::discarded)).count("authorization.quote"));
    CHECK(satstore::parse_authorization(nlohmann::json::array()).errors.count("authorization"));
}

TEST_CASE("wallet binding proofs") {
    const auto& vec = satstore::test::payment_vectors().at("valid").at(0);
    const auto seckey = bytes32(vec.at("seckey"));
    const std::string pub = vec.at("pubkey");
    const auto digest = satstore::wallet_bind_digest(pub, "demo-store", "usr_1");
    const auto proof = pay::sign_digest(digest, seckey, pay::Bytes32{});
    REQUIRE(proof.has_value());
    CHECK(pay::verify_digest(digest, *proof, pub));
    CHECK_FALSE(pay::verify_digest(satstore::wallet_bind_digest(pub, "demo-store", "usr_2"), *proof, pub));
}
