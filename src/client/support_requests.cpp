// satstore client — help center, tickets and agent console requests (see support_requests.hpp).
//
// Index: [SECTION] helpers · [SECTION] parsing · [SECTION] requests · [SECTION] replies ·
//        [SECTION] entry points
#include "support_requests.hpp"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "api/client.hpp"
#include "app_requests.hpp"
#include "buying_requests.hpp"
#include "core/enum_json.hpp"
#include "core/secret_scan.hpp"
#include "core/url.hpp"
#include "i18n/strings.hpp"
#include "view_helpers.hpp"
#include "platform/private_files.hpp"

namespace satstore::client {
namespace {

using nlohmann::json;

// --- [SECTION] helpers -------------------------------------------------------------------------

std::string secret_warning_for_code(Lang lang, const std::string& kind_name) {
    const bool mnemonic = kind_name.rfind("mnemonic", 0) == 0;
    return tr(lang, mnemonic ? S::secret_mnemonic_warning : S::secret_key_warning);
}

// --- [SECTION] parsing ---------------------------------------------------------------------------

// A list answer ({items, next_cursor}); empty when the reply is not one.
std::vector<TicketView> ticket_list(const platform::HttpReply& r) {
    return api::ok_items<TicketView>(r, "tickets").value_or(std::vector<TicketView>{});
}

// --- [SECTION] requests ----------------------------------------------------------------------------

void request_faq(AppState& s) {
    s.support.help.faq_load = SupportLoad::loading;
    api::send(s, SupportRequest::faq, "GET", "/support/faq");
}

void request_channels(AppState& s) {
    s.support.help.channels_load = SupportLoad::loading;
    api::send(s, SupportRequest::channels, "GET", "/support/channels");
}

void request_my_orders(AppState& s) {
    s.support.form.orders_load = SupportLoad::loading;
    api::send(s, SupportRequest::my_orders, "GET", "/orders?limit=50");
}

void request_list(AppState& s) {
    s.support.list_load = SupportLoad::loading;
    api::send(s, SupportRequest::list, "GET", "/tickets?limit=100");
}

void request_ticket(AppState& s) {
    s.support.thread.load = SupportLoad::loading;
    api::send(s, SupportRequest::ticket, "GET", "/tickets/" + percent_encode(s.route.ticket_id));
}

void request_staff_list(AppState& s) {
    const StaffTicketsState& f = s.support.staff;
    std::string path = "/staff/tickets?sort=due&limit=100";
    if (!f.filter_queue.empty()) path += "&queue=" + percent_encode(f.filter_queue);
    if (!f.filter_status.empty()) path += "&status=" + percent_encode(f.filter_status);
    if (f.filter_breached) path += "&sla=breached";
    s.support.staff.list_load = SupportLoad::loading;
    api::send(s, SupportRequest::staff_list, "GET", path);
}

void request_staff_ticket(AppState& s) {
    s.support.staff.detail.load = SupportLoad::loading;
    api::send(s, SupportRequest::staff_ticket, "GET", "/staff/tickets/" + percent_encode(s.route.ticket_id));
}

// Prepares the form for `?order=` / `?related=` of the route (a fresh form each time they change
// or after a ticket was sent).
void prepare_form(AppState& s) {
    TicketFormState& f = s.support.form;
    const std::string key = s.route.ticket_order + "|" + s.route.ticket_related;
    if (f.route_key == key && !f.created) return;
    TicketFormState fresh;
    fresh.route_key = key;
    fresh.order_id = s.route.ticket_order;
    fresh.related = s.route.ticket_related;
    if (!fresh.related.empty()) fresh.category = 8;  // other: the old ticket's category is unknown here
    if (s.user) fresh.email = s.user->email;
    fresh.orders = std::move(f.orders);
    fresh.orders_load = f.orders_load == SupportLoad::loading ? SupportLoad::loading : SupportLoad::idle;
    f = std::move(fresh);
}

json ticket_body(const TicketFormState& f) {
    json contact = json::object();
    if (!f.email.empty()) contact["email"] = f.email;
    if (!f.phone.empty()) contact["phone"] = f.phone;
    json body = {{"category", kTicketCategories[static_cast<std::size_t>(f.category)]},
                 {"subject", f.subject},
                 {"description", f.description},
                 {"contact", contact}};
    if (!f.order_id.empty()) body["order_id"] = f.order_id;
    if (!f.tx_ref.empty()) body["tx_ref"] = f.tx_ref;
    if (!f.related.empty()) body["related_ticket"] = f.related;
    body["attachments"] = f.attachments.upload_ids();
    return body;
}

void submit_ticket(AppState& s) {
    TicketFormState& f = s.support.form;
    if (f.busy) return;
    f.errors.clear();
    f.general_error.clear();
    f.secret_warning.clear();
    // Scanned before anything leaves the browser (the server scans again).
    for (const auto& [field, text] : {std::pair<const char*, const std::string*>{"subject", &f.subject},
                                      std::pair<const char*, const std::string*>{"description", &f.description}}) {
        if (const auto kind = find_secret(*text)) {
            f.secret_warning = secret_warning(s.lang, *kind);
            f.errors[field] = f.secret_warning;
            f.focus_first_error = true;
            return;
        }
    }
    if (f.attachments.uploading()) {
        f.general_error = tr(s.lang, S::wait_for_uploads);
        return;
    }
    const json body = ticket_body(f);
    // The same field rules as the server, so most mistakes show without a round trip.
    ParsedTicketDraft parsed = parse_ticket_draft(body);
    if (!parsed.errors.empty()) {
        for (auto& [k, v] : parsed.errors) f.errors[k] = v;
        f.focus_first_error = true;
        return;
    }
    const std::string text = body.dump();
    if (text != f.idempotency_body) {
        f.idempotency_key = buying::random_hex(16);
        f.idempotency_body = text;
    }
    f.busy = true;
    api::send(s, SupportRequest::create, "POST", "/tickets", text, {.idempotency_key = f.idempotency_key});
}

// Buyer reply or agent reply: scans, then posts {body, attachments}.
void send_reply(AppState& s, TicketThreadState& t, SupportRequest kind, const std::string& path) {
    if (t.busy) return;
    t.errors.clear();
    t.general_error.clear();
    t.secret_warning.clear();
    if (const auto kind_found = find_secret(t.reply)) {
        t.secret_warning = secret_warning(s.lang, *kind_found);
        t.errors["body"] = t.secret_warning;
        return;
    }
    if (t.reply_attachments.uploading()) {
        t.general_error = tr(s.lang, S::wait_for_uploads);
        return;
    }
    const json body = {{"body", t.reply}, {"attachments", t.reply_attachments.upload_ids()}};
    ParsedMessageDraft parsed = parse_message_draft(body);
    if (!parsed.errors.empty()) {
        for (auto& [k, v] : parsed.errors) t.errors[k] = v;
        return;
    }
    t.busy = true;
    api::send(s, kind, "POST", path, body.dump());
}

// --- [SECTION] replies -----------------------------------------------------------------------------

// Common failure handling of a ticket action: 422 fills per-field errors (and the
// secret warning), 409 explains, anything else is a general error. Returns after filling `t`.
void apply_failure(AppState& s, const platform::HttpReply& r, std::map<std::string, std::string>& errors,
                   std::string& warning, std::string& general) {
    if (r.status == 0) {
        general = tr(s.lang, S::network_failed);
        return;
    }
    const api::Problem p = api::problem(r);
    errors = p.errors;
    if (p.is(api::ProblemCode::secret_detected)) {
        warning = secret_warning_for_code(s.lang, p.extra.secret_kind.value_or(""));
        for (auto& [k, v] : errors) v = warning;
    } else if (p.is(api::ProblemCode::ticket_closed)) {
        general = tr(s.lang, S::ticket_closed_refused);
    } else if (p.is(api::ProblemCode::already_rated)) {
        general = tr(s.lang, S::ticket_already_rated);
    } else if (errors.empty()) {
        general = p.detail.empty() ? tr(s.lang, S::request_failed) : p.detail;
    }
}

void apply_create(AppState& s, const platform::HttpReply& r) {
    TicketFormState& f = s.support.form;
    f.busy = false;
    if (const auto created = api::ok_value<TicketView>(r, "ticket")) {
        const TicketView& t = *created;
        f.created = t;
        f.idempotency_body.clear();
        s.support.thread = TicketThreadState{};
        s.support.thread.ticket = t;
        s.support.thread.load = SupportLoad::ok;
        s.support.list_load = SupportLoad::idle;  // reload my tickets next time
        show_toast(s, trf(s.lang, S::ticket_created_s, t.number.c_str()));
        platform::set_location_hash("/tickets/" + t.id);
        return;
    }
    apply_failure(s, r, f.errors, f.secret_warning, f.general_error);
    // The API names contact errors "contact.email" / "contact.phone"; the form shows them at the fields.
    f.focus_first_error = true;
}

void apply_thread(AppState& s, TicketThreadState& t, SupportRequest kind, const platform::HttpReply& r) {
    t.busy = false;
    if (auto answer = api::ok_value<TicketView>(r, "ticket")) {
        TicketView& v = *answer;
        // Action replies carry the ticket only: keep the agent's extras (customer, order, other tickets).
        if ((kind == SupportRequest::staff_patch || kind == SupportRequest::staff_reply) && t.ticket && t.ticket->id == v.id) {
            v.customer_email = t.ticket->customer_email;
            v.customer_name = t.ticket->customer_name;
            v.order = t.ticket->order;
            v.other_tickets = t.ticket->other_tickets;
        }
        const bool load = kind == SupportRequest::ticket || kind == SupportRequest::staff_ticket;
        if (load && v.id != s.route.ticket_id) return;  // the route moved on
        t.ticket = std::move(v);
        t.load = SupportLoad::ok;
        if (kind == SupportRequest::reply || kind == SupportRequest::staff_reply) {
            t.reply.clear();
            t.reply_attachments = ui::Attachments{};
            show_toast(s, tr(s.lang, S::reply_sent));
        } else if (kind == SupportRequest::rate) {
            show_toast(s, tr(s.lang, S::rating_thanks));
        } else if (kind == SupportRequest::close) {
            show_toast(s, tr(s.lang, S::ticket_closed_toast));
        } else if (kind == SupportRequest::staff_patch) {
            show_toast(s, tr(s.lang, S::ticket_updated));
        }
        return;
    }
    if (kind == SupportRequest::ticket || kind == SupportRequest::staff_ticket) {
        t.load = SupportLoad::failed;
        return;
    }
    apply_failure(s, r, t.errors, t.secret_warning, t.general_error);
}

void apply_staff_list(AppState& s, const platform::HttpReply& r) {
    StaffTicketsState& st = s.support.staff;
    if (!api::ok_json(r)) {
        st.list_load = SupportLoad::failed;
        return;
    }
    st.list = ticket_list(r);
    // Breached first, then tickets still to answer by due time, then resolved and closed ones.
    const auto rank = [](const TicketView& t) {
        if (t.sla_breached) return 0;
        return t.status == TicketStatus::resolved || t.status == TicketStatus::closed ? 2 : 1;
    };
    std::stable_sort(st.list.begin(), st.list.end(), [&](const TicketView& a, const TicketView& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        return a.first_response_due_unix_s < b.first_response_due_unix_s;
    });
    st.list_load = SupportLoad::ok;
}

void apply_faq(AppState& s, const platform::HttpReply& r) {
    HelpState& h = s.support.help;
    auto faq = api::ok_items<FaqEntry>(r, "faq");
    if (!faq) {
        h.faq_load = SupportLoad::failed;
        return;
    }
    h.faq = std::move(*faq);
    h.faq_load = SupportLoad::ok;
}

void apply_channels(AppState& s, const platform::HttpReply& r) {
    HelpState& h = s.support.help;
    const auto c = api::ok_value<satstore::api::SupportChannels>(r, "channels");
    if (!c) {
        h.channels_load = SupportLoad::failed;
        return;
    }
    h.email = c->email;
    h.phone = c->phone;
    h.hours_en = c->hours_en;
    h.hours_zh = c->hours_zh;
    h.first_response_s = c->first_response_s;
    h.channels_load = SupportLoad::ok;
}

void apply_my_orders(AppState& s, const platform::HttpReply& r) {
    TicketFormState& f = s.support.form;
    const auto orders = api::ok_items<Order>(r, "orders");
    if (!orders) {
        f.orders_load = SupportLoad::failed;
        return;
    }
    f.orders.clear();
    for (const Order& o : *orders) f.orders.push_back({o.id, o.number, o.created_at_unix_s});
    f.orders_load = SupportLoad::ok;
}

}  // namespace

// --- [SECTION] entry points ----------------------------------------------------------------------

std::vector<ui::Attachments*> support_attachment_fields(AppState& s) {
    return {&s.support.form.attachments, &s.support.thread.reply_attachments, &s.support.staff.detail.reply_attachments};
}

void enter_support_route(AppState& s) {
    SupportState& sup = s.support;
    switch (s.route.route) {
        case Route::help:
            if (sup.help.faq_load != SupportLoad::ok && sup.help.faq_load != SupportLoad::loading) request_faq(s);
            if (sup.help.channels_load != SupportLoad::ok && sup.help.channels_load != SupportLoad::loading) request_channels(s);
            break;
        case Route::ticket_new:
            if (s.session_token.empty()) break;
            prepare_form(s);
            if (sup.form.orders_load != SupportLoad::loading) request_my_orders(s);
            break;
        case Route::tickets:
            if (!s.session_token.empty()) request_list(s);
            break;
        case Route::ticket:
            if (s.session_token.empty()) break;
            if (!sup.thread.ticket || sup.thread.ticket->id != s.route.ticket_id) sup.thread = TicketThreadState{};
            sup.thread.errors.clear();
            sup.thread.general_error.clear();
            request_ticket(s);
            break;
        case Route::staff_tickets:
            if (!s.session_token.empty()) request_staff_list(s);
            break;
        case Route::staff_ticket:
            if (s.session_token.empty()) break;
            if (!sup.staff.detail.ticket || sup.staff.detail.ticket->id != s.route.ticket_id) sup.staff.detail = TicketThreadState{};
            request_staff_ticket(s);
            break;
        default: break;
    }
}

void perform_support(AppState& s, const Intent& in) {
    SupportState& sup = s.support;
    const std::string id = percent_encode(s.route.ticket_id);
    switch (static_cast<SupportAction>(in.number)) {
        case SupportAction::submit_ticket: submit_ticket(s); break;
        case SupportAction::reply: send_reply(s, sup.thread, SupportRequest::reply, "/tickets/" + id + "/messages"); break;
        case SupportAction::close_ticket:
            if (sup.thread.busy) break;
            sup.thread.busy = true;
            api::send(s, SupportRequest::close, "POST", "/tickets/" + id + "/close", "{}");
            break;
        case SupportAction::rate: {
            TicketThreadState& t = sup.thread;
            if (t.busy) break;
            t.errors.clear();
            t.general_error.clear();
            if (t.rating_score < 1 || t.rating_score > 5) {
                t.errors["score"] = tr(s.lang, S::rating_pick_score);
                break;
            }
            json body = {{"score", t.rating_score}};
            if (!t.rating_comment.empty()) body["comment"] = t.rating_comment;
            t.busy = true;
            api::send(s, SupportRequest::rate, "POST", "/tickets/" + id + "/rating", body.dump());
            break;
        }
        case SupportAction::staff_filter: request_staff_list(s); break;
        case SupportAction::staff_assign_me:
            if (sup.staff.detail.busy) break;
            sup.staff.detail.busy = true;
            api::send(s, SupportRequest::staff_patch, "PATCH", "/staff/tickets/" + id, json{{"assignee", "me"}}.dump());
            break;
        case SupportAction::staff_set_status:
            if (sup.staff.detail.busy) break;
            sup.staff.detail.busy = true;
            api::send(s, SupportRequest::staff_patch, "PATCH", "/staff/tickets/" + id, json{{"status", in.text}}.dump());
            break;
        case SupportAction::staff_reply:
            send_reply(s, sup.staff.detail, SupportRequest::staff_reply, "/staff/tickets/" + id + "/messages");
            break;
        case SupportAction::retry: enter_support_route(s); break;
        case SupportAction::open_file: platform::open_private_file(platform::api_origin() + in.text, s.session_token); break;
    }
}

void handle_support_reply(AppState& s, SupportRequest kind, const platform::HttpReply& r) {
    switch (kind) {
        case SupportRequest::faq: apply_faq(s, r); break;
        case SupportRequest::channels: apply_channels(s, r); break;
        case SupportRequest::my_orders: apply_my_orders(s, r); break;
        case SupportRequest::create: apply_create(s, r); break;
        case SupportRequest::list:
            s.support.list = ticket_list(r);
            s.support.list_load = r.status == 200 ? SupportLoad::ok : SupportLoad::failed;
            break;
        case SupportRequest::ticket:
        case SupportRequest::reply:
        case SupportRequest::close:
        case SupportRequest::rate: apply_thread(s, s.support.thread, kind, r); break;
        case SupportRequest::staff_list: apply_staff_list(s, r); break;
        case SupportRequest::staff_ticket:
        case SupportRequest::staff_patch:
        case SupportRequest::staff_reply: apply_thread(s, s.support.staff.detail, kind, r); break;
    }
}

void process_support(AppState& s) {
    const bool timers_visible = (s.route.route == Route::staff_tickets && s.support.staff.list_load == SupportLoad::ok &&
                                 !s.support.staff.list.empty()) ||
                                (s.route.route == Route::staff_ticket && s.support.staff.detail.ticket);
    if (timers_visible) platform::request_frame_after(1000.0 - static_cast<double>(static_cast<long long>(s.now_ms) % 1000));
}

}  // namespace satstore::client
