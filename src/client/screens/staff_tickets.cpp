// satstore client — the agent console's queue (#/staff/tickets, role agent): filters by queue,
// status and breached SLA; one row per ticket with its SLA timer (a countdown to the first-response
// due time, redrawn once a second while shown — process_support), breached tickets first.
#include <ctime>

#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/list_common.hpp"
#include "screens/screens.hpp"
#include "screens/support_common.hpp"
#include "view_helpers.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

void ticket_row(AppState& s, const TicketView& t, float w, std::int64_t now) {
    ImGui::PushID(t.id.c_str());
    ui::card_begin(w, 14);
    const float inner = ui::card_inner_width();
    ticket_card_head(s, t, Route::staff_ticket, inner);
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
    bool changed = filter_chips("queue",
                            {{"", tr(s.lang, S::filter_all_queues)},
                             {"payments", tr(s.lang, S::tkt_queue_payments)},
                             {"orders", tr(s.lang, S::tkt_queue_orders)},
                             {"security", tr(s.lang, S::tkt_queue_security)},
                             {"general", tr(s.lang, S::tkt_queue_general)}},
                            st.filter_queue, width);
    ImGui::Dummy(ImVec2(1, 2));
    changed |= filter_chips("status",
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
    if (const ListGate g = list_gate(s, st.list_load, st.list.empty(), 4, 100, width); g != ListGate::ready) {
        if (g == ListGate::retry) support(s, SupportAction::retry);
        return;
    }
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    const std::vector<TicketView> list = st.list;
    for (const TicketView& t : list) ticket_row(s, t, width, now);
    if (list.empty() && st.list_load == SupportLoad::ok)
        ui::message_block(tr(s.lang, S::queue_empty), tr(s.lang, S::queue_empty_body), nullptr, width);
}

}  // namespace satstore::client::screens
