// satstore client — helpers shared by the buying screens (see buy_common.hpp).
#include "screens/buy_common.hpp"

#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "core/order.hpp"
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "view_helpers.hpp"

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
    if (key.find("country") != std::string::npos) return S::addr_country_error;
    if (key.find("region") != std::string::npos) return S::addr_region_error;
    if (key.find("city") != std::string::npos) return S::addr_city_error;
    if (key.find("district") != std::string::npos) return S::addr_district_error;
    return S::check_field;
}

// Why a coupon was refused (core coupon_problem's reasons, the server's "coupon_used" and
// "coupon_unknown", the client's "malformed").
std::string coupon_reason_text(const AppState& s, const std::string& reason) {
    if (reason == "malformed") return tr(s.lang, S::coupon_malformed);
    if (reason == "coupon_expired") return tr(s.lang, S::problem_coupon_expired);
    if (reason == "coupon_min_spend") return tr(s.lang, S::problem_coupon_min_spend);
    if (reason == "coupon_used") return tr(s.lang, S::problem_coupon_used);
    if (reason == "coupon_unknown") return tr(s.lang, S::problem_coupon_unknown);
    return tr(s.lang, S::problem_coupon);
}

bool blocks(const PreviewProblem& p) { return p.blocks_checkout(); }

}  // namespace

void buy(AppState& s, BuyAction action, std::string arg) {
    s.push(Intent::Kind::buying, std::move(arg), static_cast<std::int64_t>(action));
}

std::string field_error_text(const AppState& s, const std::map<std::string, std::string>& errors, const std::string& key) {
    auto it = errors.find(key);
    if (it == errors.end()) return {};
    return s.lang == Lang::zh_CN ? tr(s.lang, field_key_zh(key)) : it->second;
}

std::string country_name(Lang lang, const std::string& code) {
    static constexpr std::pair<const char*, S> kNames[] = {
        {"CN", S::country_cn}, {"HK", S::country_hk}, {"MO", S::country_mo}, {"TW", S::country_tw},
        {"SG", S::country_sg}, {"MY", S::country_my}, {"JP", S::country_jp}, {"KR", S::country_kr},
        {"US", S::country_us}, {"CA", S::country_ca}, {"GB", S::country_gb}, {"DE", S::country_de},
        {"FR", S::country_fr}, {"AU", S::country_au}, {"NZ", S::country_nz}};
    for (const auto& [c, key] : kNames)
        if (code == c) return tr(lang, key);
    return code;
}

AddressText address_text(const AppState& s, const Address& a) {
    return format_address(a, address_order(a.country, s.lang), country_name(s.lang, a.country));
}

void address_lines(const AppState& s, const Address& a, float width) {
    const AddressText t = address_text(s, a);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::text(t.recipient, FontSize::body16, color::text, 0, true);
    ui::text(t.place, FontSize::body16, color::muted, 0, true);
    ui::text(t.country, FontSize::body16, color::muted, 0, true);
    ImGui::PopTextWrapPos();
}

std::string problem_text(const AppState& s, const PreviewProblem& p) {
    using satstore::api::ProblemCode;
    if (p.code == ProblemCode::out_of_stock) {
        if (!p.available) return tr(s.lang, S::problem_out_of_stock);
        return *p.available <= 0 ? tr(s.lang, S::sold_out) : trf(s.lang, S::stock_warning_lld, static_cast<long long>(*p.available));
    }
    if (p.code == ProblemCode::product_unavailable) return tr(s.lang, S::unavailable);
    if (p.code == ProblemCode::invalid_coupon) return coupon_reason_text(s, p.reason.value_or(""));
    if (p.code == ProblemCode::insufficient_points) {
        return p.available ? trf(s.lang, S::points_too_many_lld, static_cast<long long>(*p.available)) : tr(s.lang, S::problem_points);
    }
    return s.lang == Lang::zh_CN ? tr(s.lang, S::request_failed) : p.message;
}

