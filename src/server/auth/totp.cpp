#include "server/auth/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include "core/url.hpp"

namespace satstore::server::totp {
namespace {
constexpr const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}  // namespace

std::string base32_encode(const std::vector<unsigned char>& bytes) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::vector<unsigned char>> base32_decode(std::string_view text) {
    std::vector<unsigned char> out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == ' ' || c == '=' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= '2' && c <= '7') v = c - '2' + 26;
        else return std::nullopt;
        buffer = (buffer << 5) | static_cast<unsigned>(v);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<unsigned char>((buffer >> (bits - 8)) & 0xFF));
            bits -= 8;
        }
    }
    return out;
}

std::string new_secret() {
    std::vector<unsigned char> raw(20);
    randombytes_buf(raw.data(), raw.size());
    return base32_encode(raw);
}

std::string code_at(const std::string& secret_base32, std::int64_t step) {
    const auto key = base32_decode(secret_base32).value_or(std::vector<unsigned char>{});
    unsigned char counter[8];
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<unsigned char>(step & 0xFF);
        step >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), counter, sizeof counter, mac, &mac_len);
    const int offset = mac[mac_len - 1] & 0x0F;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    std::string code = std::to_string(binary % 1'000'000);
    return std::string(6 - code.size(), '0') + code;
}

std::optional<std::int64_t> matching_step(const std::string& secret_base32, std::string_view code, std::int64_t now) {
    if (code.size() != 6) return std::nullopt;
    const std::int64_t current = now / kStepS;
    for (std::int64_t step : {current, current - 1, current + 1}) {
        const std::string expected = code_at(secret_base32, step);
        if (sodium_memcmp(expected.data(), code.data(), 6) == 0) return step;
    }
    return std::nullopt;
}

std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& secret) {
    return "otpauth://totp/" + percent_encode(issuer) + ":" + percent_encode(account) + "?secret=" + secret +
           "&issuer=" + percent_encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace satstore::server::totp
