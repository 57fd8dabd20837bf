// satstore client — components of the buying screens (UI.md "Components"): cards, status chips,
// timelines, the quote countdown, label/value rows and a confirmation modal. Each registers with
// the accessibility mirror like widgets.hpp does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/catalog.hpp"
#include "core/money.hpp"
#include "core/order_state.hpp"

namespace satstore::client::ui {

// A white card of `width` around what is drawn between card_begin and card_end (with `pad`
// inside). Cards do not nest (they use the window draw list's channels).
void card_begin(float width, float pad = 20.0f);
void card_end();
// Inner width of the current card.
float card_inner_width();

// The coloured pill of an order status (UI.md: pending amber, paid blue, shipped purple,
// delivered/completed green, cancelled grey, refunded teal). `refunded` shows the refund colour.
void status_chip(Lang lang, OrderStatus status, bool refunded = false);
// The chip's width in CSS px (for right-aligning it).
float status_chip_width(Lang lang, OrderStatus status, bool refunded = false);
// The chip's label.
const char* status_label(Lang lang, OrderStatus status, bool refunded = false);
// The pill of a product's status (console Catalog): draft blue, active green, archived grey.
void product_status_chip(Lang lang, ProductStatus status);
const char* product_status_label(Lang lang, ProductStatus status);

struct TimelineItem {
    std::string title;
    std::string detail;  // grey: time, location
};
// Vertical line with dots, `items` newest first; the first dot is in the brand colour.
void timeline(const std::vector<TimelineItem>& items, float width);

// "mm:ss" until `expires_unix_s`, amber under 2 minutes, red under 30 s. Returns seconds left
// (0 when expired).
std::int64_t countdown(std::int64_t expires_unix_s, std::int64_t now_unix_s);

// A row: `label` grey on the left, `value` on the right edge of `width`.
void value_row(std::string_view label, std::string_view value, float width, bool strong = false);

// The figures of an order summary, as the cart, the checkout review, the payment page, the order
// page and the staff console show them: rows that add up, subtotal − coupon discount − points +
// shipping = total (core price_order), then what is owed or was paid in the pay currency.
struct PriceSummary {
    Money subtotal;
    std::string coupon;        // the code behind coupon_discount; "" = none
    Money coupon_discount;
    std::int64_t points_used = 0;  // each worth points_value_minor (core/pricing.hpp)
    Money shipping;
    Money total;
    enum class Settle {
        none,
        approx,  // cart and review: "≈ 0.0012 BTC" at today's rate
        due,     // an unpaid order: "Amount due"
        paid,    // "Paid" with the amount and the time
    };
    Settle settle = Settle::none;
    Money crypto;                    // approx, due, paid: the amount in the pay currency
    std::int64_t paid_at_unix_s = 0; // paid
};
// Draws `p` as label/value rows `width` wide, amounts right-aligned: Subtotal; "Discount (CODE)"
// and "Points (N)" when they take something off; Shipping ("Free" at 0); a rule; Total; then the
// settle rows.
void price_summary(Lang lang, const PriceSummary& p, float width);

// "−  [n]  +": a quantity stepped with the buttons or typed (digits only) in the field, named
// `name` in the mirror. `typing` holds the field's text while the buyer edits it (nullopt
// otherwise). Returns the quantity asked for — `qty` when nothing changed; a typed one applies
// on Enter or when the field loses focus (empty or 0 keeps `qty`) and is not capped here: the
// caller caps it at `max_qty` and says why. "+" is disabled at `max_qty`, "−" at 1.
std::int64_t quantity_control(Lang lang, const char* id, std::int64_t qty, std::int64_t max_qty, std::string_view name,
                              std::optional<std::string>& typing);

// A modal confirmation: title, body, a danger action and a cancel button. Call every frame while
// open; returns 1 when confirmed, -1 when dismissed, 0 otherwise.
int confirm_modal(const char* id, std::string_view title, std::string_view body, const char* confirm_label,
                  const char* cancel_label, bool busy);

// "2026-11-23 06:20" (UTC) for unix seconds.
std::string short_time(std::int64_t unix_s);

}  // namespace satstore::client::ui
