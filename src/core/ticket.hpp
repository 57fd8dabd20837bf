// satstore core — support tickets (SPEC §1 Support, §2 ticket states): categories and their
// queues, the ticket state machine, the first-response SLA clock, request validation and the
// JSON shape the API sends. Pure computation; the server stores, the client displays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/order.hpp"
#include "core/order_state.hpp"

namespace satstore {

enum class TicketCategory { payment, order, shipping, refund, ret, account, security, feedback, other };

NLOHMANN_JSON_SERIALIZE_ENUM(TicketCategory, {
    {TicketCategory::payment, "payment"},
    {TicketCategory::order, "order"},
    {TicketCategory::shipping, "shipping"},
    {TicketCategory::refund, "refund"},
    {TicketCategory::ret, "return"},
    {TicketCategory::account, "account"},
    {TicketCategory::security, "security"},
    {TicketCategory::feedback, "feedback"},
    {TicketCategory::other, "other"},
})

enum class TicketQueue { payments, orders, security, general };

NLOHMANN_JSON_SERIALIZE_ENUM(TicketQueue, {
    {TicketQueue::payments, "payments"},
    {TicketQueue::orders, "orders"},
    {TicketQueue::security, "security"},
    {TicketQueue::general, "general"},
})

// payment → payments; order, shipping, refund, return → orders; account, security → security;
// feedback, other → general.
TicketQueue queue_for(TicketCategory category);

// new → open (staff replied) ⇄ waiting_on_customer → resolved → closed. Closed is final.
enum class TicketStatus { new_, open, waiting_on_customer, resolved, closed };

NLOHMANN_JSON_SERIALIZE_ENUM(TicketStatus, {
    {TicketStatus::new_, "new"},
    {TicketStatus::open, "open"},
    {TicketStatus::waiting_on_customer, "waiting_on_customer"},
    {TicketStatus::resolved, "resolved"},
    {TicketStatus::closed, "closed"},
})

enum class TicketEvent {
    customer_message,  // the buyer adds a follow-up
    staff_message,     // an agent replies
    wait_on_customer,  // an agent waits for the buyer (the SLA clock pauses)
    reopen,            // an agent puts the ticket back to open
    resolve,           // an agent marks it solved
    close,             // the buyer or an agent closes it for good
};

// The one transition function of tickets. nullopt when forbidden:
//   customer_message (buyer): new → new; open, waiting_on_customer, resolved → open
//   staff_message (staff):    new, open, waiting_on_customer, resolved → open
//   wait_on_customer (staff): new, open → waiting_on_customer
//   reopen (staff):           new, waiting_on_customer, resolved → open
//   resolve (staff):          new, open, waiting_on_customer → resolved
//   close (buyer or staff):   every status but closed → closed
// Nothing leaves closed.
std::optional<TicketStatus> ticket_transition(TicketStatus from, TicketEvent event, Actor actor);

// The event an agent's "set status to X" means (PATCH /staff/tickets/{id}); nullopt for `new`.
std::optional<TicketEvent> event_for_status(TicketStatus target);

std::string ticket_event_name(TicketEvent event);

// First response is due this long after creation, plus the time spent waiting on the customer.
inline constexpr std::int64_t kTicketFirstResponseS = 24 * 3600;

inline constexpr std::size_t kMaxTicketSubjectChars = 200;
inline constexpr std::size_t kMaxTicketTextChars = 5000;  // description, message body
inline constexpr std::size_t kMaxTicketAttachments = 5;
inline constexpr std::size_t kMaxTxRefChars = 128;
inline constexpr std::size_t kMaxRatingCommentChars = 1000;

struct TicketMessage {
    std::string id;  // "tmsg_…"
    Actor author = Actor::buyer;
    std::string author_id;
    std::string author_name;
    std::string body;
    std::vector<std::string> attachments;  // upload ids
    std::int64_t at_unix_s = 0;
};

struct TicketRating {
    int score = 0;  // 1..5
    std::string comment;
    std::int64_t at_unix_s = 0;
};

struct Ticket {
    std::string id;      // "tkt_…"
    std::string number;  // "T-000123"
    std::string user_id;
    TicketCategory category = TicketCategory::other;
    TicketQueue queue = TicketQueue::general;
    TicketStatus status = TicketStatus::new_;
    std::string subject;
    std::string description;  // immutable once submitted
    std::string contact_email;
    std::string contact_phone;
    std::string order_id;  // "" when none
    std::string order_number;
    std::string tx_ref;
    std::string related_ticket_id;  // "" when none
    std::string related_ticket_number;
    std::vector<std::string> attachments;  // upload ids
    std::int64_t created_at_unix_s = 0;
    std::int64_t updated_at_unix_s = 0;
    // SLA clock (see ticket_sla): all 0 when not set.
    std::int64_t sla_s = kTicketFirstResponseS;
    std::int64_t paused_s = 0;                 // accumulated time waiting on the customer
    std::int64_t pause_started_at_unix_s = 0;  // set while waiting on the customer
    std::int64_t first_response_at_unix_s = 0;
    std::int64_t sla_stopped_at_unix_s = 0;  // first staff reply, or resolved/closed before one
    std::string assignee_id;
    std::string assignee_name;
    std::optional<TicketRating> rating;
    std::vector<TicketMessage> messages;  // oldest first (detail only)
    std::vector<TimelineEntry> history;   // every transition, oldest first (detail only)
};

struct TicketSla {
    std::int64_t first_response_due_unix_s = 0;
    bool paused = false;
    bool breached = false;
};

// due = created + sla_s + paused_s (+ now − pause start while paused, so the due time moves out
// as long as the ticket waits on the customer); breached when the clock stopped (or, running,
// now) is later than due. The SQLite store computes the same expression for filters and sorting.
TicketSla ticket_sla(const Ticket& ticket, std::int64_t now_unix_s);

// Moves the SLA clock for a status change `from` → `to` at `now`: leaving waiting_on_customer
// adds the pause; entering it starts one (only while the clock runs); a first staff reply sets
// first_response_at and stops the clock; resolving or closing stops it too.
void update_sla(Ticket& ticket, TicketStatus from, TicketStatus to, bool staff_reply, std::int64_t now_unix_s);


// --- request validation ----------------------------------------------------------------------

// POST /tickets body after shape checks. Ownership (order, related ticket, uploads) is checked
// by the server, which has the store.
struct TicketDraft {
    TicketCategory category = TicketCategory::other;
    std::string subject, description, contact_email, contact_phone, order_id, tx_ref, related_ticket;
    std::vector<std::string> attachments;
};

struct ParsedTicketDraft {
    TicketDraft draft;
    FieldErrors errors;  // empty when acceptable
};

// {category, subject, description, contact:{email?, phone?}, order_id?, tx_ref?,
//  related_ticket? (number "T-000123" or id), attachments?: [upload id]}.
// Rules: category one of the nine; subject 1–200 and description 1–5000 characters (trimmed
// non-empty, no control characters except newlines and tabs in the description); at least one
// of contact.email (valid address) and contact.phone ("+<country code> …" or a Chinese mobile
// number); tx_ref 1–128 visible ASCII characters; at most 5 attachments.
ParsedTicketDraft parse_ticket_draft(const nlohmann::json& body);

struct MessageDraft {
    std::string body;
    std::vector<std::string> attachments;
};

struct ParsedMessageDraft {
    MessageDraft draft;
    FieldErrors errors;
};

// {body, attachments?: [upload id]}: body 1–5000 characters, at most 5 attachments.
ParsedMessageDraft parse_message_draft(const nlohmann::json& body);

// {score 1–5, comment?} (comment at most 1000 characters).
std::optional<TicketRating> parse_rating(const nlohmann::json& body, FieldErrors& errors);

}  // namespace satstore
