// The API's error contract (core/api/problem.hpp): codes round-trip by name, and typed
// extension members cannot collide with the standard problem members.
#include <doctest/doctest.h>

#include "core/api/problem.hpp"

using namespace satstore;
using namespace satstore::api;

TEST_CASE("problem codes serialise as their snake_case names and parse back; unknown names do not parse") {
    CHECK(problem_code_name(ProblemCode::order_not_payable) == "order_not_payable");
    CHECK(problem_code_name(ProblemCode::json_too_deep) == "json_too_deep");
    for (int i = 0; i <= static_cast<int>(ProblemCode::already_rated); ++i) {
        const auto code = static_cast<ProblemCode>(i);
        CAPTURE(i);
        CHECK(parse_problem_code(problem_code_name(code)) == code);
    }
    CHECK_FALSE(parse_problem_code("no_such_code"));
    CHECK_FALSE(parse_problem_code(""));
}

TEST_CASE("every extension member, once set, is written under a name no standard member uses") {
    ProblemExtras all;
    all.retry_after_s = 30;
    all.order_status = OrderStatus::shipped;
    all.currency = Currency::BTC;
    all.balance_minor = 100;
    all.amount_minor = 250;
    all.shortfall_minor = 150;
    all.refundable_minor = 90;
    all.product_id = "prd_1";
    all.available = 2;
    all.secret_kind = "mnemonic_en";
    const nlohmann::json j = all;
    CHECK(j.size() == 10);
    for (std::string_view reserved : kReservedProblemMembers) CHECK_FALSE(j.contains(std::string(reserved)));
    CHECK(j.at("order_status") == "shipped");
    CHECK(j.at("shortfall") == "150");
    CHECK(j.at("retry_after") == 30);

    const ProblemExtras back = j.get<ProblemExtras>();
    CHECK(back.order_status == OrderStatus::shipped);
    CHECK(back.shortfall_minor == 150);
    CHECK(back.product_id == "prd_1");
    CHECK(nlohmann::json(ProblemExtras{}).empty());
}

TEST_CASE("a problem the client cannot fully read still decodes what it can") {
    const auto extras = nlohmann::json{{"order_status", "teleported"}, {"balance", "12x"}, {"available", "3"},
                                       {"shortfall", "5"}, {"status", 409}}
                            .get<ProblemExtras>();
    CHECK_FALSE(extras.order_status);
    CHECK_FALSE(extras.balance_minor);
    CHECK_FALSE(extras.available);
    CHECK(extras.shortfall_minor == 5);
}
