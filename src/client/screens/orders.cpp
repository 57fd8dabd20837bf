// satstore client — My Orders (#/orders): newest first, status filter chips, one card per order
// with its number, date, status chip, first lines and total.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
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

void filter_chips(AppState& s, float width) {
    const std::string& current = s.buy.orders.filter;
    const struct {
        const char* value;
        const char* label;
    } chips[] = {
        {"", tr(s.lang, S::filter_all)},
        {"pending_payment", ui::status_label(s.lang, OrderStatus::pending_payment)},
        {"paid", ui::status_label(s.lang, OrderStatus::paid)},
        {"shipped", ui::status_label(s.lang, OrderStatus::shipped)},
        {"delivered", ui::status_label(s.lang, OrderStatus::delivered)},
        {"completed", ui::status_label(s.lang, OrderStatus::completed)},
        {"cancelled", ui::status_label(s.lang, OrderStatus::cancelled)},
    };
    std::vector<std::string> labels;
    int selected = -1;
    for (const auto& c : chips) {
        if (current == c.value) selected = static_cast<int>(labels.size());
        labels.emplace_back(c.label);
    }
    if (const int i = ui::chip_row("filter", labels, selected, width); i >= 0) buy(s, BuyAction::orders_filter, chips[i].value);
}

void order_card(AppState& s, const Order& o, float w) {
    ImGui::PushID(o.id.c_str());
    ui::card_begin(w, 16);
    const float inner = ui::card_inner_width();
    const ImVec2 top = ImGui::GetCursorPos();
    const std::string number = trf(s.lang, S::order_number_s, o.number.c_str());
    if (ui::link(number.c_str())) {
        RouteState r = route_of(Route::order);
        r.order_id = o.id;
        go(s, r);
    }
    ui::text(ui::short_time(o.created_at_unix_s), FontSize::small14, color::muted);
    const ImVec2 after = ImGui::GetCursorPos();
    const bool refunded = o.payment_status == PaymentStatus::refunded;
    ImGui::SetCursorPos(ImVec2(top.x + inner - ui::status_chip_width(s.lang, o.status, refunded), top.y));
    ui::status_chip(s.lang, o.status, refunded);
    ImGui::SetCursorPos(after);
    std::string titles;
    for (const OrderLine& l : o.lines) titles += (titles.empty() ? "" : (s.lang == Lang::zh_CN ? "、" : ", ")) + l.title + " × " + std::to_string(l.qty);
    ui::text(ui::wrap_text(titles, FontSize::body16, inner, 1).front(), FontSize::body16, color::text);
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
    filter_chips(s, width);
    ImGui::Dummy(ImVec2(1, 12));
    if (os.list_load == BuyLoad::loading && os.list.empty()) {
        for (int i = 0; i < 3; ++i) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ui::skeleton(p, ImVec2(p.x + width, p.y + 110));
            ImGui::Dummy(ImVec2(width, 122));
        }
        return;
    }
    if (os.list_load == BuyLoad::failed) {
        if (ui::message_block(tr(s.lang, S::request_failed), "", tr(s.lang, S::retry), width)) go(s, route_of(Route::orders));
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
