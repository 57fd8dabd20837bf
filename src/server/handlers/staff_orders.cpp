// Staff order console (merchant role): queue by status, order detail, ship, refund, cancel with
// refund, re-ship a lost package.
#include <map>

#include "core/api/bodies.hpp"
#include "core/enum_json.hpp"
#include "core/fulfilment.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr std::size_t kMaxReasonBytes = 500;

Order existing_order(Context& ctx) {
    auto order = ctx.store.order(ctx.request.params.at("id"));
    if (!order) throw not_found("No order has this id.");
    return *order;
}

std::string reason_of(const nlohmann::json& body, bool required) {
    const auto it = body.find("reason");
    if (it == body.end() || it->is_null() || (it->is_string() && it->get_ref<const std::string&>().empty())) {
        if (required) throw validation_error({{"reason", "Give a reason: the buyer sees it."}});
        return "";
    }
    if (!it->is_string() || it->get_ref<const std::string&>().size() > kMaxReasonBytes)
        throw validation_error({{"reason", "The reason must be text of at most 500 bytes."}});
    return it->get<std::string>();
}

// The shipment a ship or re-ship request describes: its carrier and tracking number, checked
// (problems go to `errors`).
Shipment new_shipment(const Context& ctx, const nlohmann::json& body, FieldErrors& errors) {
    auto text = [&body](const char* name) {
        const auto it = body.find(name);
        return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Shipment s{secrets::new_id("shp"), text("carrier"), text("tracking_number"), TrackingStatus::info_received, ctx.now_unix_s, {}};
    if (!find_carrier(s.carrier)) errors["carrier"] = "Choose one of the store's carriers.";
    if (!is_valid_tracking_number(s.tracking_number)) errors["tracking_number"] = "6–40 letters, digits or dashes.";
    return s;
}

}  // namespace

Response staff_list_orders(Context& ctx) {
    OrderQuery q;
    q.limit = parse_page_limit(ctx, 50);
    q.after_seq = parse_cursor(ctx);
    if (const auto status = query_param(ctx, "status"); !status.empty()) {
        q.status = parse_enum<OrderStatus>(status);
        if (!q.status) throw validation_error({{"status", "Unknown order status."}});
    }
    const OrderPage page = ctx.store.orders(q);
    return json_response(200, page_json(page.items, page.next_seq));
}

Response staff_ship_order(Context& ctx) {
    const Order order = existing_order(ctx);
    const auto body = ctx.json_body();
    FieldErrors errors;
    const Shipment shipment = new_shipment(ctx, body, errors);
    if (!errors.empty()) throw validation_error(std::move(errors));
    std::optional<Order> updated;
    try {
        updated = ctx.store.ship_order(order.id, shipment, ctx.now_unix_s);
    } catch (const DuplicateError&) {
        throw ApiError(409, ProblemCode::tracking_number_used, "Tracking number in use",
                       "Another shipment already has this tracking number.", {{"tracking_number", "Already used."}});
    }
    if (!updated) {
        ApiError e(409, ProblemCode::order_not_shippable, "Order cannot be shipped", "Only paid orders can be shipped.");
        e.extra.order_status = order.status;
        throw e;
    }
    return json_response(200, *updated);
}

