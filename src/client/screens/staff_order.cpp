// satstore client — staff order console (#/staff/orders/<id>, merchant role): the order (lines,
// address, payment, refunds, shipments, timeline) and only the actions core transition() allows
// staff: ship (carrier + tracking number), cancel with refund (reason, confirm dialog), partial
// refund by line or amount (showing what can still be refunded), and for a shipped order a lost
// package → re-ship with a new carrier and tracking number, or refund what is left.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "core/enum_json.hpp"
#include "core/fulfilment.hpp"
#include "i18n/strings.hpp"
#include "screens/buy_common.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

bool staff_may(const Order& o, OrderEvent e) { return transition(o.status, e, Actor::staff).has_value(); }

std::string err(const std::map<std::string, std::string>& errors, const char* key) {
    auto it = errors.find(key);
    return it == errors.end() ? std::string() : it->second;
}

void gap(float h = 16) { ImGui::Dummy(ImVec2(1, h)); }

void order_card(AppState& s, const Order& o, float w) {
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::items), FontSize::h20, color::text, 2);
    for (const OrderLine& l : o.lines)
        ui::value_row(ui::wrap_text(l.sku + " · " + line_name(l) + " × " + std::to_string(l.qty), FontSize::body16, inner - 120, 1).front(),
                      ui::price_text(Money{l.line_total_minor, o.fiat}), inner);
    ImGui::Dummy(ImVec2(1, 4));
    ui::price_summary(s.lang, order_price_summary(o), inner);  // subtotal … total, then due or paid
    if (s.after.staff.refundable) ui::value_row(tr(s.lang, S::as_refundable), format_money(*s.after.staff.refundable), inner, true);
    for (const Refund& r : o.refunds)
        ui::value_row(trf(s.lang, S::as_refund_line_s, r.reason.c_str()), "-" + format_money(Money{r.amount, r.currency}), inner);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text(tr(s.lang, S::shipping_address), FontSize::small14, color::muted);
    address_lines(s, o.ship_to, inner);
    ui::card_end();
}

void shipments_card(AppState& s, const Order& o, float w) {
    for (auto it = o.shipments.rbegin(); it != o.shipments.rend(); ++it) {
        const Shipment& sh = *it;
        gap();
        ImGui::PushID(sh.id.c_str());
        ui::card_begin(w);
        const float inner = ui::card_inner_width();
        ui::text(tr(s.lang, S::shipment), FontSize::h20, color::text, 2);
        ui::value_row(tr(s.lang, S::carrier), carrier_display_name(sh.carrier, s.lang), inner);
        ui::value_row(tr(s.lang, S::tracking_number), sh.tracking_number, inner);
        std::vector<ui::TimelineItem> items;
        for (const ShipmentEvent& e : sh.events) {
            std::string detail = ui::short_time(e.at_unix_s);
            if (!e.location.empty()) detail += " · " + e.location;
            items.push_back({std::string(tracking_label(s.lang, e.status)) + (e.description.empty() ? "" : " — " + e.description), detail});
        }
        ImGui::Dummy(ImVec2(1, 4));
        ui::timeline(items, inner);
        ui::card_end();
        ImGui::PopID();
    }
}

void history_card(AppState& s, const Order& o, float w) {
    ui::card_begin(w);
    ui::text(tr(s.lang, S::order_history), FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
    std::vector<ui::TimelineItem> items;
    for (auto it = o.timeline.rbegin(); it != o.timeline.rend(); ++it) {
        const auto status = parse_enum<OrderStatus>(it->status);
        const std::string note = history_note(s.lang, o, it->note);
        items.push_back({(status ? ui::status_label(s.lang, *status) : it->status) + std::string(" · ") + it->actor,
                         ui::short_time(it->at_unix_s) + (note.empty() ? "" : " · " + note)});
    }
    ui::timeline(items, ui::card_inner_width());
    ui::card_end();
}

void ship_card(AppState& s, const Order& o, float w) {
    StaffOrdersState& st = s.after.staff;
    gap();
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::as_ship_title), FontSize::h20, color::text, 2);
    carrier_picker(s, "ship", st.ship.carrier, err(st.ship.errors, "carrier"), inner);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text_field(tr(s.lang, S::tracking_number), "ship_tracking", st.ship.tracking_number, err(st.ship.errors, "tracking_number"),
                   inner, false, tr(s.lang, S::as_tracking_hint));
    ImGui::Dummy(ImVec2(1, 8));
    if (ui::button(tr(s.lang, S::as_ship_order), ButtonKind::primary, ImVec2(is_narrow(s) ? inner : 0, 44), false, st.ship.busy))
        after(s, AfterAction::staff_ship, o.id);
    ui::card_end();
}

