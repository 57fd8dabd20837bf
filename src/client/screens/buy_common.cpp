// satstore client — helpers shared by the buying screens (see buy_common.hpp).
#include "screens/buy_common.hpp"

#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
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

S field_key_zh(const std::string& key) {
    if (key.find("name") != std::string::npos) return S::addr_name_error;
    if (key.find("phone") != std::string::npos) return S::addr_phone_error;
    if (key.find("postal_code") != std::string::npos) return S::addr_postal_error;
    if (key.find("street") != std::string::npos) return S::addr_street_error;
    return S::check_field;
}

}  // namespace

void buy(AppState& s, BuyAction action, std::string arg) {
    s.push(Intent::Kind::buying, std::move(arg), static_cast<std::int64_t>(action));
}

std::string field_error_text(const AppState& s, const std::map<std::string, std::string>& errors, const std::string& key) {
    auto it = errors.find(key);
    if (it == errors.end()) return {};
    return s.lang == Lang::zh_CN ? tr(s.lang, field_key_zh(key)) : it->second;
}

void address_lines(const AppState& s, const Address& a, float width) {
    (void)s;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::text(a.name + "  " + a.phone, FontSize::body16, color::text, 0, true);
    std::string place = a.street;
    for (const std::string* part : {&a.district, &a.city, &a.region}) {
        if (!part->empty()) place += ", " + *part;
    }
    ui::text(place, FontSize::body16, color::muted, 0, true);
    ui::text(a.country + " " + a.postal_code, FontSize::body16, color::muted, 0, true);
    ImGui::PopTextWrapPos();
}

std::string problem_text(const AppState& s, const PreviewProblem& p) {
    using satstore::api::ProblemCode;
    if (p.code == ProblemCode::out_of_stock) return tr(s.lang, S::problem_out_of_stock);
    if (p.code == ProblemCode::product_unavailable) return tr(s.lang, S::unavailable);
    if (p.code == ProblemCode::invalid_coupon) return tr(s.lang, S::problem_coupon);
    if (p.code == ProblemCode::insufficient_points) return tr(s.lang, S::problem_points);
    return s.lang == Lang::zh_CN ? tr(s.lang, S::request_failed) : p.message;
}

void line_problems(AppState& s, std::size_t index) {
    const std::string prefix = "lines[" + std::to_string(index) + "]";
    for (const PreviewProblem& p : s.buy.checkout.preview.problems) {
        if (p.field.rfind(prefix, 0) == 0) ui::text(problem_text(s, p), FontSize::small14, color::danger, 0, true);
    }
}

void totals_rows(AppState& s, const Preview& p, float width) {
    ui::value_row(tr(s.lang, S::subtotal), ui::price_text(p.subtotal), width);
    ui::value_row(tr(s.lang, S::shipping), p.shipping.amount_minor == 0 ? tr(s.lang, S::free_shipping) : ui::price_text(p.shipping), width);
    if (p.discount.amount_minor > 0) ui::value_row(tr(s.lang, S::discount), "-" + ui::price_text(p.discount), width);
    ImGui::Dummy(ImVec2(1, 2));
    ui::value_row(tr(s.lang, S::total), ui::price_text(p.total), width, true);
    if (p.quote) {
        const std::string approx = trf(s.lang, S::approx_s, format_money(Money{p.quote->amount, p.quote->currency}).c_str());
        ui::push_font(FontSize::small14);
        const float w = ImGui::CalcTextSize(approx.c_str()).x;
        ui::pop_font();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, width - w));
        ui::text(approx, FontSize::small14, color::muted);
    }
}

