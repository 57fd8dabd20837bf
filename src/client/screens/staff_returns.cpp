// satstore client — staff returns queue (#/staff/returns, merchant role): returns by status
// (requested first), each with its order, lines, reason, photo evidence count, RMA number and
// return tracking; and the actions core return_transition() allows: approve (issues the RMA
// number), reject with a reason, mark received (refunds the returned lines).
#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "core/enum_json.hpp"
#include "core/fulfilment.hpp"
#include "i18n/strings.hpp"
#include "screens/buy_common.hpp"
#include "screens/list_common.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {

const char* return_status_label(Lang lang, ReturnStatus st) {
    switch (st) {
        case ReturnStatus::requested: return tr(lang, S::ret_requested);
        case ReturnStatus::approved: return tr(lang, S::ret_approved);
        case ReturnStatus::in_transit: return tr(lang, S::ret_in_transit);
        case ReturnStatus::received: return tr(lang, S::ret_received);
        case ReturnStatus::refunded: return tr(lang, S::ret_refunded);
        case ReturnStatus::rejected: return tr(lang, S::ret_rejected);
    }
    return "";
}

namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

void status_filter(AppState& s, float width) {
    std::string value = s.after.returns.filter;
    const std::vector<std::pair<std::string, std::string>> chips = {
        {"requested", return_status_label(s.lang, ReturnStatus::requested)},
        {"approved", return_status_label(s.lang, ReturnStatus::approved)},
        {"in_transit", return_status_label(s.lang, ReturnStatus::in_transit)},
        {"refunded", return_status_label(s.lang, ReturnStatus::refunded)},
        {"rejected", return_status_label(s.lang, ReturnStatus::rejected)},
        {"", tr(s.lang, S::filter_all)},
    };
    if (filter_chips("returns_filter", chips, value, width)) after(s, AfterAction::returns_filter, value);
}

void return_card(AppState& s, const ReturnRequest& r, float w) {
    StaffReturnsState& rs = s.after.returns;
    ImGui::PushID(r.id.c_str());
    ui::card_begin(w, 16);
    const float inner = ui::card_inner_width();
    const auto order = rs.orders.find(r.order_id);
    const std::string title = r.number.empty() ? std::string(tr(s.lang, S::as_return_request)) : trf(s.lang, S::as_rma_s, r.number.c_str());
    ui::text(title, FontSize::h20, color::text, 2);
    ui::value_row(tr(s.lang, S::as_status), return_status_label(s.lang, r.status), inner, true);
    if (order != rs.orders.end()) {
        const std::string number = trf(s.lang, S::order_number_s, order->second.number.c_str());
        if (ui::link(number.c_str())) {
            RouteState route = route_of(Route::staff_order);
            route.order_id = r.order_id;
            go(s, route);
        }
    }
    for (const RefundLine& l : r.lines) {
        std::string name = l.line_id;
        if (order != rs.orders.end())
            for (const OrderLine& ol : order->second.lines)
                if (ol.id == l.line_id) name = ol.title;
        ui::text(ui::wrap_text(name + " × " + std::to_string(l.qty), FontSize::body16, inner, 1).front(), FontSize::body16, color::text);
    }
    ui::text(trf(s.lang, S::as_reason_s, r.reason.c_str()), FontSize::body16, color::muted, 0, true);
    ui::text(trf(s.lang, S::as_photos_d, static_cast<int>(r.evidence.size())), FontSize::small14, color::muted);
    if (!r.tracking_number.empty()) {
        ui::value_row(tr(s.lang, S::as_return_tracking), carrier_display_name(r.carrier, s.lang) + " " + r.tracking_number, inner);
    }
    if (!r.decision_note.empty()) ui::text(trf(s.lang, S::as_decision_s, r.decision_note.c_str()), FontSize::small14, color::muted, 0, true);
    ui::text(ui::short_time(r.created_at_unix_s), FontSize::small14, color::muted);
    ImGui::Dummy(ImVec2(1, 8));

    const bool busy = rs.busy == r.id;
    const bool narrow = is_narrow(s);
    const ImVec2 size(narrow ? inner : 0, 40);
    bool first = true;
    auto next = [&]() {
        if (!first && !narrow) ImGui::SameLine(0, 12);
        first = false;
    };
    if (return_transition(r.status, ReturnEvent::approve)) {
        next();
        if (ui::button(tr(s.lang, S::as_approve), ButtonKind::primary, size, false, busy)) after(s, AfterAction::return_approve, r.id);
    }
    if (return_transition(r.status, ReturnEvent::reject) && rs.rejecting != r.id) {
        next();
        if (ui::button(tr(s.lang, S::as_reject), ButtonKind::secondary, size, false, busy)) after(s, AfterAction::return_open_reject, r.id);
    }
    if (return_transition(r.status, ReturnEvent::receive)) {
        next();
        if (ui::button(tr(s.lang, S::as_mark_received), ButtonKind::primary, size, false, busy)) after(s, AfterAction::return_receive, r.id);
    }
    if (rs.rejecting == r.id) {
        ImGui::Dummy(ImVec2(1, 4));
        ui::text_field(tr(s.lang, S::as_reject_reason), "reject_reason", rs.reject_reason, {}, inner, false, tr(s.lang, S::as_reason_hint));
        if (ui::button(tr(s.lang, S::as_confirm_reject), ButtonKind::danger, size, false, busy)) after(s, AfterAction::return_reject, r.id);
    }
    if (auto e = rs.errors.find(r.id); e != rs.errors.end()) ui::text(e->second, FontSize::small14, color::danger, 0, true);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 12));
    ImGui::PopID();
}

}  // namespace

void draw_staff_returns(AppState& s, float width) {
    if (!staff_list_head(s, tr(s.lang, S::as_returns_title), width)) return;
    status_filter(s, width);
    ImGui::Dummy(ImVec2(1, 12));
    const StaffReturnsState& rs = s.after.returns;
    if (const ListGate g = list_gate(s, rs.list_load, rs.list.empty(), 2, 140, width); g != ListGate::ready) {
        if (g == ListGate::retry) after(s, AfterAction::staff_reload);
        return;
    }
    const std::vector<ReturnRequest> list = rs.list;
    for (const ReturnRequest& r : list) return_card(s, r, width);
    if (list.empty() && rs.list_load == Load::ok) ui::message_block(tr(s.lang, S::as_no_returns), "", nullptr, width);
}

}  // namespace satstore::client::screens
