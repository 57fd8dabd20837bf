// satstore client — small read-only rules that screens and the loop's feature code share: who
// the signed-in user is for the consoles, the wall clock of countdowns, and the wording of a
// secret found in text. No requests here: screens include this instead of a *_requests.hpp.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

#include "app_state.hpp"
#include "core/secret_scan.hpp"
#include "i18n/strings.hpp"

namespace satstore::client {

// Wall-clock unix seconds (quotes expire by the server's clock, which is the same UTC).
inline std::int64_t unix_now_s() { return static_cast<std::int64_t>(std::time(nullptr)); }

// May use the staff order console (merchant or admin role: core has_role).
inline bool is_merchant(const AppState& s) { return s.user && has_role(s.user->roles, Role::merchant); }
// May use the agent console (agent or admin role).
inline bool is_agent(const AppState& s) { return s.user && has_role(s.user->roles, Role::agent); }
// May manage staff accounts and read the audit log (admin role, issue 20).
inline bool is_admin(const AppState& s) { return s.user && has_role(s.user->roles, Role::admin); }

// The warning shown for a wallet secret found in text about to be sent (UI language).
inline std::string secret_warning(Lang lang, SecretKind kind) {
    const bool mnemonic = kind == SecretKind::mnemonic_en || kind == SecretKind::mnemonic_zh;
    return tr(lang, mnemonic ? S::secret_mnemonic_warning : S::secret_key_warning);
}

}  // namespace satstore::client
