// satstore client — state of the after-sales screens (issue 5): the staff order console
// (#/staff/orders, #/staff/orders/<id>), the staff returns queue (#/staff/returns) and the
// buyer's return request (#/orders/<id>/return) and return shipment. Plain data, part of
// AppState; screens edit the forms in place and record AfterAction intents for what needs the
// network; aftersales_requests.cpp performs them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "core/order.hpp"
#include "core/returns.hpp"
#include "load.hpp"
#include "ui/attachments.hpp"

namespace satstore::client {

// What the after-sales screens ask the loop to do (Intent::Kind::aftersales, Intent::number).
enum class AfterAction : std::int64_t {
    staff_filter,         // text = order status or "" (queue filter)
    staff_reload,         // reload what the current staff screen shows
    staff_ship,           // ship the console's order with ship form
    staff_open_cancel,    // cancel-with-refund confirm dialog
    staff_close_cancel,
    staff_cancel,
    staff_refund,         // partial refund from the refund form
    staff_reship,         // lost package: replacement shipment from the reship form
    staff_refund_lost,    // lost package: refund everything still refundable
    returns_filter,       // text = return status or ""
    return_approve,       // text = return id
    return_open_reject,   // text = return id: show the reason field
    return_reject,        // text = return id
    return_receive,       // text = return id
    buyer_submit_return,  // text = order id
    buyer_ship_return,    // text = return id
};

// A carrier + tracking number form (ship, re-ship, return shipment).
struct ShipForm {
    int carrier = 0;  // index into core carriers()
    std::string tracking_number;
    std::string reason;  // re-ship note
    std::map<std::string, std::string> errors;  // "carrier", "tracking_number", "reason"
    bool busy = false;
};

struct StaffOrdersState {
    // Queue (#/staff/orders).
    std::string filter = "paid";  // paid orders to ship first
    Load list_load = Load::idle;
    std::vector<Order> list;
    // Console (#/staff/orders/<id>).
    Load detail_load = Load::idle;
    std::optional<Order> detail;
    std::optional<Money> refundable;                       // what can still be refunded
    std::map<std::string, std::int64_t> refundable_units;  // per line id
    ShipForm ship;
    ShipForm reship;
    bool lost_open = false;  // the lost-package form, folded away while the parcel travels normally
    bool cancel_dialog = false;
    std::string cancel_reason;
    std::string cancel_error;
    bool cancel_busy = false;
    // Partial refund: by line (units per line id) or by amount (decimal in the paid currency).
    bool refund_by_amount = false;
    std::map<std::string, std::int64_t> refund_qty;
    std::string refund_amount;
    std::string refund_reason;
    std::map<std::string, std::string> refund_errors;  // "lines", "amount", "reason"
    bool refund_busy = false;
    bool lost_busy = false;
    std::string error;  // general error of the last action
};

struct StaffReturnsState {
    std::string filter = "requested";
    Load list_load = Load::idle;
    std::vector<ReturnRequest> list;
    std::map<std::string, Order> orders;  // the return's order, by id (titles of its lines)
    std::string rejecting;                // return id whose reject reason field is open
    std::string reject_reason;
    std::map<std::string, std::string> errors;  // by return id
    std::string busy;                     // return id with an action in flight
};

struct BuyerReturnState {
    // Request (#/orders/<id>/return).
    std::string order_id;
    std::map<std::string, std::int64_t> qty;  // line id → units to return
    std::string reason;
    ui::Attachments evidence;
    std::map<std::string, std::string> errors;  // "lines", "reason", "evidence"
    std::string error;
    bool busy = false;
    // Return shipment forms on the order detail, by return id.
    std::map<std::string, ShipForm> ship;
};

// Requests in flight (by platform request id).
enum class AfterRequest {
    staff_orders, staff_order, staff_ship, staff_cancel, staff_refund, staff_reship, staff_refund_lost,
    staff_returns, staff_return_order, return_decision, buyer_return, buyer_return_ship,
};

struct AftersalesState {
    StaffOrdersState staff;
    StaffReturnsState returns;
    BuyerReturnState buyer;
    double tracking_poll_at_ms = 0;  // next refresh of a parcel in transit on the order detail
};

}  // namespace satstore::client
