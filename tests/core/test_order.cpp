#include <doctest/doctest.h>

#include "core/enum_json.hpp"
#include "core/order.hpp"
#include "core/payment.hpp"
#include "vectors.hpp"

using namespace satstore;
using nlohmann::json;

namespace {
json valid_request() {
    return json::parse(R"({
      "lines": [{"product_id": "prd_a", "qty": 2}, {"product_id": "prd_b", "qty": 1}],
      "ship_to": {"name": "张三", "phone": "+86 138 0013 1000", "country": "CN", "region": "广东省",
                  "city": "深圳市", "district": "南山区", "street": "科技园路1号", "postal_code": "518000"},
      "pay_currency": "BTC", "lang": "zh-CN", "coupon": "welcome10", "use_points": 50})");
}
}  // namespace

TEST_CASE("a well-formed checkout request parses") {
    auto parsed = parse_order_request(valid_request());
    CHECK(parsed.errors.empty());
    CHECK(parsed.request.lines.size() == 2);
    CHECK(parsed.request.lines[0].qty == 2);
    CHECK(parsed.request.pay_currency == Currency::BTC);
    CHECK(parsed.request.lang == Lang::zh_CN);
    CHECK(parsed.request.coupon == "WELCOME10");
    CHECK(parsed.request.use_points == 50);
    // Round trip through the client's encoder.
    CHECK(parse_order_request(to_request_json(parsed.request)).errors.empty());
}

TEST_CASE("bad quantities, products and currencies are reported per field") {
    for (const char* qty : {"0", "-1", "1.5", "\"2\"", "100", "1e3", "99999999999999999999", "null"}) {
        json body = valid_request();
        body["lines"][1]["qty"] = json::parse(qty);
        auto parsed = parse_order_request(body);
        CAPTURE(qty);
        CHECK(parsed.errors.count("lines[1].qty") == 1);
    }
    json body = valid_request();
    body["lines"][1]["product_id"] = "prd_a";
    CHECK(parse_order_request(body).errors.count("lines[1].product_id") == 1);
    body = valid_request();
    body["lines"] = json::array();
    CHECK(parse_order_request(body).errors.count("lines") == 1);
    body["lines"] = json::array();
    for (int i = 0; i < 51; ++i) body["lines"].push_back({{"product_id", "p" + std::to_string(i)}, {"qty", 1}});
    CHECK(parse_order_request(body).errors.count("lines") == 1);
    for (const char* currency : {"CNY", "EUR", "btc", ""}) {
        body = valid_request();
        body["pay_currency"] = currency;
        CHECK(parse_order_request(body).errors.count("pay_currency") == 1);
    }
    body = valid_request();
    body["coupon"] = "no spaces allowed";
    body["lang"] = "fr";
    body["use_points"] = -5;
    auto parsed = parse_order_request(body);
    CHECK(parsed.errors.count("coupon") == 1);
    CHECK(parsed.errors.count("lang") == 1);
    CHECK(parsed.errors.count("use_points") == 1);
    CHECK(parse_order_request(json::array()).errors.count("body") == 1);
}

TEST_CASE("addresses: Chinese and international formats") {
    Address cn{"张三", "13800131000", "CN", "广东省", "深圳市", "南山区", "科技园路1号", "518000"};
    CHECK(validate_address(cn).empty());
    cn.phone = "+86 138-0013-1000";
    CHECK(validate_address(cn).empty());
    Address bad = cn;
    bad.phone = "12345";
    bad.postal_code = "5180";
    bad.district = "";
    bad.name = "   ";
    auto e = validate_address(bad);
    CHECK(e.count("ship_to.phone") == 1);
    CHECK(e.count("ship_to.postal_code") == 1);
    CHECK(e.count("ship_to.district") == 1);
    CHECK(e.count("ship_to.name") == 1);
    Address us{"Jane Roe", "+1 415 555 0100", "US", "CA", "San Francisco", "", "1 Market St", "94105-1234"};
    CHECK(validate_address(us).empty());
    us.postal_code = "9410";
    CHECK(validate_address(us, "").count("postal_code") == 1);
    us.country = "XX";
    CHECK(validate_address(us, "").count("country") == 1);
    Address gb{"A B", "+44 20 7946 0958", "GB", "London", "London", "", "10 Downing St", "SW1A 2AA"};
    CHECK(validate_address(gb).empty());
    gb.street = std::string("ab\x01", 3);
    CHECK(validate_address(gb).count("ship_to.street") == 1);
}

