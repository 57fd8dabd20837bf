// satstore client — order detail (#/orders/<id>): status, lines and totals, address, payment
// record, shipments with their tracking timeline and carrier link, refunds with expected arrival,
// the order timeline (newest on top) and the actions core transition() allows.
#include <algorithm>
#include <cctype>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "view_helpers.hpp"
#include "core/enum_json.hpp"
#include "core/fulfilment.hpp"
#include "core/returns.hpp"
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

bool allowed(const Order& o, OrderEvent e) { return transition(o.status, e, Actor::buyer).has_value(); }

std::string short_hex(const std::string& h) { return h.size() > 20 ? h.substr(0, 10) + "…" + h.substr(h.size() - 8) : h; }

void actions(AppState& s, const Order& o, float w) {
    const bool busy = s.buy.orders.action_busy;
    const bool narrow = is_narrow(s);
    const ImVec2 size(narrow ? w : 0.0f, 44);
    bool first = true;
    auto next = [&]() {
        if (!first && !narrow) ImGui::SameLine(0, 12);
        first = false;
    };
    if (allowed(o, OrderEvent::pay) && o.quote) {
        next();
        if (ui::button(tr(s.lang, S::pay), ButtonKind::primary, size)) {
            RouteState r = route_of(Route::pay);
            r.order_id = o.id;
            go(s, r);
        }
    }
    // Confirm receipt once the carrier reported delivery; before that only the secondary "I
    // received it", whose dialog says the carrier has not (core: confirm_receipt_before_delivery).
    if (allowed(o, OrderEvent::confirm_receipt)) {
        next();
        if (ui::button(tr(s.lang, S::confirm_receipt), ButtonKind::primary, size, false, busy)) buy(s, BuyAction::open_receipt);
    } else if (allowed(o, OrderEvent::confirm_receipt_before_delivery)) {
        next();
        if (ui::button(tr(s.lang, S::i_received_it), ButtonKind::secondary, size, false, busy))
            buy(s, BuyAction::open_receipt, "before_delivery");
    }
    if (o.status == OrderStatus::cancelled || o.status == OrderStatus::completed) {
        next();
        if (ui::button(tr(s.lang, S::reorder), ButtonKind::secondary, size, false, busy)) buy(s, BuyAction::reorder, o.id);
    }
    // After-sales (issue 5): a return once the parcel arrived; support about this order at any time.
    if (o.status == OrderStatus::delivered || o.status == OrderStatus::completed) {
        next();
        if (ui::button(tr(s.lang, S::as_request_return), ButtonKind::secondary, size, false, busy)) {
            RouteState r = route_of(Route::order_return);
            r.order_id = o.id;
            go(s, r);
        }
    }
    if (o.status != OrderStatus::pending_payment) {
        next();
        if (ui::button(tr(s.lang, S::as_contact_support), ButtonKind::ghost, size)) s.push(Intent::Kind::navigate, "/tickets/new?order=" + o.id);
    }
    // Destructive, so last and outlined (the dialog then asks); never the page's loudest button.
    if (allowed(o, OrderEvent::cancel)) {
        next();
        if (ui::button(tr(s.lang, S::cancel_order), ButtonKind::secondary, size, false, busy)) buy(s, BuyAction::open_cancel);
    }
    if (allowed(o, OrderEvent::confirm_receipt_before_delivery)) {
        ImGui::Dummy(ImVec2(1, 2));
        ui::text(tr(s.lang, S::receipt_early_note), FontSize::small14, color::muted, 0, true);
    }
}

