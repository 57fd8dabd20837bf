// The wire contract (core/api/bodies.hpp): what the server writes, the client reads back the same.
#include <doctest/doctest.h>

#include "core/api/bodies.hpp"

using namespace satstore;
using namespace satstore::api;
using nlohmann::json;

TEST_CASE("a preview survives its JSON: lines, totals, the quote, problems with their extras") {
    Preview p;
    p.lines.push_back({"prd_1", "SKU-1", "茶杯", 2, Money{1990, Currency::CNY}, Money{3980, Currency::CNY}});
    p.subtotal = Money{3980, Currency::CNY};
    p.shipping = Money{1000, Currency::CNY};
    p.discount = Money{500, Currency::CNY};
    p.total = Money{4480, Currency::CNY};
    p.points_used = 500;
    p.quote = PreviewQuote{Currency::BTC, 6893, 65000000, 1'790'000'000};
    p.problems.push_back({ProblemCode::out_of_stock, "lines[0].qty", "Only 1 left.", "prd_1", 1, {}});
    p.problems.push_back({ProblemCode::invalid_coupon, "coupon", "This coupon has expired.", {}, {}, "coupon_expired"});
    p.points_available = 1200;
    const json j = p;
    CHECK(j.at("total").at("amount") == "4480");
    CHECK(j.at("quote").at("amount") == "6893");
    CHECK(j.at("problems").at(0).at("code") == "out_of_stock");
    CHECK(j.at("problems").at(0).at("available") == 1);
    const Preview back = j.get<Preview>();
    CHECK(back.lines.at(0).title == "茶杯");
    CHECK(back.total.amount_minor == 4480);
    REQUIRE(back.quote);
    CHECK(back.quote->expires_at_unix_s == 1'790'000'000);
    CHECK(back.problems.at(0).blocks_checkout());
    CHECK_FALSE(back.problems.at(1).blocks_checkout());
    CHECK(back.problems.at(1).reason == "coupon_expired");
    CHECK(back.points_available == 1200);
}

TEST_CASE("a newer server's unknown problem codes, roles and coins are read as unknown, not as something else") {
    json j = Preview{};
    j["problems"] = json::array({{{"code", "teleport_required"}, {"field", "lines[0]"}, {"message", "?"}}});
    CHECK_FALSE(j.get<Preview>().problems.at(0).code);
    CHECK_FALSE(j.get<Preview>().problems.at(0).blocks_checkout());

    const UserInfo u = json{{"id", "usr_1"}, {"email", "a@b.co"}, {"roles", {"buyer", "auditor", "admin"}},
                            {"created_at", "2026-12-03T05:00:00Z"}}
                           .get<UserInfo>();
    CHECK(u.roles == std::vector<Role>{Role::buyer, Role::admin});
    CHECK(u.created_at_unix_s == 1'796'274'000);

    const Rates r = json{{"fiat", "CNY"}, {"rates", {{{"currency", "DOGE"}, {"rate", "1"}}, {{"currency", "BTC"}, {"rate", "65000000"}}}}}
                        .get<Rates>();
    CHECK(r.rates.size() == 1);
    CHECK(r.rate_of(Currency::BTC) == 65000000);
    CHECK_FALSE(r.rate_of(Currency::USDT));
}

TEST_CASE("store, session and saved address round trips") {
    StoreInfo s{"demo", "Demo 商店", Currency::CNY, {Currency::BTC, Currency::USDT}, "help@x.co", "+86 1", "9-18",
                "9–18 点", {{"tea", "Tea", "茶"}}, true};
    const StoreInfo back = json(s).get<StoreInfo>();
    CHECK(back.name == "Demo 商店");
    CHECK(back.pay_currencies.size() == 2);
    CHECK(back.categories.at(0).title_zh == "茶");
    CHECK(back.demo);
    CHECK(back.support_hours == "9-18");
    CHECK(back.support_hours_zh == "9–18 点");
    CHECK(json(s).at("support").at("i18n").at("zh-CN").at("hours") == "9–18 点");

    const Session session{"tok", {"usr_1", "a@b.co", "A", {Role::merchant}, true, 10, 0}, 3600};
    const Session again = json(session).get<Session>();
    CHECK(again.user.roles == std::vector<Role>{Role::merchant});
    CHECK(again.user.twofa_enabled);
    CHECK(again.expires_in_s == 3600);

    const SavedAddress a{"adr_1", Address{"张伟", "+86 13800000000", "CN", "上海市", "上海市", "浦东新区", "世纪大道100号", "200120"}};
    const json aj = a;
    CHECK(aj.at("id") == "adr_1");
    CHECK(aj.at("street") == "世纪大道100号");
    CHECK(aj.get<SavedAddress>().address == a.address);
}

TEST_CASE("a wrong shape throws (the client logs it and shows a load failure)") {
    CHECK_THROWS(json{{"lines", "nope"}}.get<Preview>());
    CHECK_THROWS(json{{"token", 5}}.get<Session>());
    CHECK_THROWS(json{{"fiat", "CNY"}, {"rates", {{{"currency", "BTC"}, {"rate", "-5"}}}}}.get<Rates>());
}

TEST_CASE("account security and reorder answers round trip") {
    const LoginEvent e{1'796'274'000, "127.0.0.1", "Mozilla/5.0", false, "account_locked"};
    const LoginEvent e2 = json(e).get<LoginEvent>();
    CHECK(e2.at_unix_s == e.at_unix_s);
    CHECK(e2.reason == "account_locked");
    CHECK(json(TwoFactorEnrolment{"ABC", "otpauth://totp/x"}).get<TwoFactorEnrolment>().otpauth_uri == "otpauth://totp/x");
    CHECK(json(RecoveryCodes{{"abcd-efgh"}}).at("recovery_codes").at(0) == "abcd-efgh");

    Reorder r;
    r.lines.push_back({"prd_1", 2, Money{1990, Currency::CNY}, "Only 2 left"});
    r.lines.push_back({"prd_2", 1, Money{500, Currency::CNY}, ""});
    r.unavailable.push_back({"prd_3", "SKU-3", "杯子", "discontinued"});
    const json j = r;
    CHECK(j.at("lines").at(0).at("note") == "Only 2 left");
    CHECK_FALSE(j.at("lines").at(1).contains("note"));
    const Reorder back = j.get<Reorder>();
    CHECK(back.lines.at(0).qty == 2);
    CHECK(back.unavailable.at(0).title == "杯子");
}
