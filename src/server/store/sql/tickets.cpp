// SQL backend: support tickets, their messages, attachments, history and the SLA clock.
#include <nlohmann/json.hpp>

#include "core/enum_json.hpp"
#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

// Columns of a ticket row with the names of what it links to. Keep in step with read_ticket.
constexpr const char* kTicketSelect =
    "SELECT t.seq, t.id, t.number, t.user_id, t.category, t.queue, t.status, t.subject, t.description, "
    "t.contact_email, t.contact_phone, COALESCE(t.order_id, ''), COALESCE(o.number, ''), t.tx_ref, "
    "COALESCE(t.related_ticket_id, ''), COALESCE(r.number, ''), COALESCE(t.assignee_id, ''), "
    "COALESCE(a.display_name, ''), t.created_at, t.updated_at, t.sla_s, t.paused_s, t.pause_started_at, "
    "t.first_response_at, t.sla_stopped_at, COALESCE(t.rating_score, 0), t.rating_comment, t.rated_at "
    "FROM tickets t LEFT JOIN orders o ON o.id = t.order_id LEFT JOIN tickets r ON r.id = t.related_ticket_id "
    "LEFT JOIN users a ON a.id = t.assignee_id ";

// The SLA expressions of core ticket_sla, with ?1 = now.
constexpr const char* kDueExpr =
    "(t.created_at + t.sla_s + t.paused_s + CASE WHEN t.pause_started_at > 0 THEN ?1 - t.pause_started_at ELSE 0 END)";
constexpr const char* kClockExpr = "(CASE WHEN t.sla_stopped_at > 0 THEN t.sla_stopped_at ELSE ?1 END)";

template <typename Enum>
Enum enum_or(const std::string& text, Enum fallback) {
    return parse_enum<Enum>(text).value_or(fallback);
}

Ticket read_ticket(const Stmt& s) {
    Ticket t;
    t.id = s.text(1);
    t.number = s.text(2);
    t.user_id = s.text(3);
    t.category = enum_or(s.text(4), TicketCategory::other);
    t.queue = enum_or(s.text(5), TicketQueue::general);
    t.status = enum_or(s.text(6), TicketStatus::new_);
    t.subject = s.text(7);
    t.description = s.text(8);
    t.contact_email = s.text(9);
    t.contact_phone = s.text(10);
    t.order_id = s.text(11);
    t.order_number = s.text(12);
    t.tx_ref = s.text(13);
    t.related_ticket_id = s.text(14);
    t.related_ticket_number = s.text(15);
    t.assignee_id = s.text(16);
    t.assignee_name = s.text(17);
    t.created_at_unix_s = s.integer(18);
    t.updated_at_unix_s = s.integer(19);
    t.sla_s = s.integer(20);
    t.paused_s = s.integer(21);
    t.pause_started_at_unix_s = s.integer(22);
    t.first_response_at_unix_s = s.integer(23);
    t.sla_stopped_at_unix_s = s.integer(24);
    if (const auto score = s.integer(25); score > 0)
        t.rating = TicketRating{static_cast<int>(score), s.text(26), s.integer(27)};
    return t;
}

std::vector<std::string> attachments_of(Db& db, std::string_view ticket_id, const std::string& message_id) {
    Stmt s(db, message_id.empty()
                   ? "SELECT upload_id FROM ticket_attachments WHERE ticket_id = ? AND message_id IS NULL ORDER BY position"
                   : "SELECT upload_id FROM ticket_attachments WHERE ticket_id = ? AND message_id = ? ORDER BY position");
    s.bind(1, ticket_id);
    if (!message_id.empty()) s.bind(2, message_id);
    return s.first_column();
}

void load_thread(Db& db, Ticket& t) {
    t.attachments = attachments_of(db, t.id, "");
    Stmt m(db, "SELECT id, author, author_id, author_name, body, at FROM ticket_messages WHERE ticket_id = ? ORDER BY seq");
    m.bind(1, t.id);
    while (m.step())
        t.messages.push_back({m.text(0), m.text(1) == "staff" ? Actor::staff : Actor::buyer, m.text(2), m.text(3),
                              m.text(4), {}, m.integer(5)});
    for (auto& message : t.messages) message.attachments = attachments_of(db, t.id, message.id);
    Stmt e(db, "SELECT at, status, actor, note FROM ticket_events WHERE ticket_id = ? ORDER BY seq");
    e.bind(1, t.id);
    while (e.step()) t.history.push_back({e.integer(0), e.text(1), e.text(2), e.text(3)});
}

