// satstore client — components of the buying screens (see buy_widgets.hpp).
#include "ui/buy_widgets.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "core/pricing.hpp"
#include "i18n/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::ui {
namespace {

struct CardFrame {
    ImVec2 min;
    float width = 0;
    float pad = 0;
};
CardFrame g_card;

struct ChipColors {
    ImU32 bg, fg;
};

ChipColors chip_colors(OrderStatus status, bool refunded) {
    if (refunded) return {IM_COL32(204, 251, 241, 255), IM_COL32(15, 118, 110, 255)};  // teal
    switch (status) {
        case OrderStatus::pending_payment: return {IM_COL32(254, 243, 199, 255), IM_COL32(146, 64, 14, 255)};  // amber
        case OrderStatus::paid: return {IM_COL32(219, 234, 254, 255), IM_COL32(29, 78, 216, 255)};  // blue
        case OrderStatus::shipped: return {IM_COL32(237, 233, 254, 255), IM_COL32(109, 40, 217, 255)};  // purple
        case OrderStatus::delivered:
        case OrderStatus::completed: return {IM_COL32(220, 252, 231, 255), IM_COL32(21, 128, 61, 255)};  // green
        case OrderStatus::cancelled: return {IM_COL32(229, 231, 235, 255), IM_COL32(55, 65, 81, 255)};  // grey
    }
    return {color::skeleton, color::text};
}

}  // namespace

void card_begin(float width, float pad) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    g_card = CardFrame{ImGui::GetCursorScreenPos(), width, pad};
    // A group, not Indent(): a card may start in a second column, and a group keeps new lines at
    // its own left edge.
    ImGui::SetCursorScreenPos(ImVec2(g_card.min.x + pad, g_card.min.y + pad));
    ImGui::BeginGroup();
}

float card_inner_width() { return g_card.width - 2 * g_card.pad; }

void card_end() {
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + g_card.pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    card_background(dl, g_card.min, ImVec2(g_card.min.x + g_card.width, bottom));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(g_card.min.x, bottom));
    ImGui::Dummy(ImVec2(g_card.width, 0));
}

const char* status_label(Lang lang, OrderStatus status, bool refunded) {
    if (refunded) return tr(lang, S::status_refunded);
    switch (status) {
        case OrderStatus::pending_payment: return tr(lang, S::status_pending_payment);
        case OrderStatus::paid: return tr(lang, S::status_paid);
        case OrderStatus::shipped: return tr(lang, S::status_shipped);
        case OrderStatus::delivered: return tr(lang, S::status_delivered);
        case OrderStatus::completed: return tr(lang, S::status_completed);
        case OrderStatus::cancelled: return tr(lang, S::status_cancelled);
    }
    return "";
}

float status_chip_width(Lang lang, OrderStatus status, bool refunded) {
    const char* label = status_label(lang, status, refunded);
    const float px = render::font_px(FontSize::small14);
    return render::font(FontSize::small14)->CalcTextSizeA(px, FLT_MAX, 0, label).x + 20;
}

namespace {

void draw_chip(const char* label, const ChipColors& c) {
    render::note_text(label);
    ImFont* f = render::font(FontSize::small14);
    const float px = render::font_px(FontSize::small14);
    const ImVec2 ts = f->CalcTextSizeA(px, FLT_MAX, 0, label);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(ts.x + 20, ts.y + 8);
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), c.bg, size.y * 0.5f);
    dl->AddText(f, px, ImVec2(pos.x + 10, pos.y + 4), c.fg, label);
    a11y::add(a11y::Role::status, label, ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)));
}

}  // namespace

void status_chip(Lang lang, OrderStatus status, bool refunded) {
    draw_chip(status_label(lang, status, refunded), chip_colors(status, refunded));
}

const char* product_status_label(Lang lang, ProductStatus status) {
    switch (status) {
        case ProductStatus::draft: return tr(lang, S::cat_status_draft);
        case ProductStatus::active: return tr(lang, S::cat_status_active);
        case ProductStatus::archived: return tr(lang, S::cat_status_archived);
    }
    return "";
}