Response staff_refund_order(Context& ctx) {
    const Order order = existing_order(ctx);
    if (!order.payment) throw ApiError(409, ProblemCode::order_not_paid, "Order not paid", "There is no payment to refund.");
    const auto body = ctx.json_body();
    Refund refund{secrets::new_id("rfd"), order.payment->payer, order.payment->currency, 0, RefundStatus::pending,
                  reason_of(body, true), {}, "staff", ctx.now_unix_s, 0};
    FieldErrors errors;
    if (const auto lines = body.find("lines"); lines != body.end() && !lines->is_null()) {
        if (!lines->is_array() || lines->empty()) errors["lines"] = "List the lines to refund.";
        else
            for (std::size_t i = 0; i < lines->size(); ++i) {
                const auto& l = (*lines)[i];
                const std::string key = "lines[" + std::to_string(i) + "]";
                const auto id = l.is_object() && l.contains("line_id") && l["line_id"].is_string() ? l["line_id"].get<std::string>() : "";
                const auto line = std::find_if(order.lines.begin(), order.lines.end(), [&](const OrderLine& x) { return x.id == id; });
                const bool qty_ok = l.is_object() && l.contains("qty") && l["qty"].is_number_integer() && l["qty"].get<std::int64_t>() > 0;
                if (line == order.lines.end()) errors[key + ".line_id"] = "Not a line of this order.";
                else if (!qty_ok || l["qty"].get<std::int64_t>() > line->qty) errors[key + ".qty"] = "From 1 to the quantity ordered.";
                else {
                    refund.lines.push_back({id, l["qty"].get<std::int64_t>()});
                    refund.amount += line_refund_amount(order, order.payment->amount, *line, l["qty"].get<std::int64_t>());
                }
            }
    } else if (const auto amount = body.find("amount"); amount != body.end() && amount->is_object()) {
        try {
            const Money m = amount->get<Money>();
            if (m.currency != order.payment->currency) errors["amount"] = "Refunds are in the paid currency.";
            else if (m.amount_minor <= 0) errors["amount"] = "A positive amount.";
            else refund.amount = m.amount_minor;
        } catch (const std::exception&) {
            errors["amount"] = "An amount: {\"amount\": \"…\", \"currency\": \"…\"}.";
        }
    } else {
        errors["lines"] = "Refund lines or an amount.";
    }
    if (!errors.empty()) throw validation_error(std::move(errors));
    const RefundResult r = ctx.store.refund_order(order.id, refund, ctx.now_unix_s);
    if (r.outcome == RefundOutcome::over_refund) {
        ApiError e(422, ProblemCode::over_refund, "Refund too large",
                   "The refund exceeds what was paid and not yet refunded, or the units ordered.",
                   {{"amount", "At most " + amount_to_string(r.refundable) + " can still be refunded."}});
        e.extra.refundable_minor = r.refundable;
        throw e;
    }
    if (r.outcome == RefundOutcome::not_paid) throw ApiError(409, ProblemCode::order_not_paid, "Order not paid", "There is no payment to refund.");
    return json_response(200, *r.order);
}

Response staff_cancel_order(Context& ctx) {
    const Order order = existing_order(ctx);
    const auto body = ctx.request.body.empty() ? nlohmann::json::object() : ctx.json_body();
    const std::string reason = reason_of(body, true);
    auto updated = ctx.store.cancel_order(order.id, OrderEvent::cancel, Actor::staff, reason, ctx.now_unix_s);
    if (!updated) {
        ApiError e(409, ProblemCode::order_not_cancellable, "Order cannot be cancelled",
                   "Only unpaid or paid, unshipped orders can be cancelled; after shipping use a return.");
        e.extra.order_status = order.status;
        throw e;
    }
    return json_response(200, *updated);
}

// The order as the buyer sees it, plus what the console needs to act: the amount that can still
// be refunded (in the paid currency) and, per line, the units not yet refunded.
Response staff_get_order(Context& ctx) {
    api::StaffOrder answer{existing_order(ctx), {}, {}};
    const Order& order = answer.order;
    if (order.payment) {
        answer.refundable = Money{order.payment->amount - refunded_total(order), order.payment->currency};
        std::map<std::string, std::int64_t> refunded_units;
        for (const auto& r : order.refunds)
            for (const auto& l : r.lines) refunded_units[l.line_id] += l.qty;
        for (const auto& l : order.lines) answer.refundable_units[l.id] = l.qty - refunded_units[l.id];
    }
    return json_response(200, answer);
}

// Lost package → a replacement shipment with a new carrier and tracking number. The other
// remedy is a refund (POST …/refunds), which leaves the order shipped.
Response staff_reship_order(Context& ctx) {
    const Order order = existing_order(ctx);
    const auto body = ctx.json_body();
    FieldErrors errors;
    const Shipment shipment = new_shipment(ctx, body, errors);
    std::string note;
    try {
        note = reason_of(body, true);
    } catch (const ApiError& e) {
        errors.insert(e.errors.begin(), e.errors.end());
    }
    if (!errors.empty()) throw validation_error(std::move(errors));
    std::optional<Order> updated;
    try {
        updated = ctx.store.reship_order(order.id, shipment, note, ctx.now_unix_s);
    } catch (const DuplicateError&) {
        throw ApiError(409, ProblemCode::tracking_number_used, "Tracking number in use",
                       "Another shipment already has this tracking number.", {{"tracking_number", "Already used."}});
    }
    if (!updated) {
        ApiError e(409, ProblemCode::order_not_reshippable, "Order cannot be re-shipped",
                   "Only shipped orders that have not been delivered can be re-shipped.");
        e.extra.order_status = order.status;
        throw e;
    }
    return json_response(200, *updated);
}

}  // namespace satstore::server::handlers