std::optional<Ticket> load_ticket(Db& db, const char* where, std::string_view key) {
    Stmt s(db, std::string(kTicketSelect) + where);
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    Ticket t = read_ticket(s);
    load_thread(db, t);
    return t;
}

void insert_attachments(Db& db, const std::string& ticket_id, const std::string& message_id,
                        const std::vector<std::string>& uploads) {
    for (std::size_t i = 0; i < uploads.size(); ++i) {
        Stmt s(db, "INSERT INTO ticket_attachments(ticket_id, message_id, upload_id, position) VALUES (?, ?, ?, ?)");
        s.bind(1, ticket_id).bind_or_null(2, message_id).bind(3, uploads[i]).bind(4, static_cast<std::int64_t>(i)).step();
    }
}

void add_ticket_event(Db& db, const std::string& ticket_id, const TimelineEntry& e) {
    Stmt s(db, "INSERT INTO ticket_events(ticket_id, at, status, actor, note) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, ticket_id).bind(2, e.at_unix_s).bind(3, e.status).bind(4, e.actor).bind(5, e.note).step();
}

}  // namespace

TicketCreateResult SqlStore::create_ticket(NewTicket& in) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Ticket& t = in.ticket;
    constexpr const char* kScope = "POST /tickets";
    if (!in.idempotency_key.empty()) {
        if (const auto known = claim_request(db, t.user_id, kScope, in.idempotency_key, in.request_hash, t.created_at_unix_s)) {
            if (known->request_hash != in.request_hash) return {TicketCreateOutcome::key_reused, ""};
            return {TicketCreateOutcome::replayed, known->response};
        }
    }
    t.number = next_number(db, "ticket_number", "T-");
    Stmt insert(db,
                "INSERT INTO tickets(id, number, user_id, category, queue, status, subject, description, contact_email, "
                "contact_phone, order_id, tx_ref, related_ticket_id, created_at, updated_at, sla_s) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, t.id).bind(2, t.number).bind(3, t.user_id).bind(4, enum_name(t.category)).bind(5, enum_name(t.queue))
        .bind(6, enum_name(t.status)).bind(7, t.subject).bind(8, t.description).bind(9, t.contact_email)
        .bind(10, t.contact_phone).bind_or_null(11, t.order_id).bind(12, t.tx_ref).bind_or_null(13, t.related_ticket_id)
        .bind(14, t.created_at_unix_s).bind(15, t.created_at_unix_s).bind(16, t.sla_s).step();
    insert_attachments(db, t.id, "", t.attachments);
    for (const auto& e : t.history) add_ticket_event(db, t.id, e);
    auto stored = load_ticket(db, "WHERE t.id = ?", t.id);
    if (!stored) throw StoreError("ticket vanished inside its transaction");
    TicketCreateResult result{TicketCreateOutcome::created, in.encode_response(*stored)};
    if (!in.idempotency_key.empty())
        answer_request(db, t.user_id, kScope, in.idempotency_key, result.response_body);
    tx.commit();
    return result;
}

std::optional<Ticket> SqlStore::ticket(std::string_view id) {
    auto lease = pool_.take();
    return load_ticket(*lease, "WHERE t.id = ?", id);
}

std::optional<Ticket> SqlStore::ticket_by_number(std::string_view number) {
    auto lease = pool_.take();
    return load_ticket(*lease, "WHERE t.number = ?", number);
}

