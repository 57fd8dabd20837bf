// satstore core — measuring and checking user text (lengths are in characters, not bytes).
#pragma once

#include <cstddef>
#include <string_view>

namespace satstore {

// Code points in UTF-8 `s`: a Chinese name or password is measured in characters.
std::size_t utf8_chars(std::string_view s);

// True when `s` holds a C0 control character or DEL; tab, CR and LF pass when `allow_newlines`
// (multi-line fields such as a ticket description).
bool has_control_chars(std::string_view s, bool allow_newlines = false);

}  // namespace satstore
