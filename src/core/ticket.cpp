#include "core/ticket.hpp"

#include <algorithm>

#include "core/address.hpp"
#include "core/enum_json.hpp"
#include "core/text.hpp"

namespace satstore {

TicketQueue queue_for(TicketCategory category) {
    switch (category) {
        case TicketCategory::payment: return TicketQueue::payments;
        case TicketCategory::order:
        case TicketCategory::shipping:
        case TicketCategory::refund:
        case TicketCategory::ret: return TicketQueue::orders;
        case TicketCategory::account:
        case TicketCategory::security: return TicketQueue::security;
        case TicketCategory::feedback:
        case TicketCategory::other: return TicketQueue::general;
    }
    return TicketQueue::general;
}

std::optional<TicketStatus> ticket_transition(TicketStatus from, TicketEvent event, Actor actor) {
    using S = TicketStatus;
    if (from == S::closed) return std::nullopt;
    const bool staff = actor == Actor::staff, buyer = actor == Actor::buyer;
    switch (event) {
        case TicketEvent::customer_message:
            if (!buyer) return std::nullopt;
            return from == S::new_ ? S::new_ : S::open;
        case TicketEvent::staff_message:
            if (staff) return S::open;
            break;
        case TicketEvent::wait_on_customer:
            if (staff && (from == S::new_ || from == S::open)) return S::waiting_on_customer;
            break;
        case TicketEvent::reopen:
            if (staff && from != S::open) return S::open;
            break;
        case TicketEvent::resolve:
            if (staff && from != S::resolved) return S::resolved;
            break;
        case TicketEvent::close:
            if (staff || buyer) return S::closed;
            break;
    }
    return std::nullopt;
}

std::optional<TicketEvent> event_for_status(TicketStatus target) {
    switch (target) {
        case TicketStatus::new_: return std::nullopt;
        case TicketStatus::open: return TicketEvent::reopen;
        case TicketStatus::waiting_on_customer: return TicketEvent::wait_on_customer;
        case TicketStatus::resolved: return TicketEvent::resolve;
        case TicketStatus::closed: return TicketEvent::close;
    }
    return std::nullopt;
}

std::string ticket_event_name(TicketEvent event) {
    switch (event) {
        case TicketEvent::customer_message: return "customer_message";
        case TicketEvent::staff_message: return "staff_message";
        case TicketEvent::wait_on_customer: return "wait_on_customer";
        case TicketEvent::reopen: return "reopen";
        case TicketEvent::resolve: return "resolve";
        case TicketEvent::close: return "close";
    }
    return "";
}

TicketSla ticket_sla(const Ticket& t, std::int64_t now) {
    TicketSla sla;
    sla.paused = t.pause_started_at_unix_s != 0;
    sla.first_response_due_unix_s =
        t.created_at_unix_s + t.sla_s + t.paused_s + (sla.paused ? now - t.pause_started_at_unix_s : 0);
    const std::int64_t clock = t.sla_stopped_at_unix_s != 0 ? t.sla_stopped_at_unix_s : now;
    sla.breached = clock > sla.first_response_due_unix_s;
    return sla;
}

void update_sla(Ticket& t, TicketStatus from, TicketStatus to, bool staff_reply, std::int64_t now) {
    using S = TicketStatus;
    if (t.pause_started_at_unix_s != 0 && from == S::waiting_on_customer && to != S::waiting_on_customer) {
        t.paused_s += now - t.pause_started_at_unix_s;
        t.pause_started_at_unix_s = 0;
    }
    if (to == S::waiting_on_customer && from != S::waiting_on_customer && t.sla_stopped_at_unix_s == 0)
        t.pause_started_at_unix_s = now;
    if (staff_reply && t.first_response_at_unix_s == 0) {
        t.first_response_at_unix_s = now;
        if (t.sla_stopped_at_unix_s == 0) t.sla_stopped_at_unix_s = now;
    }
    if ((to == S::resolved || to == S::closed) && t.sla_stopped_at_unix_s == 0) t.sla_stopped_at_unix_s = now;
}

// --- validation ----------------------------------------------------------------------------------

namespace {

// Reads an optional string member: "" when absent or null; sets errors[key] when another type.
std::string optional_text(const nlohmann::json& body, const char* key, FieldErrors& errors, const std::string& field) {
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) return "";
    if (!it->is_string()) {
        errors[field] = "Must be text.";
        return "";
    }
    return it->get<std::string>();
}

bool is_blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
}


