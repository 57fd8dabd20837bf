// The API's error contract (core/api/problem.hpp): codes round-trip by name, and typed
// extension members cannot collide with the standard problem members.
#include <doctest/doctest.h>

#if defined(__unix__) && !defined(__EMSCRIPTEN__)
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "core/api/problem.hpp"

using namespace satstore;
using namespace satstore::api;

TEST_CASE("problem codes serialise as their snake_case names and parse back; unknown names do not parse") {
    CHECK(problem_code_name(ProblemCode::order_not_payable) == "order_not_payable");
    CHECK(problem_code_name(ProblemCode::json_too_deep) == "json_too_deep");
    for (int i = 0; i <= static_cast<int>(kLastProblemCode); ++i) {
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

TEST_CASE("problem_json writes the standard members after the extensions; errors only when there are some") {
    ProblemExtras extra;
    extra.order_status = OrderStatus::paid;
    const nlohmann::json j = problem_json({ProblemCode::order_not_payable, 409, "Not payable", "Paid already", {}},
                                          nlohmann::json(extra));
    CHECK(j.at("type") == "urn:satstore:problem:order_not_payable");
    CHECK(j.at("status") == 409);
    CHECK(j.at("code") == "order_not_payable");
    CHECK(j.at("order_status") == "paid");
    CHECK_FALSE(j.contains("errors"));
    const nlohmann::json v = problem_json({ProblemCode::validation_failed, 422, "Invalid", "", {{"email", "Required."}}}, {});
    CHECK(v.at("errors").at("email") == "Required.");
}

TEST_CASE("a reserved extension member: the standard member wins in release, a debug build aborts") {
#ifndef NDEBUG
    CHECK(kReservedMemberDefault == ReservedMember::abort);
#else
    CHECK(kReservedMemberDefault == ReservedMember::keep_standard);
#endif
    const nlohmann::json clash = {{"status", "shipped"}, {"balance", "5"}};
    set_reserved_member_policy(ReservedMember::keep_standard);
    const nlohmann::json kept = problem_json({ProblemCode::order_not_payable, 409, "Not payable", "", {}}, clash);
    CHECK(kept.at("status") == 409);
    CHECK(kept.at("balance") == "5");
    set_reserved_member_policy(kReservedMemberDefault);
#if defined(__unix__) && !defined(__EMSCRIPTEN__)
    // What a debug build does, in a child process: SIGABRT before anything is written.
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        set_reserved_member_policy(ReservedMember::abort);
        (void)problem_json({ProblemCode::order_not_payable, 409, "Not payable", "", {}}, clash);
        _exit(0);  // not reached
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGABRT);
#endif
}
