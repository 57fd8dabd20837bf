// satstore client — string tables (see strings.hpp).
#include "i18n/strings.hpp"

#include <cstdarg>
#include <cstdio>

namespace satstore::client {
namespace {

struct Entry {
    const char* en;
    const char* zh;
};

constexpr Entry kTable[] = {
#define X(key, en, zh) {en, zh},
#include "i18n/string_table.inc"
#undef X
};
static_assert(sizeof kTable / sizeof kTable[0] == static_cast<std::size_t>(S::count_),
              "string table and enum out of step");

}  // namespace

const char* tr(Lang lang, S key) {
    const Entry& e = kTable[static_cast<std::size_t>(key)];
    return lang == Lang::zh_CN ? e.zh : e.en;
}

std::string trf(Lang lang, S key, ...) {
    char buf[512];
    va_list args;
    va_start(args, key);
    std::vsnprintf(buf, sizeof buf, tr(lang, key), args);
    va_end(args);
    return buf;
}

Lang lang_from_bcp47(const std::string& tag) {
    return (tag.size() >= 2 && (tag[0] == 'z' || tag[0] == 'Z') && (tag[1] == 'h' || tag[1] == 'H'))
               ? Lang::zh_CN
               : Lang::en;
}

const char* upload_error_text(Lang lang, const std::string& code) {
    if (code == "too_large" || code == "payload_too_large") return tr(lang, S::upload_err_too_large);
    if (code == "unsupported_media_type") return tr(lang, S::upload_err_type);
    if (code == "too_many_files") return tr(lang, S::upload_err_too_many);
    if (code == "network") return tr(lang, S::upload_err_network);
    return tr(lang, S::upload_err_other);
}

std::string all_strings() {
    std::string out;
    for (const Entry& e : kTable) {
        out += e.en;
        out += e.zh;
    }
    return out;
}

}  // namespace satstore::client
