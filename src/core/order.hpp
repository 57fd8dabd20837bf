// satstore core — orders: the checkout request, the order as stored and shown, the quote, and
// the order summary that the payment signature covers (PAYMENT.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/address.hpp"
#include "core/catalog.hpp"
#include "core/fulfilment.hpp"
#include "core/money.hpp"
#include "core/order_state.hpp"
#include "core/pricing.hpp"
#include "core/returns.hpp"

namespace satstore {

inline constexpr std::size_t kMaxOrderLines = 50;
inline constexpr std::int64_t kMaxLineQty = 99;
inline constexpr std::int64_t kMaxPointsPerOrder = 1'000'000'000;
inline constexpr std::int64_t kQuoteValidityS = 15 * 60;

// The value of a JSON integer that fits int64; nullopt for floats, strings, huge numbers.
std::optional<std::int64_t> whole_number(const nlohmann::json& v);

struct LineRequest {
    std::string product_id;
    std::string variant_id;  // "" = the product's only variant
    std::int64_t qty = 0;
};

// The body of POST /orders and POST /orders/preview.
struct OrderRequest {
    std::vector<LineRequest> lines;
    Address ship_to;
    std::string coupon;  // "" = none; upper-cased
    Currency pay_currency = Currency::BTC;
    Lang lang = Lang::en;
    std::int64_t use_points = 0;
};

// Parses and checks the shape of a checkout request: 1–50 lines, each with a product id and a
// whole quantity 1–99, no product twice, a valid address, BTC or USDT, lang "en" or "zh-CN",
// an optional coupon code, optional non-negative points. Errors are keyed like
// "lines[1].qty", "ship_to.phone", "pay_currency". `request` is meaningful only without errors.
struct ParsedOrderRequest {
    OrderRequest request;
    FieldErrors errors;
};
// With `address_optional` (pricing a cart before checkout) `"ship_to": null` is accepted and
// left empty; the member is still required, and a ship_to object is still validated.
ParsedOrderRequest parse_order_request(const nlohmann::json& body, bool address_optional = false);

// A coupon code: 1–32 of A–Z, 0–9, '-' and '_' (what parse_order_request accepts).
bool valid_coupon_code(std::string_view code);
// A coupon code as a buyer typed it ("  save20 ") in the form the API takes ("SAVE20"): the
// surrounding spaces dropped, ASCII letters upper-cased. Not checked: see valid_coupon_code.
std::string normalize_coupon_code(std::string_view typed);

// Whether `points` may be asked for in one order: 0–kMaxPointsPerOrder.
bool points_in_range(std::int64_t points);
// The points a buyer typed: "" (or only spaces) is 0; else digits only, within points_in_range.
// nullopt for signs, fractions, separators, or more than kMaxPointsPerOrder (e.g. 20 digits).
std::optional<std::int64_t> parse_points_text(std::string_view text);

// The most units of one product a cart line may hold: its stock, at most kMaxLineQty (0 when
// sold out). The cart caps quantities with it; checkout still re-checks stock.
std::int64_t max_line_qty(std::int64_t stock);

// A JSON value that holds the same request (what the client sends). `without_address` writes
// "ship_to": null: a cart priced before an address is typed (previews only).
nlohmann::json to_request_json(const OrderRequest& request, bool without_address = false);

struct Quote {
    std::string id;  // "q_…"
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;             // base units of `currency`
    std::int64_t rate_minor_per_unit = 0;  // fiat minor units per whole crypto unit
    std::int64_t created_at_unix_s = 0;
    std::int64_t expires_at_unix_s = 0;

    friend bool operator==(const Quote&, const Quote&) = default;
};

// A quote for a fiat total at a rate, valid kQuoteValidityS from `now`. nullopt when the rate
// is unusable (see convert_ceil).
std::optional<Quote> make_quote(std::string id, std::int64_t fiat_total_minor, Currency crypto,
                                std::int64_t rate_minor_per_unit, std::int64_t now_unix_s);

struct OrderLine {
    std::string id;  // "ln_…"
    std::string product_id;
    std::string sku;
    std::string title;  // in the order's language, as ordered
    std::int64_t qty = 0;
    std::int64_t unit_price_minor = 0;
    std::int64_t line_total_minor = 0;
    std::string variant_id;  // "var_…"
    std::string variant;     // its option values in the order's language ("黑色 / M"), "" without options
};

// What a buyer or staff member reads for a line: "Satoshi Hoodie (Black / M)", or the title
// alone for a product without options.
std::string line_name(const OrderLine& line);

struct TimelineEntry {
    std::int64_t at_unix_s = 0;
    std::string status;  // the status entered, e.g. "pending_payment"
    std::string actor;   // "buyer", "staff", "system"
    std::string note;
};

// A settled payment as recorded: the authorization fields and signature exactly as received.
struct PaymentRecord {
    std::string id;  // "pay_…"
    std::string order_id;
    std::string payer;
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;
    nlohmann::json authorization;
    std::string sig;
    std::int64_t created_at_unix_s = 0;
};

void to_json(nlohmann::json& j, const PaymentRecord& p);
void from_json(const nlohmann::json& j, PaymentRecord& p);

struct Order {
    std::string id;      // "ord_…"
    std::string number;  // human order number, e.g. "SO-20261123-000042"
    std::string user_id;
    std::string store;
    OrderStatus status = OrderStatus::pending_payment;
    PaymentStatus payment_status = PaymentStatus::unpaid;
    Currency fiat = Currency::CNY;
    Lang lang = Lang::en;
    std::vector<OrderLine> lines;
    Totals totals;
    Address ship_to;
    std::string coupon;  // "" = none
    Currency pay_currency = Currency::BTC;
    std::optional<Quote> quote;
    std::int64_t created_at_unix_s = 0;
    std::int64_t pay_by_unix_s = 0;  // unpaid orders are cancelled after this
    std::vector<TimelineEntry> timeline;  // oldest first
    std::optional<PaymentRecord> payment;
    std::vector<Shipment> shipments;  // oldest first
    std::vector<Refund> refunds;      // oldest first
    std::vector<ReturnRequest> returns;  // oldest first
    std::int64_t delivered_at_unix_s = 0;  // 0 until delivered
};

// What was refunded of the payment so far (succeeded and pending refunds).
std::int64_t refunded_total(const Order& order);

// The order summary of PAYMENT.md, whose JCS digest is the authorization's order_digest:
// {"store","order","currency","lines":[{"sku","title","qty","unit_price","line_total"}],
//  "subtotal","shipping","discount","total","ship_to":{…}} with amounts as decimal strings.
nlohmann::json order_summary(const Order& order);

// The API representation of an order (GET /orders/{id}); the list view uses the same shape.
void to_json(nlohmann::json& j, const Order& order);
void to_json(nlohmann::json& j, const Quote& quote);
// Reads an order back from its API representation (the client does). Throws on malformed input.
void from_json(const nlohmann::json& j, Order& order);
void from_json(const nlohmann::json& j, Quote& quote);

// RFC 3339 UTC ("2026-11-23T05:09:00Z") for unix seconds, and back from any RFC 3339 date-time
// ("2026-12-03T13:00:00.123+08:00": the offset applied, the fraction dropped; nullopt when
// malformed or not a calendar date).
std::string rfc3339(std::int64_t unix_s);
std::optional<std::int64_t> parse_rfc3339(const std::string& text);

}  // namespace satstore
