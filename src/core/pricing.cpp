#include "core/pricing.hpp"

#include <algorithm>
#include <cassert>

namespace satstore {

std::optional<std::string> coupon_problem(const Coupon& c, std::int64_t subtotal_minor, std::int64_t now) {
    if (!c.active) return "coupon_inactive";
    if (c.expires_at_unix_s != 0 && now >= c.expires_at_unix_s) return "coupon_expired";
    if (subtotal_minor < c.min_subtotal_minor) return "coupon_min_spend";
    return std::nullopt;
}

std::int64_t points_earned(std::int64_t total_minor) { return total_minor > 0 ? total_minor / 100 : 0; }

Totals price_order(const std::vector<LinePrice>& lines, const ShippingRules& shipping, const Coupon* coupon,
                   std::int64_t points_requested) {
    Totals t;
    for (const auto& line : lines) {
        assert(line.qty > 0 && line.unit_price_minor >= 0 && line.unit_price_minor <= kMaxAmountMinor / 1000);
        t.subtotal_minor += line.unit_price_minor * line.qty;
    }
    t.shipping_minor = t.subtotal_minor >= shipping.free_from_subtotal_minor ? 0 : shipping.fee_minor;
    if (coupon) {
        // Percent discounts round down: the buyer is never charged less than the stated rate gives.
        const std::int64_t raw = coupon->kind == CouponKind::fixed ? coupon->value
                                                                   : t.subtotal_minor * coupon->value / 100;
        t.coupon_discount_minor = std::clamp<std::int64_t>(raw, 0, t.subtotal_minor);
    }
    // Points are worth one minor unit each (points_value_minor), so the cap is in points too.
    t.points_used = std::clamp<std::int64_t>(points_requested, 0, t.subtotal_minor - t.coupon_discount_minor);
    t.discount_minor = t.coupon_discount_minor + points_value_minor(t.points_used);
    t.total_minor = t.subtotal_minor - t.discount_minor + t.shipping_minor;
    return t;
}

}  // namespace satstore