// The buyer's returns: status, RMA number, the staff's note and, once approved, the ship-back form.
void returns_card(AppState& s, const Order& o, float w) {
    for (const ReturnRequest& r : o.returns) {
        ImGui::Dummy(ImVec2(1, 16));
        ImGui::PushID(r.id.c_str());
        ui::card_begin(w);
        const float inner = ui::card_inner_width();
        ui::text(r.number.empty() ? std::string(tr(s.lang, S::as_return_request)) : trf(s.lang, S::as_rma_s, r.number.c_str()),
                 FontSize::h20, color::text, 2);
        ui::value_row(tr(s.lang, S::as_status), return_status_label(s.lang, r.status), inner, true);
        for (const RefundLine& l : r.lines) {
            std::string name = l.line_id;
            for (const OrderLine& ol : o.lines)
                if (ol.id == l.line_id) name = ol.title;
            ui::text(ui::wrap_text(name + " × " + std::to_string(l.qty), FontSize::body16, inner, 1).front(), FontSize::body16, color::text);
        }
        ui::text(trf(s.lang, S::as_reason_s, r.reason.c_str()), FontSize::small14, color::muted, 0, true);
        if (!r.decision_note.empty()) ui::text(trf(s.lang, S::as_decision_s, r.decision_note.c_str()), FontSize::small14, color::muted, 0, true);
        if (!r.tracking_number.empty()) {
            ui::value_row(tr(s.lang, S::as_return_tracking), carrier_display_name(r.carrier, s.lang) + " " + r.tracking_number, inner);
        }
        if (return_transition(r.status, ReturnEvent::ship_back) && r.status == ReturnStatus::approved) {
            ShipForm& f = s.after.buyer.ship[r.id];
            ImGui::Dummy(ImVec2(1, 8));
            ui::text(trf(s.lang, S::as_ship_return_help_s, r.number.c_str()), FontSize::body16, color::text, 0, true);
            carrier_picker(s, "retship", f.carrier, field_error_text(s, f.errors, "carrier"), inner);
            ImGui::Dummy(ImVec2(1, 8));
            ui::text_field(tr(s.lang, S::tracking_number), "return_tracking", f.tracking_number,
                           field_error_text(s, f.errors, "tracking_number"), inner, false, tr(s.lang, S::as_tracking_hint));
            ImGui::Dummy(ImVec2(1, 8));
            if (ui::button(tr(s.lang, S::as_ship_return), ButtonKind::primary, ImVec2(is_narrow(s) ? inner : 0, 44), false, f.busy))
                after(s, AfterAction::buyer_ship_return, r.id);
        }
        ui::card_end();
        ImGui::PopID();
    }
}

void lines_card(AppState& s, const Order& o, float w) {
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::items), FontSize::h20, color::text, 2);
    order_contents(s, o, inner);
    ui::card_end();
}

void payment_card(AppState& s, const Order& o, float w) {
    if (!o.payment && o.refunds.empty()) return;
    ImGui::Dummy(ImVec2(1, 16));
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    if (o.payment) {
        const PaymentRecord& p = *o.payment;
        ui::text(tr(s.lang, S::payment_record), FontSize::h20, color::text, 2);
        ui::value_row(tr(s.lang, S::paid_amount), format_money(Money{p.amount, p.currency}), inner);
        ui::value_row(tr(s.lang, S::paid_at), ui::short_time(p.created_at_unix_s), inner);
        ui::value_row(tr(s.lang, S::payment_id), p.id, inner);
        ui::value_row(tr(s.lang, S::payer), short_hex(p.payer), inner);
        ui::value_row(tr(s.lang, S::signature), short_hex(p.sig), inner);
    }
    for (const Refund& r : o.refunds) {
        ImGui::Dummy(ImVec2(1, 8));
        ui::text(tr(s.lang, S::refund), FontSize::body16, color::text, 3);
        ui::value_row(tr(s.lang, S::refund_amount), format_money(Money{r.amount, r.currency}), inner);
        ui::value_row(tr(s.lang, S::refund_status),
                      tr(s.lang, r.status == RefundStatus::succeeded ? S::refund_succeeded : S::refund_pending), inner);
        ui::value_row(tr(s.lang, S::expected_arrival), ui::short_time(r.created_at_unix_s + kRefundWindowS), inner);
    }
    ui::card_end();
}

