// satstore client — My tickets (#/tickets): newest first, one card per ticket with its number,
// subject, status chip and when it last changed; "New ticket" opens the form.
#include <algorithm>

#include <imgui_internal.h>

#include "i18n/strings.hpp"
#include "screens/list_common.hpp"
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

void ticket_card(AppState& s, const TicketView& t, float w) {
    ImGui::PushID(t.id.c_str());
    ui::card_begin(w, 16);
    const float inner = ui::card_inner_width();
    ticket_card_head(s, t, Route::ticket, inner);
    ui::text(std::string(ticket_category_label(s.lang, t.category)) + "  ·  " +
                 trf(s.lang, S::updated_s, ui::short_time(t.updated_at_unix_s).c_str()),
             FontSize::small14, color::muted);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 12));
    ImGui::PopID();
}

}  // namespace

void draw_tickets(AppState& s, float width) {
    const bool narrow = is_narrow(s);
    const ImVec2 top = ImGui::GetCursorPos();
    ui::text(tr(s.lang, S::my_tickets), narrow ? FontSize::h24 : FontSize::h30, color::text, 1);
    if (!s.session_token.empty()) {
        const char* label = tr(s.lang, S::new_ticket);
        const float bw = ImGui::CalcTextSize(label).x + 40;
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(top.x + width - bw, top.y));
        if (ui::button(label, ButtonKind::primary, ImVec2(bw, 0))) go(s, route_of(Route::ticket_new));
        ImGui::SetCursorPos(ImVec2(after.x, std::max(after.y, ImGui::GetCursorPosY())));
    }
    ImGui::Dummy(ImVec2(1, 8));
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::tkt_login_body), tr(s.lang, S::log_in), width)) {
            s.buy.return_to = "/tickets";
            go(s, route_of(Route::login));
        }
        return;
    }
    const SupportState& sup = s.support;
    if (const ListGate g = list_gate(s, sup.list_load, sup.list.empty(), 3, 96, width); g != ListGate::ready) {
        if (g == ListGate::retry) support(s, SupportAction::retry);
        return;
    }
    const std::vector<TicketView> list = sup.list;  // intents may replace the list after drawing
    for (const TicketView& t : list) ticket_card(s, t, width);
    if (list.empty() && sup.list_load == SupportLoad::ok) {
        if (ui::message_block(tr(s.lang, S::no_tickets), tr(s.lang, S::no_tickets_hint), tr(s.lang, S::help_heading), width))
            go(s, route_of(Route::help));
    }
}

}  // namespace satstore::client::screens
