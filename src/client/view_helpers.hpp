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

// The variant a cart line holds, as last loaded (nullptr while its product is unknown, or when
// the variant is no longer sold).
inline const Variant* cart_variant(const AppState& s, const CartLine& line) {
    const auto it = s.products.find(line.product_id);
    return it == s.products.end() ? nullptr : line_variant(it->second, line.variant_id);
}

// A line whose price moved since it went into the cart: the cart shows both prices and checkout
// waits until the buyer accepts the new one (prices apply to new orders only).
inline bool cart_price_changed(const AppState& s, const CartLine& line) {
    const Variant* v = cart_variant(s, line);
    return v != nullptr && line.seen_price_minor > 0 && v->price.amount_minor != line.seen_price_minor;
}

// The warning shown for a wallet secret found in text about to be sent (UI language).
inline std::string secret_warning(Lang lang, SecretKind kind) {
    const bool mnemonic = kind == SecretKind::mnemonic_en || kind == SecretKind::mnemonic_zh;
    return tr(lang, mnemonic ? S::secret_mnemonic_warning : S::secret_key_warning);
}

}  // namespace satstore::client