// Tracking, newest shipment first (a re-shipment above the lost one): carrier by name, tracking
// number, the latest update, the carrier's page, then the whole timeline. Drawn near the top of
// the order page, above the lines and the payment record.
void shipments_card(AppState& s, const Order& o, float w) {
    for (auto it = o.shipments.rbegin(); it != o.shipments.rend(); ++it) {
        const Shipment& sh = *it;
        ImGui::PushID(sh.id.c_str());
        ui::card_begin(w);
        const float inner = ui::card_inner_width();
        const std::optional<Carrier> carrier = find_carrier(sh.carrier);
        ui::text(tr(s.lang, S::shipment), FontSize::h20, color::text, 2);
        ui::value_row(tr(s.lang, S::carrier), carrier_display_name(sh.carrier, s.lang), inner);
        ui::value_row(tr(s.lang, S::tracking_number), sh.tracking_number, inner);
        ui::value_row(tr(s.lang, S::latest_update), tracking_label(s.lang, sh.events.empty() ? sh.status : sh.events.front().status),
                      inner);
        if (carrier) {
            const std::string label = std::string(tr(s.lang, S::track_on_carrier)) + "##track";
            if (ui::link(label.c_str())) buy(s, BuyAction::open_url, tracking_url(*carrier, sh.tracking_number));
        }
        ImGui::Dummy(ImVec2(1, 8));
        std::vector<ui::TimelineItem> items;
        for (const ShipmentEvent& e : sh.events) {  // newest first already
            std::string detail = ui::short_time(e.at_unix_s);
            if (!e.location.empty()) detail += " · " + e.location;
            items.push_back({std::string(tracking_label(s.lang, e.status)) + (e.description.empty() ? "" : " — " + e.description), detail});
        }
        if (items.empty()) items.push_back({tracking_label(s.lang, sh.status), ui::short_time(sh.created_at_unix_s)});
        ui::timeline(items, inner);
        ui::card_end();
        ImGui::PopID();
        ImGui::Dummy(ImVec2(1, 16));
    }
}

void history_card(AppState& s, const Order& o, float w, bool gap_above) {
    if (gap_above) ImGui::Dummy(ImVec2(1, 16));
    ui::card_begin(w);
    ui::text(tr(s.lang, S::order_history), FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
    std::vector<ui::TimelineItem> items;
    for (auto it = o.timeline.rbegin(); it != o.timeline.rend(); ++it) {
        const auto status = parse_enum<OrderStatus>(it->status);
        std::string title = status ? ui::status_label(s.lang, *status) : it->status;
        const std::string note = history_note(s.lang, o, it->note);
        items.push_back({title, ui::short_time(it->at_unix_s) + (note.empty() ? "" : " · " + note)});
    }
    ui::timeline(items, ui::card_inner_width());
    ui::card_end();
}

}  // namespace

std::string history_note(Lang lang, const Order& o, const std::string& note) {
    // The server names carriers in English ("SF Express SF123…"; orders shipped before issue 19
    // by code, "sf SF123…"): each shipment's carrier as the UI language names it.
    std::string out = note;
    for (const Shipment& sh : o.shipments) {
        const std::optional<Carrier> carrier = find_carrier(sh.carrier);
        if (!carrier) continue;
        const std::string shown = carrier_name(*carrier, lang) + " " + sh.tracking_number;
        for (const std::string& written : {carrier->name + " " + sh.tracking_number, sh.carrier + " " + sh.tracking_number}) {
            std::size_t at = 0;
            while ((at = out.find(written, at)) != std::string::npos) {
                // At a word's start only: "…sf SF1" inside another word is not this carrier.
                if (at > 0 && std::isalnum(static_cast<unsigned char>(out[at - 1]))) {
                    at += written.size();
                    continue;
                }
                out.replace(at, written.size(), shown);
                at += shown.size();
            }
        }
    }
    return out;
}

