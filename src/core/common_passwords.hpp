// satstore core — refusing passwords that appear on public lists of the most used passwords.
#pragma once

#include <string_view>

namespace satstore {

// True when `password`, lower-cased, is one of the most common passwords (a short built-in
// list of the usual suspects: "password1234", "qwertyuiop", "1234567890", …) or is one
// character repeated.
bool is_common_password(std::string_view password);

}  // namespace satstore
