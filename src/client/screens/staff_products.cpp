// satstore client — the console's product list (#/staff/products, merchant or admin): search by
// title or SKU, status filter chips, one row per product (thumbnail, title in the UI language,
// status, variants, price range, total stock with low stock marked), paging, "New product".
// Also catalog(), the intent helper the Catalog screens share.
#include <algorithm>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
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

void catalog(AppState& s, CatalogAction action, std::string arg) {
    s.push(Intent::Kind::catalog, std::move(arg), static_cast<std::int64_t>(action));
}

namespace {

constexpr float kThumb = 64.0f;
constexpr std::int64_t kLowStock = 5;  // a variant at or below this many units is "low"

void thumbnail(AppState& s, const Product& p, ImVec2 pos) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + kThumb, pos.y + kThumb);
    const ui::Picture picture = p.images.empty() ? ui::Picture{} : product_picture(s, p.images.front(), kThumb, kThumb);
    ui::draw_picture(dl, picture, pos, max, 6.0f);
}

std::string price_range(const Product& p) {
    if (p.variants.empty()) return "";
    const Money lo = lowest_price(p), hi = highest_price(p);
    return lo == hi ? ui::price_text(lo) : ui::price_text(lo) + " – " + ui::price_text(hi);
}

void product_row(AppState& s, const Product& p, float w) {
    ImGui::PushID(p.id.c_str());
    ui::card_begin(w, 16);
    const float inner = ui::card_inner_width();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    thumbnail(s, p, top);
    const float text_x = kThumb + 16;
    ImGui::SetCursorScreenPos(ImVec2(top.x + text_x, top.y));
    ImGui::BeginGroup();
    const std::string& title = product_title(p, s.lang);
    const float chip_w = 96;
    const auto lines = ui::wrap_text(title.empty() ? tr(s.lang, S::cat_untitled) : title, FontSize::body16, inner - text_x - chip_w, 1);
    RouteState open = route_of(Route::staff_product);
    open.product_id = p.id;
    if (ui::link(lines.empty() ? "" : lines.front().c_str())) go(s, open);
    a11y::rename_last(title.empty() ? tr(s.lang, S::cat_untitled) : title);
    const int n = static_cast<int>(p.variants.size());
    std::string meta = n == 1 ? tr(s.lang, S::cat_one_variant) : trf(s.lang, S::cat_variants_d, n);
    if (!p.variants.empty()) meta += " · " + p.variants.front().sku + (n > 1 ? " …" : "");
    ui::text(meta, FontSize::small14, color::muted);
    const std::int64_t stock = total_stock(p);
    const bool low = std::any_of(p.variants.begin(), p.variants.end(), [](const Variant& v) { return v.stock <= kLowStock; });
    ui::text(price_range(p), FontSize::body16, color::price);
    ImGui::SameLine(0, 16);
    ui::text(low ? trf(s.lang, S::cat_low_stock_lld, static_cast<long long>(stock))
                 : trf(s.lang, S::cat_stock_lld, static_cast<long long>(stock)),
             FontSize::body16, low ? color::warning : color::muted);
    ImGui::EndGroup();
    const float bottom = std::max(ImGui::GetItemRectMax().y, top.y + kThumb);
    // The status on the right of the title line.
    const float label_w = ImGui::CalcTextSize(ui::product_status_label(s.lang, p.status)).x + 20;
    ImGui::SetCursorScreenPos(ImVec2(top.x + inner - label_w, top.y));
    ui::product_status_chip(s.lang, p.status);
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
    ImGui::Dummy(ImVec2(inner, 0));
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 12));
    ImGui::PopID();
}

void search_row(AppState& s, float width) {
    CatalogListState& l = s.catalog.list;
    const bool narrow = is_narrow(s);
    const float new_w = narrow ? width : 160;
    const float button_w = 96;
    const float field_w = (narrow ? width : width - new_w - 16) - button_w - 8;
    const bool entered = ui::text_field(tr(s.lang, S::cat_search_name), "cat_q", l.query, "", field_w, false,
                                        tr(s.lang, S::cat_search_hint));
    // The buttons line up with the input, below the field's label.
    const float input_top = ImGui::GetItemRectMax().y - ui::kControlHeight;
    ImGui::SameLine(0, 8);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, input_top));
    const bool pressed = ui::button(tr(s.lang, S::search_button), ButtonKind::secondary, ImVec2(button_w, 0));
    if (entered || pressed) catalog(s, CatalogAction::list_search);
    if (narrow) {
        ImGui::Dummy(ImVec2(1, 4));
    } else {
        ImGui::SameLine(0, 16);
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, input_top));
    }
    if (ui::button(tr(s.lang, S::cat_new_product), ButtonKind::primary, ImVec2(new_w, 0))) {
        RouteState r = route_of(Route::staff_product);
        r.product_id = "new";
        go(s, r);
    }
}

}  // namespace

void draw_staff_products(AppState& s, float width) {
    if (!staff_list_head(s, tr(s.lang, S::cat_title), width)) return;
    CatalogListState& l = s.catalog.list;
    search_row(s, width);
    ImGui::Dummy(ImVec2(1, 8));
    std::string status = l.status;
    const std::vector<std::pair<std::string, std::string>> chips = {
        {"", tr(s.lang, S::filter_all)},
        {"draft", tr(s.lang, S::cat_status_draft)},
        {"active", tr(s.lang, S::cat_status_active)},
        {"archived", tr(s.lang, S::cat_status_archived)},
    };
    if (filter_chips("cat_status", chips, status, width)) catalog(s, CatalogAction::list_filter, status);
    ImGui::Dummy(ImVec2(1, 12));
    if (const ListGate g = list_gate(s, l.load, l.items.empty(), 4, 96, width); g != ListGate::ready) {
        if (g == ListGate::retry) catalog(s, CatalogAction::list_reload);
        return;
    }
    const std::vector<Product> items = l.items;  // intents may replace the list after drawing
    for (const Product& p : items) product_row(s, p, width);
    if (items.empty() && l.load == Load::ok) {
        const bool filtered = !l.sent_query.empty() || !l.status.empty();
        ui::message_block(tr(s.lang, filtered ? S::cat_no_match : S::cat_empty), filtered ? "" : tr(s.lang, S::cat_empty_body),
                          nullptr, width);
    }
    if (!l.next_cursor.empty()) {
        const float w = is_narrow(s) ? width : 200;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
        if (ui::button(tr(s.lang, S::load_more), ButtonKind::secondary, ImVec2(w, 0), false, l.loading_more))
            catalog(s, CatalogAction::list_more);
    }
}

}  // namespace satstore::client::screens
