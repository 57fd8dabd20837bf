// satstore client — state of the support screens (issue 6): help center, the ticket form, my
// tickets, the ticket thread and the agent console. Plain data, part of AppState (app_state.hpp);
// screens draw from it and record SupportAction intents; support_requests.cpp performs them.
// The API shapes are documented at the top of src/server/handlers/tickets.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "load.hpp"
#include "core/help_center.hpp"
#include "core/api/tickets.hpp"
#include "core/ticket.hpp"
#include "ui/attachments.hpp"

namespace satstore::client {

// What the support screens ask the loop to do (Intent::Kind::support, Intent::number). Actions on
// one ticket act on the ticket of the current route (RouteState::ticket_id).
enum class SupportAction : std::int64_t {
    submit_ticket,     // the ticket form (scanned for secrets first)
    reply,             // buyer follow-up from thread.reply
    close_ticket,
    rate,              // thread.rating_score / rating_comment
    staff_filter,      // reload the agent queue with staff.filter_*
    staff_assign_me,
    staff_set_status,  // text = target status ("open", "waiting_on_customer", "resolved", "closed")
    staff_reply,       // from staff.reply
    retry,             // reload what the route shows
    open_file,         // text = upload URL relative to the API origin (private: sent with the session)
};

using SupportLoad = Load;  // load.hpp

// A ticket as the API sends it (core/api/tickets.hpp; lists leave the thread and staff extras empty).
using TicketAttachment = satstore::api::TicketAttachment;
using TicketMessageView = satstore::api::TicketMessageView;
using TicketOrderSummary = satstore::api::TicketOrderSummary;
using TicketSummary = satstore::api::TicketSummary;
using TicketView = satstore::api::TicketView;

struct HelpState {
    SupportLoad faq_load = SupportLoad::idle;
    std::vector<FaqEntry> faq;
    std::string search;
    std::string open_id;  // the expanded answer ("" = none)
    SupportLoad channels_load = SupportLoad::idle;
    std::string email, phone, hours_en, hours_zh;
    std::int64_t first_response_s = 0;
};

struct OrderChoice {
    std::string id, number;
    std::int64_t created_at_unix_s = 0;
};

struct TicketFormState {
    std::string route_key;  // ?order= and ?related= the form was prepared for
    int category = 1;       // index into kTicketCategories (support_requests.hpp): "order"
    std::string subject, description, email, phone, order_id, tx_ref, related;
    ui::Attachments attachments;
    std::map<std::string, std::string> errors;  // API field names: subject, description, contact, …
    std::string secret_warning;                 // the local scan's finding ("" = none)
    std::string general_error;
    bool busy = false;
    bool focus_first_error = false;
    std::string idempotency_key;  // once per attempt; reused when resending the same body
    std::string idempotency_body;
    SupportLoad orders_load = SupportLoad::idle;
    std::vector<OrderChoice> orders;
    std::optional<TicketView> created;  // the success panel
};

struct TicketThreadState {
    SupportLoad load = SupportLoad::idle;
    std::optional<TicketView> ticket;
    std::string reply;
    ui::Attachments reply_attachments;
    std::map<std::string, std::string> errors;  // body, attachments, score, comment
    std::string secret_warning;
    std::string general_error;
    int rating_score = 0;
    std::string rating_comment;
    bool busy = false;
};

struct StaffTicketsState {
    std::string filter_queue;   // "" = all
    std::string filter_status;  // "" = all
    bool filter_breached = false;
    SupportLoad list_load = SupportLoad::idle;
    std::vector<TicketView> list;  // breached first, then by due time
    TicketThreadState detail;      // the agent's view of one ticket (reply, status changes)
};

enum class SupportRequest { faq, channels, my_orders, create, list, ticket, reply, close, rate, staff_list, staff_ticket, staff_patch, staff_reply };

struct SupportState {
    HelpState help;
    TicketFormState form;
    SupportLoad list_load = SupportLoad::idle;
    std::vector<TicketView> list;  // my tickets, newest first
    TicketThreadState thread;
    StaffTicketsState staff;
};

// The ticket categories in the order the form offers them.
inline constexpr std::array<TicketCategory, 9> kTicketCategories = {
    TicketCategory::payment, TicketCategory::order,    TicketCategory::shipping,
    TicketCategory::refund,  TicketCategory::ret,      TicketCategory::account,
    TicketCategory::security, TicketCategory::feedback, TicketCategory::other};

}  // namespace satstore::client
