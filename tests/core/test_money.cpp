#include <doctest/doctest.h>

#include "core/money.hpp"

using namespace satstore;

TEST_CASE("amounts parse strictly as decimal strings of minor units") {
    CHECK(parse_amount_minor("0") == 0);
    CHECK(parse_amount_minor("129900") == 129900);
    CHECK(parse_amount_minor("1000000000000000") == kMaxAmountMinor);
    for (const char* bad : {"", "-1", "+1", "01", "1.5", "1e3", " 1", "1 ", "abc", "1000000000000001",
                            "99999999999999999999"})
        CHECK_FALSE(parse_amount_minor(bad).has_value());
}

TEST_CASE("amounts typed in major units convert exactly to minor units") {
    CHECK(parse_major_amount("129", 2) == 12900);
    CHECK(parse_major_amount("129.9", 2) == 12990);
    CHECK(parse_major_amount("129.99", 2) == 12999);
    CHECK(parse_major_amount("0.01", 2) == 1);
    CHECK(parse_major_amount("007.50", 2) == 750);
    CHECK(parse_major_amount("0.00012345", 8) == 12345);
    for (const char* bad : {"", ".", "0", "0.00", "-1", "+1", "1.999", "1,5", " 1", "1e3", "abc", "1.2.3",
                            "99999999999999999"})
        CHECK_FALSE(parse_major_amount(bad, 2).has_value());
    CHECK(major_amount_text(12900, 2) == "129.00");
    CHECK(major_amount_text(5, 2) == "0.05");
    CHECK(major_amount_text(12345, 8) == "0.00012345");
    CHECK(major_amount_text(7, 0) == "7");
    for (std::int64_t v : {1, 99, 100, 12999, 100000000})
        CHECK(parse_major_amount(major_amount_text(v, 2), 2) == v);
}

TEST_CASE("money formats with the currency's decimals and grouping") {
    CHECK(format_money({129900, Currency::CNY}) == "\xC2\xA5" "1,299.00");
    CHECK(format_money({5, Currency::USD}) == "$0.05");
    CHECK(format_money({12345, Currency::BTC}) == "0.00012345 BTC");
    CHECK(format_money({12500000, Currency::USDT}) == "12.500000 USDT");
    CHECK(format_money({-100, Currency::CNY}) == "-\xC2\xA5" "1.00");
}

TEST_CASE("money JSON round-trips and rejects malformed input") {
    nlohmann::json j = Money{129900, Currency::CNY};
    CHECK(j.dump() == R"({"amount":"129900","currency":"CNY"})");
    CHECK(j.get<Money>() == Money{129900, Currency::CNY});
    CHECK_THROWS(nlohmann::json::parse(R"({"amount": 100, "currency": "CNY"})").get<Money>());
    CHECK_THROWS(nlohmann::json::parse(R"({"amount": "1.00", "currency": "CNY"})").get<Money>());
    CHECK_THROWS(nlohmann::json::parse(R"({"amount": "100", "currency": "EUR"})").get<Money>());
    CHECK_THROWS(nlohmann::json::parse(R"({"amount": "100"})").get<Money>());
}

TEST_CASE("fiat converts to crypto base units, rounding up") {
    // ¥199.00 at ¥650,000.00 per BTC = 30615.38… sat → 30616 sat.
    CHECK(convert_ceil(19900, 65000000, Currency::BTC) == 30616);
    // ¥7.20 per USDT: ¥72.00 is exactly 10 USDT.
    CHECK(convert_ceil(7200, 720, Currency::USDT) == 10000000);
    CHECK(convert_ceil(0, 720, Currency::USDT) == 0);
    CHECK_FALSE(convert_ceil(100, 0, Currency::BTC).has_value());
    CHECK_FALSE(convert_ceil(-1, 720, Currency::BTC).has_value());
    CHECK_FALSE(convert_ceil(kMaxAmountMinor, 1, Currency::BTC).has_value());
}

TEST_CASE("decimal amounts in major units parse exactly into minor units and print back") {
    CHECK(parse_decimal_amount("199.00", Currency::CNY) == 19900);
    CHECK(parse_decimal_amount("199", Currency::CNY) == 19900);
    CHECK(parse_decimal_amount("199.5", Currency::CNY) == 19950);
    CHECK(parse_decimal_amount("0.01", Currency::CNY) == 1);
    CHECK(parse_decimal_amount("0.29", Currency::USD) == 29);  // 0.29 is not exact in binary floating point
    CHECK(parse_decimal_amount("10000000000000.00", Currency::CNY) == kMaxAmountMinor);
    for (const char* bad : {"", ".5", "199.", "199.001", "-1", "+1", "1,299.00", "1e3", " 1", "1 ", "¥199",
                            "10000000000000.01", "99999999999999999999"})
        CHECK_FALSE(parse_decimal_amount(bad, Currency::CNY).has_value());
    CHECK(decimal_amount(19900, Currency::CNY) == "199.00");
    CHECK(decimal_amount(5, Currency::CNY) == "0.05");
    CHECK(decimal_amount(0, Currency::USD) == "0.00");
    CHECK(decimal_amount(12345, Currency::BTC) == "0.00012345");
    CHECK(parse_decimal_amount(decimal_amount(129900, Currency::CNY), Currency::CNY) == 129900);
}
