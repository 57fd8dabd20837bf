// Bounded JSON parsing (core/json_text.hpp) and the JCS depth bound: nothing deeper than
// kMaxDepth becomes a json value, so no recursive walk of request data can run out of stack.
#include <string>

#include <doctest/doctest.h>

#include "core/jcs.hpp"
#include "core/json_text.hpp"

using namespace satstore;

namespace {

std::string arrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("nesting depth counts arrays and objects, not brackets inside strings") {
    CHECK(json_text::nesting_depth("1") == 0);
    CHECK(json_text::nesting_depth("[]") == 1);
    CHECK(json_text::nesting_depth(R"({"a":[{"b":[]}],"c":{}})") == 4);
    CHECK(json_text::nesting_depth(R"(["[[[[", "\"[[[", "\\"])") == 1);
    CHECK(json_text::nesting_depth(R"({"k\"[":"{{{"})") == 1);
    CHECK(json_text::nesting_depth(arrays(1000), 64) == 65);  // stops counting past the bound
    CHECK(json_text::nesting_depth("]]]][[") == 2);          // malformed: counted, refused by parse
}

TEST_CASE("parse takes kMaxDepth levels and refuses one more without building anything") {
    const auto ok = json_text::parse(arrays(json_text::kMaxDepth));
    CHECK_FALSE(ok.error);
    CHECK(ok.value.is_array());
    const auto deep = json_text::parse(arrays(json_text::kMaxDepth + 1));
    REQUIRE(deep.error);
    CHECK(*deep.error == json_text::ParseError::too_deep);
    CHECK(deep.value.is_discarded());

    // 32,000 levels in 64 KiB: the shape that crashed the server (issue 17, F1).
    const std::string attack = R"({"lines":[],"pad":)" + arrays(32000) + "}";
    REQUIRE(attack.size() < 64 * 1024);
    CHECK(json_text::parse(attack).error == json_text::ParseError::too_deep);

    CHECK(json_text::parse("{\"a\":").error == json_text::ParseError::malformed);
    CHECK(json_text::parse("\xff").error == json_text::ParseError::malformed);
    CHECK(json_text::parse("").error == json_text::ParseError::malformed);
    std::string wide = "[0";
    for (int i = 0; i < 20000; ++i) wide += ",1";
    CHECK(json_text::parse(wide + "]").value.size() == 20001);
}

TEST_CASE("JCS refuses values nested deeper than kMaxDepth instead of recursing further") {
    nlohmann::json value = nlohmann::json::array();
    for (int i = 1; i < json_text::kMaxDepth; ++i) value = nlohmann::json::array({value});
    CHECK(jcs::canonicalize(value) == arrays(json_text::kMaxDepth));
    value = nlohmann::json::array({value});
    CHECK_FALSE(jcs::canonicalize(value));
    nlohmann::json object = {{"a", value}};
    CHECK_FALSE(jcs::canonicalize(object));
}
