// The wallet vault: round trip, wrong password, tampering and malformed blobs (wallet/vault.hpp).
#include <chrono>
#include <cstdio>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/payment.hpp"
#include "wallet/vault.hpp"

using namespace satstore;
using namespace satstore::client;

namespace {

// A cheap KDF cost keeps the misuse tests fast; one test measures the real (default) cost.
constexpr wallet::KdfCost kFast{1, 8u << 20};

payment::Bytes32 key_of(std::uint8_t fill) {
    payment::Bytes32 k{};
    k.fill(fill);
    return k;
}

}  // namespace

TEST_CASE("new keys are valid secp256k1 secret keys and differ") {
    const payment::Bytes32 a = wallet::new_secret_key();
    const payment::Bytes32 b = wallet::new_secret_key();
    CHECK(payment::xonly_pubkey_hex(a));
    CHECK(a != b);
}

TEST_CASE("seal then open with the password gives the key back; the blob names its public key") {
    const payment::Bytes32 key = key_of(7);
    const auto blob = wallet::seal(key, "correct horse", kFast);
    REQUIRE(blob);
    const nlohmann::json j = nlohmann::json::parse(*blob);
    CHECK(j.at("v") == 1);
    CHECK(j.at("kdf") == "argon2id13");
    CHECK(j.at("salt").get<std::string>().size() == 32);
    CHECK(j.at("nonce").get<std::string>().size() == 48);
    CHECK(j.at("box").get<std::string>().size() == 96);
    CHECK(blob->find(payment::xonly_pubkey_hex(key).value()) != std::string::npos);
    CHECK(wallet::blob_pubkey(*blob) == payment::xonly_pubkey_hex(key).value());
    const wallet::Opened opened = wallet::open(*blob, "correct horse");
    REQUIRE(opened.seckey32);
    CHECK(*opened.seckey32 == key);
}

TEST_CASE("two seals of one key use fresh salt and nonce") {
    const auto a = wallet::seal(key_of(9), "pw-pw-pw-pw", kFast);
    const auto b = wallet::seal(key_of(9), "pw-pw-pw-pw", kFast);
    REQUIRE((a && b));
    CHECK(nlohmann::json::parse(*a).at("salt") != nlohmann::json::parse(*b).at("salt"));
    CHECK(nlohmann::json::parse(*a).at("box") != nlohmann::json::parse(*b).at("box"));
}

TEST_CASE("a wrong password or a tampered box opens nothing") {
    const auto blob = wallet::seal(key_of(7), "correct horse", kFast);
    REQUIRE(blob);
    const wallet::Opened wrong = wallet::open(*blob, "correct horsf");
    CHECK_FALSE(wrong.seckey32);
    CHECK(wrong.error == wallet::OpenError::wrong_password);

    nlohmann::json j = nlohmann::json::parse(*blob);
    std::string box = j["box"];
    box[0] = box[0] == '0' ? '1' : '0';
    j["box"] = box;
    const wallet::Opened tampered = wallet::open(j.dump(), "correct horse");
    CHECK_FALSE(tampered.seckey32);
    CHECK(tampered.error == wallet::OpenError::wrong_password);
}

TEST_CASE("invalid keys and empty passwords are not sealed") {
    CHECK_FALSE(wallet::seal(key_of(0), "password", kFast));     // zero is not a secret key
    CHECK_FALSE(wallet::seal(key_of(0xff), "password", kFast));  // above the curve order
    CHECK_FALSE(wallet::seal(key_of(7), "", kFast));
}

TEST_CASE("malformed blobs are reported as malformed, never opened") {
    const auto blob = wallet::seal(key_of(7), "pw", kFast);
    REQUIRE(blob);
    const nlohmann::json good = nlohmann::json::parse(*blob);
    std::vector<std::string> bad = {"", "not json", "[]", "{}"};
    for (const char* field : {"v", "kdf", "ops", "mem", "salt", "nonce", "box"}) {
        nlohmann::json j = good;
        j.erase(field);
        bad.push_back(j.dump());
        j = good;
        j[field] = nlohmann::json::array();
        bad.push_back(j.dump());
    }
    nlohmann::json j = good;
    j["v"] = 2;
    bad.push_back(j.dump());
    j = good;
    j["mem"] = 1ull << 40;  // a blob must not make us allocate a terabyte
    bad.push_back(j.dump());
    j = good;
    j["salt"] = "zz";
    bad.push_back(j.dump());
    for (const std::string& b : bad) {
        CAPTURE(b);
        const wallet::Opened o = wallet::open(b, "pw");
        CHECK_FALSE(o.seckey32);
        CHECK(o.error == wallet::OpenError::malformed);
    }
    CHECK(wallet::blob_pubkey("{\"pubkey\": 5}").empty());
}

TEST_CASE("the default (interactive) cost works in wasm; its time is printed") {
    const auto start = std::chrono::steady_clock::now();
    const auto blob = wallet::seal(key_of(7), "correct horse");
    const auto sealed = std::chrono::steady_clock::now();
    REQUIRE(blob);
    const wallet::Opened opened = wallet::open(*blob, "correct horse");
    const auto done = std::chrono::steady_clock::now();
    REQUIRE(opened.seckey32);
    using ms = std::chrono::milliseconds;
    std::printf("argon2id ops=2 mem=64MiB: seal %lld ms, open %lld ms\n",
                static_cast<long long>(std::chrono::duration_cast<ms>(sealed - start).count()),
                static_cast<long long>(std::chrono::duration_cast<ms>(done - sealed).count()));
}
