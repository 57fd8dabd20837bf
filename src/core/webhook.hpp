// satstore core — the carrier webhook signature (SPEC §5): HMAC-SHA256 over
// "<timestamp>.<raw body>" with the carrier's secret, sent as `sha256=<64 hex>`, accepted within
// a window around now. Pure: the server passes the headers, body, secret and clock.
#pragma once

#include <cstdint>
#include <string_view>

namespace satstore::webhook {

enum class Check { ok, bad_timestamp, stale, bad_signature_header, mismatch };

// Checks a delivery. The comparison is constant-time.
Check verify(std::string_view secret, std::string_view timestamp_header, std::string_view signature_header,
             std::string_view body, std::int64_t now_unix_s, std::int64_t tolerance_s);

}  // namespace satstore::webhook
