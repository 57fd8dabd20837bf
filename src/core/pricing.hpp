// satstore core — pricing an order: subtotal, shipping, coupon and points discounts, total, all
// in integer minor units. The client prices a preview with this code and the server prices the
// real order with the same code; the server never trusts client-sent amounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/money.hpp"

namespace satstore {

struct ShippingRules {
    std::int64_t fee_minor = 1200;                // ¥12.00 per order …
    std::int64_t free_from_subtotal_minor = 29900;  // … free from ¥299.00 of goods
};

enum class CouponKind { fixed, percent };

NLOHMANN_JSON_SERIALIZE_ENUM(CouponKind, {{CouponKind::fixed, "fixed"}, {CouponKind::percent, "percent"}})

struct Coupon {
    std::string code;  // upper case, e.g. "WELCOME10"
    CouponKind kind = CouponKind::fixed;
    std::int64_t value = 0;              // fixed: minor units; percent: 1–100
    std::int64_t min_subtotal_minor = 0; // minimum spend on goods
    std::int64_t expires_at_unix_s = 0;  // 0 = never
    bool active = true;
};

// Why a coupon cannot be used now, or nullopt when it can.
// "coupon_expired", "coupon_inactive", "coupon_min_spend".
std::optional<std::string> coupon_problem(const Coupon& coupon, std::int64_t subtotal_minor, std::int64_t now_unix_s);

// One point is worth one minor unit of the fiat currency (100 points = ¥1).
// What `points` take off an order, in minor units.
inline std::int64_t points_value_minor(std::int64_t points) { return points; }
// Points earned when an order completes: one per whole major unit of the total paid.
std::int64_t points_earned(std::int64_t total_minor);

struct LinePrice {
    std::int64_t unit_price_minor = 0;
    std::int64_t qty = 0;
};

struct Totals {
    std::int64_t subtotal_minor = 0;
    std::int64_t shipping_minor = 0;
    std::int64_t coupon_discount_minor = 0;
    std::int64_t points_used = 0;        // points spent, each worth one minor unit
    std::int64_t discount_minor = 0;     // coupon + points value: what the order summary calls discount
    std::int64_t total_minor = 0;        // subtotal - discount + shipping

    friend bool operator==(const Totals&, const Totals&) = default;
};

// Prices the goods. `coupon` must already have passed coupon_problem. Points are capped so
// that the discount never exceeds the subtotal; the capped number is in Totals::points_used.
// Quantities and prices must be within the limits parse_order_request enforces (asserts).
Totals price_order(const std::vector<LinePrice>& lines, const ShippingRules& shipping, const Coupon* coupon,
                   std::int64_t points_requested);

}  // namespace satstore