TEST_CASE("pricing: subtotal, free shipping threshold, coupons, points") {
    const ShippingRules rules{1200, 29900};
    auto t = price_order({{19900, 1}}, rules, nullptr, 0);
    CHECK(t == Totals{19900, 1200, 0, 0, 0, 21100});
    t = price_order({{19900, 1}, {5000, 2}}, rules, nullptr, 0);
    CHECK(t.subtotal_minor == 29900);
    CHECK(t.shipping_minor == 0);
    const Coupon ten{"TEN", CouponKind::percent, 10, 0, 0, true};
    t = price_order({{19999, 1}}, rules, &ten, 0);
    CHECK(t.coupon_discount_minor == 1999);  // rounds down
    CHECK(t.total_minor == 19999 - 1999 + 1200);
    const Coupon big{"BIG", CouponKind::fixed, 1'000'000, 0, 0, true};
    t = price_order({{500, 1}}, rules, &big, 100);
    CHECK(t.coupon_discount_minor == 500);
    CHECK(t.points_used == 0);
    CHECK(t.total_minor == 1200);
    t = price_order({{500, 1}}, rules, nullptr, 10'000);
    CHECK(t.points_used == 500);
    CHECK(t.discount_minor == 500);
    CHECK(points_earned(21100) == 211);
    CHECK(coupon_problem(Coupon{"X", CouponKind::fixed, 100, 10000, 0, true}, 9999, 0) == "coupon_min_spend");
    CHECK(coupon_problem(Coupon{"X", CouponKind::fixed, 100, 0, 100, true}, 1, 100) == "coupon_expired");
    CHECK(coupon_problem(Coupon{"X", CouponKind::fixed, 100, 0, 0, false}, 1, 0) == "coupon_inactive");
    CHECK_FALSE(coupon_problem(Coupon{"X", CouponKind::fixed, 100, 0, 200, true}, 1, 100).has_value());
}

TEST_CASE("quotes round up to the base unit and last 15 minutes") {
    auto q = make_quote("q_1", 21100, Currency::BTC, 65'000'000, 1000);
    REQUIRE(q.has_value());
    CHECK(q->amount == 32462);  // 21100e8 / 65e6 = 32461.5… → 32462 sat
    CHECK(q->expires_at_unix_s == 1000 + 900);
    CHECK_FALSE(make_quote("q_2", 100, Currency::BTC, 0, 0).has_value());
}

TEST_CASE("the order state machine allows exactly the transitions of SPEC §2") {
    using S = OrderStatus;
    using E = OrderEvent;
    CHECK(transition(S::pending_payment, E::pay, Actor::buyer) == S::paid);
    CHECK(transition(S::paid, E::ship, Actor::staff) == S::shipped);
    CHECK(transition(S::shipped, E::deliver, Actor::system) == S::delivered);
    CHECK(transition(S::delivered, E::confirm_receipt, Actor::buyer) == S::completed);
    // Before the carrier reports delivery only the explicit acknowledgement completes the order.
    CHECK_FALSE(transition(S::shipped, E::confirm_receipt, Actor::buyer));
    CHECK(transition(S::shipped, E::confirm_receipt_before_delivery, Actor::buyer) == S::completed);
    for (S from : {S::pending_payment, S::paid, S::delivered, S::completed, S::cancelled})
        CHECK_FALSE(transition(from, E::confirm_receipt_before_delivery, Actor::buyer));
    CHECK_FALSE(transition(S::shipped, E::confirm_receipt_before_delivery, Actor::staff));
    for (S from : {S::pending_payment, S::paid, S::completed, S::cancelled})
        CHECK_FALSE(transition(from, E::confirm_receipt, Actor::buyer));
    CHECK(transition(S::delivered, E::auto_complete, Actor::system) == S::completed);
    CHECK(transition(S::pending_payment, E::cancel, Actor::buyer) == S::cancelled);
    CHECK(transition(S::paid, E::cancel, Actor::staff) == S::cancelled);
    CHECK(transition(S::pending_payment, E::expire, Actor::system) == S::cancelled);
    CHECK_FALSE(transition(S::shipped, E::cancel, Actor::buyer));
    CHECK_FALSE(transition(S::paid, E::expire, Actor::system));
    CHECK_FALSE(transition(S::cancelled, E::pay, Actor::buyer));
    CHECK_FALSE(transition(S::completed, E::cancel, Actor::staff));
    CHECK_FALSE(transition(S::pending_payment, E::ship, Actor::staff));
    CHECK_FALSE(transition(S::paid, E::ship, Actor::buyer));
    // Lost package: only staff re-ship, and only a shipped order (not yet delivered).
    CHECK(transition(S::shipped, E::reship, Actor::staff) == S::shipped);
    CHECK_FALSE(transition(S::shipped, E::reship, Actor::buyer));
    CHECK_FALSE(transition(S::shipped, E::reship, Actor::system));
    for (S from : {S::pending_payment, S::paid, S::delivered, S::completed, S::cancelled})
        CHECK_FALSE(transition(from, E::reship, Actor::staff));
}

TEST_CASE("unknown enum names are refused, not mapped to the first value") {
    CHECK(parse_enum<OrderStatus>("paid") == OrderStatus::paid);
    CHECK_FALSE(parse_enum<OrderStatus>("lost").has_value());
    CHECK_FALSE(parse_enum<Currency>("EUR").has_value());
    CHECK_THROWS(enum_at<Lang>(json{{"lang", "fr"}}, "lang"));
}

TEST_CASE("RFC 3339 times") {
    CHECK(rfc3339(0) == "1970-01-01T00:00:00Z");
    CHECK(rfc3339(1795000000) == "2026-11-18T11:06:40Z");
    CHECK(parse_rfc3339("2026-11-18T11:06:40Z") == 1795000000);
    CHECK(parse_rfc3339(rfc3339(951782400)) == 951782400);  // 2000-02-29
    CHECK_FALSE(parse_rfc3339("2026-11-18 09:46:40Z"));
    CHECK_FALSE(parse_rfc3339("2026-13-18T09:46:40Z"));
}

TEST_CASE("RFC 3339 date-times with fractions and offsets, as carriers send them, become UTC seconds") {
    const std::int64_t utc = *parse_rfc3339("2026-12-03T05:00:00Z");
    CHECK(parse_rfc3339("2026-12-03T05:00:00.123Z") == utc);
    CHECK(parse_rfc3339("2026-12-03T05:00:00.999999999Z") == utc);
    CHECK(parse_rfc3339("2026-12-03T13:00:00+08:00") == utc);
    CHECK(parse_rfc3339("2026-12-03T13:00:00.5+08:00") == utc);
    CHECK(parse_rfc3339("2026-12-02T23:30:00-05:30") == utc);
    CHECK(parse_rfc3339("2026-12-03T05:00:00+00:00") == utc);
    CHECK(parse_rfc3339("2026-12-03t05:00:00z") == utc);
    CHECK(parse_rfc3339("2024-02-29T00:00:00Z"));
    CHECK(parse_rfc3339("2026-12-31T23:59:60Z"));  // a leap second
    for (const char* bad : {"2026-12-03T05:00:00", "2026-12-03T05:00:00.Z", "2026-12-03T05:00:00+0800",
                            "2026-12-03T05:00:00+08", "2026-12-03T05:00:00+24:00", "2026-12-03T05:00:00+08:60",
                            "2026-12-03T05:00:00Zjunk", "2026-02-30T05:00:00Z", "2025-02-29T00:00:00Z",
                            "2026-04-31T00:00:00Z", "2026-12-03T24:00:00Z", "2026-12-03", "", "garbage",
                            "2026-12-03T05:00:00.12a3Z", "+2026-12-03T05:00:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_rfc3339(bad));
    }
}

TEST_CASE("order_summary reproduces the vectors' order summaries and digests") {
    for (const auto& vec : test::payment_vectors().at("valid")) {
        const auto& summary = vec.at("order");
        const Order o = test::order_of_summary(summary);
        CHECK(order_summary(o) == summary);
        CHECK(payment::order_digest_hex(order_summary(o)) == vec.at("order_digest").get<std::string>());
    }
}

TEST_CASE("an order survives its API representation") {
    Order o;
    o.id = "ord_1";
    o.number = "SO-1";
    o.store = "demo-store";
    o.lines = {{"ln_1", "prd_1", "sku-1", "连帽衫", 2, 100, 200}};
    o.totals = {200, 1200, 0, 0, 0, 1400};
    o.ship_to = {"张三", "13800131000", "CN", "广东省", "深圳市", "南山区", "科技园路1号", "518000"};
    o.quote = make_quote("q_1", 1400, Currency::USDT, 720, 100);
    o.created_at_unix_s = 100;
    o.pay_by_unix_s = 1900;
    o.timeline = {{100, "pending_payment", "buyer", "Order placed"}};
    json j = o;
    CHECK(j.at("total") == json{{"amount", "1400"}, {"currency", "CNY"}});
    const Order back = j.get<Order>();
    CHECK(order_summary(back) == order_summary(o));
    CHECK(back.quote == o.quote);
    CHECK(back.timeline.size() == 1);
}

TEST_CASE("typed points, coupon codes and cart quantities follow the checkout request's rules") {
    CHECK(parse_points_text("") == 0);
    CHECK(parse_points_text("  ") == 0);
    CHECK(parse_points_text("500") == 500);
    CHECK(parse_points_text(" 42 ") == 42);
    CHECK(parse_points_text("1000000000") == kMaxPointsPerOrder);
    CHECK_FALSE(parse_points_text("1000000001"));
    CHECK_FALSE(parse_points_text("12345678901234567890"));  // 20 digits: refused, not wrapped
    CHECK_FALSE(parse_points_text("-5"));
    CHECK_FALSE(parse_points_text("+5"));
    CHECK_FALSE(parse_points_text("1.5"));
    CHECK_FALSE(parse_points_text("1,000"));
    CHECK_FALSE(parse_points_text("1e3"));
    CHECK_FALSE(parse_points_text("５"));  // a full-width digit is not a digit here
    CHECK(points_in_range(0));
    CHECK_FALSE(points_in_range(-1));

    CHECK(normalize_coupon_code("  save20 ") == "SAVE20");
    CHECK(valid_coupon_code(normalize_coupon_code("welcome10")));
    CHECK_FALSE(valid_coupon_code(normalize_coupon_code("save 20")));
    CHECK_FALSE(valid_coupon_code(""));
    CHECK_FALSE(valid_coupon_code(std::string(33, 'A')));

    CHECK(max_line_qty(3) == 3);
    CHECK(max_line_qty(0) == 0);
    CHECK(max_line_qty(-2) == 0);
    CHECK(max_line_qty(500) == kMaxLineQty);
}

TEST_CASE("the summary rows add up: subtotal - coupon - points value + shipping = total") {
    const Coupon ten{"SAVE10", CouponKind::fixed, 1000, 0, 0, true};
    const Totals t = price_order({{2500, 2}}, ShippingRules{}, &ten, 300);
    CHECK(t.coupon_discount_minor == 1000);
    CHECK(t.points_used == 300);
    CHECK(t.total_minor == t.subtotal_minor - t.coupon_discount_minor - points_value_minor(t.points_used) + t.shipping_minor);
    CHECK(t.discount_minor == t.coupon_discount_minor + points_value_minor(t.points_used));
}
