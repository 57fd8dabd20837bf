// satstore core — parsing untrusted JSON text with a nesting bound.
//
// nlohmann's parser is iterative, but much of what walks a parsed value afterwards is not:
// dump(), the JCS canonicaliser, validators, nlohmann's own copy. 32,000 nested arrays fit in a
// 64 KiB body and overflowed the server's stack in those walks (issue 17, F1). Every JSON text
// that arrives from outside — request bodies on the server, responses and stored blobs in the
// client, lines on `verify-payment`'s stdin — goes through parse() here, so nothing deeper than
// kMaxDepth ever becomes a json value, and every recursive walk is bounded by it.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace satstore::json_text {

// Arrays and objects may nest this deep: `[[1]]` has depth 2. The deepest body the API takes
// (an order's lines, a ticket's attachments) nests 3.
constexpr int kMaxDepth = 64;

enum class ParseError {
    malformed,  // not JSON (or not UTF-8)
    too_deep,   // nests arrays/objects deeper than the bound
};

struct Parsed {
    nlohmann::json value;             // discarded when error is set
    std::optional<ParseError> error;  // nullopt on success
};

// The deepest nesting of arrays and objects in `text`, counted without parsing (brackets inside
// strings do not count); stops counting at `stop_at` + 1. Malformed text gives a figure too —
// parse() refuses it afterwards.
int nesting_depth(std::string_view text, int stop_at = kMaxDepth);

// Parses `text` unless it nests deeper than `max_depth` (checked first, in one linear pass
// without allocating). Never throws.
Parsed parse(std::string_view text, int max_depth = kMaxDepth);

}  // namespace satstore::json_text
