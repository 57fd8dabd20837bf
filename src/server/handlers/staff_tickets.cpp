// Support tickets, the agent's side (role agent or admin): queues with SLA timers, the ticket
// with its buyer's order and other tickets, assignment, status changes and replies. The shapes
// are described at the top of tickets.cpp.
#include "core/api/tickets.hpp"
#include "core/enum_json.hpp"
#include "core/text.hpp"
#include "core/ticket.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/handlers/tickets.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr std::size_t kMaxNoteChars = 500;

// The staff view of a ticket: the buyer who opened it beside the ticket.
api::TicketView staff_view(Context& ctx, const Ticket& t, bool with_thread) {
    api::TicketView v = api::ticket_view(t, ctx.now_unix_s, with_thread);
    v.with_staff = true;
    if (const auto user = ctx.store.user_by_id(t.user_id)) {
        v.customer_id = user->id;
        v.customer_email = user->email;
        v.customer_name = user->display_name;
    }
    return v;
}

Ticket any_ticket(Context& ctx) {
    auto ticket = ctx.store.ticket(ctx.request.params.at("id"));
    if (!ticket) throw not_found("No ticket has this id.");
    return *ticket;
}

template <typename Enum>
std::optional<Enum> enum_param(const Context& ctx, const char* name, const char* message) {
    const auto text = query_param(ctx, name);
    if (text.empty()) return std::nullopt;
    const auto value = parse_enum<Enum>(text);
    if (!value) throw validation_error({{name, message}});
    return value;
}

bool is_agent(const User& user) { return has_role(user.roles, Role::agent); }

}  // namespace

Response staff_list_tickets(Context& ctx) {
    TicketQuery q;
    q.queue = enum_param<TicketQueue>(ctx, "queue", "One of payments, orders, security, general.");
    q.status = enum_param<TicketStatus>(ctx, "status", "One of new, open, waiting_on_customer, resolved, closed.");
    const auto sla = query_param(ctx, "sla");
    if (!sla.empty() && sla != "breached") throw validation_error({{"sla", "Only sla=breached is supported."}});
    q.breached_only = sla == "breached";
    const auto sort = query_param(ctx, "sort");
    if (!sort.empty() && sort != "due" && sort != "newest") throw validation_error({{"sort", "due or newest."}});
    q.sort_by_due = sort == "due";
    q.limit = parse_page_limit(ctx, kDefaultPageSize);
    q.cursor = parse_cursor(ctx);
    q.now_unix_s = ctx.now_unix_s;
    const auto page = ctx.store.tickets(q);
    std::vector<nlohmann::json> items;
    for (const auto& t : page.items) items.push_back(staff_view(ctx, t, false));
    return json_response(200, page_json(items, page.next_cursor));
}

Response staff_get_ticket(Context& ctx) {
    const Ticket t = any_ticket(ctx);
    api::TicketView v = staff_view(ctx, t, true);
    v.with_staff_detail = true;
    if (!t.order_id.empty())
        if (const auto order = ctx.store.order(t.order_id))
            v.order = api::TicketOrderSummary{order->id, order->number, order->status, order->payment_status,
                                              Money{order->totals.total_minor, order->fiat}, order->created_at_unix_s};
    TicketQuery others;
    others.user_id = t.user_id;
    others.limit = 20;
    others.now_unix_s = ctx.now_unix_s;
    for (const auto& o : ctx.store.tickets(others).items)
        if (o.id != t.id) v.other_tickets.push_back({o.id, o.number, o.subject, o.status, o.created_at_unix_s});
    return json_response(200, v);
}

Response staff_update_ticket(Context& ctx) {
    const Ticket t = any_ticket(ctx);
    const auto body = ctx.json_body();
    FieldErrors errors;
    TicketChange change;
    change.actor = Actor::staff;
    std::vector<std::string> notes;
    if (const auto it = body.find("status"); it != body.end()) {
        const auto status = it->is_string() ? parse_enum<TicketStatus>(it->get<std::string>()) : std::nullopt;
        const auto event = status ? event_for_status(*status) : std::nullopt;
        if (!event) errors["status"] = "One of open, waiting_on_customer, resolved, closed.";
        else if (*status != t.status) {
            change.event = event;
            notes.push_back("Status set to " + enum_name(*status));
        }
    }
    if (const auto it = body.find("queue"); it != body.end()) {
        const auto queue = it->is_string() ? parse_enum<TicketQueue>(it->get<std::string>()) : std::nullopt;
        if (!queue) errors["queue"] = "One of payments, orders, security, general.";
        else if (*queue != t.queue) {
            change.queue = queue;
            notes.push_back("Moved to queue " + enum_name(*queue));
        }
    }
    if (const auto it = body.find("assignee"); it != body.end()) {
        if (it->is_null()) {
            if (!t.assignee_id.empty()) {
                change.assignee_id = "";
                notes.push_back("Unassigned");
            }
        } else {
            const std::string id = it->is_string() ? it->get<std::string>() : "";
            const auto agent = id == "me" ? std::optional<User>(ctx.current_user()) : ctx.store.user_by_id(id);
            if (!agent || !is_agent(*agent)) errors["assignee"] = "Not a support agent.";
            else if (agent->id != t.assignee_id) {
                change.assignee_id = agent->id;
                notes.push_back("Assigned to " + (agent->display_name.empty() ? agent->email : agent->display_name));
            }
        }
    }
    std::string note;
    if (const auto it = body.find("note"); it != body.end() && !it->is_null()) {
        if (!it->is_string() || utf8_chars(it->get<std::string>()) > kMaxNoteChars) errors["note"] = "At most 500 characters.";
        else note = it->get<std::string>();
    }
    if (!errors.empty()) throw validation_error(std::move(errors));
    if (!change.event && !change.queue && !change.assignee_id) return ticket_response(200, t, ctx.now_unix_s);
    for (std::size_t i = 0; i < notes.size(); ++i) change.note += (i ? "; " : "") + notes[i];
    if (!note.empty()) change.note += ": " + note;
    return apply_change(ctx, t, change, 200);
}

Response staff_reply_ticket(Context& ctx) {
    const Ticket t = any_ticket(ctx);
    TicketChange change;
    change.actor = Actor::staff;
    change.event = TicketEvent::staff_message;
    change.message = new_message(ctx, t, ctx.json_body(), Actor::staff, "Support");
    change.note = t.first_response_at_unix_s ? "Agent replied" : "First response";
    return apply_change(ctx, t, change, 201);
}

}  // namespace satstore::server::handlers
