#include "core/json_text.hpp"

namespace satstore::json_text {

int nesting_depth(std::string_view text, int stop_at) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
            case '"': in_string = true; break;
            case '[':
            case '{':
                if (++depth > deepest) {
                    deepest = depth;
                    if (deepest > stop_at) return deepest;
                }
                break;
            case ']':
            case '}':
                if (depth > 0) --depth;
                break;
            default: break;
        }
    }
    return deepest;
}

Parsed parse(std::string_view text, int max_depth) {
    Parsed out;
    if (nesting_depth(text, max_depth) > max_depth) {
        out.value = nlohmann::json(nlohmann::json::value_t::discarded);
        out.error = ParseError::too_deep;
        return out;
    }
    out.value = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (out.value.is_discarded()) out.error = ParseError::malformed;
    return out;
}

}  // namespace satstore::json_text