void check_text(const std::string& value, const char* field, std::size_t max_chars, bool multiline, FieldErrors& errors) {
    if (errors.count(field)) return;
    if (value.empty() || is_blank(value)) errors[field] = "Required.";
    else if (utf8_chars(value) > max_chars) errors[field] = "At most " + std::to_string(max_chars) + " characters.";
    else if (has_control_chars(value, multiline)) errors[field] = "Contains control characters.";
}

std::vector<std::string> parse_attachments(const nlohmann::json& body, FieldErrors& errors) {
    std::vector<std::string> ids;
    const auto it = body.find("attachments");
    if (it == body.end() || it->is_null()) return ids;
    if (!it->is_array() || !std::all_of(it->begin(), it->end(), [](const nlohmann::json& e) { return e.is_string(); }))
        errors["attachments"] = "A list of upload ids.";
    else if (it->size() > kMaxTicketAttachments)
        errors["attachments"] = "At most " + std::to_string(kMaxTicketAttachments) + " screenshots.";
    else
        for (const auto& e : *it) ids.push_back(e.get<std::string>());
    return ids;
}

}  // namespace

ParsedTicketDraft parse_ticket_draft(const nlohmann::json& body) {
    ParsedTicketDraft out;
    FieldErrors& errors = out.errors;
    TicketDraft& d = out.draft;
    const std::string category = optional_text(body, "category", errors, "category");
    if (const auto c = parse_enum<TicketCategory>(category); c) d.category = *c;
    else if (!errors.count("category")) errors["category"] = "Choose a category.";
    d.subject = optional_text(body, "subject", errors, "subject");
    check_text(d.subject, "subject", kMaxTicketSubjectChars, false, errors);
    d.description = optional_text(body, "description", errors, "description");
    check_text(d.description, "description", kMaxTicketTextChars, true, errors);

    const auto contact = body.find("contact");
    if (contact != body.end() && !contact->is_null() && !contact->is_object()) {
        errors["contact"] = "Give an email address or a phone number.";
    } else {
        const nlohmann::json empty = nlohmann::json::object();
        const nlohmann::json& c = contact == body.end() || contact->is_null() ? empty : *contact;
        d.contact_email = optional_text(c, "email", errors, "contact.email");
        d.contact_phone = optional_text(c, "phone", errors, "contact.phone");
        if (!d.contact_email.empty() && !errors.count("contact.email") &&
            (d.contact_email.size() > kMaxEmailBytes || !is_valid_email(d.contact_email)))
            errors["contact.email"] = "Enter a valid email address.";
        if (!d.contact_phone.empty() && !errors.count("contact.phone") && !is_valid_phone(d.contact_phone, "CN"))
            errors["contact.phone"] = "Enter a phone number with its country code (+…) or an 11-digit mobile number.";
        if (d.contact_email.empty() && d.contact_phone.empty() && !errors.count("contact.email") &&
            !errors.count("contact.phone"))
            errors["contact"] = "Give an email address or a phone number.";
    }

    d.order_id = optional_text(body, "order_id", errors, "order_id");
    d.tx_ref = optional_text(body, "tx_ref", errors, "tx_ref");
    if (!d.tx_ref.empty() && (d.tx_ref.size() > kMaxTxRefChars ||
                              !std::all_of(d.tx_ref.begin(), d.tx_ref.end(), [](char c) { return c > 0x20 && c < 0x7F; })))
        errors["tx_ref"] = "1–128 letters, digits or symbols without spaces.";
    d.related_ticket = optional_text(body, "related_ticket", errors, "related_ticket");
    d.attachments = parse_attachments(body, errors);
    return out;
}

ParsedMessageDraft parse_message_draft(const nlohmann::json& body) {
    ParsedMessageDraft out;
    out.draft.body = optional_text(body, "body", out.errors, "body");
    check_text(out.draft.body, "body", kMaxTicketTextChars, true, out.errors);
    out.draft.attachments = parse_attachments(body, out.errors);
    return out;
}

std::optional<TicketRating> parse_rating(const nlohmann::json& body, FieldErrors& errors) {
    TicketRating r;
    const auto score = body.find("score");
    if (score == body.end() || !score->is_number_integer() || score->get<std::int64_t>() < 1 || score->get<std::int64_t>() > 5)
        errors["score"] = "A whole number from 1 to 5.";
    else
        r.score = static_cast<int>(score->get<std::int64_t>());
    r.comment = optional_text(body, "comment", errors, "comment");
    if (!errors.count("comment") && utf8_chars(r.comment) > kMaxRatingCommentChars)
        errors["comment"] = "At most 1000 characters.";
    else if (!errors.count("comment") && has_control_chars(r.comment, true))
        errors["comment"] = "Contains control characters.";
    if (!errors.empty()) return std::nullopt;
    return r;
}

}  // namespace satstore
