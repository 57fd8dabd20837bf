// satstore core — RFC 8785 JSON Canonicalization Scheme (JCS).
//
// Used for everything that is hashed or signed (PAYMENT.md): object members sorted by their
// UTF-16 code units, no whitespace, strings escaped exactly as ECMAScript's JSON.stringify
// does, non-ASCII written as raw UTF-8, integers in plain decimal.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace satstore::jcs {

// Returns the canonical form of `value`, or nullopt when `value` holds a floating-point number
// (the protocol carries amounts as strings and integers only, so a float is malformed input) or
// nests arrays/objects deeper than json_text::kMaxDepth (the recursion stays bounded).
// Strings must be valid UTF-8, which nlohmann::json guarantees for parsed input.
std::optional<std::string> canonicalize(const nlohmann::json& value);

}  // namespace satstore::jcs
