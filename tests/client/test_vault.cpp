// The wallet vault: round trip, wrong password, tampering and malformed blobs (wallet/vault.hpp).
#include <chrono>
#include <cstdio>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sodium.h>

#include "core/hex.hpp"
#include "core/payment.hpp"
#include "wallet/vault.hpp"

using namespace satstore;
using namespace satstore::client;

namespace {

// A cheap KDF cost keeps the misuse tests fast (passed as open()'s minimum too); one test
// measures the real (default) cost.
constexpr wallet::KdfCost kFast{1, 8u << 20};
const std::string kUser = "usr_0123456789abcdef0123";

std::optional<std::string> seal_fast(const payment::Bytes32& key, const std::string& password) {
    return wallet::seal(key, password, kUser, kFast);
}

wallet::Opened open_fast(const std::string& blob, const std::string& password, const std::string& user = kUser) {
    return wallet::open(blob, password, user, kFast);
}

// A v1 blob as the client wrote it before issue 17: secretbox over the key, header unauthenticated.
std::string v1_blob(const payment::Bytes32& key, const std::string& password, wallet::KdfCost cost) {
    unsigned char salt[crypto_pwhash_SALTBYTES], nonce[crypto_secretbox_NONCEBYTES], k[crypto_secretbox_KEYBYTES];
    unsigned char box[crypto_secretbox_MACBYTES + 32];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    REQUIRE(crypto_pwhash(k, sizeof k, password.data(), password.size(), salt, cost.ops, cost.mem_bytes,
                          crypto_pwhash_ALG_ARGON2ID13) == 0);
    crypto_secretbox_easy(box, key.data(), key.size(), nonce, k);
    return nlohmann::json{{"v", 1}, {"kdf", "argon2id13"}, {"ops", cost.ops}, {"mem", cost.mem_bytes},
                          {"salt", hex::encode(salt, sizeof salt)}, {"nonce", hex::encode(nonce, sizeof nonce)},
                          {"box", hex::encode(box, sizeof box)}, {"pubkey", payment::xonly_pubkey_hex(key).value()}}
        .dump();
}

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
    const auto blob = seal_fast(key, "correct horse");
    REQUIRE(blob);
    const nlohmann::json j = nlohmann::json::parse(*blob);
    CHECK(j.at("v") == 2);
    CHECK(j.at("user") == kUser);
    CHECK(j.at("check").get<std::string>().size() == 32);
    CHECK(j.at("kdf") == "argon2id13");
    CHECK(j.at("salt").get<std::string>().size() == 32);
    CHECK(j.at("nonce").get<std::string>().size() == 48);
    CHECK(j.at("box").get<std::string>().size() == 96);
    CHECK(blob->find(payment::xonly_pubkey_hex(key).value()) != std::string::npos);
    CHECK(wallet::blob_pubkey(*blob) == payment::xonly_pubkey_hex(key).value());
    const wallet::Opened opened = open_fast(*blob, "correct horse");
    REQUIRE(opened.seckey32);
    CHECK(*opened.seckey32 == key);
    CHECK_FALSE(opened.upgrade);
}

TEST_CASE("two seals of one key use fresh salt and nonce") {
    const auto a = seal_fast(key_of(9), "pw-pw-pw-pw");
    const auto b = seal_fast(key_of(9), "pw-pw-pw-pw");
    REQUIRE((a && b));
    CHECK(nlohmann::json::parse(*a).at("salt") != nlohmann::json::parse(*b).at("salt"));
    CHECK(nlohmann::json::parse(*a).at("box") != nlohmann::json::parse(*b).at("box"));
}

TEST_CASE("a wrong password or a tampered box opens nothing") {
    const auto blob = seal_fast(key_of(7), "correct horse");
    REQUIRE(blob);
    const wallet::Opened wrong = open_fast(*blob, "correct horsf");
    CHECK_FALSE(wrong.seckey32);
    CHECK(wrong.error == wallet::OpenError::wrong_password);

    nlohmann::json j = nlohmann::json::parse(*blob);
    std::string box = j["box"];
    box[0] = box[0] == '0' ? '1' : '0';
    j["box"] = box;
    const wallet::Opened tampered = open_fast(j.dump(), "correct horse");
    CHECK_FALSE(tampered.seckey32);
    CHECK(tampered.error == wallet::OpenError::untrusted);  // the password was right
}

TEST_CASE("invalid keys and empty passwords are not sealed") {
    CHECK_FALSE(seal_fast(key_of(0), "password"));     // zero is not a secret key
    CHECK_FALSE(seal_fast(key_of(0xff), "password"));  // above the curve order
    CHECK_FALSE(seal_fast(key_of(7), ""));
    CHECK_FALSE(wallet::seal(key_of(7), "password", "", kFast));  // no account
}

