// satstore client — staff order queue (#/staff/orders, merchant role): paid orders to ship first
// (oldest on top), status filter tabs, one row per order with number, date, status, lines and
// what was paid; a row opens the console (#/staff/orders/<id>). Also the helpers the other
// after-sales screens share: after() and the carrier picker.
#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "view_helpers.hpp"
#include "core/fulfilment.hpp"
#include "i18n/strings.hpp"
#include "screens/buy_common.hpp"
#include "screens/list_common.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

void after(AppState& s, AfterAction action, std::string arg) {
    s.push(Intent::Kind::aftersales, std::move(arg), static_cast<std::int64_t>(action));
}

void carrier_picker(AppState& s, const char* id, int& index, const std::string& error, float width) {
    ui::text(tr(s.lang, S::carrier), FontSize::small14, color::text);
    std::vector<std::string> names;
    for (const auto& c : carriers()) names.push_back(carrier_name(c, s.lang));
    if (const int i = ui::chip_row(id, names, index, width, true); i >= 0) index = i;
    if (!error.empty()) ui::text(error, FontSize::small14, color::danger, 0, true);
}

bool staff_gate(AppState& s, float width) {
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width))
            go(s, route_of(Route::login));
        return false;
    }
    if (s.user && !is_merchant(s)) {
        ui::message_block(tr(s.lang, S::as_staff_only), tr(s.lang, S::as_staff_only_body), nullptr, width);
        return false;
    }
    return true;
}

void staff_tabs(AppState& s) {
    const Route r = s.route.route;
    const Route current = r == Route::staff_order ? Route::staff_orders : r == Route::staff_product ? Route::staff_products : r;
    auto tab = [&](S label, Route route) {
        const bool on = current == route;
        if (ui::button(tr(s.lang, label), on ? ButtonKind::soft : ButtonKind::ghost)) go(s, route_of(route));
        a11y::annotate_last(a11y::Role::tab, {}, -1, on ? 1 : 0);
    };
    tab(S::as_tab_orders, Route::staff_orders);
    ImGui::SameLine(0, 8);
    tab(S::as_tab_returns, Route::staff_returns);
    ImGui::SameLine(0, 8);
    tab(S::cat_tab, Route::staff_products);
    if (is_admin(s)) {  // issue 20: staff accounts and the audit log
        ImGui::SameLine(0, 8);
        tab(S::st_tab_staff, Route::staff_users);
        ImGui::SameLine(0, 8);
        tab(S::st_tab_audit, Route::staff_audit);
    }
}

bool staff_list_head(AppState& s, const char* title, float width) {
    ui::text(title, is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (!staff_gate(s, width)) return false;
    staff_tabs(s);
    ImGui::Dummy(ImVec2(1, 12));
    return true;
}

std::int64_t unit_stepper(AppState& s, const std::string& id, const std::string& title, std::int64_t qty, std::int64_t max_units) {
    ImGui::PushID(id.c_str());
    std::int64_t next = qty;
    if (ui::button("-##less", ButtonKind::secondary, ImVec2(40, 0), qty <= 0)) next = qty - 1;
    a11y::rename_last(trf(s.lang, S::as_one_less_s, title.c_str()));
    ImGui::SameLine(0, 0);
    const std::string n = std::to_string(qty);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(48, ui::kControlHeight));
    const ImVec2 ts = ImGui::CalcTextSize(n.c_str());
    ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + (48 - ts.x) * 0.5f, pos.y + (ui::kControlHeight - ts.y) * 0.5f), color::text,
                                        n.c_str());
    a11y::add(a11y::Role::text, n, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    ImGui::SameLine(0, 0);
    if (ui::button("+##more", ButtonKind::secondary, ImVec2(40, 0), qty >= max_units)) next = qty + 1;
    a11y::rename_last(trf(s.lang, S::as_one_more_s, title.c_str()));
    ImGui::PopID();
    return next;
}

namespace {

void status_filter(AppState& s, float width) {
    std::string value = s.after.staff.filter;
    const std::vector<std::pair<std::string, std::string>> chips = {
        {"paid", tr(s.lang, S::as_to_ship)},
        {"shipped", ui::status_label(s.lang, OrderStatus::shipped)},
        {"delivered", ui::status_label(s.lang, OrderStatus::delivered)},
        {"completed", ui::status_label(s.lang, OrderStatus::completed)},
        {"cancelled", ui::status_label(s.lang, OrderStatus::cancelled)},
        {"pending_payment", ui::status_label(s.lang, OrderStatus::pending_payment)},
        {"", tr(s.lang, S::filter_all)},
    };
    if (filter_chips("staff_filter", chips, value, width)) after(s, AfterAction::staff_filter, value);
}

void order_row(AppState& s, const Order& o, float w) {
    ImGui::PushID(o.id.c_str());
    ui::card_begin(w, 16);
    const float inner = ui::card_inner_width();
    order_card_head(s, o, Route::staff_order, ui::short_time(o.created_at_unix_s) + " · " + o.ship_to.name + " · " + o.ship_to.city, inner);
    if (o.payment) ui::value_row(tr(s.lang, S::paid_amount), format_money(Money{o.payment->amount, o.payment->currency}), inner);
    else ui::value_row(tr(s.lang, S::total), ui::price_text(Money{o.totals.total_minor, o.fiat}), inner);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 12));
    ImGui::PopID();
}

}  // namespace

void draw_staff_orders(AppState& s, float width) {
    if (!staff_list_head(s, tr(s.lang, S::as_console_title), width)) return;
    status_filter(s, width);
    ImGui::Dummy(ImVec2(1, 12));
    const StaffOrdersState& st = s.after.staff;
    if (const ListGate g = list_gate(s, st.list_load, st.list.empty(), 3, 110, width); g != ListGate::ready) {
        if (g == ListGate::retry) after(s, AfterAction::staff_reload);
        return;
    }
    const std::vector<Order> list = st.list;  // intents may replace the list after drawing
    for (const Order& o : list) order_row(s, o, width);
    if (list.empty() && st.list_load == Load::ok)
        ui::message_block(tr(s.lang, st.filter == "paid" ? S::as_nothing_to_ship : S::as_no_orders_here), "", nullptr, width);
}

}  // namespace satstore::client::screens
