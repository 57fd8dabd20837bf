#include <doctest/doctest.h>

#include "core/account.hpp"

using namespace satstore;
using nlohmann::json;

TEST_CASE("emails") {
    CHECK(is_valid_email("buyer@demo.satstore.test"));
    CHECK(normalize_email("  Buyer@Example.COM ") == "buyer@example.com");
    for (const char* bad : {"", "a", "a@", "@b.c", "a@b", "a@@b.c", "a b@c.d", "a@b..c", "a@.c", "a@b."})
        CHECK_FALSE(is_valid_email(bad));
}

TEST_CASE("registration input is validated per field") {
    CHECK(validate_registration(json{{"email", "a@b.co"}, {"password", "correct horse"}}).empty());
    CHECK(validate_registration(json{{"email", "a@b.co"}, {"password", "密码密码密码密码密码"}}).empty());
    auto e = validate_registration(json{{"email", "nope"}, {"password", "short"}, {"display_name", 5}});
    CHECK(e.count("email") == 1);
    CHECK(e.count("password") == 1);
    CHECK(e.count("display_name") == 1);
    auto missing = validate_registration(json::array());
    CHECK(missing.size() == 2);
}

TEST_CASE("roles: admin grants every staff role, never a buyer's own") {
    CHECK(has_role({Role::admin}, Role::merchant));
    CHECK(has_role({Role::admin}, Role::agent));
    CHECK_FALSE(has_role({Role::merchant}, Role::agent));
    CHECK(has_role({Role::buyer}, Role::buyer));
    CHECK(parse_role("agent") == Role::agent);
    CHECK_FALSE(parse_role("root").has_value());
}

TEST_CASE("common and repetitive passwords are refused") {
    CHECK(password_problem("Password1234").has_value());
    CHECK(password_problem("aaaaaaaaaaaa").has_value());
    CHECK(password_problem("QWERTYUIOP").has_value());
    CHECK_FALSE(password_problem("correct horse battery").has_value());
    CHECK(validate_registration(json{{"email", "a@b.co"}, {"password", "1234567890"}}).count("password") == 1);
}
