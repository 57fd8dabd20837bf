// satstore core — lowercase hexadecimal encoding of byte strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace satstore::hex {

// Lowercase hex of `size` bytes.
std::string encode(const std::uint8_t* data, std::size_t size);

// Decodes exactly `expected_size` bytes from lowercase or uppercase hex. Returns nullopt for a
// wrong length or any non-hex character (untrusted input).
std::optional<std::vector<std::uint8_t>> decode(std::string_view text, std::size_t expected_size);

// True when `text` is exactly `chars` lowercase hex digits.
bool is_lower_hex(std::string_view text, std::size_t chars);

}  // namespace satstore::hex