void refund_card(AppState& s, const Order& o, float w) {
    StaffOrdersState& st = s.after.staff;
    if (!o.payment || !st.refundable || st.refundable->amount_minor <= 0) return;
    gap();
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::as_partial_refund), FontSize::h20, color::text, 2);
    ui::text(trf(s.lang, S::as_refundable_s, format_money(*st.refundable).c_str()), FontSize::body16, color::muted);
    ImGui::Dummy(ImVec2(1, 4));
    if (ui::button(tr(s.lang, S::as_by_line), st.refund_by_amount ? ButtonKind::secondary : ButtonKind::soft)) st.refund_by_amount = false;
    a11y::annotate_last(a11y::Role::tab, {}, -1, st.refund_by_amount ? 0 : 1);
    ImGui::SameLine(0, 8);
    if (ui::button(tr(s.lang, S::as_by_amount), st.refund_by_amount ? ButtonKind::soft : ButtonKind::secondary)) st.refund_by_amount = true;
    a11y::annotate_last(a11y::Role::tab, {}, -1, st.refund_by_amount ? 1 : 0);
    ImGui::Dummy(ImVec2(1, 8));
    if (st.refund_by_amount) {
        const std::string hint(currency_code(o.payment->currency));
        ui::text_field(trf(s.lang, S::as_amount_in_s, hint.c_str()).c_str(), "refund_amount", st.refund_amount,
                       err(st.refund_errors, "amount"), std::min(inner, 320.0f), false, "0.0001");
    } else {
        for (const OrderLine& l : o.lines) {
            const auto left = st.refundable_units.count(l.id) ? st.refundable_units.at(l.id) : l.qty;
            const std::string label = ui::wrap_text(line_name(l), FontSize::body16, inner - 150, 1).front();
            ui::text(label + "  (" + trf(s.lang, S::as_units_left_lld, static_cast<long long>(left)) + ")", FontSize::body16, color::text);
            std::int64_t& q = st.refund_qty[l.id];
            q = unit_stepper(s, "refund" + l.id, l.title, std::min(q, left), left);
            ImGui::Dummy(ImVec2(1, 8));
        }
        const std::string e = err(st.refund_errors, "lines");
        if (!e.empty()) ui::text(e, FontSize::small14, color::danger, 0, true);
        // A line error from the server may concern the amount (over-refund).
        const std::string a = err(st.refund_errors, "amount");
        if (!a.empty()) ui::text(a, FontSize::small14, color::danger, 0, true);
    }
    ImGui::Dummy(ImVec2(1, 4));
    ui::text_field(tr(s.lang, S::as_refund_reason), "refund_reason", st.refund_reason, err(st.refund_errors, "reason"), inner, false,
                   tr(s.lang, S::as_reason_hint));
    ImGui::Dummy(ImVec2(1, 8));
    if (ui::button(tr(s.lang, S::as_refund), ButtonKind::primary, ImVec2(is_narrow(s) ? inner : 0, 44), false, st.refund_busy))
        after(s, AfterAction::staff_refund, o.id);
    ui::card_end();
}

