#include "core/api/tickets.hpp"

#include "core/api/json_read.hpp"
#include "core/enum_json.hpp"
#include "core/order.hpp"

namespace satstore::api {
namespace {

using nlohmann::json;
using json_read::text_or;
using json_read::time_or_zero;

json or_null(const std::string& s) { return s.empty() ? json() : json(s); }
json time_or_null(std::int64_t unix_s) { return unix_s ? json(rfc3339(unix_s)) : json(); }

template <typename Enum>
Enum enum_or(const json& j, const char* key, Enum fallback) {
    return parse_enum<Enum>(text_or(j, key)).value_or(fallback);
}

json attachments_json(const std::vector<TicketAttachment>& list) {
    json out = json::array();
    for (const auto& a : list) out.push_back({{"id", a.id}, {"url", a.url}});
    return out;
}

std::vector<TicketAttachment> read_attachments(const json& j, const char* key) {
    std::vector<TicketAttachment> out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const json& a : *it)
        if (a.is_object()) out.push_back({text_or(a, "id"), text_or(a, "url")});
    return out;
}

std::vector<TicketAttachment> uploads(const std::vector<std::string>& ids) {
    std::vector<TicketAttachment> out;
    for (const auto& id : ids) out.push_back({id, "/api/v1/uploads/" + id});
    return out;
}

}  // namespace

TicketView ticket_view(const Ticket& t, std::int64_t now, bool with_thread) {
    const TicketSla sla = ticket_sla(t, now);
    TicketView v;
    v.id = t.id;
    v.number = t.number;
    v.subject = t.subject;
    v.description = t.description;
    v.category = t.category;
    v.queue = t.queue;
    v.status = t.status;
    v.contact_email = t.contact_email;
    v.contact_phone = t.contact_phone;
    v.order_id = t.order_id;
    v.order_number = t.order_number;
    v.tx_ref = t.tx_ref;
    v.related_id = t.related_ticket_id;
    v.related_number = t.related_ticket_number;
    v.attachments = uploads(t.attachments);
    v.created_at_unix_s = t.created_at_unix_s;
    v.updated_at_unix_s = t.updated_at_unix_s;
    v.first_response_due_unix_s = sla.first_response_due_unix_s;
    v.first_response_at_unix_s = t.first_response_at_unix_s;
    v.sla_breached = sla.breached;
    v.sla_paused = sla.paused;
    v.sla_paused_s = t.paused_s + (sla.paused ? now - t.pause_started_at_unix_s : 0);
    v.assignee_id = t.assignee_id;
    v.assignee_name = t.assignee_name;
    if (t.rating) {
        v.rating_score = t.rating->score;
        v.rating_comment = t.rating->comment;
        v.rating_at_unix_s = t.rating->at_unix_s;
    }
    v.with_thread = with_thread;
    if (with_thread) {
        for (const auto& m : t.messages)
            v.messages.push_back({m.id, m.author == Actor::staff, m.author_name, m.body, m.at_unix_s, uploads(m.attachments)});
        for (const auto& e : t.history) v.history.push_back({e.at_unix_s, e.status, e.actor, e.note});
    }
    return v;
}

void to_json(json& j, const TicketView& t) {
    json contact = json::object();
    if (!t.contact_email.empty()) contact["email"] = t.contact_email;
    if (!t.contact_phone.empty()) contact["phone"] = t.contact_phone;
    j = {
        {"id", t.id},
        {"number", t.number},
        {"category", t.category},
        {"queue", t.queue},
        {"status", t.status},
        {"subject", t.subject},
        {"description", t.description},
        {"contact", contact},
        {"order_id", or_null(t.order_id)},
        {"order_number", or_null(t.order_number)},
        {"tx_ref", or_null(t.tx_ref)},
        {"related_ticket", t.related_id.empty() ? json() : json{{"id", t.related_id}, {"number", t.related_number}}},
        {"attachments", attachments_json(t.attachments)},
        {"created_at", rfc3339(t.created_at_unix_s)},
        {"updated_at", rfc3339(t.updated_at_unix_s)},
        {"first_response_due", rfc3339(t.first_response_due_unix_s)},
        {"first_response_at", time_or_null(t.first_response_at_unix_s)},
        {"sla_breached", t.sla_breached},
        {"sla_paused", t.sla_paused},
        {"sla_paused_s", t.sla_paused_s},
        {"assignee", t.assignee_id.empty() ? json() : json{{"id", t.assignee_id}, {"name", t.assignee_name}}},
        {"rating", t.rating_score ? json{{"score", t.rating_score}, {"comment", t.rating_comment}, {"at", rfc3339(t.rating_at_unix_s)}}
                                  : json()},
    };
    if (t.with_thread) {
        json messages = json::array();
        for (const auto& m : t.messages)
            messages.push_back({{"id", m.id}, {"author", m.from_staff ? "staff" : "customer"}, {"author_name", m.author_name},
                                {"body", m.body}, {"attachments", attachments_json(m.attachments)}, {"at", rfc3339(m.at_unix_s)}});
        json history = json::array();
        for (const auto& e : t.history)
            history.push_back({{"at", rfc3339(e.at_unix_s)}, {"status", e.status}, {"actor", e.actor}, {"note", e.note}});
        j["messages"] = std::move(messages);
        j["history"] = std::move(history);
    }
    if (t.with_staff)
        j["customer"] = t.customer_id.empty()
                            ? json()
                            : json{{"id", t.customer_id}, {"email", t.customer_email}, {"display_name", t.customer_name}};
    if (t.with_staff_detail) {
        j["order"] = t.order ? json{{"id", t.order->id},
                                    {"number", t.order->number},
                                    {"status", t.order->status},
                                    {"payment_status", t.order->payment_status},
                                    {"total", t.order->total},
                                    {"created_at", rfc3339(t.order->created_at_unix_s)}}
                             : json();
        json others = json::array();
        for (const auto& o : t.other_tickets)
            others.push_back({{"id", o.id}, {"number", o.number}, {"subject", o.subject}, {"status", o.status},
                              {"created_at", rfc3339(o.created_at_unix_s)}});
        j["other_tickets"] = std::move(others);
    }
}

