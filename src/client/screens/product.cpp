// satstore client — product detail: images (a gallery when there are several), title, the
// variant picker (one row of choices per option), price (fiat + approximate crypto) and stock of
// the picked variant, quantity, "Add to cart", description. Two columns when wide, one when narrow.
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

// The gallery position shown large: the one picked (AppState::gallery_index), else the picked
// variant's image (-1 when it is not among the product's images).
int shown_index(const AppState& s, const Product& p, const std::string& variant_image) {
    if (s.gallery_index >= 0 && s.gallery_index < static_cast<int>(p.images.size())) return s.gallery_index;
    const auto it = std::find(p.images.begin(), p.images.end(), variant_image);
    return it == p.images.end() ? -1 : static_cast<int>(it - p.images.begin());
}

// The row of gallery thumbnails under the main image (products with more than one image): each
// is a tab ("Image 2 of 3", selected when shown large) that shows its image when clicked; the
// left and right arrow keys step through them while no text field has the keyboard. Wraps onto
// more rows when narrow.
void gallery_thumbnails(AppState& s, const Product& p, int shown, float w) {
    const int n = static_cast<int>(p.images.size());
    if (!ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressedMap(ImGuiKey_LeftArrow)) s.gallery_index = (std::max(shown, 0) + n - 1) % n;
        if (ImGui::IsKeyPressedMap(ImGuiKey_RightArrow)) s.gallery_index = (shown + 1) % n;
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
        a11y::annotate_last(a11y::Role::tab, {}, -1, shown == i ? 1 : 0);
        a11y::rename_last(trf(s.lang, S::gallery_image_d_of_d, i + 1, n));
        ImGui::PopID();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ui::draw_picture(dl, product_picture(s, p.images[static_cast<std::size_t>(i)], kThumbW, kThumbH), at, end, 6);
        if (shown == i || hovered)
            dl->AddRect(ImVec2(at.x - 1, at.y - 1), ImVec2(end.x + 1, end.y + 1), shown == i ? color::brand : color::border, 7, 0, 2.0f);
    }
    ImGui::PopStyleColor(3);
    const int rows = (n + per_row - 1) / per_row;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, static_cast<float>(rows) * (kThumbH + kThumbGap) - kThumbGap));
}

// The main image — the one picked in the gallery, else the picked variant's (`variant_image`) —
// and, for a product with more than one image, the thumbnails.
void product_images(AppState& s, const Product& p, const std::string& variant_image, float w) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = w * 0.75f;
    const int n = static_cast<int>(p.images.size());
    const int shown = shown_index(s, p, variant_image);
    const std::string& image = shown >= 0 ? p.images[static_cast<std::size_t>(shown)] : variant_image;
    const ui::Picture picture = image.empty() ? ui::Picture{} : product_picture(s, image, w, h);
    if (picture.texture != 0) ui::draw_picture(ImGui::GetWindowDrawList(), picture, pos, ImVec2(pos.x + w, pos.y + h), ui::kRadius);
    else ui::skeleton(pos, ImVec2(pos.x + w, pos.y + h), ui::kRadius);
    ImGui::Dummy(ImVec2(w, h));
    std::string name = product_title(p, s.lang);
    if (n > 1 && shown >= 0) name += " — " + trf(s.lang, S::gallery_image_d_of_d, shown + 1, n);
    a11y::add(a11y::Role::img, name, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    if (n > 1) {
        ImGui::Dummy(ImVec2(1, kThumbGap));
        gallery_thumbnails(s, p, shown, w);
    }
}

// The variant picked on this page, or nullptr when the picked values are not sold together.
// The first visit picks the first variant in stock (else the first).
const Variant* picked_variant(AppState& s, const Product& p) {
    if (s.detail_choice.size() != p.options.size()) {
        const auto in_stock = std::find_if(p.variants.begin(), p.variants.end(), [](const Variant& v) { return v.stock > 0; });
        s.detail_choice = (in_stock != p.variants.end() ? *in_stock : p.variants.front()).options;
    }
    return variant_with(p, s.detail_choice);
}

// Whether some variant in stock has `value` for option `i` and the picks of the options before
// it (so a colour reads sold out only when no size of it is left).
bool value_in_stock(const Product& p, const std::vector<std::string>& picks, std::size_t i, const std::string& value) {
    return std::any_of(p.variants.begin(), p.variants.end(), [&](const Variant& v) {
        return v.stock > 0 && v.options[i] == value && std::equal(picks.begin(), picks.begin() + static_cast<std::ptrdiff_t>(i), v.options.begin());
    });
}

