// satstore core — the order state machine (SPEC §2). One transition function holds every rule;
// the server applies it before writing, the client uses it to decide which actions to offer.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace satstore {

enum class OrderStatus { pending_payment, paid, shipped, delivered, completed, cancelled };

NLOHMANN_JSON_SERIALIZE_ENUM(OrderStatus, {
    {OrderStatus::pending_payment, "pending_payment"},
    {OrderStatus::paid, "paid"},
    {OrderStatus::shipped, "shipped"},
    {OrderStatus::delivered, "delivered"},
    {OrderStatus::completed, "completed"},
    {OrderStatus::cancelled, "cancelled"},
})

enum class PaymentStatus { unpaid, paid, partially_refunded, refunded };

NLOHMANN_JSON_SERIALIZE_ENUM(PaymentStatus, {
    {PaymentStatus::unpaid, "unpaid"},
    {PaymentStatus::paid, "paid"},
    {PaymentStatus::partially_refunded, "partially_refunded"},
    {PaymentStatus::refunded, "refunded"},
})

// What happens to an order. `expire` is the automatic cancel of an order left unpaid.
// `reship` sends a replacement for a shipped parcel the carrier lost (or returned to sender).
// `confirm_receipt_before_delivery` is the buyer saying the parcel arrived while the carrier has
// not reported delivery yet: a separate event so that a plain confirmation is refused until then.
enum class OrderEvent { pay, ship, deliver, confirm_receipt, confirm_receipt_before_delivery, auto_complete, cancel, expire, reship };

// Who causes an event.
enum class Actor { buyer, staff, system };

// The status after `event`, or nullopt when the rules forbid it:
//   pending_payment --pay--> paid --ship--> shipped --deliver--> delivered
//   delivered --confirm_receipt (buyer) / auto_complete (system)--> completed
//   shipped --confirm_receipt_before_delivery (buyer)--> completed  (the parcel arrived before the
//                                          carrier said so; the buyer acknowledges it explicitly)
//   pending_payment --cancel (buyer, staff) / expire (system)--> cancelled
//   paid --cancel (buyer, staff)--> cancelled   (the caller refunds in full)
//   shipped --reship (staff)--> shipped   (lost package: a new shipment replaces the lost one;
//                                          the other remedy, a refund, leaves the status alone)
std::optional<OrderStatus> transition(OrderStatus from, OrderEvent event, Actor actor);

// Stable names for timelines and logs: "pay", "ship", …
std::string event_name(OrderEvent event);
std::string actor_name(Actor actor);

}  // namespace satstore
