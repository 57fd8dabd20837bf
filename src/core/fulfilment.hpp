// satstore core — after payment: shipment tracking statuses, refunds and their amounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/money.hpp"
#include "core/order_state.hpp"

namespace satstore {

struct Order;
struct OrderLine;

// Normalised carrier tracking status (SPEC §2).
enum class TrackingStatus { info_received, in_transit, out_for_delivery, delivered, exception, returned_to_sender, lost };

NLOHMANN_JSON_SERIALIZE_ENUM(TrackingStatus, {
    {TrackingStatus::info_received, "info_received"},
    {TrackingStatus::in_transit, "in_transit"},
    {TrackingStatus::out_for_delivery, "out_for_delivery"},
    {TrackingStatus::delivered, "delivered"},
    {TrackingStatus::exception, "exception"},
    {TrackingStatus::returned_to_sender, "returned_to_sender"},
    {TrackingStatus::lost, "lost"},
})

// Refund: pending → succeeded (the wallet is credited).
enum class RefundStatus { pending, succeeded };

NLOHMANN_JSON_SERIALIZE_ENUM(RefundStatus, {{RefundStatus::pending, "pending"}, {RefundStatus::succeeded, "succeeded"}})

// The refund state machine: only pending → succeeded, once.
std::optional<RefundStatus> refund_transition(RefundStatus from, RefundStatus to);

// Carriers the store ships with, their names in each UI language, and each one's public
// tracking page for a number.
struct Carrier {
    std::string code;      // "sf", "ems", "ups", …
    std::string name;      // English ("SF Express")
    std::string name_zh;   // Simplified Chinese ("顺丰速运")
    std::string tracking_url_prefix;
};
const std::vector<Carrier>& carriers();
std::optional<Carrier> find_carrier(const std::string& code);
// The carrier's name in `lang`.
const std::string& carrier_name(const Carrier& carrier, Lang lang);
// The name of the carrier with `code` in `lang`; the code itself for a carrier we do not know.
std::string carrier_display_name(const std::string& code, Lang lang);
std::string tracking_url(const Carrier& carrier, const std::string& tracking_number);

// A tracking number as carriers print them: 6–40 letters, digits or dashes.
bool is_valid_tracking_number(const std::string& number);

struct RefundLine {
    std::string line_id;
    std::int64_t qty = 0;
};

struct ShipmentEvent {
    std::int64_t at_unix_s = 0;
    TrackingStatus status = TrackingStatus::info_received;
    std::string location;
    std::string description;
};

struct Shipment {
    std::string id;  // "shp_…"
    std::string carrier;
    std::string tracking_number;
    TrackingStatus status = TrackingStatus::info_received;
    std::int64_t created_at_unix_s = 0;
    std::vector<ShipmentEvent> events;  // newest first
};

struct Refund {
    std::string id;  // "rfd_…"
    std::string payer;
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;
    RefundStatus status = RefundStatus::pending;
    std::string reason;
    std::vector<RefundLine> lines;  // empty for amount refunds
    std::string actor;
    std::int64_t created_at_unix_s = 0;
    std::int64_t succeeded_at_unix_s = 0;  // 0 while pending
};

void to_json(nlohmann::json& j, const Shipment& s);
void from_json(const nlohmann::json& j, Shipment& s);
void to_json(nlohmann::json& j, const Refund& r);
void from_json(const nlohmann::json& j, Refund& r);

// The crypto amount refunded for `qty` units of `line`: the line's share of the goods after
// discounts, applied to what was paid, rounded down (so all lines together never exceed the
// payment less shipping).
std::int64_t line_refund_amount(const Order& order, std::int64_t paid_amount, const OrderLine& line, std::int64_t qty);

// paid / partially_refunded / refunded for a payment of `paid` with `refunded` returned.
PaymentStatus payment_status_after(std::int64_t paid, std::int64_t refunded);

// Refunds are credited at once on the store's ledger; the window tells the buyer when to expect
// the funds at the latest (the same day).
inline constexpr std::int64_t kRefundWindowS = 24 * 3600;

// Orders delivered this long ago complete on their own.
inline constexpr std::int64_t kAutoCompleteAfterS = 10 * 24 * 3600;

}  // namespace satstore