void from_json(const json& j, TicketView& t) {
    t = TicketView{};
    t.id = j.at("id").get<std::string>();
    t.number = text_or(j, "number");
    t.subject = text_or(j, "subject");
    t.description = text_or(j, "description");
    t.category = enum_or(j, "category", TicketCategory::other);
    t.queue = enum_or(j, "queue", TicketQueue::general);
    t.status = enum_or(j, "status", TicketStatus::new_);
    if (auto c = j.find("contact"); c != j.end() && c->is_object()) {
        t.contact_email = text_or(*c, "email");
        t.contact_phone = text_or(*c, "phone");
    }
    t.order_id = text_or(j, "order_id");
    t.order_number = text_or(j, "order_number");
    t.tx_ref = text_or(j, "tx_ref");
    if (auto r = j.find("related_ticket"); r != j.end() && r->is_object()) {
        t.related_id = text_or(*r, "id");
        t.related_number = text_or(*r, "number");
    }
    t.attachments = read_attachments(j, "attachments");
    t.created_at_unix_s = time_or_zero(j, "created_at");
    t.updated_at_unix_s = time_or_zero(j, "updated_at");
    t.first_response_due_unix_s = time_or_zero(j, "first_response_due");
    t.first_response_at_unix_s = time_or_zero(j, "first_response_at");
    t.sla_breached = j.value("sla_breached", false);
    t.sla_paused = j.value("sla_paused", false);
    t.sla_paused_s = j.value("sla_paused_s", std::int64_t{0});
    if (auto a = j.find("assignee"); a != j.end() && a->is_object()) {
        t.assignee_id = text_or(*a, "id");
        t.assignee_name = text_or(*a, "name");
    }
    if (auto r = j.find("rating"); r != j.end() && r->is_object()) {
        t.rating_score = r->value("score", 0);
        t.rating_comment = text_or(*r, "comment");
        t.rating_at_unix_s = time_or_zero(*r, "at");
    }
    if (auto ms = j.find("messages"); ms != j.end() && ms->is_array()) {
        t.with_thread = true;
        for (const json& m : *ms)
            if (m.is_object())
                t.messages.push_back({text_or(m, "id"), text_or(m, "author") == "staff", text_or(m, "author_name"),
                                      text_or(m, "body"), time_or_zero(m, "at"), read_attachments(m, "attachments")});
    }
    if (auto hs = j.find("history"); hs != j.end() && hs->is_array())
        for (const json& e : *hs)
            if (e.is_object())
                t.history.push_back({time_or_zero(e, "at"), text_or(e, "status"), text_or(e, "actor"), text_or(e, "note")});
    if (auto c = j.find("customer"); c != j.end()) {
        t.with_staff = true;
        if (c->is_object()) {
            t.customer_id = text_or(*c, "id");
            t.customer_email = text_or(*c, "email");
            t.customer_name = text_or(*c, "display_name");
        }
    }
    if (auto o = j.find("order"); o != j.end()) {
        t.with_staff_detail = true;
        if (o->is_object())
            t.order = TicketOrderSummary{text_or(*o, "id"), text_or(*o, "number"), enum_at<OrderStatus>(*o, "status"),
                                         enum_at<PaymentStatus>(*o, "payment_status"), o->at("total").get<Money>(),
                                         time_or_zero(*o, "created_at")};
    }
    if (auto others = j.find("other_tickets"); others != j.end() && others->is_array())
        for (const json& o : *others)
            if (o.is_object())
                t.other_tickets.push_back({text_or(o, "id"), text_or(o, "number"), text_or(o, "subject"),
                                           enum_or(o, "status", TicketStatus::new_), time_or_zero(o, "created_at")});
}

}  // namespace satstore::api
