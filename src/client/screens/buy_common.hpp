// satstore client — helpers shared by the buying screens (cart pricing, checkout, payment, orders,
// wallet): recording BuyAction intents and drawing recurring pieces from state.
#pragma once

#include <map>
#include <string>

#include "app_state.hpp"
#include "ui/buy_widgets.hpp"

namespace satstore::client::screens {

// Records a BuyAction intent (performed by buying_requests.cpp after the frame).
void buy(AppState& s, BuyAction action, std::string arg = {});

// The error for `key` in `errors` in the UI language ("" when none). Core and API messages are
// English; in Chinese a per-field Chinese sentence replaces them.
std::string field_error_text(const AppState& s, const std::map<std::string, std::string>& errors, const std::string& key);

// The name of the country `code` (ISO 3166-1 alpha-2) in `lang`: 中国, 中国香港, United States, …;
// the code itself for a country the store does not ship to.
std::string country_name(Lang lang, const std::string& code);

// `a` formatted for the UI language (core format_address: Chinese order for CN, and for
// HK/MO/TW in Chinese; Western order otherwise).
AddressText address_text(const AppState& s, const Address& a);

// An address as the buyer reads it: recipient, place and country lines, `width` wide.
void address_lines(const AppState& s, const Address& a, float width);

// The problems the preview reports for cart line `index` (out of stock, unavailable), in red.
void line_problems(AppState& s, std::size_t index);

// A problem of the preview in the UI language.
std::string problem_text(const AppState& s, const PreviewProblem& p);

// The summary figures (ui::price_summary) of a preview (cart, review: the crypto estimate) and
// of an order (payment, order, staff console: what is due, or what was paid and when).
ui::PriceSummary preview_summary(const Preview& p);
ui::PriceSummary order_price_summary(const Order& o);

// An order's contents inside a card `inner` wide: its lines ("title × qty", line total), the
// price summary, and the shipping address (payment page, order placed, order page).
void order_contents(const AppState& s, const Order& o, float inner);

// Why checkout cannot go on with the cart as it is: "" when it can, else the sentence to show
// (a line out of stock or unavailable, or points that are not valid).
std::string checkout_blocked_reason(const AppState& s, bool in_cart);

// The error of the points field ("" when none): not a whole number in range, more than the
// buyer holds, or the preview's insufficient_points.
std::string points_error_text(const AppState& s);

// The cart's pricing card below the cart lines (cart.cpp): coupon (its error or "applied"
// below it), points (its error below it), the summary from the server's preview and "Checkout".
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
