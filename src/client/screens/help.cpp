// satstore client — the help center (#/help): answers to common problems in the UI language,
// filtered as you type (core search_faq, both languages), expandable answers, the contact
// channels and hours from GET /support/channels, and "Contact support" → the ticket form.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "core/help_center.hpp"
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "screens/support_common.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

// One question row: the question with a +/− sign, the answer below when open.
void faq_row(AppState& s, const FaqEntry& e, float width) {
    HelpState& h = s.support.help;
    const FaqText& text = (s.lang == Lang::zh_CN && !e.zh.question.empty()) ? e.zh : e.en;
    const bool open = h.open_id == e.id;
    ImGui::PushID(e.id.c_str());
    ui::card_begin(width, 16);
    const float inner = ui::card_inner_width();
    const std::vector<std::string> lines = ui::wrap_text(text.question, FontSize::body16, inner - 32, 3);
    const float line_h = render::font_px(FontSize::body16) * 1.25f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h_px = std::max(24.0f, line_h * static_cast<float>(lines.size()));
    if (ImGui::InvisibleButton("##q", ImVec2(inner, h_px))) h.open_id = open ? std::string() : e.id;
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    a11y::add(a11y::Role::button, text.question, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = render::font(FontSize::body16);
    for (std::size_t i = 0; i < lines.size(); ++i)
        dl->AddText(f, render::font_px(FontSize::body16), ImVec2(pos.x, pos.y + line_h * static_cast<float>(i)),
                    hovered ? color::brand : color::text, lines[i].c_str());
    const ImVec2 c(pos.x + inner - 10, pos.y + 11);
    dl->AddLine(ImVec2(c.x - 6, c.y), ImVec2(c.x + 6, c.y), color::brand, 2.0f);
    if (!open) dl->AddLine(ImVec2(c.x, c.y - 6), ImVec2(c.x, c.y + 6), color::brand, 2.0f);
    if (open) {
        ImGui::Dummy(ImVec2(1, 4));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(text.answer, FontSize::body16, color::muted, 0, true);
        ImGui::PopTextWrapPos();
    }
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 8));
    ImGui::PopID();
}

void contact_card(AppState& s, float width) {
    const HelpState& h = s.support.help;
    ui::card_begin(width, 20);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::contact_heading), FontSize::h20, color::text, 2);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ui::text(tr(s.lang, S::contact_body), FontSize::small14, color::muted, 0, true);
    ImGui::Dummy(ImVec2(1, 4));
    if (h.channels_load == SupportLoad::loading || h.channels_load == SupportLoad::idle) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::skeleton(p, ImVec2(p.x + inner, p.y + 72));
        ImGui::Dummy(ImVec2(inner, 80));
    } else {
        const long long hours = static_cast<long long>((h.first_response_s > 0 ? h.first_response_s : 24 * 3600) / 3600);
        ui::value_row(tr(s.lang, S::channel_ticket), trf(s.lang, S::first_response_lld, hours), inner);
        if (!h.email.empty()) ui::value_row(tr(s.lang, S::footer_email), h.email, inner);
        if (!h.phone.empty()) ui::value_row(tr(s.lang, S::footer_phone), h.phone, inner);
        const std::string& hours_text = s.lang == Lang::zh_CN && !h.hours_zh.empty() ? h.hours_zh : h.hours_en;
        if (!hours_text.empty()) {
            ui::text(tr(s.lang, S::footer_hours), FontSize::small14, color::muted);
            ui::text(hours_text, FontSize::body16, color::text, 0, true);
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, 8));
    if (ui::button(tr(s.lang, S::contact_support), ButtonKind::primary, ImVec2(inner, 0))) go(s, route_of(Route::ticket_new));
    if (!s.session_token.empty()) {
        ImGui::Dummy(ImVec2(1, 4));
        if (ui::button(tr(s.lang, S::my_tickets), ButtonKind::secondary, ImVec2(inner, 0))) go(s, route_of(Route::tickets));
    }
    ui::card_end();
}

}  // namespace

void draw_help(AppState& s, float width) {
    HelpState& h = s.support.help;
    const bool narrow = is_narrow(s);
    ui::text(tr(s.lang, S::help_heading), narrow ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::text(tr(s.lang, S::help_intro), FontSize::body16, color::muted, 0, true);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, 12));

    const float side_w = narrow ? width : 340.0f;
    const float main_w = narrow ? width : width - side_w - 32;
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    ui::text_field(tr(s.lang, S::help_search), "help_search", h.search, {}, main_w, false, tr(s.lang, S::help_search_hint));
    ImGui::Dummy(ImVec2(1, 8));
    if (h.faq_load == SupportLoad::loading || h.faq_load == SupportLoad::idle) {
        for (int i = 0; i < 5; ++i) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ui::skeleton(p, ImVec2(p.x + main_w, p.y + 56));
            ImGui::Dummy(ImVec2(main_w, 64));
        }
    } else if (h.faq_load == SupportLoad::failed) {
        if (ui::message_block(tr(s.lang, S::request_failed), "", tr(s.lang, S::retry), main_w)) support(s, SupportAction::retry);
    } else {
        const std::vector<FaqEntry> found = search_faq(h.faq, h.search);
        for (const FaqEntry& e : found) faq_row(s, e, main_w);
        if (found.empty()) {
            if (ui::message_block(tr(s.lang, S::help_no_results), tr(s.lang, S::help_no_results_body),
                                  tr(s.lang, S::contact_support), main_w)) {
                go(s, route_of(Route::ticket_new));
            }
        }
    }
    ImGui::EndGroup();
    if (narrow) {
        ImGui::Dummy(ImVec2(1, 16));
        contact_card(s, width);
    } else {
        const ImVec2 end = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(start.x + main_w + 32, start.y));
        ImGui::BeginGroup();
        contact_card(s, side_w);
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(start.x, std::max(end.y, ImGui::GetCursorPosY())));
    }
}

}  // namespace satstore::client::screens
