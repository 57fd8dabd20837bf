// satstore client — the agent console's queue (#/staff/tickets, role agent): filters by queue,
// status and breached SLA; one row per ticket with its SLA timer (a countdown to the first-response
// due time, redrawn once a second while shown — process_support), breached tickets first.
#include <ctime>

#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "screens/support_common.hpp"
#include "support_requests.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

// Filter chips over (value, label) pairs; true when the selection changed (`value` updated).
bool chip_row(const char* id, const std::vector<std::pair<std::string, std::string>>& chips, std::string& value, float width) {
    std::vector<std::string> labels;
    int selected = -1;
    for (const auto& [v, label] : chips) {
        if (value == v) selected = static_cast<int>(labels.size());
        labels.push_back(label);
    }
    const int i = ui::chip_row(id, labels, selected, width);
    if (i < 0 || i == selected) return false;
    value = chips[static_cast<std::size_t>(i)].first;
    return true;
}

void ticket_row(AppState& s, const TicketView& t, float w, std::int64_t now) {
    ImGui::PushID(t.id.c_str());
    ui::card_begin(w, 14);
    const float inner = ui::card_inner_width();
    const ImVec2 top = ImGui::GetCursorPos();
    const std::string number = trf(s.lang, S::ticket_number_s, t.number.c_str());
    if (ui::link(number.c_str())) {
        RouteState r = route_of(Route::staff_ticket);
        r.ticket_id = t.id;
        go(s, r);
    }
    const ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(top.x + inner - ticket_status_chip_width(s.lang, t.status), top.y));
    ticket_status_chip(s.lang, t.status);
    ImGui::SetCursorPos(after);
    ui::text(ui::wrap_text(t.subject, FontSize::body16, inner, 1).front(), FontSize::body16, color::text);
    std::string meta = std::string(ticket_queue_label(s.lang, t.queue)) + "  ·  " + ticket_category_label(s.lang, t.category);
    if (!t.customer_email.empty()) meta += "  ·  " + t.customer_email;
    meta += "  ·  " + (t.assignee_name.empty() ? std::string(tr(s.lang, S::unassigned)) : trf(s.lang, S::assigned_to_s, t.assignee_name.c_str()));
    ui::text(ui::wrap_text(meta, FontSize::small14, inner, 2).front(), FontSize::small14, color::muted);
    const SlaText sla = sla_text(s.lang, t, now);
    ui::text(sla.text, FontSize::small14, sla.color);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 10));
    ImGui::PopID();
}

}  // namespace

void draw_staff_tickets(AppState& s, float width) {
    StaffTicketsState& st = s.support.staff;
    const bool narrow = is_narrow(s);
    ui::text(tr(s.lang, S::staff_tickets_heading), narrow ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (!is_agent(s)) {
        const bool logged_in = !s.session_token.empty();
        if (ui::message_block(tr(s.lang, logged_in ? S::agents_only : S::login_needed), tr(s.lang, S::agents_only_body),
                              logged_in ? nullptr : tr(s.lang, S::log_in), width)) {
            s.buy.return_to = "/staff/tickets";
            go(s, route_of(Route::login));
        }
        return;
    }
    bool changed = chip_row("queue",
                            {{"", tr(s.lang, S::filter_all_queues)},
                             {"payments", tr(s.lang, S::tkt_queue_payments)},
                             {"orders", tr(s.lang, S::tkt_queue_orders)},
                             {"security", tr(s.lang, S::tkt_queue_security)},
                             {"general", tr(s.lang, S::tkt_queue_general)}},
                            st.filter_queue, width);
    ImGui::Dummy(ImVec2(1, 2));
    changed |= chip_row("status",
                        {{"", tr(s.lang, S::filter_all_statuses)},
                         {"new", tr(s.lang, S::tkt_status_new)},
                         {"open", tr(s.lang, S::tkt_status_open)},
                         {"waiting_on_customer", tr(s.lang, S::tkt_status_waiting)},
                         {"resolved", tr(s.lang, S::tkt_status_resolved)},
                         {"closed", tr(s.lang, S::tkt_status_closed)}},
                        st.filter_status, width);
    ImGui::Dummy(ImVec2(1, 2));
    bool breached = st.filter_breached;
    if (ImGui::Checkbox(tr(s.lang, S::breached_only), &breached)) {
        st.filter_breached = breached;
        changed = true;
    }
    a11y::annotate_last(a11y::Role::checkbox, {}, breached ? 1 : 0);
    if (changed) support(s, SupportAction::staff_filter);
    ImGui::Dummy(ImVec2(1, 12));
    if (st.list_load == SupportLoad::loading && st.list.empty()) {
        for (int i = 0; i < 4; ++i) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ui::skeleton(p, ImVec2(p.x + width, p.y + 100));
            ImGui::Dummy(ImVec2(width, 110));
        }
        return;
    }
    if (st.list_load == SupportLoad::failed) {
        if (ui::message_block(tr(s.lang, S::request_failed), "", tr(s.lang, S::retry), width)) support(s, SupportAction::retry);
        return;
    }
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    const std::vector<TicketView> list = st.list;
    for (const TicketView& t : list) ticket_row(s, t, width, now);
    if (list.empty() && st.list_load == SupportLoad::ok)
        ui::message_block(tr(s.lang, S::queue_empty), tr(s.lang, S::queue_empty_body), nullptr, width);
}

}  // namespace satstore::client::screens
