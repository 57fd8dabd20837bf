// satstore client — cart: lines kept in localStorage with quantities, stock warnings, and the
// server-priced summary with coupon and "Checkout" (cart_pricing in buy_common.cpp).
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/buy_common.hpp"
#include "screens/screens.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

constexpr float kThumbW = 96.0f;
constexpr float kThumbH = 72.0f;

void cart_line(AppState& s, const CartLine& line, const Product* p, float w) {
    ImGui::PushID(line.product_id.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool narrow = is_narrow(s);
    const float row_h = narrow ? 176.0f : 104.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ui::card_background(dl, pos, ImVec2(pos.x + w, pos.y + row_h));
    const float pad = 16.0f;
    const ImVec2 thumb(pos.x + pad, pos.y + pad);
    const std::uint32_t tex = (p != nullptr && !p->images.empty()) ? image_texture(s, p->images.front()) : 0;
    if (tex != 0) {
        dl->AddImageRounded(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)), thumb,
                            ImVec2(thumb.x + kThumbW, thumb.y + kThumbH), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, 6);
    } else {
        dl->AddRectFilled(thumb, ImVec2(thumb.x + kThumbW, thumb.y + kThumbH), color::skeleton, 6);
    }
    const float tx = thumb.x + kThumbW + pad;
    const float right_w = narrow ? 0.0f : 300.0f;
    const float text_w = pos.x + w - pad - right_w - tx;
    ImGui::SetCursorScreenPos(ImVec2(tx, thumb.y));
    ImGui::BeginGroup();
    if (p == nullptr) {
        ui::skeleton(ImGui::GetCursorScreenPos(), ImVec2(tx + std::min(200.0f, text_w), thumb.y + 18));
        ImGui::Dummy(ImVec2(text_w, 24));
    } else {
        const std::vector<std::string> lines = ui::wrap_text(product_title(*p, s.lang), FontSize::body16, text_w, 1);
        if (ui::link(lines.empty() ? "" : lines.front().c_str())) {
            RouteState r = route_of(Route::product);
            r.product_id = p->id;
            go(s, r);
        }
        ui::text(ui::price_text(p->price), FontSize::small14, color::muted);
        if (narrow) {
            ui::text(ui::price_text(Money{p->price.amount_minor * line.qty, p->price.currency}), FontSize::body16, color::text);
        }
        if (p->stock <= 0) ui::text(tr(s.lang, S::unavailable), FontSize::small14, color::danger);
        else if (line.qty > p->stock) ui::text(trf(s.lang, S::stock_warning_lld, static_cast<long long>(p->stock)), FontSize::small14, color::warning);
        else line_problems(s, static_cast<std::size_t>(std::find_if(s.cart.begin(), s.cart.end(), [&](const CartLine& c) {
                                                           return c.product_id == line.product_id;
                                                       }) - s.cart.begin()));
    }
    ImGui::EndGroup();

    const ImVec2 controls = narrow ? ImVec2(tx, pos.y + row_h - pad - ui::kControlHeight)
                                   : ImVec2(pos.x + w - pad - right_w, thumb.y);
    ImGui::SetCursorScreenPos(controls);
    const std::int64_t max_qty = p != nullptr ? std::max<std::int64_t>(1, std::min<std::int64_t>(p->stock, 99)) : 99;
    const std::int64_t next = quantity_stepper(s, "qty", line.qty, max_qty);
    if (next != line.qty) s.push(Intent::Kind::set_cart_qty, line.product_id, next);
    if (p != nullptr && !narrow) {
        ImGui::SameLine(0, 16);
        const std::string total = ui::price_text(Money{p->price.amount_minor * line.qty, p->price.currency});
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 8);
        ui::text(total, FontSize::body16, color::text);
    }
    const std::string remove = std::string(tr(s.lang, S::remove)) + "##remove";
    const float rw = ImGui::CalcTextSize(remove.c_str(), nullptr, true).x + 24;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + w - pad - rw, pos.y + row_h - pad - ui::kControlHeight));
    if (ui::button(remove.c_str(), ButtonKind::danger_text)) s.push(Intent::Kind::set_cart_qty, line.product_id, 0);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + row_h + 12));
    ImGui::Dummy(ImVec2(w, 0));
    ImGui::PopID();
}

void summary(AppState& s, float w) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // background behind, drawn once the height is known
    dl->ChannelsSetCurrent(1);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = 20.0f;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
    ImGui::BeginGroup();
    ui::text(trf(s.lang, S::items_d, cart_item_count(s)), FontSize::small14, color::muted);
    ImGui::Dummy(ImVec2(1, 4));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 2 * pad);
    cart_pricing(s, w - 2 * pad);  // coupon, server-priced totals, "Checkout" (buy_common.cpp)
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    dl->ChannelsSetCurrent(0);
    ui::card_background(dl, pos, ImVec2(pos.x + w, bottom));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom));
    ImGui::Dummy(ImVec2(w, 0));
}

}  // namespace

void draw_cart(AppState& s, float width) {
    ui::text(tr(s.lang, S::cart_heading), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (s.cart.empty()) {
        if (ui::message_block(tr(s.lang, S::cart_empty), tr(s.lang, S::cart_empty_hint), tr(s.lang, S::browse_products), width)) {
            go(s, route_of(Route::catalog));
        }
        return;
    }
    const bool narrow = width < 900.0f;
    const float summary_w = narrow ? width : 340.0f;
    const float list_w = narrow ? width : width - summary_w - 24.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    const std::vector<CartLine> lines = s.cart;  // intents may edit the cart after drawing
    for (const CartLine& line : lines) {
        const auto it = s.products.find(line.product_id);
        cart_line(s, line, it == s.products.end() ? nullptr : &it->second, list_w);
    }
    if (narrow) {
        summary(s, summary_w);
        return;
    }
    const float list_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + list_w + 24.0f, start.y));
    summary(s, summary_w);
    ImGui::SetCursorPosX(start.x);
    ImGui::SetCursorPosY(std::max(list_bottom, ImGui::GetCursorPosY()));
}

}  // namespace satstore::client::screens
