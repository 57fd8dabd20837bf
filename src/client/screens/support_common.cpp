// satstore client — pieces shared by the support screens (see support_common.hpp).
#include "screens/support_common.hpp"

#include <algorithm>
#include <cstdio>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "view_helpers.hpp"

namespace satstore::client::screens {
namespace {

using ui::FontSize;
namespace color = ui::color;

struct ChipColors {
    ImU32 bg, fg;
};

ChipColors ticket_chip_colors(TicketStatus status) {
    switch (status) {
        case TicketStatus::new_: return {IM_COL32(219, 234, 254, 255), IM_COL32(29, 78, 216, 255)};     // blue
        case TicketStatus::open: return {IM_COL32(237, 233, 254, 255), IM_COL32(109, 40, 217, 255)};    // purple
        case TicketStatus::waiting_on_customer: return {IM_COL32(254, 243, 199, 255), IM_COL32(146, 64, 14, 255)};  // amber
        case TicketStatus::resolved: return {IM_COL32(220, 252, 231, 255), IM_COL32(21, 128, 61, 255)};  // green
        case TicketStatus::closed: return {IM_COL32(229, 231, 235, 255), IM_COL32(55, 65, 81, 255)};     // grey
    }
    return {color::skeleton, color::text};
}

std::string hms(std::int64_t seconds) {
    if (seconds < 0) seconds = -seconds;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    return buf;
}

S zh_error_for(const std::string& key) {
    if (key == "subject") return S::tkt_err_subject;
    if (key == "description" || key == "body") return S::tkt_err_text;
    if (key.rfind("contact", 0) == 0) return S::tkt_err_contact;
    if (key == "order_id") return S::tkt_err_order;
    if (key == "related_ticket") return S::tkt_err_related;
    if (key == "tx_ref") return S::tkt_err_tx_ref;
    if (key == "attachments") return S::tkt_err_attachments;
    if (key == "score") return S::rating_pick_score;
    return S::check_field;
}

}  // namespace

void support(AppState& s, SupportAction action, std::string arg) {
    s.push(Intent::Kind::support, std::move(arg), static_cast<std::int64_t>(action));
}

const char* ticket_status_label(Lang lang, TicketStatus status) {
    switch (status) {
        case TicketStatus::new_: return tr(lang, S::tkt_status_new);
        case TicketStatus::open: return tr(lang, S::tkt_status_open);
        case TicketStatus::waiting_on_customer: return tr(lang, S::tkt_status_waiting);
        case TicketStatus::resolved: return tr(lang, S::tkt_status_resolved);
        case TicketStatus::closed: return tr(lang, S::tkt_status_closed);
    }
    return "";
}

const char* ticket_category_label(Lang lang, TicketCategory category) {
    switch (category) {
        case TicketCategory::payment: return tr(lang, S::tkt_cat_payment);
        case TicketCategory::order: return tr(lang, S::tkt_cat_order);
        case TicketCategory::shipping: return tr(lang, S::tkt_cat_shipping);
        case TicketCategory::refund: return tr(lang, S::tkt_cat_refund);
        case TicketCategory::ret: return tr(lang, S::tkt_cat_return);
        case TicketCategory::account: return tr(lang, S::tkt_cat_account);
        case TicketCategory::security: return tr(lang, S::tkt_cat_security);
        case TicketCategory::feedback: return tr(lang, S::tkt_cat_feedback);
        case TicketCategory::other: return tr(lang, S::tkt_cat_other);
    }
    return "";
}

const char* ticket_queue_label(Lang lang, TicketQueue queue) {
    switch (queue) {
        case TicketQueue::payments: return tr(lang, S::tkt_queue_payments);
        case TicketQueue::orders: return tr(lang, S::tkt_queue_orders);
        case TicketQueue::security: return tr(lang, S::tkt_queue_security);
        case TicketQueue::general: return tr(lang, S::tkt_queue_general);
    }
    return "";
}

float ticket_status_chip_width(Lang lang, TicketStatus status) {
    const char* label = ticket_status_label(lang, status);
    return render::font(FontSize::small14)->CalcTextSizeA(render::font_px(FontSize::small14), FLT_MAX, 0, label).x + 20;
}

void ticket_status_chip(Lang lang, TicketStatus status) {
    const char* label = ticket_status_label(lang, status);
    const ChipColors c = ticket_chip_colors(status);
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

SlaText sla_text(Lang lang, const TicketView& t, std::int64_t now) {
    if (t.first_response_at_unix_s != 0) return {tr(lang, S::sla_answered), color::success};
    if (t.status == TicketStatus::resolved || t.status == TicketStatus::closed) {
        return {t.sla_breached ? tr(lang, S::sla_breached_flag) : tr(lang, S::sla_stopped),
                t.sla_breached ? color::danger : color::muted};
    }
    if (t.sla_paused) return {tr(lang, S::sla_paused), color::warning};
    const std::int64_t left = t.first_response_due_unix_s - now;
    if (t.sla_breached || left <= 0) return {trf(lang, S::sla_overdue_s, hms(left).c_str()), color::danger};
    return {trf(lang, S::sla_due_in_s, hms(left).c_str()), left < 3600 ? color::warning : color::text};
}

std::string ticket_error(const AppState& s, const std::map<std::string, std::string>& errors, const std::string& key,
                         const std::string& secret_warning) {
    auto it = errors.find(key);
    if (it == errors.end()) return {};
    if (!secret_warning.empty() && it->second == secret_warning) return it->second;
    return s.lang == Lang::zh_CN ? tr(s.lang, zh_error_for(key)) : it->second;
}

void notice_box(const std::string& text, float width, bool danger) {
    const ImU32 fg = danger ? color::danger : color::warning;
    const ImU32 bg = danger ? IM_COL32(254, 242, 242, 255) : IM_COL32(255, 251, 235, 255);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 10));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 24);
    ui::text(text, FontSize::small14, fg, 0, true);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + 10;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p, ImVec2(p.x + width, bottom), bg, 6);
    dl->AddRect(p, ImVec2(p.x + width, bottom), fg, 6);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p.x, bottom));
    ImGui::Dummy(ImVec2(width, 4));
}