void product_status_chip(Lang lang, ProductStatus status) {
    const ChipColors c = status == ProductStatus::active   ? ChipColors{IM_COL32(220, 252, 231, 255), IM_COL32(21, 128, 61, 255)}
                         : status == ProductStatus::draft ? ChipColors{IM_COL32(219, 234, 254, 255), IM_COL32(29, 78, 216, 255)}
                                                          : ChipColors{IM_COL32(229, 231, 235, 255), IM_COL32(55, 65, 81, 255)};
    draw_chip(product_status_label(lang, status), c);
}

void timeline(const std::vector<TimelineItem>& items, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float dot_x = 8.0f, text_x = 28.0f;
    float prev_dot_y = -1;
    const float x0 = ImGui::GetCursorScreenPos().x;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float dot_y = pos.y + 11;
        if (prev_dot_y >= 0) dl->AddLine(ImVec2(x0 + dot_x, prev_dot_y), ImVec2(x0 + dot_x, dot_y), color::border_strong, 2.0f);
        dl->AddCircleFilled(ImVec2(x0 + dot_x, dot_y), i == 0 ? 6.0f : 4.5f, i == 0 ? color::brand : color::border_strong);
        prev_dot_y = dot_y;
        ImGui::SetCursorScreenPos(ImVec2(x0 + text_x, pos.y));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - text_x);
        text(items[i].title, FontSize::body16, i == 0 ? color::text : color::muted, 0, true);
        if (!items[i].detail.empty()) text(items[i].detail, FontSize::small14, color::muted, 0, true);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetItemRectMax().y + 12));
    }
    ImGui::Dummy(ImVec2(width, 0));
}

std::int64_t countdown(std::int64_t expires_unix_s, std::int64_t now_unix_s) {
    const std::int64_t left = std::max<std::int64_t>(0, expires_unix_s - now_unix_s);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(left / 60), static_cast<long long>(left % 60));
    const ImU32 col = left < 30 ? color::danger : (left < 120 ? color::warning : color::text);
    text(buf, FontSize::h24, col);
    return left;
}

void value_row(std::string_view label, std::string_view value, float width, bool strong) {
    const FontSize size = strong ? FontSize::h20 : FontSize::body16;
    const float y = ImGui::GetCursorPosY();
    const float x = ImGui::GetCursorPosX();
    text(label, strong ? FontSize::body16 : FontSize::body16, strong ? color::text : color::muted);
    if (strong) render::note_text(value);
    push_font(size);
    const float vw = ImGui::CalcTextSize(value.data(), value.data() + value.size()).x;
    pop_font();
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(x + std::max(0.0f, width - vw), y - (strong ? 3.0f : 0.0f)));
    text(value, size, strong ? color::price : color::text);
}

void price_summary(Lang lang, const PriceSummary& p, float width) {
    const auto minus = [&](const Money& m) { return trf(lang, S::minus_s, format_money(m).c_str()); };
    value_row(tr(lang, S::subtotal), format_money(p.subtotal), width);
    if (p.coupon_discount.amount_minor > 0 || !p.coupon.empty()) {
        const std::string label = p.coupon.empty() ? std::string(tr(lang, S::discount)) : trf(lang, S::discount_s, p.coupon.c_str());
        value_row(label, minus(p.coupon_discount), width);
    }
    if (p.points_used > 0) {
        value_row(trf(lang, S::points_row_lld, static_cast<long long>(p.points_used)),
                  minus(Money{points_value_minor(p.points_used), p.subtotal.currency}), width);
    }
    value_row(tr(lang, S::shipping), p.shipping.amount_minor == 0 ? tr(lang, S::free_shipping) : format_money(p.shipping), width);
    // A rule above the total: the rows above add up to it.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y + 2), ImVec2(at.x + width, at.y + 2), color::border, 1.0f);
    ImGui::Dummy(ImVec2(width, 4));
    value_row(tr(lang, S::total), format_money(p.total), width, true);
    switch (p.settle) {
        case PriceSummary::Settle::none: break;
        case PriceSummary::Settle::approx: {
            const std::string approx = trf(lang, S::approx_s, format_money(p.crypto).c_str());
            push_font(FontSize::small14);
            const float w = ImGui::CalcTextSize(approx.c_str()).x;
            pop_font();
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, width - w));
            text(approx, FontSize::small14, color::muted);
            break;
        }
        case PriceSummary::Settle::due: value_row(tr(lang, S::amount_due), format_money(p.crypto), width); break;
        case PriceSummary::Settle::paid:
            value_row(tr(lang, S::paid_amount), format_money(p.crypto), width);
            value_row(tr(lang, S::paid_at), short_time(p.paid_at_unix_s), width);
            break;
    }
}

