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
#include "core/jcs.hpp"
#include "core/json_text.hpp"

namespace satstore::client::wallet {
namespace {

using nlohmann::json;

constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;                          // 16
constexpr std::size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;       // 32
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;    // 24 (v1: secretbox's, also 24)
constexpr std::size_t kBoxBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES + 32;    // 48 (v1: secretbox's, also 48)
constexpr std::size_t kCheckBytes = 16;
constexpr std::uint64_t kMaxMemBytes = 256ull << 20;  // refuse blobs that ask for absurd KDF memory
constexpr std::uint64_t kMaxOps = 10;
constexpr const char* kCheckMessage = "satstore wallet password check";

static_assert(crypto_secretbox_KEYBYTES == kKeyBytes && crypto_secretbox_NONCEBYTES == kNonceBytes &&
              crypto_secretbox_MACBYTES + 32 == kBoxBytes);

void ensure_sodium() {
    if (sodium_init() < 0) {
        std::fprintf(stderr, "satstore: libsodium failed to initialise\n");
        std::abort();
    }
}

// Derives the box key; false when the KDF could not allocate.
bool derive(unsigned char key[kKeyBytes], const std::string& password, const unsigned char* salt, std::uint64_t ops,
            std::uint64_t mem) {
    return crypto_pwhash(key, kKeyBytes, password.data(), password.size(), salt, ops, static_cast<std::size_t>(mem),
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

std::string password_check(const unsigned char key[kKeyBytes]) {
    unsigned char check[kCheckBytes];
    crypto_generichash(check, sizeof check, reinterpret_cast<const unsigned char*>(kCheckMessage),
                       std::char_traits<char>::length(kCheckMessage), key, kKeyBytes);
    return hex::encode(check, sizeof check);
}

// The associated data of a v2 box: the blob's other members, canonical.
std::string associated_data(json header) {
    header.erase("box");
    header.erase("check");
    return jcs::canonicalize(header).value_or("");
}

bool is_string_member(const json& j, const char* name) { return j.contains(name) && j[name].is_string(); }

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

std::optional<std::string> seal(const payment::Bytes32& seckey32, const std::string& password, const std::string& user_id,
                                KdfCost cost) {
    ensure_sodium();
    const std::optional<std::string> pubkey = payment::xonly_pubkey_hex(seckey32);
    if (!pubkey || password.empty() || user_id.empty()) return std::nullopt;
    unsigned char salt[kSaltBytes], nonce[kNonceBytes], key[kKeyBytes], box[kBoxBytes];
    random_bytes(salt, sizeof salt);
    random_bytes(nonce, sizeof nonce);
    if (!derive(key, password, salt, cost.ops, cost.mem_bytes)) return std::nullopt;
    json blob = {{"v", 2},
                 {"kdf", "argon2id13"},
                 {"ops", cost.ops},
                 {"mem", cost.mem_bytes},
                 {"salt", hex::encode(salt, sizeof salt)},
                 {"nonce", hex::encode(nonce, sizeof nonce)},
                 {"pubkey", *pubkey},
                 {"user", user_id}};
    const std::string ad = associated_data(blob);
    crypto_aead_xchacha20poly1305_ietf_encrypt(box, nullptr, seckey32.data(), seckey32.size(),
                                               reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
                                               nonce, key);
    blob["check"] = password_check(key);
    blob["box"] = hex::encode(box, sizeof box);
    sodium_memzero(key, sizeof key);
    return blob.dump();
}

Opened open(const std::string& blob_json, const std::string& password, const std::string& user_id, KdfCost minimum) {
    ensure_sodium();
    Opened result;
    const json j = json_text::parse(blob_json).value;
    if (!j.is_object() || !j.contains("v") || !j["v"].is_number_integer() || !j.contains("ops") ||
        !j["ops"].is_number_unsigned() || !j.contains("mem") || !j["mem"].is_number_unsigned()) {
        return result;
    }
    const auto version = j["v"].get<std::int64_t>();
    if (version != 1 && version != 2) return result;
    for (const char* k : {"kdf", "salt", "nonce", "box", "pubkey"})
        if (!is_string_member(j, k)) return result;
    if (version == 2 && (!is_string_member(j, "user") || !is_string_member(j, "check"))) return result;
    if (j["kdf"] != "argon2id13") return result;
    const auto ops = j["ops"].get<std::uint64_t>();
    const auto mem = j["mem"].get<std::uint64_t>();
    const auto salt = hex::decode(j["salt"].get<std::string>(), kSaltBytes);
    const auto nonce = hex::decode(j["nonce"].get<std::string>(), kNonceBytes);
    const auto box = hex::decode(j["box"].get<std::string>(), kBoxBytes);
    const std::string pubkey = j["pubkey"].get<std::string>();
    if (!salt || !nonce || !box || !hex::is_lower_hex(pubkey, 64) || ops > kMaxOps || mem > kMaxMemBytes) return result;
    if (ops < minimum.ops || mem < minimum.mem_bytes || (version == 2 && j["user"] != user_id)) {
        result.error = OpenError::untrusted;
        return result;
    }

    unsigned char key[kKeyBytes];
    if (!derive(key, password, salt->data(), ops, mem)) {
        result.error = OpenError::out_of_memory;
        return result;
    }
    payment::Bytes32 secret{};
    bool opened = false;
    if (version == 2) {
        if (password_check(key) != j["check"].get<std::string>()) {
            sodium_memzero(key, sizeof key);
            result.error = OpenError::wrong_password;
            return result;
        }
        const std::string ad = associated_data(j);
        opened = crypto_aead_xchacha20poly1305_ietf_decrypt(secret.data(), nullptr, nullptr, box->data(), box->size(),
                                                            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
                                                            nonce->data(), key) == 0;
        result.error = OpenError::untrusted;  // the password was right: the header was changed
    } else {
        opened = crypto_secretbox_open_easy(secret.data(), box->data(), box->size(), nonce->data(), key) == 0;
        result.error = OpenError::wrong_password;
    }
    sodium_memzero(key, sizeof key);
    if (!opened) return result;
    // v1 never authenticated its public key; v2 did, and this costs nothing beside the KDF.
    if (payment::xonly_pubkey_hex(secret) != pubkey) {
        wipe(secret);
        result.error = OpenError::untrusted;
        return result;
    }
    result.seckey32 = secret;
    result.upgrade = version == 1;
    wipe(secret);
    return result;
}

std::string blob_pubkey(const std::string& blob_json) {
    const json j = json_text::parse(blob_json).value;
    if (!j.is_object() || !is_string_member(j, "pubkey")) return {};
    const std::string pubkey = j["pubkey"].get<std::string>();
    return hex::is_lower_hex(pubkey, 64) ? pubkey : std::string();
}

void wipe(payment::Bytes32& secret) { sodium_memzero(secret.data(), secret.size()); }

}  // namespace satstore::client::wallet
