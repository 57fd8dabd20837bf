// A ticket as the API sends it (core/api/tickets.hpp): the server's view of a stored ticket, and
// what the browser decodes from it.
#include <doctest/doctest.h>

#include "core/api/tickets.hpp"

using namespace satstore;
using namespace satstore::api;

TEST_CASE("a stored ticket's view survives its JSON, thread and staff extras included") {
    Ticket t;
    t.id = "tkt_1";
    t.number = "T-000001";
    t.category = TicketCategory::shipping;
    t.queue = TicketQueue::orders;
    t.status = TicketStatus::waiting_on_customer;
    t.subject = "包裹没到";
    t.description = "快递单号 SF123";
    t.contact_email = "a@b.co";
    t.order_id = "ord_1";
    t.order_number = "SO-001001";
    t.attachments = {"upl_1"};
    t.created_at_unix_s = 1'000'000;
    t.updated_at_unix_s = 1'000'100;
    t.sla_s = 3600;
    t.pause_started_at_unix_s = 1'000'050;  // waiting on the customer since then
    t.assignee_id = "usr_agent";
    t.assignee_name = "Agent";
    t.messages.push_back({"tmsg_1", Actor::staff, "usr_agent", "Agent", "请提供照片", {"upl_2"}, 1'000'040});
    t.history.push_back({1'000'050, "waiting_on_customer", "staff", "asked for photos"});

    const std::int64_t now = 1'000'650;
    TicketView v = ticket_view(t, now, true);
    CHECK(v.sla_paused);
    CHECK(v.sla_paused_s == 600);
    CHECK(v.first_response_due_unix_s == 1'000'000 + 3600 + 600);  // moves out while paused
    CHECK(v.attachments.at(0).url == "/api/v1/uploads/upl_1");
    v.with_staff = true;
    v.customer_id = "usr_buyer";
    v.customer_email = "a@b.co";
    v.with_staff_detail = true;
    v.order = TicketOrderSummary{"ord_1", "SO-001001", OrderStatus::shipped, PaymentStatus::paid, Money{4480, Currency::CNY}, 999'000};
    v.other_tickets.push_back({"tkt_0", "T-000000", "old", TicketStatus::closed, 900'000});

    const nlohmann::json j = v;
    CHECK(j.at("messages").at(0).at("author") == "staff");
    CHECK(j.at("order").at("total").at("amount") == "4480");
    CHECK(j.at("related_ticket").is_null());
    const TicketView back = j.get<TicketView>();
    CHECK(back.subject == "包裹没到");
    CHECK(back.status == TicketStatus::waiting_on_customer);
    CHECK(back.first_response_due_unix_s == v.first_response_due_unix_s);
    CHECK(back.messages.at(0).from_staff);
    CHECK(back.messages.at(0).attachments.at(0).id == "upl_2");
    CHECK(back.history.at(0).note == "asked for photos");
    CHECK(back.customer_email == "a@b.co");
    REQUIRE(back.order);
    CHECK(back.order->status == OrderStatus::shipped);
    CHECK(back.order->total.amount_minor == 4480);
    CHECK(back.other_tickets.at(0).status == TicketStatus::closed);

    // A list item: no thread, no staff extras written.
    const nlohmann::json item = ticket_view(t, now, false);
    CHECK_FALSE(item.contains("messages"));
    CHECK_FALSE(item.contains("customer"));
    CHECK_FALSE(item.get<TicketView>().with_thread);
}
