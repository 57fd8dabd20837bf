#include "core/text.hpp"

#include <algorithm>

namespace satstore {

std::size_t utf8_chars(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool has_control_chars(std::string_view s, bool allow_newlines) {
    return std::any_of(s.begin(), s.end(), [&](char c) {
        if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) return false;
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

}  // namespace satstore
