// satstore client — UI strings in English and Simplified Chinese (table: string_table.inc).
#pragma once

#include <string>

#include "core/catalog.hpp"

namespace satstore::client {

enum class S {
#define X(key, en, zh) key,
#include "i18n/string_table.inc"
#undef X
    count_
};

// The string `key` in `lang`. Never null.
const char* tr(Lang lang, S key);

// tr() with printf-style arguments (the key's suffix names them: _s, _d, _lld).
std::string trf(Lang lang, S key, ...);

// The language to start with when none is stored: Chinese for "zh*" navigator languages.
Lang lang_from_bcp47(const std::string& tag);

// The message for an upload failure code (platform::UploadEvent::error).
const char* upload_error_text(Lang lang, const std::string& code);

// Every string of every language, concatenated (the font atlas notes their characters).
std::string all_strings();

}  // namespace satstore::client
