// satstore client — one ticket in the agent console (#/staff/tickets/<id>, role agent): the
// thread and a reply box on the left; on the right the SLA timer, "Assign to me", the status
// changes the state machine allows (core ticket_transition), the customer, the linked order and
// the buyer's other tickets.
#include <ctime>

#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "core/enum_json.hpp"
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "screens/support_common.hpp"
#include "view_helpers.hpp"
#include "ui/attachments.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

void side_panel(AppState& s, TicketThreadState& th, const TicketView& t, float w) {
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    ui::card_begin(w, 16);
    float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::sla_heading), FontSize::small14, color::muted, 2);
    const SlaText sla = sla_text(s.lang, t, now);
    ui::text(sla.text, FontSize::body16, sla.color);
    ui::value_row(tr(s.lang, S::first_response_due), ui::short_time(t.first_response_due_unix_s), inner);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text(tr(s.lang, S::assignee), FontSize::small14, color::muted, 2);
    ui::text(t.assignee_name.empty() ? tr(s.lang, S::unassigned) : t.assignee_name, FontSize::body16, color::text);
    const bool mine = s.user && t.assignee_id == s.user->id;
    if (!mine && t.status != TicketStatus::closed) {
        if (ui::button(tr(s.lang, S::assign_to_me), ButtonKind::secondary, ImVec2(inner, 0), false, th.busy))
            support(s, SupportAction::staff_assign_me);
    }
    ImGui::Dummy(ImVec2(1, 8));
    ui::text(tr(s.lang, S::change_status), FontSize::small14, color::muted, 2);
    const std::pair<TicketStatus, const char*> targets[] = {
        {TicketStatus::open, "open"},
        {TicketStatus::waiting_on_customer, "waiting_on_customer"},
        {TicketStatus::resolved, "resolved"},
        {TicketStatus::closed, "closed"},
    };
    bool any = false;
    for (const auto& [status, name] : targets) {
        const auto event = event_for_status(status);
        if (!event || status == t.status || !ticket_transition(t.status, *event, Actor::staff)) continue;
        any = true;
        const std::string label = std::string(tr(s.lang, S::set_status_prefix)) + ticket_status_label(s.lang, status) + "##st_" + name;
        if (ui::button(label.c_str(), status == TicketStatus::closed ? ButtonKind::danger_text : ButtonKind::secondary,
                       ImVec2(inner, 0), false, th.busy))
            support(s, SupportAction::staff_set_status, name);
    }
    if (!any) ui::text(tr(s.lang, S::ticket_closed_notice), FontSize::small14, color::muted, 0, true);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 12));

    ui::card_begin(w, 16);
    inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::customer), FontSize::small14, color::muted, 2);
    if (!t.customer_name.empty()) ui::text(t.customer_name, FontSize::body16, color::text);
    if (!t.customer_email.empty()) ui::text(t.customer_email, FontSize::small14, color::muted);
    if (!t.contact_email.empty()) ui::value_row(tr(s.lang, S::tkt_contact_email), t.contact_email, inner);
    if (!t.contact_phone.empty()) ui::value_row(tr(s.lang, S::tkt_contact_phone), t.contact_phone, inner);
    if (!t.tx_ref.empty()) ui::value_row(tr(s.lang, S::tkt_tx_ref), t.tx_ref, inner);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text(tr(s.lang, S::linked_order), FontSize::small14, color::muted, 2);
    if (t.order) {
        const TicketOrderSummary& o = *t.order;
        ui::text(o.number, FontSize::body16, color::text);
        ui::value_row(tr(s.lang, S::refund_status),
                      ui::status_label(s.lang, o.status, o.payment_status == PaymentStatus::refunded), inner);
        ui::value_row(tr(s.lang, S::total), ui::price_text(o.total), inner);
        ui::value_row(tr(s.lang, S::placed_at), ui::short_time(o.created_at_unix_s), inner);
    } else {
        ui::text(tr(s.lang, S::tkt_no_order), FontSize::body16, color::muted);
    }
    ImGui::Dummy(ImVec2(1, 8));
    ui::text(tr(s.lang, S::other_tickets), FontSize::small14, color::muted, 2);
    if (t.other_tickets.empty()) ui::text(tr(s.lang, S::none), FontSize::body16, color::muted);
    for (const TicketSummary& o : t.other_tickets) {
        ImGui::PushID(o.id.c_str());
        const std::string label = o.number + "  " + ui::wrap_text(o.subject, FontSize::body16, inner - 120, 1).front();
        if (ui::link((label + "##other").c_str())) {
            RouteState r = route_of(Route::staff_ticket);
            r.ticket_id = o.id;
            go(s, r);
        }
        ui::text(ticket_status_label(s.lang, o.status), FontSize::small14, color::muted);
        ImGui::PopID();
    }
    ui::card_end();
}

}  // namespace

