// satstore client — checkout: log in or register (the cart stays), the address form with per-field
// errors (core validate_address before sending, the API's 422 errors after), saved addresses, an
// explicit "Confirm address" step, the pay currency, the review priced by the server's preview and
// "Place order".
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

struct FieldSpec {
    const char* key;  // Address member name, also the error key after "ship_to."
    S label;
    std::string Address::*member;
};

const FieldSpec kFields[] = {
    {"name", S::addr_name, &Address::name},         {"phone", S::addr_phone, &Address::phone},
    {"region", S::addr_region, &Address::region},   {"city", S::addr_city, &Address::city},
    {"district", S::addr_district, &Address::district}, {"postal_code", S::addr_postal_code, &Address::postal_code},
    {"street", S::addr_street, &Address::street},
};

void login_prompt(AppState& s, float width) {
    ui::card_begin(std::min(width, 560.0f), 24);
    ui::text(tr(s.lang, S::checkout_login_title), FontSize::h20, color::text, 2);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ui::card_inner_width());
    ui::text(tr(s.lang, S::checkout_login_body), FontSize::body16, color::muted, 0, true);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, 8));
    const float bw = (ui::card_inner_width() - 12) * 0.5f;
    if (ui::button(tr(s.lang, S::register_), ButtonKind::primary, ImVec2(bw, 44))) buy(s, BuyAction::start_checkout, "/register");
    ImGui::SameLine(0, 12);
    const std::string login = std::string(tr(s.lang, S::log_in)) + "##checkout";
    if (ui::button(login.c_str(), ButtonKind::secondary, ImVec2(bw, 44))) buy(s, BuyAction::start_checkout, "/login");
    ui::card_end();
}

// The country by name in the UI language; the list is as wide as the field and scrolls when
// it would run off the screen.
void country_picker(AppState& s, Address& a, const std::string& error, float w) {
    ui::text(tr(s.lang, S::addr_country), FontSize::small14, color::text);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    const std::string label = (a.country.empty() ? std::string(tr(s.lang, S::choose)) : country_name(s.lang, a.country)) + "##country";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    if (ui::button(label.c_str(), ButtonKind::secondary, ImVec2(w, 0))) {
        ImGui::OpenPopup("##countries");
    }
    ImGui::PopStyleVar();
    a11y::rename_last(tr(s.lang, S::addr_country));
    if (!error.empty()) {  // outlined in red like a text field with an error
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), color::danger,
                                            ImGui::GetStyle().FrameRounding, 0, 1.5f);
    }
    const ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float room = std::max(200.0f, vp->Pos.y + vp->Size.y - below.y - 8);
    ImGui::SetNextWindowPos(below);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, room));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    if (ImGui::BeginPopup("##countries")) {
        for (const std::string& c : supported_countries()) {
            const std::string name = country_name(s.lang, c) + "##" + c;
            if (ImGui::Selectable(name.c_str(), a.country == c, 0, ImVec2(0, 30))) {
                a.country = c;
                s.buy.checkout.address_errors.erase("ship_to.country");
            }
            a11y::annotate_last(a11y::Role::option, {}, -1, a.country == c ? 1 : 0);
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
    if (!error.empty()) {  // as close under the picker as text_field puts its error
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ui::text(error, FontSize::small14, color::danger, 0, true);
    }
}

void address_form(AppState& s, float w) {
    CheckoutState& c = s.buy.checkout;
    if (!c.saved.empty()) {
        ui::text(tr(s.lang, S::saved_addresses), FontSize::small14, color::muted);
        for (std::size_t i = 0; i < c.saved.size() && i < 4; ++i) {
            const Address& a = c.saved[i].address;
            const AddressText t = address_text(s, a);
            const std::string label = t.recipient + "  " + t.place + "##saved" + std::to_string(i);
            if (ui::button(label.c_str(), a == c.address ? ButtonKind::soft : ButtonKind::secondary, ImVec2(w, 0))) {
                buy(s, BuyAction::pick_address, std::to_string(i));
            }
        }
        ImGui::Dummy(ImVec2(1, 8));
    }
    const bool two = w > 520;
    const float fw = two ? (w - 16) * 0.5f : w;
    // The first invalid field takes the focus after a failed confirm.
    const char* focus_key = nullptr;
    if (c.focus_first_error) {
        for (const FieldSpec& f : kFields) {
            if (c.address_errors.count(std::string("ship_to.") + f.key) != 0) {
                focus_key = f.key;
                break;
            }
        }
        c.focus_first_error = false;
    }
    int col = 0;
    auto field = [&](const FieldSpec& f, float width) {
        const std::string err = field_error_text(s, c.address_errors, std::string("ship_to.") + f.key);
        std::string id = std::string("addr_") + f.key;
        // text_field is one group with its label at the top of the row: SameLine() columns align.
        ui::text_field(tr(s.lang, f.label), id.c_str(), c.address.*f.member, err, width, false, nullptr,
                       focus_key != nullptr && std::string(focus_key) == f.key);
        // An edited field's old error no longer applies.
        if (!err.empty() && ImGui::IsItemEdited()) c.address_errors.erase(std::string("ship_to.") + f.key);
    };
    for (const FieldSpec& f : kFields) {
        const bool full = std::string(f.key) == "street" || !two;
        if (std::string(f.key) == "region") {  // the country picker sits before the region
            country_picker(s, c.address, field_error_text(s, c.address_errors, "ship_to.country"), w);
            ImGui::Dummy(ImVec2(1, 4));
        }
        if (full) {
            field(f, w);
            col = 0;
        } else {
            if (col == 1) ImGui::SameLine(0, 16);
            field(f, fw);
            col = 1 - col;
        }
    }
    ImGui::Dummy(ImVec2(1, 8));
    if (ui::button(tr(s.lang, S::confirm_address), ButtonKind::primary, ImVec2(two ? 220.0f : w, 44))) {
        buy(s, BuyAction::confirm_address);
    }
}

void address_section(AppState& s, float w) {
    CheckoutState& c = s.buy.checkout;
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::shipping_address), FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
    if (c.address_confirmed) {
        address_lines(s, c.address, inner);
        ImGui::Dummy(ImVec2(1, 4));
        ui::text(tr(s.lang, S::address_confirmed_note), FontSize::small14, color::success);
        if (ui::link(tr(s.lang, S::edit))) buy(s, BuyAction::edit_address);
    } else {
        address_form(s, inner);
    }
    ui::card_end();
}

