// Support tickets, the buyer's side (SPEC §1 Support, §2 ticket states, §5 tickets). The agent's
// side is staff_tickets.cpp; help center and contact channels are support.cpp.
//
// ============================================================================================
// CONTRACT for the client (the SPEC leaves these shapes open; this is what the server sends)
// --------------------------------------------------------------------------------------------
// Ticket (every ticket answer; lists leave out `messages` and `history`):
//   {id: "tkt_…", number: "T-000123", category, queue, status,
//    subject, description,                       // description never changes
//    contact: {email?, phone?},
//    order_id: "ord_…"|null, order_number: "SO-001001"|null, tx_ref: string|null,
//    related_ticket: {id, number}|null,
//    attachments: [{id: "upl_…", url: "/api/v1/uploads/upl_…"}],   // url is relative to the API origin
//    created_at, updated_at,                     // RFC 3339 UTC
//    first_response_due,                         // RFC 3339; moves out while waiting_on_customer
//    first_response_at: RFC 3339|null,           // first staff reply
//    sla_breached: bool, sla_paused: bool, sla_paused_s: int (seconds paused so far),
//    assignee: {id, name}|null,
//    rating: {score 1–5, comment, at}|null,
//    messages: [{id: "tmsg_…", author: "customer"|"staff", author_name, body,
//                attachments: [{id, url}], at}],                      // oldest first
//    history:  [{at, status, actor: "buyer"|"staff", note}]}         // every change, oldest first
//   category: payment order shipping refund return account security feedback other
//   queue:    payments orders security general   (payment→payments; order/shipping/refund/return→orders;
//                                                 account/security→security; feedback/other→general)
//   status:   new open waiting_on_customer resolved closed
// Staff views add `customer: {id, email, display_name}`; the staff detail also adds
//   order: {id, number, status, payment_status, total: {amount, currency}, created_at}|null and
//   other_tickets: [{id, number, subject, status, created_at}] (the buyer's other tickets, newest first).
//
// Requests:
//   POST /tickets  (Idempotency-Key optional)
//     {category, subject (1–200 chars), description (1–5000), contact: {email?, phone?} (≥ 1, valid),
//      order_id?, tx_ref? (1–128 visible ASCII, not secret-scanned), related_ticket? ("T-000123" or id),
//      attachments?: ["upl_…"] (≤ 5, the caller's own uploads from POST /uploads)}  → 201 ticket
//   GET  /tickets?limit=&cursor=  → {items: [ticket], next_cursor}   (mine, newest first)
//   GET  /tickets/{id}            → ticket with thread (404 when not mine)
//   POST /tickets/{id}/messages   {body (1–5000), attachments?} → 201 ticket with thread
//                                 (a message on waiting_on_customer or resolved reopens it: open)
//   POST /tickets/{id}/close      {} → 200 ticket
//   POST /tickets/{id}/rating     {score: 1–5, comment?: ≤ 1000 chars} → 200 ticket
//                                 (only when resolved or closed, once)
//   No edit route exists: PUT/PATCH /tickets/{id} → 405.
//   Agent side (role agent or admin):
//   GET   /staff/tickets?queue=&status=&sla=breached&sort=due|newest&limit=&cursor= → {items, next_cursor}
//   GET   /staff/tickets/{id}     → ticket + customer + order + other_tickets
//   PATCH /staff/tickets/{id}     {status?: open|waiting_on_customer|resolved|closed,
//                                  queue?, assignee?: user id | "me" | null, note?} → 200 ticket
//   POST  /staff/tickets/{id}/messages {body, attachments?} → 201 ticket (first reply sets
//                                  first_response_at; the ticket becomes open)
//   GET   /support/channels → {ticket: {available, first_response_s}, email, phone, hours: {en, "zh-CN"}}
//   GET   /support/faq?q=&lang= → {items: [{id, topic, en: {question, answer}, "zh-CN": {question, answer}}]}
//
// Errors (problem+json `code`):
//   422 validation_failed  errors: category, subject, description, contact, contact.email, contact.phone,
//                          order_id ("not your order"), related_ticket, tx_ref, attachments, body, score, comment
//   422 secret_detected    errors: {subject|description|body: message}, secret_kind: mnemonic_en | mnemonic_zh |
//                          hex_private_key | wif_private_key | extended_private_key — nothing is stored
//   409 ticket_closed      message, close or status change on a closed ticket
//   409 ticket_not_resolved  rating before resolved/closed;  409 already_rated
//   409 ticket_transition_invalid  (staff) status change the state machine forbids
//   409 idempotency_key_reused;  404 not_found (someone else's ticket);  401; 403 (staff routes)
//
// For the client: scan subject, description and message bodies with satstore::find_secret
// (core/secret_scan.hpp, the same code and word lists as here) before sending, and show
// secret_kind_name()'s kind as the warning; core/ticket.hpp has the enums, ticket_transition (to
// decide which actions to offer), parse_ticket_draft (the same field rules and messages as the
// server) and kMaxTicket* limits. The help center's Chinese text is not in the CJK font subset
// unless the bundle reads assets/support/faq.json (scripts/bundle_web.py --chars-from).
// ============================================================================================
#include "core/api/tickets.hpp"
#include "server/handlers/tickets.hpp"