// One row of choices per option. A value sold out (given the picks before it) says so; picking
// a value no variant has with the other picks moves them to a variant that has it.
void variant_picker(AppState& s, const Product& p, float w) {
    for (std::size_t i = 0; i < p.options.size(); ++i) {
        const ProductOption& o = p.options[i];
        ui::text(option_name(o, s.lang), FontSize::small14, color::muted);
        std::vector<std::string> labels;
        int selected = -1;
        for (std::size_t k = 0; k < o.values.size(); ++k) {
            const std::string& value = option_value(o, k, s.lang);
            labels.push_back(value_in_stock(p, s.detail_choice, i, o.values[k]) ? value
                                                                                 : trf(s.lang, S::option_sold_out_s, value.c_str()));
            if (o.values[k] == s.detail_choice[i]) selected = static_cast<int>(k);
        }
        const int pressed = ui::chip_row(("option" + std::to_string(i)).c_str(), labels, selected, w, true);
        if (pressed >= 0 && pressed != selected) {
            s.detail_choice[i] = o.values[static_cast<std::size_t>(pressed)];
            if (variant_with(p, s.detail_choice) == nullptr) {
                for (const Variant& v : p.variants)
                    if (v.options[i] == s.detail_choice[i]) {
                        s.detail_choice = v.options;
                        break;
                    }
            }
            s.detail_qty = 1;
            s.detail_qty_text.reset();
            s.gallery_index = -1;  // the gallery shows the new variant's image
        }
        ImGui::Dummy(ImVec2(1, 8));
    }
}

void product_info(AppState& s, const Product& p, const Variant* v, float w) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ui::text(product_title(p, s.lang), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1, true);
    ImGui::Dummy(ImVec2(1, 4));
    const Money price = v != nullptr ? v->price : lowest_price(p);
    ui::text(ui::price_text(price), FontSize::h30, color::price);
    const std::string crypto = ui::approx_crypto_text(s.lang, price, s.btc_rate_minor);
    if (!crypto.empty()) ui::text(crypto, FontSize::small14, color::muted);
    ImGui::Dummy(ImVec2(1, 4));
    const bool archived = p.status == ProductStatus::archived;
    const std::int64_t stock = v != nullptr && !archived ? v->stock : 0;
    bool urgent = false;
    const std::string hint = archived ? tr(s.lang, S::product_archived) : ui::stock_hint(s.lang, stock, &urgent);
    ui::text(hint, FontSize::body16, stock <= 0 ? color::danger : urgent ? color::warning : color::success);
    ImGui::Dummy(ImVec2(1, 12));

    if (!archived) variant_picker(s, p, w);
    if (stock > 0) {
        ui::text(tr(s.lang, S::quantity), FontSize::small14, color::muted);
        const std::int64_t max_qty = max_line_qty(stock);
        s.detail_qty = std::clamp<std::int64_t>(
            ui::quantity_control(s.lang, "qty", s.detail_qty, max_qty, tr(s.lang, S::quantity), s.detail_qty_text), 1, max_qty);
        ImGui::Dummy(ImVec2(1, 8));
    }
    const float bw = is_narrow(s) ? w : std::min(w, 280.0f);
    if (!archived && ui::button(tr(s.lang, S::add_to_cart), ButtonKind::primary, ImVec2(bw, 48), stock <= 0)) {
        s.push(Intent::Kind::add_to_cart, CartLine{p.id, 1, v->id}.key(), s.detail_qty);
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
    const Variant* v = picked_variant(s, p);
    static const std::string kNoImage;
    const std::string& image = v != nullptr ? variant_image(p, *v) : p.images.empty() ? kNoImage : p.images.front();
    if (is_narrow(s)) {
        product_images(s, p, image, width);
        ImGui::Dummy(ImVec2(1, 8));
        product_info(s, p, v, width);
        return;
    }
    const float gap = 40.0f;
    const float iw = std::floor((width - gap) * 0.55f);
    const ImVec2 start = ImGui::GetCursorPos();
    product_images(s, p, image, iw);
    const float left_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + iw + gap, start.y));
    ImGui::BeginGroup();
    product_info(s, p, v, width - iw - gap);
    ImGui::EndGroup();
    ImGui::SetCursorPosX(start.x);
    ImGui::SetCursorPosY(std::max(left_bottom, ImGui::GetCursorPosY()));
}

}  // namespace satstore::client::screens
