// satstore client — pieces shared by the support screens (help, ticket form, my tickets, thread,
// agent console): intents, labels, the ticket status chip, SLA timers, a multi-line field,
// attachment links and the thread of messages.
#pragma once

#include <map>
#include <string>

#include "app_state.hpp"

namespace satstore::client::screens {

// Records a SupportAction intent (performed by support_requests.cpp after the frame).
void support(AppState& s, SupportAction action, std::string arg = {});

const char* ticket_status_label(Lang lang, TicketStatus status);
const char* ticket_category_label(Lang lang, TicketCategory category);
const char* ticket_queue_label(Lang lang, TicketQueue queue);

// The coloured pill of a ticket status (new blue, open purple, waiting amber, resolved green,
// closed grey), and its width for right-aligning it.
void ticket_status_chip(Lang lang, TicketStatus status);
float ticket_status_chip_width(Lang lang, TicketStatus status);

// The first-response SLA as a short text ("Reply due in 23:59:10", "Breached 00:12:03 ago",
// "Paused: waiting on customer", "Answered") and its colour; `now_unix_s` from the wall clock.
struct SlaText {
    std::string text;
    unsigned color = 0;
};
SlaText sla_text(Lang lang, const TicketView& t, std::int64_t now_unix_s);

// The error for `key` in the UI language: API messages are English, so in Chinese a per-field
// sentence replaces them (a secret warning is already in the UI language).
std::string ticket_error(const AppState& s, const std::map<std::string, std::string>& errors, const std::string& key,
                         const std::string& secret_warning = {});

// A warning box (amber border and text) of `width`.
void notice_box(const std::string& text, float width, bool danger = false);

// Links to a ticket's or message's screenshots: "Screenshot 1", … (opened in a new tab with the
// session, since uploads are private).
void attachment_links(AppState& s, const std::vector<TicketAttachment>& files, const char* id);

// The original description and the messages of `t`, oldest first, `width` wide. `staff_view`
// names the buyer "Customer" instead of "You".
void ticket_thread(AppState& s, const TicketView& t, float width, bool staff_view);

// "Ticket T-000123", the subject, status chip and the meta rows (category, queue, order, …).
void ticket_header(AppState& s, const TicketView& t, float width);

}  // namespace satstore::client::screens

namespace satstore::client::screens {

// Top bar links of the support screens: "Help" for everyone, "Tickets" for a signed-in buyer,
// "Support queue" for an agent. support_links_width() is their width (right-aligned group).
float support_links_width(const AppState& s);
void support_links(AppState& s, float y);
// The same as full-width buttons for the folded (narrow) menu.
void support_menu_items(AppState& s, float width);

}  // namespace satstore::client::screens