void line_problems(AppState& s, std::size_t index) {
    const std::string prefix = "lines[" + std::to_string(index) + "]";
    for (const PreviewProblem& p : s.buy.checkout.preview.problems) {
        if (p.field.rfind(prefix, 0) == 0) ui::text(problem_text(s, p), FontSize::small14, color::danger, 0, true);
    }
}

ui::PriceSummary preview_summary(const Preview& p) {
    ui::PriceSummary out;
    out.subtotal = p.subtotal;
    out.coupon = p.coupon;
    out.coupon_discount = p.coupon_discount;
    out.points_used = p.points_used;
    out.shipping = p.shipping;
    out.total = p.total;
    if (p.quote) {
        out.settle = ui::PriceSummary::Settle::approx;
        out.crypto = Money{p.quote->amount, p.quote->currency};
    }
    return out;
}

ui::PriceSummary order_price_summary(const Order& o) {
    ui::PriceSummary out;
    out.subtotal = Money{o.totals.subtotal_minor, o.fiat};
    out.coupon = o.coupon;
    out.coupon_discount = Money{o.totals.coupon_discount_minor, o.fiat};
    out.points_used = o.totals.points_used;
    out.shipping = Money{o.totals.shipping_minor, o.fiat};
    out.total = Money{o.totals.total_minor, o.fiat};
    if (o.payment) {
        out.settle = ui::PriceSummary::Settle::paid;
        out.crypto = Money{o.payment->amount, o.payment->currency};
        out.paid_at_unix_s = o.payment->created_at_unix_s;
    } else if (o.status == OrderStatus::pending_payment && o.quote) {
        out.settle = ui::PriceSummary::Settle::due;
        out.crypto = Money{o.quote->amount, o.quote->currency};
    }
    return out;
}

void order_contents(const AppState& s, const Order& o, float inner) {
    for (const OrderLine& l : o.lines) {
        ui::value_row(ui::wrap_text(line_name(l) + " × " + std::to_string(l.qty), FontSize::body16, inner - 120, 1).front(),
                      ui::price_text(Money{l.line_total_minor, o.fiat}), inner);
    }
    ImGui::Dummy(ImVec2(1, 4));
    ui::price_summary(s.lang, order_price_summary(o), inner);  // subtotal … total, then due or paid
    ImGui::Dummy(ImVec2(1, 8));
    ui::text(tr(s.lang, S::shipping_address), FontSize::small14, color::muted);
    address_lines(s, o.ship_to, inner);
}

std::string points_error_text(const AppState& s) {
    const CheckoutState& c = s.buy.checkout;
    const std::int64_t held = c.preview.points_available;
    const std::optional<std::int64_t> wanted = parse_points_text(c.points_input);
    if (!wanted) return trf(s.lang, S::points_invalid_lld, static_cast<long long>(held));
    if (*wanted > held && c.preview_load == BuyLoad::ok) return trf(s.lang, S::points_too_many_lld, static_cast<long long>(held));
    for (const PreviewProblem& p : c.preview.problems) {
        if (p.field == "use_points" && *wanted > 0) return problem_text(s, p);
    }
    return {};
}

std::string checkout_blocked_reason(const AppState& s, bool in_cart) {
    const Preview& p = s.buy.checkout.preview;
    if (std::any_of(p.problems.begin(), p.problems.end(), blocks)) return tr(s.lang, S::fix_cart_first);
    if (std::any_of(s.cart.begin(), s.cart.end(), [&](const CartLine& l) { return cart_price_changed(s, l); }))
        return tr(s.lang, S::accept_prices_first);
    if (!points_error_text(s).empty()) return tr(s.lang, in_cart ? S::fix_points_first : S::fix_points_in_cart);
    return {};
}

