#include <doctest/doctest.h>

#include <algorithm>

#include "core/hex.hpp"
#include "core/payment.hpp"
#include "vectors.hpp"

namespace pay = satstore::payment;
namespace hex = satstore::hex;

namespace {
pay::Bytes32 bytes32(const nlohmann::json& hex_value) {
    auto bytes = hex::decode(hex_value.get<std::string>(), 32);
    REQUIRE(bytes.has_value());
    pay::Bytes32 out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}
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
