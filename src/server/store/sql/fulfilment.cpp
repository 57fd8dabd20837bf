// SQL backend: shipments, carrier tracking, completion and refunds.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/enum_json.hpp"
#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

TrackingStatus tracking_of(const std::string& text) {
    return parse_enum<TrackingStatus>(text).value_or(TrackingStatus::exception);
}

bool set_status(Db& db, std::string_view order_id, OrderStatus from, OrderStatus to, std::int64_t now) {
    Stmt s(db, "UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = ?");
    s.bind(1, enum_name(to)).bind(2, now).bind(3, order_id).bind(4, enum_name(from)).step();
    return db.changes() == 1;
}

}  // namespace

void load_fulfilment(Db& db, Order& o) {
    o.returns = load_returns(db, o.id);
    Stmt shipments(db, "SELECT id, carrier, tracking_number, status, created_at FROM shipments WHERE order_id = ? "
                       // Insertion order within a second: a shipment's first event is stored with it.
                       "ORDER BY created_at, (SELECT MIN(seq) FROM shipment_events e WHERE e.shipment_id = shipments.id)");
    shipments.bind(1, o.id);
    while (shipments.step()) {
        Shipment s{shipments.text(0), shipments.text(1), shipments.text(2), tracking_of(shipments.text(3)),
                   shipments.integer(4), {}};
        Stmt events(db, "SELECT at, status, location, description FROM shipment_events WHERE shipment_id = ? ORDER BY at DESC, seq DESC");
        events.bind(1, s.id);
        while (events.step())
            s.events.push_back({events.integer(0), tracking_of(events.text(1)), events.text(2), events.text(3)});
        o.shipments.push_back(std::move(s));
    }
    Stmt refunds(db, "SELECT id, payer, currency, amount, status, reason, lines_json, actor, created_at, succeeded_at "
                     "FROM refunds WHERE order_id = ? ORDER BY created_at, id");
    refunds.bind(1, o.id);
    while (refunds.step()) {
        Refund r;
        r.id = refunds.text(0);
        r.payer = refunds.text(1);
        r.currency = parse_currency(refunds.text(2)).value_or(Currency::BTC);
        r.amount = refunds.integer(3);
        r.status = parse_enum<RefundStatus>(refunds.text(4)).value_or(RefundStatus::pending);
        r.reason = refunds.text(5);
        for (const auto& l : nlohmann::json::parse(refunds.text(6)))
            r.lines.push_back({l.at("line_id").get<std::string>(), l.at("qty").get<std::int64_t>()});
        r.actor = refunds.text(7);
        r.created_at_unix_s = refunds.integer(8);
        r.succeeded_at_unix_s = refunds.is_null(9) ? 0 : refunds.integer(9);
        o.refunds.push_back(std::move(r));
    }
}

void apply_refund(Db& db, const Order& order, const Refund& refund, std::int64_t now) {
    // Recorded as pending, then moved through the refund state machine once the ledger credit
    // is in: both happen in the caller's transaction, so a refund is never half-done.
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : refund.lines) lines.push_back({{"line_id", l.line_id}, {"qty", l.qty}});
    Stmt insert(db, "INSERT INTO refunds(id, order_id, payment_id, payer, currency, amount, status, reason, lines_json, "
                    "actor, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)");
    insert.bind(1, refund.id).bind(2, order.id).bind(3, order.payment->id).bind(4, order.payment->payer)
        .bind(5, currency_code(order.payment->currency)).bind(6, refund.amount).bind(7, refund.reason)
        .bind(8, lines.dump()).bind(9, refund.actor).bind(10, now).step();
    Transfer credit_back(db, credited_account(db, order.payment->id),
                         wallet_account(order.payment->payer, order.payment->currency), order.payment->currency,
                         refund.amount, "refund", refund.id, now);
    if (!credit_back.apply()) throw StoreError("merchant account cannot cover refund " + refund.id);
    const auto next = refund_transition(RefundStatus::pending, RefundStatus::succeeded);
    Stmt done(db, "UPDATE refunds SET status = ?, succeeded_at = ? WHERE id = ?");
    done.bind(1, enum_name(*next)).bind(2, now).bind(3, refund.id).step();
    const auto status = payment_status_after(order.payment->amount, refunded_total(order) + refund.amount);
    Stmt pay(db, "UPDATE orders SET payment_status = ?, updated_at = ? WHERE id = ?");
    pay.bind(1, enum_name(status)).bind(2, now).bind(3, order.id).step();
    add_order_event(db, order.id, {now, enum_name(order.status), refund.actor,
                                   "Refunded " + format_money({refund.amount, order.payment->currency}) +
                                       (refund.reason.empty() ? "" : ": " + refund.reason)});
}