#include <algorithm>
#include <set>

#include "core/enum_json.hpp"
#include "core/secret_scan.hpp"
#include "core/ticket.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {

// --- shared with staff_tickets.cpp (tickets.hpp) -------------------------------------------------

void refuse_secrets(const std::string& field, const std::string& text) {
    const auto kind = find_secret(text);
    if (!kind) return;
    const bool mnemonic = *kind == SecretKind::mnemonic_en || *kind == SecretKind::mnemonic_zh;
    const std::string what = mnemonic ? "a wallet recovery phrase (mnemonic)" : "a wallet private key";
    ApiError error(422, ProblemCode::secret_detected, "Wallet secret detected",
                   "The text contains what looks like " + what +
                       ". Never send it to anyone: support will never ask for it. Remove it and send again.",
                   {{field, "Remove the " + std::string(mnemonic ? "recovery phrase" : "private key") +
                                ": never share it, not even with support."}});
    error.extra.secret_kind = secret_kind_name(*kind);
    throw error;
}

std::vector<std::string> own_uploads(Context& ctx, const std::vector<std::string>& ids, const char* field,
                                     FieldErrors& errors) {
    std::set<std::string> seen;
    for (const auto& id : ids) {
        const auto upload = ctx.store.upload(id);
        if (!upload || upload->user_id != ctx.current_user().id) {
            errors[field] = "Unknown screenshot: upload it first.";
            return {};
        }
        if (!seen.insert(id).second) {
            errors[field] = "The same screenshot is attached twice.";
            return {};
        }
    }
    return ids;
}

namespace {

[[noreturn]] void refuse_change(TicketChangeOutcome outcome) {
    switch (outcome) {
        case TicketChangeOutcome::not_found: throw not_found("No ticket of yours has this id.");
        case TicketChangeOutcome::closed:
            throw ApiError(409, ProblemCode::ticket_closed, "Ticket closed",
                           "This ticket is closed and cannot be changed. Open a new ticket that references its number.");
        case TicketChangeOutcome::not_rateable:
            throw ApiError(409, ProblemCode::ticket_not_resolved, "Not resolved yet", "A ticket can be rated once it is resolved.");
        case TicketChangeOutcome::already_rated:
            throw ApiError(409, ProblemCode::already_rated, "Already rated", "This ticket has been rated already.");
        case TicketChangeOutcome::not_allowed:
        case TicketChangeOutcome::done: break;
    }
    throw ApiError(409, ProblemCode::ticket_transition_invalid, "Not possible now", "The ticket cannot move to that status from its current one.");
}

}  // namespace

Response ticket_response(int status, const Ticket& t, std::int64_t now) {
    return json_response(status, api::ticket_view(t, now, true));
}

TicketMessage new_message(Context& ctx, const Ticket& t, const nlohmann::json& body, Actor author,
                          const char* fallback_name) {
    auto parsed = parse_message_draft(body);
    if (t.status == TicketStatus::closed) refuse_change(TicketChangeOutcome::closed);
    const User& user = ctx.current_user();
    TicketMessage m{secrets::new_id("tmsg"), author, user.id, user.display_name.empty() ? fallback_name : user.display_name,
                    parsed.draft.body, {}, ctx.now_unix_s};
    if (!parsed.errors.count("attachments")) m.attachments = own_uploads(ctx, parsed.draft.attachments, "attachments", parsed.errors);
    if (!parsed.errors.empty()) throw validation_error(std::move(parsed.errors));
    return m;
}

Response apply_change(Context& ctx, const Ticket& t, const TicketChange& change, int status) {
    const auto r = ctx.store.change_ticket(t.id, change, ctx.now_unix_s);
    if (r.outcome != TicketChangeOutcome::done) refuse_change(r.outcome);
    return ticket_response(status, *r.ticket, ctx.now_unix_s);
}

namespace {

constexpr int kDefaultPageSize = 20;

// The caller's ticket, or 404 (someone else's ticket does not exist for them).
Ticket own_ticket(Context& ctx) {
    auto ticket = ctx.store.ticket(ctx.request.params.at("id"));
    if (!ticket || ticket->user_id != ctx.current_user().id) throw not_found("No ticket of yours has this id.");
    return *ticket;
}

}  // namespace

