#include "core/webhook.hpp"

#include <string>

#include <sodium.h>

#include "core/hex.hpp"
#include "core/money.hpp"

namespace satstore::webhook {

Check verify(std::string_view secret, std::string_view timestamp_header, std::string_view signature_header,
             std::string_view body, std::int64_t now_unix_s, std::int64_t tolerance_s) {
    const auto ts = parse_amount_minor(timestamp_header);
    if (!ts) return Check::bad_timestamp;
    const std::int64_t skew = *ts > now_unix_s ? *ts - now_unix_s : now_unix_s - *ts;
    if (skew > tolerance_s) return Check::stale;
    constexpr std::string_view kPrefix = "sha256=";
    const auto sent = signature_header.substr(0, kPrefix.size()) == kPrefix
                          ? hex::decode(signature_header.substr(kPrefix.size()), crypto_auth_hmacsha256_BYTES)
                          : std::nullopt;
    if (!sent) return Check::bad_signature_header;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(timestamp_header.data()),
                                  timestamp_header.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>("."), 1);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return sodium_memcmp(mac, sent->data(), sizeof mac) == 0 ? Check::ok : Check::mismatch;
}

}  // namespace satstore::webhook