TEST_CASE("malformed blobs are reported as malformed, never opened") {
    const auto blob = seal_fast(key_of(7), "pw");
    REQUIRE(blob);
    const nlohmann::json good = nlohmann::json::parse(*blob);
    std::vector<std::string> bad = {"", "not json", "[]", "{}"};
    for (const char* field : {"v", "kdf", "ops", "mem", "salt", "nonce", "box", "pubkey", "user", "check"}) {
        nlohmann::json j = good;
        j.erase(field);
        bad.push_back(j.dump());
        j = good;
        j[field] = nlohmann::json::array();
        bad.push_back(j.dump());
    }
    nlohmann::json j = good;
    j["v"] = 3;
    bad.push_back(j.dump());
    j = good;
    j["mem"] = 1ull << 40;  // a blob must not make us allocate a terabyte
    bad.push_back(j.dump());
    j = good;
    j["salt"] = "zz";
    bad.push_back(j.dump());
    for (const std::string& b : bad) {
        CAPTURE(b);
        const wallet::Opened o = open_fast(b, "pw");
        CHECK_FALSE(o.seckey32);
        CHECK(o.error == wallet::OpenError::malformed);
    }
    CHECK(wallet::blob_pubkey("{\"pubkey\": 5}").empty());
}

TEST_CASE("a changed header is refused as untrusted, never opened: cost, public key, account") {
    const payment::Bytes32 key = key_of(7);
    const auto blob = seal_fast(key, "correct horse");
    REQUIRE(blob);
    const nlohmann::json good = nlohmann::json::parse(*blob);
    auto untrusted = [](const nlohmann::json& j, const std::string& user = kUser) {
        CAPTURE(j.dump());
        const wallet::Opened o = open_fast(j.dump(), "correct horse", user);
        CHECK_FALSE(o.seckey32);
        CHECK(o.error == wallet::OpenError::untrusted);
    };
    nlohmann::json j = good;
    j["pubkey"] = payment::xonly_pubkey_hex(key_of(8)).value();  // swap the public half
    untrusted(j);
    j = good;
    j["ops"] = 2;  // a stronger cost derives another key: indistinguishable from a wrong password
    CHECK(open_fast(j.dump(), "correct horse").error == wallet::OpenError::wrong_password);
    j = good;
    j["user"] = "usr_someone_else";
    untrusted(j, "usr_someone_else");
    untrusted(good, "usr_someone_else");  // another account's vault

    // Below the minimum the KDF is never run: the app's minimum is the creation default.
    const wallet::Opened weak = wallet::open(*blob, "correct horse", kUser);
    CHECK_FALSE(weak.seckey32);
    CHECK(weak.error == wallet::OpenError::untrusted);
}

TEST_CASE("a v1 blob opens once, with the same minimum cost and a checked public key, and asks for an upgrade") {
    const payment::Bytes32 key = key_of(7);
    const std::string v1 = v1_blob(key, "correct horse", kFast);
    const wallet::Opened opened = open_fast(v1, "correct horse");
    REQUIRE(opened.seckey32);
    CHECK(*opened.seckey32 == key);
    CHECK(opened.upgrade);
    CHECK(open_fast(v1, "wrong horse").error == wallet::OpenError::wrong_password);

    nlohmann::json j = nlohmann::json::parse(v1);
    j["pubkey"] = payment::xonly_pubkey_hex(key_of(8)).value();  // v1 did not authenticate it
    CHECK(open_fast(j.dump(), "correct horse").error == wallet::OpenError::untrusted);
    j = nlohmann::json::parse(v1);
    j["ops"] = 1;
    j["mem"] = 8192;  // libsodium's floor, which v1 accepted
    CHECK(open_fast(j.dump(), "correct horse").error == wallet::OpenError::untrusted);
    CHECK(wallet::open(v1, "correct horse", kUser).error == wallet::OpenError::untrusted);  // below the default
}

TEST_CASE("the default (interactive) cost works in wasm; its time is printed") {
    const auto start = std::chrono::steady_clock::now();
    const auto blob = wallet::seal(key_of(7), "correct horse", kUser);
    const auto sealed = std::chrono::steady_clock::now();
    REQUIRE(blob);
    const wallet::Opened opened = wallet::open(*blob, "correct horse", kUser);
    const auto done = std::chrono::steady_clock::now();
    REQUIRE(opened.seckey32);
    using ms = std::chrono::milliseconds;
    std::printf("argon2id ops=2 mem=64MiB: seal %lld ms, open %lld ms\n",
                static_cast<long long>(std::chrono::duration_cast<ms>(sealed - start).count()),
                static_cast<long long>(std::chrono::duration_cast<ms>(done - sealed).count()));
}