TicketPage SqlStore::tickets(const TicketQuery& q) {
    auto lease = pool_.take();
    Db& db = *lease;
    // ?1 now, ?2 user, ?3 queue, ?4 status, ?5 breached only, ?6 cursor, ?7 limit + 1
    std::string sql = std::string(kTicketSelect) +
                      "WHERE (?2 = '' OR t.user_id = ?2) AND (?3 = '' OR t.queue = ?3) AND (?4 = '' OR t.status = ?4) "
                      "AND (?5 = 0 OR " + kClockExpr + " > " + kDueExpr + ") ";
    if (q.sort_by_due) sql += std::string("ORDER BY ") + kDueExpr + ", t.seq LIMIT ?7 OFFSET ?6";
    else sql += "AND (?6 = 0 OR t.seq < ?6) ORDER BY t.seq DESC LIMIT ?7";
    Stmt s(db, sql);
    s.bind(1, q.now_unix_s).bind(2, q.user_id).bind(3, q.queue ? enum_name(*q.queue) : std::string())
        .bind(4, q.status ? enum_name(*q.status) : std::string()).bind(5, std::int64_t{q.breached_only})
        .bind(6, q.cursor.value_or(0)).bind(7, std::int64_t{q.limit} + 1);
    TicketPage page;
    std::vector<std::int64_t> seqs;
    while (s.step()) {
        seqs.push_back(s.integer(0));
        page.items.push_back(read_ticket(s));
    }
    if (page.items.size() > static_cast<std::size_t>(q.limit)) {
        page.items.pop_back();
        page.next_cursor = q.sort_by_due ? q.cursor.value_or(0) + q.limit : seqs[page.items.size() - 1];
    }
    for (auto& t : page.items) t.attachments = attachments_of(db, t.id, "");
    return page;
}

TicketChangeResult SqlStore::change_ticket(std::string_view id, const TicketChange& c, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    auto t = load_ticket(db, "WHERE t.id = ?", id);
    if (!t) return {TicketChangeOutcome::not_found, std::nullopt};
    if (t->status == TicketStatus::closed && (c.event || c.message))
        return {TicketChangeOutcome::closed, std::nullopt};
    if (c.rating) {
        if (t->rating) return {TicketChangeOutcome::already_rated, std::nullopt};
        if (t->status != TicketStatus::resolved && t->status != TicketStatus::closed)
            return {TicketChangeOutcome::not_rateable, std::nullopt};
    }
    const TicketStatus from = t->status;
    TicketStatus to = from;
    if (c.event) {
        const auto next = ticket_transition(from, *c.event, c.actor);
        if (!next) return {TicketChangeOutcome::not_allowed, std::nullopt};
        to = *next;
    }
    const bool staff_reply = c.message && c.message->author == Actor::staff;
    if (c.message) {
        const TicketMessage& m = *c.message;
        Stmt s(db, "INSERT INTO ticket_messages(id, ticket_id, author, author_id, author_name, body, at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, m.id).bind(2, t->id).bind(3, m.author == Actor::staff ? "staff" : "customer").bind(4, m.author_id)
            .bind(5, m.author_name).bind(6, m.body).bind(7, now).step();
        insert_attachments(db, t->id, m.id, m.attachments);
    }
    update_sla(*t, from, to, staff_reply, now);
    if (c.queue) t->queue = *c.queue;
    if (c.assignee_id) t->assignee_id = *c.assignee_id;
    Stmt u(db, "UPDATE tickets SET status = ?, queue = ?, assignee_id = ?, paused_s = ?, pause_started_at = ?, "
               "first_response_at = ?, sla_stopped_at = ?, updated_at = ? WHERE id = ?");
    u.bind(1, enum_name(to)).bind(2, enum_name(t->queue));
    u.bind_or_null(3, t->assignee_id);
    u.bind(4, t->paused_s).bind(5, t->pause_started_at_unix_s).bind(6, t->first_response_at_unix_s)
        .bind(7, t->sla_stopped_at_unix_s).bind(8, now).bind(9, id).step();
    if (c.rating) {
        Stmt r(db, "UPDATE tickets SET rating_score = ?, rating_comment = ?, rated_at = ? WHERE id = ?");
        r.bind(1, std::int64_t{c.rating->score}).bind(2, c.rating->comment).bind(3, now).bind(4, id).step();
    }
    const std::string actor = actor_name(c.actor);
    if (c.event || c.queue || c.assignee_id || c.rating) add_ticket_event(db, t->id, {now, enum_name(to), actor, c.note});
    auto updated = load_ticket(db, "WHERE t.id = ?", id);
    tx.commit();
    return {TicketChangeOutcome::done, updated};
}

}  // namespace satstore::server::sql