int confirm_modal(const char* id, std::string_view title, std::string_view body, const char* confirm_label,
                  const char* cancel_label, bool busy) {
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(440.0f, vp->Size.x - 32);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 24));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
    ImGui::PushStyleColor(ImGuiCol_PopupBg, color::surface);
    ImGui::PushStyleColor(ImGuiCol_ModalWindowDimBg, IM_COL32(17, 24, 39, 110));
    int result = 0;
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        const float inner = w - 48;
        text(title, FontSize::h20, color::text, 2);
        ImGui::Dummy(ImVec2(1, 4));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        text(body, FontSize::body16, color::muted, 0, true);
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(1, 12));
        const float bw = (inner - 12) * 0.5f;
        if (button(cancel_label, ButtonKind::secondary, ImVec2(bw, 0), busy)) result = -1;
        ImGui::SameLine(0, 12);
        if (button(confirm_label, ButtonKind::danger, ImVec2(bw, 0), false, busy)) result = 1;
        if (result != 0 && result == -1) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
    return result;
}

std::string short_time(std::int64_t unix_s) {
    const std::time_t t = static_cast<std::time_t>(unix_s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

}  // namespace satstore::client::ui

namespace satstore::client::ui {
namespace {

// A sign drawn as lines on the last button: crisp at any DPR, no glyph needed.
void sign(bool plus, bool enabled) {
    const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    const ImVec2 c((mn.x + mx.x) * 0.5f, (mn.y + mx.y) * 0.5f);
    const ImU32 col = enabled ? color::text : color::border_strong;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(c.x - 6, c.y), ImVec2(c.x + 6, c.y), col, 2.0f);
    if (plus) dl->AddLine(ImVec2(c.x, c.y - 6), ImVec2(c.x, c.y + 6), col, 2.0f);
}

}  // namespace

std::int64_t quantity_control(Lang lang, const char* id, std::int64_t qty, std::int64_t max_qty, std::string_view name,
                              std::optional<std::string>& typing) {
    constexpr float kFieldW = 56.0f;
    std::int64_t next = qty;
    ImGui::PushID(id);
    if (button("##dec", ButtonKind::secondary, ImVec2(40, 0), qty <= 1)) next = qty - 1;
    a11y::rename_last(tr(lang, S::decrease));
    sign(false, qty > 1);
    ImGui::SameLine(0, 4);

    char buf[8];  // up to 7 digits: more than any stock
    std::snprintf(buf, sizeof buf, "%s", typing ? typing->c_str() : std::to_string(qty).c_str());
    const auto digits_only = [](ImGuiInputTextCallbackData* d) -> int {
        if (d->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) return (d->EventChar >= '0' && d->EventChar <= '9') ? 0 : 1;
        return 0;
    };
    ImGui::SetNextItemWidth(kFieldW);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, (kControlHeight - ImGui::GetFontSize()) * 0.5f));
    const bool entered = ImGui::InputText("##typed", buf, sizeof buf,
                                          ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_EnterReturnsTrue |
                                              ImGuiInputTextFlags_AutoSelectAll,
                                          digits_only);
    ImGui::PopStyleVar();
    a11y::annotate_last(a11y::Role::textbox, buf);
    a11y::rename_last(name);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (ImGui::IsItemEdited()) typing = std::string(buf);
    if ((entered || ImGui::IsItemDeactivated()) && typing) {
        std::int64_t n = 0;
        for (char ch : *typing) n = std::min<std::int64_t>(n * 10 + (ch - '0'), 1'000'000);
        if (n > 0) next = n;
        typing.reset();
    }
    ImGui::SameLine(0, 4);
    if (button("##inc", ButtonKind::secondary, ImVec2(40, 0), qty >= max_qty)) next = qty + 1;
    a11y::rename_last(tr(lang, S::increase));
    sign(true, qty < max_qty);
    ImGui::PopID();
    return next;
}

}  // namespace satstore::client::ui
