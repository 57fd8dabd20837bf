// satstore client — product card (see product_card.hpp).
#include "ui/product_card.hpp"

#include <cstdint>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::ui {
namespace {

constexpr float kPad = 12.0f;
constexpr float kTitleLine = 22.0f;
// Below the image: pad, 2 title lines, price, crypto, stock, gap, button, pad.
constexpr float kBodyHeight = kPad + 2 * kTitleLine + 6 + 30 + 20 + 20 + 10 + kControlHeight + kPad;


}  // namespace

std::string price_text(const Money& price) { return format_money(price); }

std::string approx_crypto_text(Lang lang, const Money& price, std::optional<std::int64_t> rate) {
    if (!rate || !is_fiat(price.currency)) return {};
    const std::optional<std::int64_t> sats = convert_ceil(price.amount_minor, *rate, Currency::BTC);
    if (!sats) return {};
    return trf(lang, S::approx_s, format_money(Money{*sats, Currency::BTC}).c_str());
}

std::string stock_hint(Lang lang, std::int64_t stock, bool* urgent) {
    *urgent = stock < 10;
    if (stock <= 0) return tr(lang, S::sold_out);
    if (stock < 10) return trf(lang, S::only_left_lld, static_cast<long long>(stock));
    return tr(lang, S::in_stock);
}

float product_card_height(float width) { return width * 0.75f + kBodyHeight; }

CardAction product_card(const Product& p, Lang lang, std::optional<std::int64_t> rate,
                        const Picture& picture, ImVec2 pos, float width) {
    CardAction action = CardAction::none;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float img_h = width * 0.75f;
    const ImVec2 max(pos.x + width, pos.y + product_card_height(width));
    card_background(dl, pos, max, kRadius);
    const ImVec2 img_max(pos.x + width, pos.y + img_h);
    draw_picture(dl, picture, pos, img_max, kRadius, ImDrawFlags_RoundCornersTop);
    const std::string& title = product_title(p, lang);

    // Image + title: one link to the detail page.
    ImGui::PushID(p.id.c_str());
    ImGui::SetCursorScreenPos(pos);
    const float title_top = img_max.y + kPad;
    if (ImGui::InvisibleButton("open", ImVec2(width, title_top + 2 * kTitleLine - pos.y))) action = CardAction::open;
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    a11y::add(a11y::Role::link, title, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));

    const float inner_w = width - 2 * kPad;
    float y = title_top;
    ImFont* body = render::font(FontSize::body16);
    const std::vector<std::string> lines = wrap_text(title, FontSize::body16, inner_w, 2);
    for (const std::string& line : lines) {
        dl->AddText(body, 16.0f, ImVec2(pos.x + kPad, y + 2), hovered ? color::brand : color::text, line.c_str());
        y += kTitleLine;
    }
    y = title_top + 2 * kTitleLine + 6;
    const Money lowest = lowest_price(p);
    const bool several = p.variants.size() > 1;
    const std::string price = lowest == highest_price(p) ? price_text(lowest) : trf(lang, S::price_from_s, price_text(lowest).c_str());
    dl->AddText(render::font(FontSize::h24), 24.0f, ImVec2(pos.x + kPad, y), color::price, price.c_str());
    a11y::add(a11y::Role::text, price, ImRect(ImVec2(pos.x + kPad, y), ImVec2(pos.x + width - kPad, y + 28)));
    y += 30;
    const std::string crypto = approx_crypto_text(lang, lowest, rate);
    if (!crypto.empty()) {
        dl->AddText(render::font(FontSize::small14), 14.0f, ImVec2(pos.x + kPad, y), color::muted, crypto.c_str());
    }
    y += 20;
    bool urgent = false;
    const std::int64_t stock = total_stock(p);
    const std::string hint = stock_hint(lang, stock, &urgent);
    dl->AddText(render::font(FontSize::small14), 14.0f, ImVec2(pos.x + kPad, y),
                stock <= 0 ? color::danger : urgent ? color::warning : color::success, hint.c_str());
    a11y::add(a11y::Role::text, hint, ImRect(ImVec2(pos.x + kPad, y), ImVec2(pos.x + width - kPad, y + 18)));
    y += 20 + 10;

    ImGui::SetCursorScreenPos(ImVec2(pos.x + kPad, y));
    // A product sold in several ways is chosen on its page.
    const std::string label = std::string(tr(lang, several ? S::choose_options : S::add_to_cart)) + "##add";
    if (button(label.c_str(), several ? ButtonKind::secondary : ButtonKind::primary, ImVec2(inner_w, kControlHeight), stock <= 0)) {
        action = several ? CardAction::open : CardAction::add_to_cart;
    }
    ImGui::PopID();
    return action;
}

void product_card_skeleton(ImVec2 pos, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + product_card_height(width));
    card_background(dl, pos, max, kRadius);
    const float img_h = width * 0.75f;
    dl->AddRectFilled(pos, ImVec2(max.x, pos.y + img_h), color::skeleton, kRadius, ImDrawFlags_RoundCornersTop);
    float y = pos.y + img_h + kPad;
    dl->AddRectFilled(ImVec2(pos.x + kPad, y), ImVec2(max.x - kPad, y + 16), color::skeleton, 4);
    y += kTitleLine;
    dl->AddRectFilled(ImVec2(pos.x + kPad, y), ImVec2(pos.x + width * 0.6f, y + 16), color::skeleton, 4);
    y += kTitleLine + 6;
    dl->AddRectFilled(ImVec2(pos.x + kPad, y), ImVec2(pos.x + width * 0.45f, y + 24), color::skeleton, 4);
    y += 70;
    dl->AddRectFilled(ImVec2(pos.x + kPad, y), ImVec2(max.x - kPad, y + kControlHeight), color::skeleton, kRadius);
}

}  // namespace satstore::client::ui
