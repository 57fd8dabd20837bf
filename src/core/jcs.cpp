#include "core/jcs.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/json_text.hpp"

namespace satstore::jcs {
namespace {

// Decodes UTF-8 into UTF-16 code units, the order RFC 8785 §3.2.3 sorts member names by.
std::u16string to_utf16(const std::string& s) {
    std::u16string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::uint32_t cp;
        std::size_t len;
        if (b0 < 0x80) { cp = b0; len = 1; }
        else if ((b0 >> 5) == 0x6) { cp = b0 & 0x1F; len = 2; }
        else if ((b0 >> 4) == 0xE) { cp = b0 & 0x0F; len = 3; }
        else { cp = b0 & 0x07; len = 4; }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp));
        }
    }
    return out;
}

void write_string(const std::string& s, std::string& out) {
    static const char* hex = "0123456789abcdef";
    out.push_back('"');
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out.push_back(hex[c >> 4]);
                    out.push_back(hex[c & 0xF]);
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
}

bool write_value(const nlohmann::json& v, std::string& out, int depth) {
    if ((v.is_array() || v.is_object()) && depth >= json_text::kMaxDepth) return false;
    switch (v.type()) {
        case nlohmann::json::value_t::null: out += "null"; return true;
        case nlohmann::json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return true;
        case nlohmann::json::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return true;
        case nlohmann::json::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return true;
        case nlohmann::json::value_t::string: write_string(v.get_ref<const std::string&>(), out); return true;
        case nlohmann::json::value_t::array: {
            out.push_back('[');
            bool first = true;
            for (const auto& item : v) {
                if (!first) out.push_back(',');
                first = false;
                if (!write_value(item, out, depth + 1)) return false;
            }
            out.push_back(']');
            return true;
        }
        case nlohmann::json::value_t::object: {
            std::vector<std::pair<std::u16string, const std::string*>> keys;
            keys.reserve(v.size());
            for (auto it = v.begin(); it != v.end(); ++it) keys.emplace_back(to_utf16(it.key()), &it.key());
            std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            out.push_back('{');
            bool first = true;
            for (const auto& [sort_key, key] : keys) {
                if (!first) out.push_back(',');
                first = false;
                write_string(*key, out);
                out.push_back(':');
                if (!write_value(v.at(*key), out, depth + 1)) return false;
            }
            out.push_back('}');
            return true;
        }
        case nlohmann::json::value_t::number_float:
        case nlohmann::json::value_t::binary:
        case nlohmann::json::value_t::discarded: return false;
    }
    return false;
}

}  // namespace

std::optional<std::string> canonicalize(const nlohmann::json& value) {
    std::string out;
    if (!write_value(value, out, 0)) return std::nullopt;
    return out;
}

}  // namespace satstore::jcs
