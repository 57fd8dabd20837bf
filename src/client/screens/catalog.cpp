// satstore client — catalog screen: heading, category chips, product grid (skeletons while loading).
#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

constexpr float kGap = 24.0f;

std::string heading_text(const AppState& s) {
    if (!s.route.query.empty()) return trf(s.lang, S::results_for_s, s.route.query.c_str());
    for (const Category& c : s.store.categories) {
        if (c.slug == s.route.category) return (s.lang == Lang::zh_CN && !c.title_zh.empty()) ? c.title_zh : c.title_en;
    }
    return tr(s.lang, S::all_products);
}

// Category chips that wrap onto new lines; the selected one is filled.
void category_chips(AppState& s, float width) {
    const float x0 = ImGui::GetCursorPosX();
    float x = x0;
    auto chip = [&](const std::string& title, const std::string& slug) {
        const bool selected = s.route.category == slug;
        const float w = ImGui::CalcTextSize(title.c_str()).x + 32;
        if (x > x0 && x + w > x0 + width) x = x0;
        else if (x > x0) ImGui::SameLine(x);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 20.0f);
        const std::string label = title + "##chip" + slug;
        if (ui::button(label.c_str(), selected ? ButtonKind::soft : ButtonKind::secondary, ImVec2(w, 36))) {
            RouteState r = route_of(Route::catalog);
            r.category = slug;
            go(s, r);
        }
        a11y::annotate_last(a11y::Role::button, {}, -1, selected ? 1 : 0);
        ImGui::PopStyleVar();
        x += w + 8;
    };
    chip(tr(s.lang, S::all_products), {});
    for (const Category& c : s.store.categories) {
        chip((s.lang == Lang::zh_CN && !c.title_zh.empty()) ? c.title_zh : c.title_en, c.slug);
    }
}

}  // namespace

void draw_catalog(AppState& s, float width) {
    ui::text(heading_text(s), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    if (s.route.query.empty() && s.route.category.empty()) {
        ui::text(tr(s.lang, S::store_tagline), FontSize::body16, color::muted, 0, true);
    }
    ImGui::Dummy(ImVec2(1, 8));
    if (!s.store.categories.empty()) {
        category_chips(s, width);
        ImGui::Dummy(ImVec2(1, 8));
    }

    // Phones get two compact columns (as mobile shops do) as soon as 150 px cards fit.
    const float gap = is_narrow(s) ? 12.0f : kGap;
    const float min_card = is_narrow(s) ? 150.0f : ui::kCardMinWidth;
    const int columns = std::max(1, static_cast<int>((width + gap) / (min_card + gap)));
    const float card_w = std::floor((width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    const float card_h = ui::product_card_height(card_w);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    auto cell = [&](int i) {
        return ImVec2(origin.x + static_cast<float>(i % columns) * (card_w + gap),
                      origin.y + static_cast<float>(i / columns) * (card_h + gap));
    };

    if (s.catalog_load != Load::ok) {
        const int n = columns * 2;
        for (int i = 0; i < n; ++i) ui::product_card_skeleton(cell(i), card_w);
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width, 2 * card_h + gap));
        return;
    }
    if (s.catalog_ids.empty()) {
        const bool filtered = !s.route.query.empty() || !s.route.category.empty();
        if (ui::message_block(tr(s.lang, S::no_results), "", filtered ? tr(s.lang, S::clear_filters) : nullptr, width)) {
            go(s, route_of(Route::catalog));
        }
        return;
    }
    const int n = static_cast<int>(s.catalog_ids.size());
    for (int i = 0; i < n; ++i) {
        const auto it = s.products.find(s.catalog_ids[static_cast<std::size_t>(i)]);
        if (it == s.products.end()) continue;
        const Product& p = it->second;
        // Images load lazily: only for cards within a screen of the visible area.
        const ImVec2 at = cell(i);
        const float ahead = s.height_css;
        const bool near = ImGui::IsRectVisible(ImVec2(at.x, at.y - ahead), ImVec2(at.x + card_w, at.y + card_h + ahead));
        const ui::Picture picture =
            (p.images.empty() || !near) ? ui::Picture{} : product_picture(s, p.images.front(), card_w, card_w * 0.75f);
        switch (ui::product_card(p, s.lang, s.btc_rate_minor, picture, at, card_w)) {
            case ui::CardAction::open: {
                RouteState r = route_of(Route::product);
                r.product_id = p.id;
                go(s, r);
                break;
            }
            case ui::CardAction::add_to_cart: s.push(Intent::Kind::add_to_cart, CartLine{p.id, 1, p.variants.front().id}.key(), 1); break;
            case ui::CardAction::none: break;
        }
    }
    const int rows = (n + columns - 1) / columns;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * (card_h + gap) - gap));
}

}  // namespace satstore::client::screens