void attachment_links(AppState& s, const std::vector<TicketAttachment>& files, const char* id) {
    if (files.empty()) return;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, 16);
        const std::string label = trf(s.lang, S::screenshot_d, static_cast<int>(i + 1)) + "##shot" + std::to_string(i);
        if (ui::link(label.c_str(), FontSize::small14)) support(s, SupportAction::open_file, files[i].url);
    }
    ImGui::PopID();
}

void ticket_header(AppState& s, const TicketView& t, float width) {
    const bool narrow = is_narrow(s);
    const ImVec2 top = ImGui::GetCursorPos();
    ui::text(trf(s.lang, S::ticket_number_s, t.number.c_str()), FontSize::small14, color::muted);
    const float chip_w = ticket_status_chip_width(s.lang, t.status);
    const ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(top.x + width - chip_w, top.y));
    ticket_status_chip(s.lang, t.status);
    ImGui::SetCursorPos(after);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::text(t.subject, narrow ? FontSize::h24 : FontSize::h30, color::text, 1, true);
    ImGui::PopTextWrapPos();
    std::string meta = std::string(ticket_category_label(s.lang, t.category)) + "  ·  " +
                       trf(s.lang, S::queue_s, ticket_queue_label(s.lang, t.queue)) + "  ·  " +
                       ui::short_time(t.created_at_unix_s);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::text(meta, FontSize::small14, color::muted, 0, true);
    if (!t.order_number.empty() || !t.order_id.empty())
        ui::text(trf(s.lang, S::about_order_s, (t.order_number.empty() ? t.order_id : t.order_number).c_str()), FontSize::small14,
                 color::muted, 0, true);
    if (!t.tx_ref.empty()) ui::text(trf(s.lang, S::tx_ref_s, t.tx_ref.c_str()), FontSize::small14, color::muted, 0, true);
    if (!t.related_number.empty())
        ui::text(trf(s.lang, S::related_ticket_s, t.related_number.c_str()), FontSize::small14, color::muted, 0, true);
    ImGui::PopTextWrapPos();
}

