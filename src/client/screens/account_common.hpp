// satstore client — helpers shared by the account-security screens (account.cpp,
// forgot_password.cpp, reset_password.cpp, the two-factor step of login.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "app_state.hpp"

namespace satstore::client::screens {

// Records an AccountAction intent (performed by account_requests.cpp after the frame).
inline void account_do(AppState& s, AccountAction action, std::string arg = {}) {
    s.push(Intent::Kind::account, std::move(arg), static_cast<std::int64_t>(action));
}

// The error for `key` ("" when none).
inline std::string error_of(const std::map<std::string, std::string>& errors, const char* key) {
    auto it = errors.find(key);
    return it == errors.end() ? std::string() : it->second;
}

// A centred card of at most 440 px for the small account forms (like the login card); the
// content goes between begin and end. Returns the inner width.
float narrow_card_begin(AppState& s, float column_width);
void narrow_card_end();

}  // namespace satstore::client::screens
