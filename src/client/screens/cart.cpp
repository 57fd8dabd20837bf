// satstore client — cart: lines kept in localStorage with quantities stepped or typed within
// stock, the lines checkout waits for marked in red with the reason and a fix, and the
// server-priced summary with coupon, points and "Checkout" (cart_pricing in buy_common.cpp).
#include <algorithm>
#include <cstdio>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/buy_common.hpp"
#include "screens/screens.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "view_helpers.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

constexpr float kThumbW = 96.0f;
constexpr float kThumbH = 72.0f;

// The preview's problems for cart line `index` that keep checkout waiting (out of stock,
// unavailable); the first, or nullptr.
const PreviewProblem* blocking_problem(const AppState& s, std::size_t index) {
    const std::string prefix = "lines[" + std::to_string(index) + "]";
    for (const PreviewProblem& p : s.buy.checkout.preview.problems) {
        if (p.field.rfind(prefix, 0) == 0 && p.blocks_checkout()) return &p;
    }
    return nullptr;
}

// The line's quantity, stepped or typed; set_cart_qty caps it at the stock and says why.
void qty_control(AppState& s, const CartLine& line, const std::string& title, std::int64_t max_qty) {
    const std::int64_t n = ui::quantity_control(s.lang, "qty", line.qty, max_qty, trf(s.lang, S::quantity_of_s, title.c_str()),
                                                s.buy.checkout.qty_text[line.key()]);
    if (n != line.qty) s.push(Intent::Kind::set_cart_qty, line.key(), n);
}