void cart_pricing(AppState& s, float width) {
    CheckoutState& c = s.buy.checkout;
    const float bw = ImGui::CalcTextSize(tr(s.lang, S::apply)).x + 32;
    ui::text_field(tr(s.lang, S::coupon), "coupon", c.coupon_input, {}, width - bw - 8, false, "WELCOME10");
    // Beside the field, level with the input (the label sits above it).
    const ImVec2 field_max = ImGui::GetItemRectMax();
    ImGui::SameLine(0, 8);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, field_max.y - ui::kControlHeight));
    if (ui::button(tr(s.lang, S::apply), ButtonKind::secondary, ImVec2(bw, 0))) buy(s, BuyAction::apply_coupon);
    if (s.user && c.preview.points_available > 0) {
        ui::text_field(trf(s.lang, S::points_available_lld, static_cast<long long>(c.preview.points_available)).c_str(), "points",
                       c.points_input, {}, width);
    }
    for (const PreviewProblem& p : c.preview.problems) {
        if (p.field == "coupon" || p.field == "use_points") ui::text(problem_text(s, p), FontSize::small14, color::danger, 0, true);
    }
    ImGui::Dummy(ImVec2(1, 8));
    if (c.preview_load == BuyLoad::ok || !c.preview.lines.empty()) {
        totals_rows(s, c.preview, width);
    } else if (c.preview_load == BuyLoad::loading) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::skeleton(p, ImVec2(p.x + width, p.y + 72));
        ImGui::Dummy(ImVec2(width, 80));
    } else if (c.preview_load == BuyLoad::failed) {
        ui::text(tr(s.lang, S::request_failed), FontSize::small14, color::danger, 0, true);
        if (ui::link(tr(s.lang, S::retry))) buy(s, BuyAction::refresh_preview);
    }
    ImGui::Dummy(ImVec2(1, 8));
    const bool blocked = std::any_of(c.preview.problems.begin(), c.preview.problems.end(),
                                     [](const PreviewProblem& p) { return p.blocks_checkout(); });
    if (ui::button(tr(s.lang, S::checkout), ButtonKind::primary, ImVec2(width, 48), blocked)) {
        buy(s, BuyAction::start_checkout, "/checkout");
    }
    if (blocked) ui::text(tr(s.lang, S::fix_cart_first), FontSize::small14, color::muted, 0, true);
}

namespace {

std::string wallet_label(const AppState& s) {
    std::string label = tr(s.lang, S::wallet);
    if (!s.buy.wallet.registered_pubkey.empty()) label += " · " + format_money(Money{wallet_balance(s, Currency::BTC), Currency::BTC});
    return label + "##topbar_wallet";
}

}  // namespace

float account_links_width(const AppState& s) {
    auto w = [](const std::string& l) { return ImGui::CalcTextSize(l.c_str(), nullptr, true).x + 24; };
    return w(tr(s.lang, S::orders)) + 8 + w(wallet_label(s));
}

void account_links(AppState& s, float y) {
    ImGui::SetCursorPosY(y);
    if (ui::button(tr(s.lang, S::orders), ButtonKind::ghost)) go(s, route_of(Route::orders));
    ImGui::SameLine(0, 8);
    ImGui::SetCursorPosY(y);
    if (ui::button(wallet_label(s).c_str(), ButtonKind::ghost)) go(s, route_of(Route::wallet));
}

void account_menu_items(AppState& s, float width) {
    if (ui::button(tr(s.lang, S::my_orders), ButtonKind::secondary, ImVec2(width, 0))) go(s, route_of(Route::orders));
    if (ui::button(wallet_label(s).c_str(), ButtonKind::secondary, ImVec2(width, 0))) go(s, route_of(Route::wallet));
}

const Order* routed_order(AppState& s, const std::optional<Order>& detail, Load load, float width) {
    if (detail && detail->id == s.route.order_id) return &*detail;
    if (load == Load::failed) {
        ui::message_block(tr(s.lang, S::order_not_found), "", nullptr, width);
    } else {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::skeleton(p, ImVec2(p.x + width, p.y + 260));
        ImGui::Dummy(ImVec2(width, 268));
    }
    return nullptr;
}

std::int64_t wallet_balance(const AppState& s, Currency currency) {
    for (const Balance& b : s.buy.wallet.balances) {
        if (b.currency == currency) return b.amount;
    }
    return 0;
}

}  // namespace satstore::client::screens
