// satstore client — a ticket's thread for the buyer (#/tickets/<id>): the immutable original
// description, the messages with their screenshots, a reply box with attachments, closing; a
// closed ticket refuses replies and offers "New ticket about this" (?related=<number>); a
// resolved one asks for a 1–5 rating with a comment. Right after filing, a banner shows the
// number, queue and first-response due time.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "routes.hpp"
#include "screens/screens.hpp"
#include "screens/support_common.hpp"
#include "ui/attachments.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

void created_banner(AppState& s, const TicketView& t, float width) {
    ui::card_begin(width, 16);
    const float inner = ui::card_inner_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ui::text(trf(s.lang, S::ticket_created_s, t.number.c_str()), FontSize::h20, color::success, 2, true);
    ui::value_row(tr(s.lang, S::tkt_number), t.number, inner);
    ui::value_row(tr(s.lang, S::tkt_queue), ticket_queue_label(s.lang, t.queue), inner);
    ui::value_row(tr(s.lang, S::first_response_due), ui::short_time(t.first_response_due_unix_s), inner);
    ImGui::PopTextWrapPos();
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 16));
}

void rating_box(AppState& s, TicketThreadState& th, const TicketView& t, float width) {
    ui::card_begin(width, 16);
    const float inner = ui::card_inner_width();
    if (t.rating_score > 0) {
        ui::text(trf(s.lang, S::your_rating_d, t.rating_score), FontSize::body16, color::text, 2);
        if (!t.rating_comment.empty()) ui::text(t.rating_comment, FontSize::body16, color::muted, 0, true);
        ui::card_end();
        return;
    }
    ui::text(tr(s.lang, S::rate_heading), FontSize::h20, color::text, 2);
    ui::text(tr(s.lang, S::rate_body), FontSize::small14, color::muted, 0, true);
    for (int score = 1; score <= 5; ++score) {
        if (score > 1) ImGui::SameLine(0, 8);
        const std::string label = std::to_string(score) + "##score" + std::to_string(score);
        if (ui::button(label.c_str(), th.rating_score == score ? ButtonKind::soft : ButtonKind::secondary, ImVec2(48, 0)))
            th.rating_score = score;
        a11y::rename_last(trf(s.lang, S::rate_d, score));
        a11y::annotate_last(a11y::Role::button, {}, -1, th.rating_score == score ? 1 : 0);
    }
    const std::string score_err = ticket_error(s, th.errors, "score");
    if (!score_err.empty()) ui::text(score_err, FontSize::small14, color::danger, 0, true);
    ImGui::Dummy(ImVec2(1, 4));
    ui::text_field(tr(s.lang, S::rate_comment), "rate_comment", th.rating_comment, ticket_error(s, th.errors, "comment"), inner);
    ImGui::Dummy(ImVec2(1, 4));
    if (!th.general_error.empty() && t.status == TicketStatus::closed) ui::text(th.general_error, FontSize::body16, color::danger, 0, true);
    if (ui::button(tr(s.lang, S::submit_rating), ButtonKind::primary, ImVec2(0, 0), false, th.busy)) support(s, SupportAction::rate);
    ui::card_end();
}

}  // namespace

void draw_ticket(AppState& s, float width) {
    TicketThreadState& th = s.support.thread;
    if (ui::link(tr(s.lang, S::back_to_tickets))) go(s, route_of(Route::tickets));
    ImGui::Dummy(ImVec2(1, 8));
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::tkt_login_body), tr(s.lang, S::log_in), width)) {
            s.buy.return_to = route_fragment(s.route);
            go(s, route_of(Route::login));
        }
        return;
    }
    if (!th.ticket) {
        if (th.load == SupportLoad::failed) {
            if (ui::message_block(tr(s.lang, S::ticket_not_found), "", tr(s.lang, S::back_to_tickets), width))
                go(s, route_of(Route::tickets));
            return;
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::skeleton(p, ImVec2(p.x + width, p.y + 40));
        ui::skeleton(ImVec2(p.x, p.y + 56), ImVec2(p.x + width, p.y + 200));
        ImGui::Dummy(ImVec2(width, 210));
        return;
    }
    const TicketView t = *th.ticket;  // intents may replace it after drawing
    const float col = std::min(width, 820.0f);
    if (s.support.form.created && s.support.form.created->id == t.id) created_banner(s, *s.support.form.created, col);
    ticket_header(s, t, col);
    ImGui::Dummy(ImVec2(1, 12));
    ticket_thread(s, t, col, false);
    ImGui::Dummy(ImVec2(1, 16));

    if (t.status == TicketStatus::closed) {
        notice_box(tr(s.lang, S::ticket_closed_notice), col);
        ImGui::Dummy(ImVec2(1, 8));
        if (ui::button(tr(s.lang, S::new_ticket_about_this), ButtonKind::primary, ImVec2(is_narrow(s) ? col : 0, 0))) {
            RouteState r = route_of(Route::ticket_new);
            r.ticket_related = t.number;
            r.ticket_order = t.order_id;
            go(s, r);
        }
        ImGui::Dummy(ImVec2(1, 16));
    } else {
        ui::text(tr(s.lang, S::reply_heading), FontSize::h20, color::text, 2);
        ui::text_area(tr(s.lang, S::your_reply), "reply_body", th.reply, {}, col, 110, 280);
        if (!th.secret_warning.empty()) {
            notice_box(th.secret_warning, col, true);
        } else {
            const std::string err = ticket_error(s, th.errors, "body");
            if (!err.empty()) ui::text(err, FontSize::small14, color::danger, 0, true);
        }
        ImGui::Dummy(ImVec2(1, 4));
        ui::attachments_field(s.lang, tr(s.lang, S::screenshots), "reply_shots", th.reply_attachments, static_cast<int>(kMaxTicketAttachments), ticket_error(s, th.errors, "attachments"));
        ImGui::Dummy(ImVec2(1, 8));
        if (!th.general_error.empty()) ui::text(th.general_error, FontSize::body16, color::danger, 0, true);
        const bool narrow = is_narrow(s);
        if (ui::button(tr(s.lang, S::send_reply), ButtonKind::primary, ImVec2(narrow ? col : 0, 0), false, th.busy))
            support(s, SupportAction::reply);
        if (!narrow) ImGui::SameLine(0, 12);
        if (ui::button(tr(s.lang, S::close_ticket), ButtonKind::secondary, ImVec2(narrow ? col : 0, 0), false, th.busy))
            support(s, SupportAction::close_ticket);
        ImGui::Dummy(ImVec2(1, 16));
    }
    // Rated once the agent resolved it (or after closing, if not rated yet).
    if (t.status == TicketStatus::resolved || t.status == TicketStatus::closed) rating_box(s, th, t, col);
}

}  // namespace satstore::client::screens