void cart_line(AppState& s, std::size_t index, const CartLine& line, const Product* p, float w) {
    ImGui::PushID(line.key().c_str());
    const Variant* v = p != nullptr ? line_variant(*p, line.variant_id) : nullptr;
    if (v == nullptr) p = nullptr;  // a variant no longer sold reads as an unavailable line
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool narrow = is_narrow(s);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // the card behind, drawn once the height is known
    dl->ChannelsSetCurrent(1);
    const float pad = 16.0f;
    const ImVec2 thumb(pos.x + pad, pos.y + pad);
    const std::uint32_t tex = p != nullptr && !variant_image(*p, *v).empty() ? image_texture(s, variant_image(*p, *v)) : 0;
    if (tex != 0) {
        dl->AddImageRounded(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)), thumb,
                            ImVec2(thumb.x + kThumbW, thumb.y + kThumbH), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, 6);
    } else {
        dl->AddRectFilled(thumb, ImVec2(thumb.x + kThumbW, thumb.y + kThumbH), color::skeleton, 6);
    }
    const PreviewProblem* blocked = blocking_problem(s, index);
    const std::string title = p != nullptr ? product_title(*p, s.lang) : std::string(tr(s.lang, S::unavailable));
    const float tx = thumb.x + kThumbW + pad;
    const float right_w = narrow ? 0.0f : 300.0f;
    const float text_w = pos.x + w - pad - right_w - tx;
    const std::int64_t max_qty = p != nullptr ? std::max<std::int64_t>(1, max_line_qty(v->stock)) : kMaxLineQty;

    ImGui::SetCursorScreenPos(ImVec2(tx, thumb.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    if (p == nullptr && blocked == nullptr) {
        ui::skeleton(ImGui::GetCursorScreenPos(), ImVec2(tx + std::min(200.0f, text_w), thumb.y + 18));
        ImGui::Dummy(ImVec2(text_w, 24));
    } else {
        const std::vector<std::string> lines = ui::wrap_text(title, FontSize::body16, text_w, 1);
        if (p == nullptr) {
            ui::text(lines.empty() ? "" : lines.front(), FontSize::body16, color::danger);
        } else if (ui::link(lines.empty() ? "" : lines.front().c_str())) {
            RouteState r = route_of(Route::product);
            r.product_id = p->id;
            go(s, r);
        }
        if (p != nullptr && !v->options.empty()) ui::text(variant_label(*p, *v, s.lang), FontSize::small14, color::text);
        if (p != nullptr) ui::text(ui::price_text(v->price), FontSize::small14, color::muted);
        if (p != nullptr && narrow) {
            ui::text(ui::price_text(Money{v->price.amount_minor * line.qty, v->price.currency}), FontSize::body16, color::text);
        }
        if (blocked != nullptr) {
            // Why checkout waits (a product no longer sold says so as its title), and the quickest fix.
            if (p != nullptr) ui::text(problem_text(s, *blocked), FontSize::small14, color::danger, 0, true);
            if (blocked->code == satstore::api::ProblemCode::out_of_stock && blocked->available && *blocked->available > 0) {
                const std::string fix = trf(s.lang, S::reduce_to_lld, static_cast<long long>(*blocked->available)) + "##fix";
                if (ui::link(fix.c_str(), FontSize::small14)) s.push(Intent::Kind::set_cart_qty, line.key(), *blocked->available);
            }
        } else if (p != nullptr && cart_price_changed(s, line)) {
            const std::string was = ui::price_text(Money{line.seen_price_minor, v->price.currency});
            ui::text(trf(s.lang, S::price_changed_s_s, was.c_str(), ui::price_text(v->price).c_str()), FontSize::small14,
                     color::warning, 0, true);
            const std::string accept = std::string(tr(s.lang, S::accept_new_price)) + "##price";
            if (ui::link(accept.c_str(), FontSize::small14)) s.push(Intent::Kind::accept_cart_price, line.key());
        } else if (p != nullptr && v->stock > 0 && line.qty >= max_qty) {
            // At the cap "+" is disabled; this says why.
            const std::string why = v->stock <= kMaxLineQty ? trf(s.lang, S::stock_warning_lld, static_cast<long long>(v->stock))
                                                            : trf(s.lang, S::qty_max_lld, static_cast<long long>(kMaxLineQty));
            ui::text(why, FontSize::small14, color::warning, 0, true);
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float bottom = std::max(thumb.y + kThumbH, ImGui::GetItemRectMax().y);

    // Quantity and line total (beside the text on wide screens, below it on phones), Remove.
    const ImVec2 controls = narrow ? ImVec2(thumb.x, bottom + 12) : ImVec2(pos.x + w - pad - right_w, thumb.y);
    ImGui::SetCursorScreenPos(controls);
    qty_control(s, line, title, max_qty);
    if (p != nullptr && !narrow) {
        ImGui::SameLine(0, 16);
        const std::string total = ui::price_text(Money{v->price.amount_minor * line.qty, v->price.currency});
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 8);
        ui::text(total, FontSize::body16, color::text);
    }
    const std::string remove = std::string(tr(s.lang, S::remove)) + "##remove";
    const float rw = ImGui::CalcTextSize(remove.c_str(), nullptr, true).x + 24;
    const float remove_y = narrow ? controls.y : controls.y + ui::kControlHeight + 8;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + w - pad - rw, remove_y));
    if (ui::button(remove.c_str(), ButtonKind::danger_text)) s.push(Intent::Kind::set_cart_qty, line.key(), 0);
    bottom = std::max(bottom, ImGui::GetItemRectMax().y) + pad;

    const ImVec2 card_max(pos.x + w, bottom);
    dl->ChannelsSetCurrent(0);
    if (blocked != nullptr) {
        // Marked in red, as "Remove or change the lines marked in red" under Checkout says.
        dl->AddRectFilled(ImVec2(pos.x, pos.y + 2), ImVec2(card_max.x, card_max.y + 3), color::shadow, 9.0f);
        dl->AddRectFilled(pos, card_max, IM_COL32(254, 242, 242, 255), 8.0f);
        dl->AddRect(pos, card_max, color::danger, 8.0f, 0, 2.0f);
    } else {
        ui::card_background(dl, pos, card_max);
    }
    dl->ChannelsMerge();
    if (blocked != nullptr) a11y::add(a11y::Role::alert, trf(s.lang, S::line_needs_change_s, title.c_str()), ImRect(pos, card_max));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom + 12));
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
    const int items = cart_item_count(s);
    ui::text(items == 1 ? tr(s.lang, S::one_item) : trf(s.lang, S::items_d, items), FontSize::small14, color::muted);
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
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto it = s.products.find(lines[i].product_id);
        cart_line(s, i, lines[i], it == s.products.end() ? nullptr : &it->second, list_w);
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