void ticket_thread(AppState& s, const TicketView& t, float width, bool staff_view) {
    ImGui::PushID(t.id.c_str());
    ui::card_begin(width, 16);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::original_description), FontSize::small14, color::muted, 2);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ui::text(t.description, FontSize::body16, color::text, 0, true);
    ImGui::PopTextWrapPos();
    attachment_links(s, t.attachments, "desc");
    ui::card_end();
    // A long thread draws only the messages on screen: each message's height, measured when it
    // was last drawn at this width, stands in for it while it is scrolled away.
    ImGuiStorage* heights = ImGui::GetStateStorage();
    for (std::size_t i = 0; i < t.messages.size(); ++i) {
        const TicketMessageView& m = t.messages[i];
        ImGui::Dummy(ImVec2(1, 8));
        ImGui::PushID(static_cast<int>(i));
        char width_key[16];
        std::snprintf(width_key, sizeof width_key, "h%d", static_cast<int>(width));
        const ImGuiID height_key = ImGui::GetID(width_key);
        const float known_height = heights->GetFloat(height_key, 0);
        if (known_height > 0 && !ImGui::IsRectVisible(ImVec2(width, known_height))) {
            ImGui::Dummy(ImVec2(width, std::max(0.0f, known_height - ImGui::GetStyle().ItemSpacing.y)));
            ImGui::PopID();
            continue;
        }
        const float top = ImGui::GetCursorPosY();
        const float indent = is_narrow(s) ? 16.0f : 48.0f;
        const float x = ImGui::GetCursorPosX();
        // Staff replies lean right, the buyer's left, like a chat.
        if (m.from_staff) ImGui::SetCursorPosX(x + indent);
        ui::card_begin(width - indent, 14);
        const float w = ui::card_inner_width();
        std::string who;
        if (m.from_staff) who = trf(s.lang, S::support_agent_s, m.author_name.c_str());
        else who = staff_view ? trf(s.lang, S::customer_s, m.author_name.c_str()) : std::string(tr(s.lang, S::you));
        ui::text(who + "  ·  " + ui::short_time(m.at_unix_s), FontSize::small14, m.from_staff ? color::brand : color::muted);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ui::text(m.body, FontSize::body16, color::text, 0, true);
        ImGui::PopTextWrapPos();
        attachment_links(s, m.attachments, "msg");
        ui::card_end();
        heights->SetFloat(height_key, ImGui::GetCursorPosY() - top);
        ImGui::PopID();
    }
    ImGui::PopID();
}

}  // namespace satstore::client::screens

namespace satstore::client::screens {
namespace {

// The second link: my tickets, or the queue for an agent (agents answer rather than file).
const char* second_link(const AppState& s, Route* route) {
    if (is_agent(s)) {
        *route = Route::staff_tickets;
        return tr(s.lang, S::staff_nav);
    }
    *route = Route::tickets;
    return s.session_token.empty() ? nullptr : tr(s.lang, S::tickets_nav);
}

}  // namespace

float support_links_width(const AppState& s) {
    auto w = [](const char* l) { return ImGui::CalcTextSize(l, nullptr, true).x + 24; };
    Route r = Route::tickets;
    float total = w(tr(s.lang, S::help_nav));
    if (const char* second = second_link(s, &r)) total += 8 + w(second);
    return total;
}

void support_links(AppState& s, float y) {
    ImGui::SetCursorPosY(y);
    if (ui::button(tr(s.lang, S::help_nav), ui::ButtonKind::ghost)) go(s, route_of(Route::help));
    Route r = Route::tickets;
    if (const char* second = second_link(s, &r)) {
        ImGui::SameLine(0, 8);
        ImGui::SetCursorPosY(y);
        if (ui::button(second, ui::ButtonKind::ghost)) go(s, route_of(r));
    }
}

void support_menu_items(AppState& s, float width) {
    if (ui::button(tr(s.lang, S::help_nav), ui::ButtonKind::secondary, ImVec2(width, 0))) go(s, route_of(Route::help));
    Route r = Route::tickets;
    if (const char* second = second_link(s, &r))
        if (ui::button(second, ui::ButtonKind::secondary, ImVec2(width, 0))) go(s, route_of(r));
}

}  // namespace satstore::client::screens
