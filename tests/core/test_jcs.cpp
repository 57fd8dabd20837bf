#include <doctest/doctest.h>

#include "core/jcs.hpp"
#include "vectors.hpp"

using satstore::jcs::canonicalize;
using nlohmann::json;

TEST_CASE("JCS reproduces every canonical string of the shared vectors") {
    const auto& v = satstore::test::payment_vectors();
    REQUIRE(v.at("valid").size() > 0);
    for (const auto& vec : v.at("valid")) {
        CAPTURE(vec.at("fields").at("order").get<std::string>());
        CHECK(canonicalize(vec.at("order")) == vec.at("order_canonical").get<std::string>());
        CHECK(canonicalize(vec.at("fields")) == vec.at("canonical").get<std::string>());
    }
    for (const auto& vec : v.at("invalid"))
        CHECK(canonicalize(vec.at("fields")) == vec.at("canonical").get<std::string>());
}

TEST_CASE("JCS escapes strings as JSON.stringify does") {
    CHECK(canonicalize(json("a\"b\\c")) == R"("a\"b\\c")");
    CHECK(canonicalize(json("\b\f\n\r\t")) == R"("\b\f\n\r\t")");
    CHECK(canonicalize(json(std::string("\x01\x1f", 2))) == R"("\u0001\u001f")");
    CHECK(canonicalize(json("\x7f")) == "\"\x7f\"");
    CHECK(canonicalize(json("张三 €")) == "\"张三 €\"");
    CHECK(canonicalize(json("/")) == R"("/")");
}

TEST_CASE("JCS sorts members by UTF-16 code units, recursively, without whitespace") {
    const json value = json::parse(R"({"b": [1, {"z": null, "a": true}], "a": -5, "": "e"})");
    CHECK(canonicalize(value) == R"({"":"e","a":-5,"b":[1,{"a":true,"z":null}]})");
    // U+FFFD sorts after U+1F600 in UTF-8 byte order but before it in UTF-16 (surrogates D83D…).
    const json astral = json::parse("{\"\xEF\xBF\xBD\": 1, \"\xF0\x9F\x98\x80\": 2}");
    CHECK(canonicalize(astral) == "{\"\xF0\x9F\x98\x80\":2,\"\xEF\xBF\xBD\":1}");
}

TEST_CASE("JCS refuses floating-point numbers") {
    CHECK_FALSE(canonicalize(json::parse(R"({"amount": 1.5})")).has_value());
    CHECK(canonicalize(json::parse(R"({"n": 18446744073709551615})")) == R"({"n":18446744073709551615})");
}