namespace {

// The coupon field, Apply beside it, and below them the refusal or the "applied" line.
void coupon_field(AppState& s, float width) {
    CheckoutState& c = s.buy.checkout;
    const float bw = ImGui::CalcTextSize(tr(s.lang, S::apply)).x + 32;
    const bool refused = !c.coupon_refused.empty();
    const bool entered = ui::text_field(tr(s.lang, S::coupon), "coupon", c.coupon_input, {}, width - bw - 8, false, tr(s.lang, S::coupon_hint));
    if (ImGui::IsItemEdited()) {  // the old refusal no longer applies
        c.coupon_refused.clear();
        c.coupon_refused_reason.clear();
    }
    // The field is label + input (a group): the input is its bottom frame-height.
    const ImVec2 field_min = ImGui::GetItemRectMin(), field_max = ImGui::GetItemRectMax();
    const ImVec2 input_min(field_min.x, field_max.y - ImGui::GetFrameHeight());
    if (refused) ImGui::GetWindowDrawList()->AddRect(input_min, field_max, color::danger, ui::kRadius);
    // Apply beside the field, level with the input.
    ImGui::SameLine(0, 8);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, field_max.y - ui::kControlHeight));
    if (ui::button(tr(s.lang, S::apply), ButtonKind::secondary, ImVec2(bw, 0)) || entered) buy(s, BuyAction::apply_coupon);
    // The refusal or the confirmation right under the input, as text_field puts its error.
    ImGui::SetCursorScreenPos(ImVec2(field_min.x, field_max.y + 4));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (refused) {
        ui::text(coupon_reason_text(s, c.coupon_refused_reason), FontSize::small14, color::danger, 0, true);
    } else if (!c.preview.coupon.empty() && c.preview.coupon == c.coupon) {
        ui::text(trf(s.lang, S::coupon_applied_s_s, c.preview.coupon.c_str(), format_money(c.preview.coupon_discount).c_str()),
                 FontSize::small14, color::success, 0, true);
        if (ui::link(tr(s.lang, S::remove_coupon), FontSize::small14)) {
            c.coupon_input.clear();
            buy(s, BuyAction::apply_coupon);
        }
    }
    ImGui::PopTextWrapPos();
}

// The points field with its error, or a note when the order cannot take all of them.
void points_field(AppState& s, float width) {
    CheckoutState& c = s.buy.checkout;
    const std::string error = points_error_text(s);
    ui::text_field(trf(s.lang, S::points_available_lld, static_cast<long long>(c.preview.points_available)).c_str(), "points",
                   c.points_input, error, width);
    const std::optional<std::int64_t> wanted = parse_points_text(c.points_input);
    if (error.empty() && wanted && *wanted > c.preview.points_used && c.preview_load == BuyLoad::ok) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ui::text(trf(s.lang, S::points_capped_lld, static_cast<long long>(c.preview.points_used)), FontSize::small14, color::warning, 0, true);
        ImGui::PopTextWrapPos();
    }
}

}  // namespace

void cart_pricing(AppState& s, float width) {
    CheckoutState& c = s.buy.checkout;
    coupon_field(s, width);
    if (s.user && (c.preview.points_available > 0 || !c.points_input.empty())) {
        ImGui::Dummy(ImVec2(1, 4));
        points_field(s, width);
    }
    ImGui::Dummy(ImVec2(1, 8));
    if (c.preview_load == BuyLoad::ok || !c.preview.lines.empty()) {
        ui::price_summary(s.lang, preview_summary(c.preview), width);
    } else if (c.preview_load == BuyLoad::loading) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::skeleton(p, ImVec2(p.x + width, p.y + 72));
        ImGui::Dummy(ImVec2(width, 80));
    } else if (c.preview_load == BuyLoad::failed) {
        ui::text(tr(s.lang, S::request_failed), FontSize::small14, color::danger, 0, true);
        if (ui::link(tr(s.lang, S::retry))) buy(s, BuyAction::refresh_preview);
    }
    ImGui::Dummy(ImVec2(1, 8));
    const std::string blocked = checkout_blocked_reason(s, true);
    if (ui::button(tr(s.lang, S::checkout), ButtonKind::primary, ImVec2(width, 48), !blocked.empty())) {
        buy(s, BuyAction::start_checkout, "/checkout");
    }
    if (!blocked.empty()) ui::text(blocked, FontSize::small14, color::danger, 0, true);
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
