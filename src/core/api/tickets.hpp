// satstore core — a support ticket as the API sends it (the shapes documented at the top of
// src/server/handlers/tickets.cpp): TicketView, built from the stored Ticket by ticket_view() on
// the server and decoded by the same codec in the browser. Staff answers fill the staff extras.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/money.hpp"
#include "core/order_state.hpp"
#include "core/ticket.hpp"

namespace satstore::api {

struct TicketAttachment {
    std::string id;
    std::string url;  // relative to the API origin
};

struct TicketMessageView {
    std::string id;
    bool from_staff = false;  // "author": "staff" | "customer"
    std::string author_name;
    std::string body;
    std::int64_t at_unix_s = 0;
    std::vector<TicketAttachment> attachments;
};

struct TicketHistoryEntry {
    std::int64_t at_unix_s = 0;
    std::string status, actor, note;
};

// Staff detail: the order the ticket is about.
struct TicketOrderSummary {
    std::string id, number;
    OrderStatus status = OrderStatus::pending_payment;
    PaymentStatus payment_status = PaymentStatus::unpaid;
    Money total;
    std::int64_t created_at_unix_s = 0;
};

// Staff detail: the buyer's other tickets.
struct TicketSummary {
    std::string id, number, subject;
    TicketStatus status = TicketStatus::new_;
    std::int64_t created_at_unix_s = 0;
};

struct TicketView {
    std::string id, number, subject, description;
    TicketCategory category = TicketCategory::other;
    TicketQueue queue = TicketQueue::general;
    TicketStatus status = TicketStatus::new_;
    std::string contact_email, contact_phone;
    std::string order_id, order_number, tx_ref, related_id, related_number;  // "" = null
    std::vector<TicketAttachment> attachments;
    std::int64_t created_at_unix_s = 0, updated_at_unix_s = 0;
    std::int64_t first_response_due_unix_s = 0;
    std::int64_t first_response_at_unix_s = 0;  // 0 = no staff reply yet
    bool sla_breached = false, sla_paused = false;
    std::int64_t sla_paused_s = 0;
    std::string assignee_id, assignee_name;  // "" = unassigned
    int rating_score = 0;                    // 0 = not rated
    std::string rating_comment;
    std::int64_t rating_at_unix_s = 0;
    bool with_thread = false;                 // messages and history are written (detail answers)
    std::vector<TicketMessageView> messages;  // oldest first
    std::vector<TicketHistoryEntry> history;  // oldest first
    // Staff views only (written when with_staff is set).
    bool with_staff = false;
    std::string customer_id, customer_email, customer_name;  // "customer": null when customer_id is ""
    bool with_staff_detail = false;                          // order and other_tickets are written
    std::optional<TicketOrderSummary> order;
    std::vector<TicketSummary> other_tickets;
};

// The view of a stored ticket at `now` (SLA due time, pause and breach as of now).
TicketView ticket_view(const Ticket& ticket, std::int64_t now_unix_s, bool with_thread);

void to_json(nlohmann::json& j, const TicketView& t);
void from_json(const nlohmann::json& j, TicketView& t);

}  // namespace satstore::api
