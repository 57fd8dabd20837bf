#include "server/auth/secrets.hpp"

#include <array>
#include <stdexcept>

#include <sodium.h>

#include "core/hex.hpp"

namespace satstore::server::secrets {

bool init() { return sodium_init() >= 0; }

std::string hash_password(std::string_view password) {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("argon2id: out of memory");
    return std::string(out.data());
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
    std::string hash(stored_hash);  // libsodium wants a NUL-terminated string
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void burn_password_check(std::string_view password) {
    static const std::string dummy = hash_password("satstore-timing-equalizer");
    (void)verify_password(dummy, password);
}

std::string new_token() {
    std::array<unsigned char, 32> raw{};
    randombytes_buf(raw.data(), raw.size());
    std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> out{};
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw.data(), raw.size());
    return std::string(out.data());
}

std::string token_hash(std::string_view token) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return hex::encode(digest.data(), digest.size());
}

std::string new_id(std::string_view prefix) {
    std::array<unsigned char, 10> raw{};
    randombytes_buf(raw.data(), raw.size());
    return std::string(prefix) + "_" + hex::encode(raw.data(), raw.size());
}

}  // namespace satstore::server::secrets
