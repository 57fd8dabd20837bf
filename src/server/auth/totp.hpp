// satstore server — TOTP two-factor codes (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace satstore::server::totp {

inline constexpr std::int64_t kStepS = 30;

// RFC 4648 base32 (upper case, no padding) of bytes, and back (case-insensitive, spaces and
// padding ignored). decode returns nullopt for any other character.
std::string base32_encode(const std::vector<unsigned char>& bytes);
std::optional<std::vector<unsigned char>> base32_decode(std::string_view text);

// A new random 20-byte secret, base32.
std::string new_secret();

// The 6-digit code of `secret_base32` for time step `step` (RFC 4226 HOTP with counter = step).
std::string code_at(const std::string& secret_base32, std::int64_t step);

// The step (now/30 - 1, now/30 or now/30 + 1) whose code equals `code`, or nullopt.
std::optional<std::int64_t> matching_step(const std::string& secret_base32, std::string_view code, std::int64_t now_unix_s);

// otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& secret_base32);

}  // namespace satstore::server::totp