std::optional<Order> SqlStore::ship_order(std::string_view order_id, const Shipment& shipment, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    auto order = load_order(db, order_id);
    if (!order) return std::nullopt;
    const auto next = transition(order->status, OrderEvent::ship, Actor::staff);
    if (!next || !set_status(db, order_id, order->status, *next, now)) return std::nullopt;
    Stmt taken(db, "SELECT 1 FROM shipments WHERE carrier = ? AND tracking_number = ?");
    taken.bind(1, shipment.carrier).bind(2, shipment.tracking_number);
    if (taken.step()) throw DuplicateError("tracking number already used");
    Stmt insert(db, "INSERT INTO shipments(id, order_id, carrier, tracking_number, status, created_at) VALUES (?, ?, ?, ?, 'info_received', ?)");
    insert.bind(1, shipment.id).bind(2, order_id).bind(3, shipment.carrier).bind(4, shipment.tracking_number).bind(5, now).step();
    Stmt event(db, "INSERT INTO shipment_events(shipment_id, at, status, location, description) VALUES (?, ?, 'info_received', '', ?)");
    event.bind(1, shipment.id).bind(2, now).bind(3, "Shipping label created").step();
    // The carrier by name, not its code (the timeline is read by people).
    add_order_event(db, std::string(order_id),
                    {now, "shipped", "staff", carrier_display_name(shipment.carrier, Lang::en) + " " + shipment.tracking_number});
    auto updated = load_order(db, order_id);
    tx.commit();
    return updated;
}

TrackingResult SqlStore::record_tracking(std::string_view carrier, std::string_view tracking_number,
                                            const std::vector<ShipmentEvent>& events, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Stmt find(db, "SELECT s.id, s.order_id FROM shipments s WHERE s.carrier = ? AND s.tracking_number = ?");
    find.bind(1, carrier).bind(2, tracking_number);
    if (!find.step()) return {false, 0};
    const std::string shipment_id = find.text(0), order_id = find.text(1);
    TrackingResult result{true, 0};
    bool delivered = false;
    for (const auto& e : events) {
        Stmt insert(db, "INSERT INTO shipment_events(shipment_id, at, status, location, description) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT DO NOTHING");
        insert.bind(1, shipment_id).bind(2, e.at_unix_s).bind(3, enum_name(e.status))
            .bind(4, e.location).bind(5, e.description).step();
        result.recorded += static_cast<int>(db.changes());
        delivered = delivered || e.status == TrackingStatus::delivered;
    }
    Stmt latest(db, "UPDATE shipments SET status = (SELECT status FROM shipment_events WHERE shipment_id = ?1 "
                    "ORDER BY at DESC, seq DESC LIMIT 1) WHERE id = ?1");
    latest.bind(1, shipment_id).step();
    if (delivered) {
        auto order = load_order(db, order_id);
        const auto next = order ? transition(order->status, OrderEvent::deliver, Actor::system) : std::nullopt;
        if (next && set_status(db, order_id, order->status, *next, now)) {
            Stmt at(db, "UPDATE orders SET delivered_at = ? WHERE id = ?");
            at.bind(1, now).bind(2, order_id).step();
            add_order_event(db, order_id, {now, "delivered", "system", "The carrier reported delivery"});
        }
    }
    tx.commit();
    return result;
}

std::optional<Order> SqlStore::complete_order(std::string_view order_id, OrderEvent event, Actor actor, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    auto order = load_order(db, order_id);
    if (!order) return std::nullopt;
    const auto next = transition(order->status, event, actor);
    if (!next || *next != OrderStatus::completed || !set_status(db, order_id, order->status, *next, now)) return std::nullopt;
    const std::int64_t earned = points_earned(order->totals.total_minor);
    Stmt points(db, "UPDATE users SET points = points + ? WHERE id = ?");
    points.bind(1, earned).bind(2, order->user_id).step();
    add_order_event(db, order->id, {now, "completed", actor_name(actor),
                                    (event == OrderEvent::auto_complete ? "Completed automatically; "
                                     : event == OrderEvent::confirm_receipt_before_delivery
                                         ? "Receipt confirmed before the carrier reported delivery; "
                                         : "Receipt confirmed; ") +
                                        std::to_string(earned) + " points earned"});
    auto updated = load_order(db, order_id);
    tx.commit();
    return updated;
}