Response create_ticket(Context& ctx) {
    const User& user = ctx.current_user();
    const std::string key = idempotency_key(ctx, false);
    const auto body = ctx.json_body();
    // Secrets first: a phrase pasted into the form is refused even when other fields are wrong.
    for (const char* field : {"subject", "description"})
        if (const auto it = body.find(field); it != body.end() && it->is_string()) refuse_secrets(field, it->get<std::string>());
    auto parsed = parse_ticket_draft(body);
    FieldErrors& errors = parsed.errors;
    const TicketDraft& d = parsed.draft;

    Ticket t;
    t.id = secrets::new_id("tkt");
    t.user_id = user.id;
    t.category = d.category;
    t.queue = queue_for(d.category);
    t.status = TicketStatus::new_;
    t.subject = d.subject;
    t.description = d.description;
    t.contact_email = d.contact_email;
    t.contact_phone = d.contact_phone;
    t.tx_ref = d.tx_ref;
    t.created_at_unix_s = t.updated_at_unix_s = ctx.now_unix_s;
    t.sla_s = ctx.config.ticket_first_response_s;
    if (!d.order_id.empty()) {
        const auto order = ctx.store.order(d.order_id);
        if (!order || order->user_id != user.id) errors["order_id"] = "Not one of your orders.";
        else t.order_id = order->id;
    }
    if (!d.related_ticket.empty()) {
        const auto related = d.related_ticket.rfind("T-", 0) == 0 ? ctx.store.ticket_by_number(d.related_ticket)
                                                                   : ctx.store.ticket(d.related_ticket);
        if (!related || related->user_id != user.id) errors["related_ticket"] = "Not one of your tickets.";
        else t.related_ticket_id = related->id;
    }
    if (!errors.count("attachments")) t.attachments = own_uploads(ctx, d.attachments, "attachments", errors);
    if (!errors.empty()) throw validation_error(std::move(errors));
    t.history.push_back({ctx.now_unix_s, enum_name(t.status), "buyer", "Ticket created in queue " + enum_name(t.queue)});

    const std::int64_t now = ctx.now_unix_s;
    NewTicket in{t, key, key.empty() ? "" : request_hash(body),
                 [now](const Ticket& stored) { return nlohmann::json(api::ticket_view(stored, now, true)).dump(); }};
    const auto result = ctx.store.create_ticket(in);
    if (result.outcome == TicketCreateOutcome::key_reused)
        throw ApiError(409, ProblemCode::idempotency_key_reused, "Idempotency-Key reused",
                       "This Idempotency-Key was used with a different request.");
    return json_text_response(201, result.response_body);
}

Response list_tickets(Context& ctx) {
    TicketQuery q;
    q.user_id = ctx.current_user().id;
    q.limit = parse_page_limit(ctx, kDefaultPageSize);
    q.cursor = parse_cursor(ctx);
    q.now_unix_s = ctx.now_unix_s;
    const auto page = ctx.store.tickets(q);
    std::vector<nlohmann::json> items;
    for (const auto& t : page.items) items.push_back(api::ticket_view(t, ctx.now_unix_s, false));
    return json_response(200, page_json(items, page.next_cursor));
}

Response get_ticket(Context& ctx) { return ticket_response(200, own_ticket(ctx), ctx.now_unix_s); }

Response add_ticket_message(Context& ctx) {
    const Ticket t = own_ticket(ctx);
    const auto body = ctx.json_body();
    if (const auto it = body.find("body"); it != body.end() && it->is_string()) refuse_secrets("body", it->get<std::string>());
    TicketChange change;
    change.actor = Actor::buyer;
    change.event = TicketEvent::customer_message;
    change.message = new_message(ctx, t, body, Actor::buyer, "Customer");
    change.note = "Customer replied";
    return apply_change(ctx, t, change, 201);
}

Response close_ticket(Context& ctx) {
    const Ticket t = own_ticket(ctx);
    TicketChange change;
    change.actor = Actor::buyer;
    change.event = TicketEvent::close;
    change.note = "Closed by the customer";
    return apply_change(ctx, t, change, 200);
}

Response rate_ticket(Context& ctx) {
    const Ticket t = own_ticket(ctx);
    FieldErrors errors;
    const auto rating = parse_rating(ctx.json_body(), errors);
    if (!rating) throw validation_error(std::move(errors));
    TicketChange change;
    change.actor = Actor::buyer;
    change.rating = rating;
    change.note = "Rated " + std::to_string(rating->score) + "/5";
    return apply_change(ctx, t, change, 200);
}

}  // namespace satstore::server::handlers