const char* tracking_label(Lang lang, TrackingStatus t) {
    switch (t) {
        case TrackingStatus::info_received: return tr(lang, S::track_info_received);
        case TrackingStatus::in_transit: return tr(lang, S::track_in_transit);
        case TrackingStatus::out_for_delivery: return tr(lang, S::track_out_for_delivery);
        case TrackingStatus::delivered: return tr(lang, S::status_delivered);
        case TrackingStatus::exception: return tr(lang, S::track_exception);
        case TrackingStatus::returned_to_sender: return tr(lang, S::track_returned);
        case TrackingStatus::lost: return tr(lang, S::track_lost);
    }
    return "";
}

void draw_order(AppState& s, float width) {
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width)) {
            go(s, route_of(Route::login));
        }
        return;
    }
    if (ui::link(tr(s.lang, S::back_to_orders))) go(s, route_of(Route::orders));
    ImGui::Dummy(ImVec2(1, 8));
    const OrdersState& os = s.buy.orders;
    const Order* found = routed_order(s, os.detail, os.detail_load, width);
    if (!found) return;
    const Order o = *found;  // a copy: intents may replace the detail after drawing
    ui::text(trf(s.lang, S::order_number_s, o.number.c_str()), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ui::status_chip(s.lang, o.status, o.payment_status == PaymentStatus::refunded);
    ui::text(ui::short_time(o.created_at_unix_s), FontSize::small14, color::muted);
    ImGui::Dummy(ImVec2(1, 8));
    if (o.status == OrderStatus::pending_payment && o.quote) {
        ui::text(tr(s.lang, S::quote_valid_for), FontSize::small14, color::muted);
        ui::countdown(o.quote->expires_at_unix_s, unix_now_s());
    }
    actions(s, o, width);
    ImGui::Dummy(ImVec2(1, 16));

    const bool narrow = width < 900.0f;
    const float main_w = narrow ? width : width * 0.58f;
    const float side_w = narrow ? width : width - main_w - 24.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    shipments_card(s, o, main_w);  // tracking first, once shipped (issue 19)
    lines_card(s, o, main_w);
    payment_card(s, o, main_w);
    returns_card(s, o, main_w);
    if (narrow) {
        history_card(s, o, side_w, true);
    } else {
        const float bottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x + main_w + 24.0f, start.y));
        history_card(s, o, side_w, false);
        ImGui::SetCursorPosX(start.x);
        ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
    }

    if (s.buy.orders.cancel_dialog) {
        const std::string paid = o.payment ? format_money(Money{o.payment->amount, o.payment->currency}) : std::string();
        const std::string body = o.payment ? trf(s.lang, S::cancel_paid_body_s, paid.c_str()) : tr(s.lang, S::cancel_unpaid_body);
        const int r = ui::confirm_modal("##cancel_order", tr(s.lang, S::cancel_title), body, tr(s.lang, S::cancel_order),
                                        tr(s.lang, S::keep_order), s.buy.orders.action_busy);
        if (r > 0) buy(s, BuyAction::cancel_order, o.id);
        else if (r < 0) buy(s, BuyAction::close_cancel);
    }
    if (s.buy.orders.receipt_dialog) {
        const bool early = s.buy.orders.receipt_before_delivery;
        const int r = ui::confirm_modal("##confirm_receipt", tr(s.lang, early ? S::receipt_early_title : S::receipt_title),
                                        tr(s.lang, early ? S::receipt_early_body : S::receipt_body),
                                        tr(s.lang, early ? S::receipt_early_confirm : S::confirm_receipt), tr(s.lang, S::not_yet),
                                        s.buy.orders.action_busy);
        if (r > 0) buy(s, BuyAction::confirm_receipt, o.id);
        else if (r < 0) buy(s, BuyAction::close_receipt);
    }
}

}  // namespace satstore::client::screens