// The lost-package remedy. Folded to its title and one button while the parcel travels normally;
// open when the carrier reports a problem (`problem`) or staff unfold it.
void lost_card(AppState& s, const Order& o, float w, bool problem) {
    StaffOrdersState& st = s.after.staff;
    gap();
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::as_lost_title), FontSize::h20, color::text, 2);
    if (!problem && !st.lost_open) {
        ui::text(tr(s.lang, S::as_lost_collapsed), FontSize::body16, color::muted, 0, true);
        ImGui::Dummy(ImVec2(1, 4));
        if (ui::button(tr(s.lang, S::as_lost_open), ButtonKind::secondary, ImVec2(is_narrow(s) ? inner : 0, 0))) st.lost_open = true;
        ui::card_end();
        return;
    }
    ui::text(tr(s.lang, S::as_lost_body), FontSize::body16, color::muted, 0, true);
    if (!problem && ui::link(tr(s.lang, S::as_lost_hide), FontSize::small14)) st.lost_open = false;
    ImGui::Dummy(ImVec2(1, 8));
    carrier_picker(s, "reship", st.reship.carrier, err(st.reship.errors, "carrier"), inner);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text_field(tr(s.lang, S::as_new_tracking), "reship_tracking", st.reship.tracking_number,
                   err(st.reship.errors, "tracking_number"), inner, false, tr(s.lang, S::as_tracking_hint));
    ui::text_field(tr(s.lang, S::as_note), "reship_note", st.reship.reason, err(st.reship.errors, "reason"), inner, false,
                   tr(s.lang, S::as_lost_note_hint));
    ImGui::Dummy(ImVec2(1, 8));
    const bool narrow = is_narrow(s);
    if (ui::button(tr(s.lang, S::as_reship), ButtonKind::primary, ImVec2(narrow ? inner : 0, 44), false, st.reship.busy))
        after(s, AfterAction::staff_reship, o.id);
    if (st.refundable && st.refundable->amount_minor > 0) {
        if (!narrow) ImGui::SameLine(0, 12);
        const std::string label = trf(s.lang, S::as_refund_rest_s, format_money(*st.refundable).c_str());
        if (ui::button(label.c_str(), ButtonKind::secondary, ImVec2(narrow ? inner : 0, 44), false, st.lost_busy))
            after(s, AfterAction::staff_refund_lost, o.id);
    }
    ui::card_end();
}

// The latest shipment's newest tracking status (its label status when no event came yet).
TrackingStatus latest_status(const Shipment& sh) { return sh.events.empty() ? sh.status : sh.events.front().status; }

// The carrier reports something other than a parcel on its way: lost, returned, a problem.
bool tracking_problem(const Order& o) {
    if (o.shipments.empty()) return false;
    const TrackingStatus t = latest_status(o.shipments.back());
    return t == TrackingStatus::lost || t == TrackingStatus::returned_to_sender || t == TrackingStatus::exception;
}

// What is next for an order staff cannot ship (a paid one leads with the ship form instead):
// awaiting payment; awaiting delivery with the live shipment's carrier, number and latest update
// (or the carrier's problem); delivered and waiting for the buyer. False when nothing is next.
bool next_card(AppState& s, const Order& o, float w) {
    const bool problem = o.status == OrderStatus::shipped && tracking_problem(o);
    S title, body;
    switch (o.status) {
        case OrderStatus::pending_payment: title = S::as_next_payment; body = S::as_next_payment_body; break;
        case OrderStatus::shipped:
            title = problem ? S::as_next_problem : S::as_next_delivery;
            body = problem ? S::as_lost_body : S::as_next_delivery_body;
            break;
        case OrderStatus::delivered: title = S::as_next_delivered; body = S::as_next_delivered_body; break;
        default: return false;
    }
    gap();
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, title), FontSize::h20, problem ? color::warning : color::text, 2);
    if (!problem) ui::text(tr(s.lang, body), FontSize::body16, color::muted, 0, true);
    if (!o.shipments.empty() && o.status != OrderStatus::pending_payment) {
        const Shipment& sh = o.shipments.back();
        ImGui::Dummy(ImVec2(1, 8));
        ui::value_row(tr(s.lang, S::carrier), carrier_display_name(sh.carrier, s.lang), inner);
        ui::value_row(tr(s.lang, S::tracking_number), sh.tracking_number, inner);
        const std::int64_t at = sh.events.empty() ? sh.created_at_unix_s : sh.events.front().at_unix_s;
        ui::value_row(tr(s.lang, S::latest_update), tracking_label(s.lang, latest_status(sh)), inner);
        ui::text(ui::short_time(at), FontSize::small14, color::muted);
    }
    ui::card_end();
    return true;
}

