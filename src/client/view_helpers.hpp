// satstore client — small read-only rules that screens and the loop's feature code share: who
// the signed-in user is for the consoles, the wall clock of countdowns, and the wording of a
// secret found in text. No requests here: screens include this instead of a *_requests.hpp.
#pragma once

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <string>

#include "app_state.hpp"
#include "core/secret_scan.hpp"
#include "i18n/strings.hpp"

namespace satstore::client {

// Wall-clock unix seconds (quotes expire by the server's clock, which is the same UTC).
inline std::int64_t unix_now_s() { return static_cast<std::int64_t>(std::time(nullptr)); }

inline bool has_any_role(const AppState& s, const char* a, const char* b) {
    return s.user && std::any_of(s.user->roles.begin(), s.user->roles.end(),
                                 [&](const std::string& r) { return r == a || r == b; });
}
// May use the staff order console (merchant or admin role).
inline bool is_merchant(const AppState& s) { return has_any_role(s, "merchant", "admin"); }
// May use the agent console (agent or admin role).
inline bool is_agent(const AppState& s) { return has_any_role(s, "agent", "admin"); }

// The warning shown for a wallet secret found in text about to be sent (UI language).
inline std::string secret_warning(Lang lang, SecretKind kind) {
    const bool mnemonic = kind == SecretKind::mnemonic_en || kind == SecretKind::mnemonic_zh;
    return tr(lang, mnemonic ? S::secret_mnemonic_warning : S::secret_key_warning);
}

}  // namespace satstore::client