void draw_staff_ticket(AppState& s, float width) {
    TicketThreadState& th = s.support.staff.detail;
    if (ui::link(tr(s.lang, S::back_to_queue))) go(s, route_of(Route::staff_tickets));
    ImGui::Dummy(ImVec2(1, 8));
    if (!is_agent(s)) {
        ui::message_block(tr(s.lang, S::agents_only), tr(s.lang, S::agents_only_body), nullptr, width);
        return;
    }
    if (!th.ticket) {
        if (th.load == SupportLoad::failed) {
            ui::message_block(tr(s.lang, S::ticket_not_found), "", nullptr, width);
            return;
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::skeleton(p, ImVec2(p.x + width, p.y + 200));
        ImGui::Dummy(ImVec2(width, 210));
        return;
    }
    const TicketView t = *th.ticket;
    const bool narrow = is_narrow(s) || width < 900;
    const float side_w = narrow ? width : 340.0f;
    const float main_w = narrow ? width : width - side_w - 32;
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    ticket_header(s, t, main_w);
    ImGui::Dummy(ImVec2(1, 12));
    ticket_thread(s, t, main_w, true);
    ImGui::Dummy(ImVec2(1, 16));
    if (t.status != TicketStatus::closed) {
        ui::text(tr(s.lang, S::reply_heading), FontSize::h20, color::text, 2);
        ui::text_area(tr(s.lang, S::agent_reply), "agent_reply", th.reply, {}, main_w, 110, 280);
        if (!th.secret_warning.empty()) {
            notice_box(th.secret_warning, main_w, true);
        } else {
            const std::string err = ticket_error(s, th.errors, "body");
            if (!err.empty()) ui::text(err, FontSize::small14, color::danger, 0, true);
        }
        ui::attachments_field(s.lang, tr(s.lang, S::screenshots), "agent_shots", th.reply_attachments, static_cast<int>(kMaxTicketAttachments), ticket_error(s, th.errors, "attachments"));
        ImGui::Dummy(ImVec2(1, 8));
        if (!th.general_error.empty()) ui::text(th.general_error, FontSize::body16, color::danger, 0, true);
        if (ui::button(tr(s.lang, S::send_reply), ButtonKind::primary, ImVec2(narrow ? main_w : 0, 0), false, th.busy))
            support(s, SupportAction::staff_reply);
    } else {
        notice_box(tr(s.lang, S::ticket_closed_notice), main_w);
    }
    ImGui::EndGroup();
    if (narrow) {
        ImGui::Dummy(ImVec2(1, 16));
        side_panel(s, th, t, width);
    } else {
        const float end_y = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x + main_w + 32, start.y));
        ImGui::BeginGroup();
        side_panel(s, th, t, side_w);
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(start.x, std::max(end_y, ImGui::GetCursorPosY())));
        ImGui::Dummy(ImVec2(1, 1));
    }
}

}  // namespace satstore::client::screens