void cancel_card(AppState& s, const Order& o, float w) {
    StaffOrdersState& st = s.after.staff;
    gap();
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::as_cancel_title), FontSize::h20, color::text, 2);
    ui::text_field(tr(s.lang, S::as_cancel_reason), "cancel_reason", st.cancel_reason, st.cancel_dialog ? std::string() : st.cancel_error,
                   inner, false, tr(s.lang, S::as_cancel_reason_hint));
    ImGui::Dummy(ImVec2(1, 8));
    // Secondary: the destructive step is the dialog's confirm button.
    if (ui::button(tr(s.lang, o.payment ? S::as_cancel_refund : S::cancel_order), ButtonKind::secondary,
                   ImVec2(is_narrow(s) ? inner : 0, 44), false, st.cancel_busy))
        after(s, AfterAction::staff_open_cancel);
    ui::card_end();
}

}  // namespace

void draw_staff_order(AppState& s, float width) {
    if (!staff_gate(s, width)) return;
    if (ui::link(tr(s.lang, S::as_back_to_queue))) go(s, route_of(Route::staff_orders));
    ImGui::Dummy(ImVec2(1, 8));
    const StaffOrdersState& st = s.after.staff;
    const Order* found = routed_order(s, st.detail, st.detail_load, width);
    if (!found) return;
    const Order o = *found;  // a copy: replies may replace the detail after drawing
    ui::text(trf(s.lang, S::order_number_s, o.number.c_str()), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ui::status_chip(s.lang, o.status, o.payment_status == PaymentStatus::refunded);
    ui::text(ui::short_time(o.created_at_unix_s) + " · " + o.id, FontSize::small14, color::muted);
    if (!st.error.empty()) ui::text(st.error, FontSize::body16, color::danger, 0, true);
    ImGui::Dummy(ImVec2(1, 12));

    const bool narrow = width < 900.0f;
    const float main_w = narrow ? width : width * 0.56f;
    const float side_w = narrow ? width : width - main_w - 24.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    // What is next first (left column): the ship form for a paid order, else the order's next
    // step (awaiting payment / delivery with tracking / the buyer); the remedies below it.
    ImGui::BeginGroup();
    bool any = next_card(s, o, main_w);
    if (staff_may(o, OrderEvent::ship)) {
        ship_card(s, o, main_w);
        any = true;
    }
    // A carrier problem makes the lost-package remedy what is next; otherwise it comes last, folded.
    const bool problem = tracking_problem(o);
    const bool reship = staff_may(o, OrderEvent::reship);
    if (reship && problem) lost_card(s, o, main_w, true);
    refund_card(s, o, main_w);
    if (reship && !problem) lost_card(s, o, main_w, false);
    any = any || reship;
    if (staff_may(o, OrderEvent::cancel)) {
        cancel_card(s, o, main_w);
        any = true;
    }
    if (!any && !(st.refundable && st.refundable->amount_minor > 0)) {
        gap();
        ui::card_begin(main_w);
        ui::text(tr(s.lang, S::as_no_actions), FontSize::body16, color::muted, 0, true);
        ui::card_end();
    }
    shipments_card(s, o, main_w);
    ImGui::EndGroup();
    if (narrow) {
        gap();
        order_card(s, o, side_w);
        gap();
        history_card(s, o, side_w);
    } else {
        const float bottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x + main_w + 24.0f, start.y + 16));
        ImGui::BeginGroup();
        order_card(s, o, side_w);
        gap();
        history_card(s, o, side_w);
        ImGui::EndGroup();
        ImGui::SetCursorPosX(start.x);
        ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
    }

    if (s.after.staff.cancel_dialog) {
        const std::string paid = o.payment ? format_money(Money{o.payment->amount, o.payment->currency}) : std::string();
        std::string body = o.payment ? trf(s.lang, S::as_cancel_paid_body_s, paid.c_str()) : tr(s.lang, S::cancel_unpaid_body);
        if (!st.cancel_error.empty()) body += "\n\n" + st.cancel_error;
        const int r = ui::confirm_modal("##staff_cancel", tr(s.lang, S::cancel_title), body,
                                        tr(s.lang, o.payment ? S::as_cancel_refund : S::cancel_order), tr(s.lang, S::keep_order),
                                        st.cancel_busy);
        if (r > 0) after(s, AfterAction::staff_cancel, o.id);
        else if (r < 0) after(s, AfterAction::staff_close_cancel);
    }
}

}  // namespace satstore::client::screens
