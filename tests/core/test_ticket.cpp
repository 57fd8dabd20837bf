// Support tickets: routing, the state machine, the SLA clock and request validation.
#include <doctest/doctest.h>

#include "core/enum_json.hpp"
#include "core/ticket.hpp"

using namespace satstore;
using nlohmann::json;

TEST_CASE("every category routes to its queue") {
    const std::pair<const char*, const char*> routes[] = {
        {"payment", "payments"}, {"order", "orders"},     {"shipping", "orders"},   {"refund", "orders"},  {"return", "orders"},
        {"account", "security"}, {"security", "security"}, {"feedback", "general"}, {"other", "general"},
    };
    for (const auto& route : routes) {  // no structured binding: clang 14 cannot capture one in CAPTURE
        const std::string category = route.first;
        CAPTURE(category);
        const auto c = parse_enum<TicketCategory>(category);
        REQUIRE(c);
        CHECK(enum_name(queue_for(*c)) == route.second);
    }
    CHECK_FALSE(parse_enum<TicketCategory>("returns"));
    CHECK(enum_name(TicketStatus::new_) == "new");
}

TEST_CASE("ticket transitions") {
    using S = TicketStatus;
    using E = TicketEvent;
    CHECK(ticket_transition(S::new_, E::staff_message, Actor::staff) == S::open);
    CHECK(ticket_transition(S::new_, E::customer_message, Actor::buyer) == S::new_);
    CHECK(ticket_transition(S::waiting_on_customer, E::customer_message, Actor::buyer) == S::open);
    CHECK(ticket_transition(S::resolved, E::customer_message, Actor::buyer) == S::open);
    CHECK(ticket_transition(S::open, E::wait_on_customer, Actor::staff) == S::waiting_on_customer);
    CHECK(ticket_transition(S::waiting_on_customer, E::reopen, Actor::staff) == S::open);
    CHECK(ticket_transition(S::open, E::resolve, Actor::staff) == S::resolved);
    CHECK(ticket_transition(S::resolved, E::close, Actor::buyer) == S::closed);
    CHECK(ticket_transition(S::new_, E::close, Actor::buyer) == S::closed);
    // Closed is final, for everyone and every event.
    for (auto e : {E::customer_message, E::staff_message, E::wait_on_customer, E::reopen, E::resolve, E::close})
        for (auto a : {Actor::buyer, Actor::staff, Actor::system}) CHECK_FALSE(ticket_transition(S::closed, e, a));
    // Buyers cannot do staff things and vice versa.
    CHECK_FALSE(ticket_transition(S::open, E::resolve, Actor::buyer));
    CHECK_FALSE(ticket_transition(S::open, E::staff_message, Actor::buyer));
    CHECK_FALSE(ticket_transition(S::open, E::customer_message, Actor::staff));
    CHECK_FALSE(ticket_transition(S::resolved, E::wait_on_customer, Actor::staff));
    CHECK_FALSE(ticket_transition(S::open, E::reopen, Actor::staff));
    CHECK(event_for_status(S::waiting_on_customer) == E::wait_on_customer);
    CHECK_FALSE(event_for_status(S::new_));
}

TEST_CASE("the SLA clock pauses while waiting on the customer and stops at the first reply") {
    Ticket t;
    t.created_at_unix_s = 1'000'000;
    auto sla = ticket_sla(t, 1'000'100);
    CHECK(sla.first_response_due_unix_s == 1'000'000 + kTicketFirstResponseS);
    CHECK_FALSE(sla.paused);
    CHECK_FALSE(sla.breached);

    update_sla(t, TicketStatus::new_, TicketStatus::waiting_on_customer, false, 1'000'200);
    sla = ticket_sla(t, 1'000'500);
    CHECK(sla.paused);
    CHECK(sla.first_response_due_unix_s == 1'000'000 + kTicketFirstResponseS + 300);
    update_sla(t, TicketStatus::waiting_on_customer, TicketStatus::open, false, 1'000'700);
    CHECK(t.paused_s == 500);
    sla = ticket_sla(t, 1'000'000 + kTicketFirstResponseS + 400);
    CHECK_FALSE(sla.paused);
    CHECK_FALSE(sla.breached);  // the pause moved the due time out by 500 s
    CHECK(ticket_sla(t, 1'000'000 + kTicketFirstResponseS + 501).breached);

    update_sla(t, TicketStatus::open, TicketStatus::open, true, 1'000'900);
    CHECK(t.first_response_at_unix_s == 1'000'900);
    CHECK_FALSE(ticket_sla(t, 9'000'000).breached);  // answered in time stays in time

    Ticket late;
    late.created_at_unix_s = 0;
    update_sla(late, TicketStatus::new_, TicketStatus::open, true, kTicketFirstResponseS + 1);
    CHECK(ticket_sla(late, kTicketFirstResponseS + 5).breached);
}

TEST_CASE("ticket drafts are validated per field") {
    auto ok = parse_ticket_draft(json::parse(R"({"category":"payment","subject":"付款失败","description":"Paid but unpaid",
        "contact":{"email":"a@example.com"},"attachments":["upl_1"]})"));
    CHECK(ok.errors.empty());
    CHECK(ok.draft.category == TicketCategory::payment);

    auto bad = parse_ticket_draft(json::parse(R"({"category":"spam","subject":"","description":"   ",
        "contact":{"email":"nope","phone":"12"},"tx_ref":"has space","attachments":["a","b","c","d","e","f"]})"));
    CHECK(bad.errors.count("category"));
    CHECK(bad.errors.count("subject"));
    CHECK(bad.errors.count("description"));
    CHECK(bad.errors.count("contact.email"));
    CHECK(bad.errors.count("contact.phone"));
    CHECK(bad.errors.count("tx_ref"));
    CHECK(bad.errors.count("attachments"));

    auto no_contact = parse_ticket_draft(json::parse(R"({"category":"other","subject":"s","description":"d"})"));
    CHECK(no_contact.errors.count("contact"));
    auto phone_only = parse_ticket_draft(json::parse(R"({"category":"other","subject":"s","description":"d","contact":{"phone":"13800138000"}})"));
    CHECK(phone_only.errors.empty());
    auto long_subject = parse_ticket_draft(json{{"category", "other"}, {"subject", std::string(201, 'x')}, {"description", "d"},
                                                {"contact", {{"phone", "+86 138 0013 8000"}}}});
    CHECK(long_subject.errors.count("subject"));
    std::string chinese_200;
    for (int i = 0; i < 200; ++i) chinese_200 += "字";
    auto cjk = parse_ticket_draft(json{{"category", "other"}, {"subject", chinese_200}, {"description", "d"},
                                       {"contact", {{"phone", "+86 138 0013 8000"}}}});
    CHECK(cjk.errors.empty());  // limits count characters, not bytes
}

TEST_CASE("ratings are 1 to 5 with an optional comment") {
    FieldErrors errors;
    CHECK(parse_rating(json{{"score", 5}, {"comment", "很好"}}, errors)->score == 5);
    CHECK(errors.empty());
    CHECK_FALSE(parse_rating(json{{"score", 0}}, errors));
    CHECK(errors.count("score"));
    errors.clear();
    CHECK_FALSE(parse_rating(json{{"score", 4.5}}, errors));
    CHECK(errors.count("score"));
}
