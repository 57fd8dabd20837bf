// satstore client — My Orders (#/orders): newest first, status filter chips, one card per order
// with its number, date, status chip, first lines and total.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/buy_common.hpp"
#include "screens/list_common.hpp"
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

void status_filter(AppState& s, float width) {
    std::string value = s.buy.orders.filter;
    const std::vector<std::pair<std::string, std::string>> chips = {
        {"", tr(s.lang, S::filter_all)},
        {"pending_payment", ui::status_label(s.lang, OrderStatus::pending_payment)},
        {"paid", ui::status_label(s.lang, OrderStatus::paid)},
        {"shipped", ui::status_label(s.lang, OrderStatus::shipped)},
        {"delivered", ui::status_label(s.lang, OrderStatus::delivered)},
        {"completed", ui::status_label(s.lang, OrderStatus::completed)},
        {"cancelled", ui::status_label(s.lang, OrderStatus::cancelled)},
    };
    if (filter_chips("filter", chips, value, width)) buy(s, BuyAction::orders_filter, value);
}

void order_card(AppState& s, const Order& o, float w) {
    ImGui::PushID(o.id.c_str());
    ui::card_begin(w, 16);
    const float inner = ui::card_inner_width();
    order_card_head(s, o, Route::order, ui::short_time(o.created_at_unix_s), inner);
    ui::value_row(tr(s.lang, S::total), ui::price_text(Money{o.totals.total_minor, o.fiat}), inner);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 12));
    ImGui::PopID();
}

}  // namespace

void draw_orders(AppState& s, float width) {
    ui::text(tr(s.lang, S::my_orders), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width)) {
            go(s, route_of(Route::login));
        }
        return;
    }
    const OrdersState& os = s.buy.orders;
    status_filter(s, width);
    ImGui::Dummy(ImVec2(1, 12));
    if (const ListGate g = list_gate(s, os.list_load, os.list.empty(), 3, 110, width); g != ListGate::ready) {
        if (g == ListGate::retry) go(s, route_of(Route::orders));
        return;
    }
    // Cards have one height, so only the visible ones are drawn (a long history stays smooth);
    // the next page loads when the last loaded card comes into view.
    const std::vector<Order> list = os.list;  // intents may replace the list after drawing
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()));
    bool last_visible = false;
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) order_card(s, list[static_cast<std::size_t>(i)], width);
        last_visible = last_visible || clipper.DisplayEnd == static_cast<int>(list.size());
    }
    if (!os.next_cursor.empty()) {
        const float w = std::min(width, 240.0f);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) / 2);
        if (ui::button(tr(s.lang, S::load_more), ButtonKind::secondary, ImVec2(w, 44), false, os.loading_more) ||
            (last_visible && !os.loading_more)) {
            buy(s, BuyAction::orders_more);
        }
    }
    if (list.empty() && os.list_load == BuyLoad::ok) {
        if (ui::message_block(tr(s.lang, S::no_orders), tr(s.lang, S::no_orders_hint), tr(s.lang, S::browse_products), width)) {
            go(s, route_of(Route::catalog));
        }
    }
}

}  // namespace satstore::client::screens
