// satstore client — product detail: images (a gallery when there are several), title, price
// (fiat + approximate crypto), stock, quantity, "Add to cart", description. Two columns when
// wide, one when narrow.
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

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

constexpr float kThumbW = 72.0f;  // gallery thumbnails, 4:3 like the main image
constexpr float kThumbH = 54.0f;
constexpr float kThumbGap = 8.0f;

// The row of gallery thumbnails under the main image (products with more than one image): each
// is a tab ("Image 2 of 3", selected when shown large) that shows its image when clicked; the
// left and right arrow keys step through them while no text field has the keyboard. Wraps onto
// more rows when narrow.
void gallery_thumbnails(AppState& s, const Product& p, float w) {
    const int n = static_cast<int>(p.images.size());
    if (!ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressedMap(ImGuiKey_LeftArrow)) s.gallery_index = (s.gallery_index + n - 1) % n;
        if (ImGui::IsKeyPressedMap(ImGuiKey_RightArrow)) s.gallery_index = (s.gallery_index + 1) % n;
    }
    const int per_row = std::max(1, static_cast<int>((w + kThumbGap) / (kThumbW + kThumbGap)));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const ImGuiCol c : {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive}) ImGui::PushStyleColor(c, IM_COL32(0, 0, 0, 0));
    for (int i = 0; i < n; ++i) {
        const ImVec2 at(origin.x + static_cast<float>(i % per_row) * (kThumbW + kThumbGap),
                        origin.y + static_cast<float>(i / per_row) * (kThumbH + kThumbGap));
        const ImVec2 end(at.x + kThumbW, at.y + kThumbH);
        ImGui::SetCursorScreenPos(at);
        ImGui::PushID(i);
        // A frameless button rather than an InvisibleButton: it reports its id to the mirror.
        if (ImGui::Button("##thumb", ImVec2(kThumbW, kThumbH))) s.gallery_index = i;
        const bool hovered = ImGui::IsItemHovered();
        const bool shown = s.gallery_index == i;
        a11y::annotate_last(a11y::Role::tab, {}, -1, shown ? 1 : 0);
        a11y::rename_last(trf(s.lang, S::gallery_image_d_of_d, i + 1, n));
        ImGui::PopID();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ui::draw_picture(dl, product_picture(s, p.images[static_cast<std::size_t>(i)], kThumbW, kThumbH), at, end, 6);
        if (shown || hovered)
            dl->AddRect(ImVec2(at.x - 1, at.y - 1), ImVec2(end.x + 1, end.y + 1), shown ? color::brand : color::border, 7, 0, 2.0f);
    }
    ImGui::PopStyleColor(3);
    const int rows = (n + per_row - 1) / per_row;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, static_cast<float>(rows) * (kThumbH + kThumbGap) - kThumbGap));
}

// The main image (the one picked in the gallery) and, with more than one, the thumbnails.
void product_images(AppState& s, const Product& p, float w) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = w * 0.75f;
    const int n = static_cast<int>(p.images.size());
    s.gallery_index = std::clamp(s.gallery_index, 0, std::max(0, n - 1));
    const ui::Picture picture =
        n == 0 ? ui::Picture{} : product_picture(s, p.images[static_cast<std::size_t>(s.gallery_index)], w, h);
    if (picture.texture != 0) ui::draw_picture(ImGui::GetWindowDrawList(), picture, pos, ImVec2(pos.x + w, pos.y + h), ui::kRadius);
    else ui::skeleton(pos, ImVec2(pos.x + w, pos.y + h), ui::kRadius);
    ImGui::Dummy(ImVec2(w, h));
    std::string name = product_title(p, s.lang);
    if (n > 1) name += " — " + trf(s.lang, S::gallery_image_d_of_d, s.gallery_index + 1, n);
    a11y::add(a11y::Role::img, name, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    if (n > 1) {
        ImGui::Dummy(ImVec2(1, kThumbGap));
        gallery_thumbnails(s, p, w);
    }
}

void product_info(AppState& s, const Product& p, float w) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ui::text(product_title(p, s.lang), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1, true);
    ImGui::Dummy(ImVec2(1, 4));
    ui::text(ui::price_text(p.price), FontSize::h30, color::price);
    const std::string crypto = ui::approx_crypto_text(s.lang, p.price, s.btc_rate_minor);
    if (!crypto.empty()) ui::text(crypto, FontSize::small14, color::muted);
    ImGui::Dummy(ImVec2(1, 4));
    bool urgent = false;
    const std::string hint = ui::stock_hint(s.lang, p.stock, &urgent);
    ui::text(hint, FontSize::body16, p.stock <= 0 ? color::danger : urgent ? color::warning : color::success);
    ImGui::Dummy(ImVec2(1, 12));

    if (p.stock > 0) {
        ui::text(tr(s.lang, S::quantity), FontSize::small14, color::muted);
        const std::int64_t max_qty = max_line_qty(p.stock);
        s.detail_qty = std::clamp<std::int64_t>(
            ui::quantity_control(s.lang, "qty", s.detail_qty, max_qty, tr(s.lang, S::quantity), s.detail_qty_text), 1, max_qty);
        ImGui::Dummy(ImVec2(1, 8));
    }
    const float bw = is_narrow(s) ? w : std::min(w, 280.0f);
    if (ui::button(tr(s.lang, S::add_to_cart), ButtonKind::primary, ImVec2(bw, 48), p.stock <= 0)) {
        s.push(Intent::Kind::add_to_cart, p.id, s.detail_qty);
    }
    ImGui::Dummy(ImVec2(1, 24));
    const std::string& desc = product_description(p, s.lang);
    if (!desc.empty()) {
        ui::text(tr(s.lang, S::description), FontSize::h20, color::text, 2);
        ImGui::Dummy(ImVec2(1, 2));
        ui::text(desc, FontSize::body16, color::muted, 0, true);
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_product(AppState& s, float width) {
    if (ui::link(tr(s.lang, S::back_to_products))) go(s, route_of(Route::catalog));
    ImGui::Dummy(ImVec2(1, 12));

    const auto it = s.products.find(s.route.product_id);
    if (it == s.products.end()) {
        if (s.product_load == Load::failed) {
            if (ui::message_block(tr(s.lang, S::product_not_found), "", tr(s.lang, S::browse_products), width)) {
                go(s, route_of(Route::catalog));
            }
            return;
        }
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float iw = is_narrow(s) ? width : width * 0.5f;
        ui::skeleton(pos, ImVec2(pos.x + iw, pos.y + iw * 0.75f), ui::kRadius);
        ImGui::Dummy(ImVec2(width, iw * 0.75f));
        return;
    }
    const Product& p = it->second;
    if (is_narrow(s)) {
        product_images(s, p, width);
        ImGui::Dummy(ImVec2(1, 8));
        product_info(s, p, width);
        return;
    }
    const float gap = 40.0f;
    const float iw = std::floor((width - gap) * 0.55f);
    const ImVec2 start = ImGui::GetCursorPos();
    product_images(s, p, iw);
    const float left_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + iw + gap, start.y));
    ImGui::BeginGroup();
    product_info(s, p, width - iw - gap);
    ImGui::EndGroup();
    ImGui::SetCursorPosX(start.x);
    ImGui::SetCursorPosY(std::max(left_bottom, ImGui::GetCursorPosY()));
}

}  // namespace satstore::client::screens