std::vector<std::string> SqlStore::orders_to_autocomplete(std::int64_t delivered_before, int limit) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT id FROM orders WHERE status = 'delivered' AND delivered_at < ? ORDER BY delivered_at LIMIT ?");
    s.bind(1, delivered_before).bind(2, std::int64_t{limit});
    return s.first_column();
}

RefundResult SqlStore::refund_order(std::string_view order_id, const Refund& refund, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    auto order = load_order(db, order_id);
    if (!order || !order->payment) return {RefundOutcome::not_paid, std::nullopt, 0};
    const std::int64_t refundable = order->payment->amount - refunded_total(*order);
    if (refund.amount <= 0 || refund.amount > refundable) return {RefundOutcome::over_refund, std::nullopt, refundable};
    std::map<std::string, std::int64_t> refunded_units;
    for (const auto& r : order->refunds)
        for (const auto& l : r.lines) refunded_units[l.line_id] += l.qty;
    for (const auto& l : refund.lines) {
        const auto line = std::find_if(order->lines.begin(), order->lines.end(), [&](const OrderLine& x) { return x.id == l.line_id; });
        if (line == order->lines.end() || refunded_units[l.line_id] + l.qty > line->qty)
            return {RefundOutcome::over_refund, std::nullopt, refundable};
    }
    apply_refund(db, *order, refund, now);
    auto updated = load_order(db, order_id);
    tx.commit();
    return {RefundOutcome::refunded, updated, 0};
}

std::optional<Order> SqlStore::reship_order(std::string_view order_id, const Shipment& shipment, const std::string& note,
                                              std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    auto order = load_order(db, order_id);
    if (!order) return std::nullopt;
    // The status stays `shipped`, so the write is guarded by the status the rules were checked
    // against: a delivery recorded meanwhile makes this a no-op and the caller answers 409.
    const auto next = transition(order->status, OrderEvent::reship, Actor::staff);
    if (!next || order->shipments.empty() || !set_status(db, order_id, order->status, *next, now)) return std::nullopt;
    Stmt taken(db, "SELECT 1 FROM shipments WHERE carrier = ? AND tracking_number = ?");
    taken.bind(1, shipment.carrier).bind(2, shipment.tracking_number);
    if (taken.step()) throw DuplicateError("tracking number already used");
    const Shipment& lost = order->shipments.back();
    if (lost.status != TrackingStatus::lost) {
        Stmt mark(db, "INSERT INTO shipment_events(shipment_id, at, status, location, description) VALUES (?, ?, 'lost', '', ?) "
                      "ON CONFLICT DO NOTHING");
        mark.bind(1, lost.id).bind(2, now).bind(3, "Declared lost by the store").step();
        Stmt status(db, "UPDATE shipments SET status = 'lost' WHERE id = ?");
        status.bind(1, lost.id).step();
    }
    Stmt insert(db, "INSERT INTO shipments(id, order_id, carrier, tracking_number, status, created_at) VALUES (?, ?, ?, ?, 'info_received', ?)");
    insert.bind(1, shipment.id).bind(2, order_id).bind(3, shipment.carrier).bind(4, shipment.tracking_number).bind(5, now).step();
    Stmt event(db, "INSERT INTO shipment_events(shipment_id, at, status, location, description) VALUES (?, ?, 'info_received', '', ?)");
    event.bind(1, shipment.id).bind(2, now).bind(3, "Replacement shipping label created").step();
    add_order_event(db, std::string(order_id), {now, enum_name(*next), "staff",
                                                "Re-shipped with " + carrier_display_name(shipment.carrier, Lang::en) + " " +
                                                    shipment.tracking_number + " (replaces " +
                                                    carrier_display_name(lost.carrier, Lang::en) + " " + lost.tracking_number + ")" +
                                                    (note.empty() ? "" : ": " + note)});
    auto updated = load_order(db, order_id);
    tx.commit();
    return updated;
}

}  // namespace satstore::server::sql
