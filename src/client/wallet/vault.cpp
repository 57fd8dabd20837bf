// satstore client — the wallet vault (see vault.hpp).
//
// Why the interactive cost (argon2id, 2 passes, 64 MiB) and not a lighter one: measured in wasm
// on this project's 2-vCPU machine it seals in ~280 ms and opens in ~215 ms (tests/client prints
// it), and the heap grows to fit (ALLOW_MEMORY_GROWTH). That is fast enough for one unlock per
// payment, so nothing weaker is needed.
#include "wallet/vault.hpp"

#include <cstdlib>
#include <cstdio>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "core/hex.hpp"

namespace satstore::client::wallet {
namespace {

using nlohmann::json;

constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;          // 16
constexpr std::size_t kNonceBytes = crypto_secretbox_NONCEBYTES;     // 24
constexpr std::size_t kBoxBytes = crypto_secretbox_MACBYTES + 32;    // 48
constexpr std::uint64_t kMaxMemBytes = 256ull << 20;  // refuse blobs that ask for absurd KDF memory
constexpr std::uint64_t kMaxOps = 10;

void ensure_sodium() {
    if (sodium_init() < 0) {
        std::fprintf(stderr, "satstore: libsodium failed to initialise\n");
        std::abort();
    }
}

// Derives the secretbox key; false when the KDF could not allocate.
bool derive(unsigned char key[crypto_secretbox_KEYBYTES], const std::string& password, const unsigned char* salt,
            std::uint64_t ops, std::uint64_t mem) {
    return crypto_pwhash(key, crypto_secretbox_KEYBYTES, password.data(), password.size(), salt, ops,
                         static_cast<std::size_t>(mem), crypto_pwhash_ALG_ARGON2ID13) == 0;
}

}  // namespace

void random_bytes(std::uint8_t* out, std::size_t n) {
    // getentropy() returns at most 256 bytes per call.
    for (std::size_t done = 0; done < n;) {
        const std::size_t chunk = std::min<std::size_t>(256, n - done);
        if (getentropy(out + done, chunk) != 0) {
            std::fprintf(stderr, "satstore: no CSPRNG available\n");
            std::abort();
        }
        done += chunk;
    }
}

payment::Bytes32 new_secret_key() {
    payment::Bytes32 key{};
    do {
        random_bytes(key.data(), key.size());
    } while (!payment::xonly_pubkey_hex(key));
    return key;
}

std::optional<std::string> seal(const payment::Bytes32& seckey32, const std::string& password, KdfCost cost) {
    ensure_sodium();
    const std::optional<std::string> pubkey = payment::xonly_pubkey_hex(seckey32);
    if (!pubkey || password.empty()) return std::nullopt;
    unsigned char salt[kSaltBytes], nonce[kNonceBytes], key[crypto_secretbox_KEYBYTES], box[kBoxBytes];
    random_bytes(salt, sizeof salt);
    random_bytes(nonce, sizeof nonce);
    if (!derive(key, password, salt, cost.ops, cost.mem_bytes)) return std::nullopt;
    crypto_secretbox_easy(box, seckey32.data(), seckey32.size(), nonce, key);
    sodium_memzero(key, sizeof key);
    const json blob = {{"v", 1},
                       {"kdf", "argon2id13"},
                       {"ops", cost.ops},
                       {"mem", cost.mem_bytes},
                       {"salt", hex::encode(salt, sizeof salt)},
                       {"nonce", hex::encode(nonce, sizeof nonce)},
                       {"box", hex::encode(box, sizeof box)},
                       {"pubkey", *pubkey}};
    return blob.dump();
}

Opened open(const std::string& blob_json, const std::string& password) {
    ensure_sodium();
    Opened result;
    const json j = json::parse(blob_json, nullptr, false);
    if (!j.is_object() || !j.contains("v") || !j["v"].is_number_integer() || !j.contains("ops") ||
        !j["ops"].is_number_unsigned() || !j.contains("mem") || !j["mem"].is_number_unsigned()) {
        return result;
    }
    for (const char* k : {"kdf", "salt", "nonce", "box"}) {
        if (!j.contains(k) || !j[k].is_string()) return result;
    }
    if (j.value("v", 0) != 1 || j.value("kdf", "") != "argon2id13") return result;
    const auto ops = j.value("ops", std::uint64_t{0});
    const auto mem = j.value("mem", std::uint64_t{0});
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > kMaxOps || mem < crypto_pwhash_MEMLIMIT_MIN || mem > kMaxMemBytes) {
        return result;
    }
    const auto salt = hex::decode(j.value("salt", ""), kSaltBytes);
    const auto nonce = hex::decode(j.value("nonce", ""), kNonceBytes);
    const auto box = hex::decode(j.value("box", ""), kBoxBytes);
    if (!salt || !nonce || !box) return result;
    unsigned char key[crypto_secretbox_KEYBYTES];
    if (!derive(key, password, salt->data(), ops, mem)) {
        result.error = OpenError::out_of_memory;
        return result;
    }
    payment::Bytes32 secret{};
    const bool ok = crypto_secretbox_open_easy(secret.data(), box->data(), box->size(), nonce->data(), key) == 0;
    sodium_memzero(key, sizeof key);
    if (!ok) {
        result.error = OpenError::wrong_password;
        return result;
    }
    result.seckey32 = secret;
    wipe(secret);
    return result;
}

std::string blob_pubkey(const std::string& blob_json) {
    const json j = json::parse(blob_json, nullptr, false);
    if (!j.is_object() || !j.contains("pubkey") || !j["pubkey"].is_string()) return {};
    const std::string pubkey = j.value("pubkey", "");
    return hex::is_lower_hex(pubkey, 64) ? pubkey : std::string();
}

void wipe(payment::Bytes32& secret) { sodium_memzero(secret.data(), secret.size()); }

}  // namespace satstore::client::wallet
