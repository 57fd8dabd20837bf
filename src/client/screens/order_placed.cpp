// satstore client — order confirmation (#/orders/<id>/placed), shown once "Place order" succeeds:
// the order is placed, its number, what comes next (pay before the reservation ends, with the
// rate-lock countdown) with "Pay now" and "View order", and the order's summary.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "view_helpers.hpp"
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

void open_order(AppState& s, const Order& o, Route route) {
    RouteState r = route_of(route);
    r.order_id = o.id;
    go(s, r);
}

// A green disc with a tick, drawn as lines (crisp at any DPR, no glyph needed).
void tick_mark(float size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + size * 0.5f, p.y + size * 0.5f);
    dl->AddCircleFilled(c, size * 0.5f, IM_COL32(220, 252, 231, 255));
    const ImVec2 pts[3] = {ImVec2(c.x - size * 0.22f, c.y + size * 0.02f), ImVec2(c.x - size * 0.06f, c.y + size * 0.18f),
                           ImVec2(c.x + size * 0.24f, c.y - size * 0.16f)};
    dl->AddPolyline(pts, 3, color::success, 0, 3.0f);
}

// What happened and what comes next, with the actions.
void placed_card(AppState& s, const Order& o, float w) {
    const bool narrow = is_narrow(s);
    ui::card_begin(w, 24);
    const float inner = ui::card_inner_width();
    tick_mark(48);
    ImGui::Dummy(ImVec2(1, 4));
    ui::text(tr(s.lang, S::placed_heading), narrow ? FontSize::h24 : FontSize::h30, color::text, 1);
    ui::text(trf(s.lang, S::placed_number_s, o.number.c_str()), FontSize::body16, color::muted);
    ImGui::Dummy(ImVec2(1, 8));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    const bool payable = o.status == OrderStatus::pending_payment && o.quote;
    if (payable) {
        ui::text(trf(s.lang, S::placed_next_pay_s, ui::short_time(o.pay_by_unix_s).c_str()), FontSize::body16, color::text, 0, true);
        ImGui::Dummy(ImVec2(1, 4));
        ui::text(tr(s.lang, S::quote_valid_for), FontSize::small14, color::muted);
        ui::countdown(o.quote->expires_at_unix_s, unix_now_s());
    } else if (o.status == OrderStatus::cancelled) {
        ui::text(tr(s.lang, S::order_cancelled), FontSize::body16, color::muted, 0, true);
    } else if (o.payment) {
        ui::text(tr(s.lang, S::placed_paid), FontSize::body16, color::text, 0, true);
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, 12));
    const float bw = narrow ? inner : 0.0f;
    if (payable) {
        if (ui::button(tr(s.lang, S::pay_now), ButtonKind::primary, ImVec2(narrow ? inner : 180.0f, 48))) open_order(s, o, Route::pay);
        if (!narrow) ImGui::SameLine(0, 12);
    }
    if (ui::button(tr(s.lang, S::view_order), payable ? ButtonKind::secondary : ButtonKind::primary, ImVec2(bw, 48))) {
        open_order(s, o, Route::order);
    }
    ui::card_end();
}

void summary_card(AppState& s, const Order& o, float w) {
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::items), FontSize::h20, color::text, 2);
    order_contents(s, o, inner);
    ui::card_end();
}

}  // namespace

void draw_order_placed(AppState& s, float width) {
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width)) {
            go(s, route_of(Route::login));
        }
        return;
    }
    const OrdersState& os = s.buy.orders;
    const Order* found = routed_order(s, os.detail, os.detail_load, width);
    if (!found) return;
    const Order o = *found;  // a copy: intents may replace the detail after drawing
    const bool narrow = width < 900.0f;
    const float main_w = narrow ? width : 520.0f;
    const float side_w = narrow ? width : width - main_w - 24.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    placed_card(s, o, main_w);
    if (narrow) {
        ImGui::Dummy(ImVec2(1, 16));
        summary_card(s, o, side_w);
        return;
    }
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + main_w + 24.0f, start.y));
    summary_card(s, o, side_w);
    ImGui::SetCursorPosX(start.x);
    ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
}

}  // namespace satstore::client::screens
