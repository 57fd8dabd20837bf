// satstore core — URL component encoding.
#pragma once

#include <string>
#include <string_view>

namespace satstore {

// Percent-encodes every byte except RFC 3986 unreserved characters (A–Z a–z 0–9 - . _ ~), so
// the result is safe as a path segment, a query value or an otpauth label.
std::string percent_encode(std::string_view text);

}  // namespace satstore
