// satstore client — helpers shared by the buying screens (cart pricing, checkout, payment, orders,
// wallet): recording BuyAction intents and drawing recurring pieces from state.
#pragma once

#include <map>
#include <string>

#include "app_state.hpp"

namespace satstore::client::screens {

// Records a BuyAction intent (performed by buying_requests.cpp after the frame).
void buy(AppState& s, BuyAction action, std::string arg = {});

// The error for `key` in `errors` in the UI language ("" when none). Core and API messages are
// English; in Chinese a per-field Chinese sentence replaces them.
std::string field_error_text(const AppState& s, const std::map<std::string, std::string>& errors, const std::string& key);

// An address as the buyer reads it, a few lines, `width` wide.
void address_lines(const AppState& s, const Address& a, float width);

// The problems the preview reports for cart line `index` (out of stock, unavailable), in red.
void line_problems(AppState& s, std::size_t index);

// A problem of the preview in the UI language.
std::string problem_text(const AppState& s, const PreviewProblem& p);

// Subtotal, shipping, discount, total and the crypto amount of a preview.
void totals_rows(AppState& s, const Preview& p, float width);

// The cart's pricing card below the cart lines (cart.cpp): coupon, points, totals from the
// server's preview and "Checkout".
void cart_pricing(AppState& s, float width);

// The order the route names, when `detail` is it; else nullptr, and in its place a placeholder
// while it loads or "Order not found" once loading failed (order, return and staff order screens).
const Order* routed_order(AppState& s, const std::optional<Order>& detail, Load load, float width);

// The wallet balance of `currency` as known from GET /wallet (0 when unknown).
std::int64_t wallet_balance(const AppState& s, Currency currency);

// Top bar links of a logged-in buyer: "Orders" and "Wallet" with the BTC balance when known.
// account_links_width() is their width for right-aligning the top bar group.
float account_links_width(const AppState& s);
void account_links(AppState& s, float y);
// The same as full-width buttons for the folded (narrow) menu.
void account_menu_items(AppState& s, float width);

}  // namespace satstore::client::screens