void currency_section(AppState& s, float w) {
    CheckoutState& c = s.buy.checkout;
    ui::card_begin(w);
    ui::text(tr(s.lang, S::pay_with), FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
    for (Currency cur : {Currency::BTC, Currency::USDT}) {
        const std::string code(currency_code(cur));
        const bool selected = c.pay_currency == cur;
        if (ui::button(code.c_str(), selected ? ButtonKind::soft : ButtonKind::secondary, ImVec2(120, 0))) {
            buy(s, BuyAction::set_currency, code);
        }
        a11y::annotate_last(a11y::Role::button, {}, -1, selected ? 1 : 0);
        ImGui::SameLine(0, 12);
    }
    ImGui::NewLine();
    ui::card_end();
}

void review_section(AppState& s, float w) {
    CheckoutState& c = s.buy.checkout;
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::review), FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
    if (c.preview_load == BuyLoad::loading && c.preview.lines.empty()) {
        ui::skeleton(ImGui::GetCursorScreenPos(), ImVec2(ImGui::GetCursorScreenPos().x + inner, ImGui::GetCursorScreenPos().y + 80));
        ImGui::Dummy(ImVec2(inner, 88));
    } else {
        // The cart's lines (the preview leaves out products it no longer has; their problems
        // still name the cart's index), each with its problem in red.
        for (std::size_t i = 0; i < s.cart.size(); ++i) {
            const CartLine& cl = s.cart[i];
            const auto pl = std::find_if(c.preview.lines.begin(), c.preview.lines.end(),
                                         [&](const PreviewLine& l) {
                                             return l.product_id == cl.product_id && (cl.variant_id.empty() || l.variant_id == cl.variant_id);
                                         });
            const auto known = s.products.find(cl.product_id);
            const std::string title = pl != c.preview.lines.end() ? pl->title
                                      : known != s.products.end() ? product_title(known->second, s.lang)
                                                                  : std::string(tr(s.lang, S::unavailable));
            const std::string variant = pl != c.preview.lines.end() && !pl->variant.empty() ? " (" + pl->variant + ")" : "";
            const std::string label = title + variant + " × " + std::to_string(cl.qty);
            const std::string value = pl != c.preview.lines.end() ? ui::price_text(pl->line_total) : std::string("—");
            const ImVec2 top = ImGui::GetCursorScreenPos();
            ui::value_row(ui::wrap_text(label, FontSize::body16, inner - 120, 1).front(), value, inner);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
            line_problems(s, i);
            ImGui::PopTextWrapPos();
            const std::string prefix = "lines[" + std::to_string(i) + "]";
            const bool marked = std::any_of(c.preview.problems.begin(), c.preview.problems.end(), [&](const PreviewProblem& p) {
                return p.blocks_checkout() && p.field.rfind(prefix, 0) == 0;
            });
            if (marked) {  // a red bar in the card's margin: the line "marked in red"
                const float bottom = ImGui::GetItemRectMax().y;
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x - 12, top.y), ImVec2(top.x - 8, bottom), color::danger, 2.0f);
                a11y::add(a11y::Role::alert, trf(s.lang, S::line_needs_change_s, title.c_str()), ImRect(ImVec2(top.x, top.y), ImVec2(top.x + inner, bottom)));
            }
        }
        ImGui::Dummy(ImVec2(1, 4));
        ui::price_summary(s.lang, preview_summary(c.preview), inner);
    }
    // Coupon and points problems belong to their fields in the cart (a refused coupon is dropped
    // from the order there); the rest is said here.
    for (const PreviewProblem& p : c.preview.problems) {
        if (p.field.rfind("lines[", 0) != 0 && p.field != "coupon" && p.field != "use_points")
            ui::text(problem_text(s, p), FontSize::small14, color::danger, 0, true);
    }
    if (!c.error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(c.error, FontSize::body16, color::danger, 0, true);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(1, 8));
    const std::string why = checkout_blocked_reason(s, false);
    const bool blocked = !c.address_confirmed || s.cart.empty() || c.preview_load != BuyLoad::ok || !why.empty();
    if (ui::button(tr(s.lang, S::place_order), ButtonKind::primary, ImVec2(inner, 48), blocked, c.placing)) {
        buy(s, BuyAction::place_order);
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    if (!why.empty()) {
        ui::text(why, FontSize::small14, color::danger, 0, true);
        if (ui::link(tr(s.lang, S::cart_heading), FontSize::small14)) go(s, route_of(Route::cart));
    }
    if (!c.address_confirmed) ui::text(tr(s.lang, S::confirm_address_first), FontSize::small14, color::muted, 0, true);
    ImGui::PopTextWrapPos();
    ui::card_end();
}

}  // namespace

void draw_checkout(AppState& s, float width) {
    ui::text(tr(s.lang, S::checkout), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (s.cart.empty()) {
        if (ui::message_block(tr(s.lang, S::cart_empty), tr(s.lang, S::cart_empty_hint), tr(s.lang, S::browse_products), width)) {
            go(s, route_of(Route::catalog));
        }
        return;
    }
    if (s.session_token.empty()) {
        login_prompt(s, width);
        return;
    }
    const bool narrow = width < 900.0f;
    const float side_w = narrow ? width : 380.0f;
    const float main_w = narrow ? width : width - side_w - 24.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    address_section(s, main_w);
    ImGui::Dummy(ImVec2(1, 16));
    currency_section(s, main_w);
    ImGui::Dummy(ImVec2(1, 16));
    if (narrow) {
        review_section(s, side_w);
        return;
    }
    const float main_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + main_w + 24.0f, start.y));
    review_section(s, side_w);
    ImGui::SetCursorPosX(start.x);
    ImGui::SetCursorPosY(std::max(main_bottom, ImGui::GetCursorPosY()));
}

}  // namespace satstore::client::screens
