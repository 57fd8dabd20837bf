// libFuzzer target: the payment verifier — a payment request body's `authorization` and `sig`
// decoded (core/authorization) and, when well-formed, the BIP-340 signature checked.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/authorization.hpp"
#include "core/json_text.hpp"
#include "core/payment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const nlohmann::json body = satstore::json_text::parse(text).value;  // as the server parses bodies
    if (body.is_discarded() || !body.is_object()) return 0;
    using namespace satstore;
    const nlohmann::json fields = body.contains("authorization") ? body["authorization"] : nlohmann::json();
    const ParsedAuthorization parsed = parse_authorization(fields);
    const std::string sig = body.contains("sig") && body["sig"].is_string() ? body["sig"].get<std::string>() : "";
    if (parsed.errors.empty()) (void)verify_authorization(parsed.authorization, sig);
    if (body.contains("order")) (void)payment::order_digest_hex(body["order"]);
    return 0;
}
