// libFuzzer target: request bodies as the server decodes and validates them (core parsers),
// parsed through the same nesting bound (core/json_text) and walked by everything the server
// walks a body with — validators, JCS (the Idempotency-Key hash) and dump(). Any input must give
// a value or field errors: no crash, no exception, no sanitizer report. Run with inputs up to the
// 64 KiB body limit (scripts/fuzz.sh), so nesting as deep as a body can hold is reached.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/jcs.hpp"
#include "core/json_text.hpp"
#include "core/order.hpp"
#include "core/ticket.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto [body, error] = satstore::json_text::parse(text);
    if (error) return 0;
    using namespace satstore;
    (void)validate_registration(body);
    (void)validate_login(body);
    (void)parse_order_request(body, false);
    (void)parse_order_request(body, true);
    (void)parse_ticket_draft(body);
    (void)parse_message_draft(body);
    FieldErrors errors;
    (void)parse_rating(body, errors);
    (void)jcs::canonicalize(body);
    (void)body.dump();
    return 0;
}
