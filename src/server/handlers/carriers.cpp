// Carrier tracking webhook: HMAC-SHA256 over "<timestamp>.<raw body>", 300 s window.
#include "core/enum_json.hpp"
#include "core/fulfilment.hpp"
#include "core/webhook.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr std::size_t kMaxEvents = 100;

[[noreturn]] void bad_signature(const std::string& detail) {
    throw ApiError(401, ProblemCode::bad_signature, "Bad signature", detail);
}

// Verifies the request's signature headers (core/webhook); throws 401 otherwise.
void verify_signature(const Context& ctx, const std::string& carrier) {
    const auto secret = ctx.config.carrier_secrets.find(carrier);
    if (secret == ctx.config.carrier_secrets.end()) bad_signature("No webhook secret is configured for this carrier.");
    switch (webhook::verify(secret->second, ctx.request.header("x-carrier-timestamp"), ctx.request.header("x-carrier-signature"),
                            ctx.request.body, ctx.now_unix_s, ctx.config.webhook_tolerance_s)) {
        case webhook::Check::ok: return;
        case webhook::Check::bad_timestamp: bad_signature("X-Carrier-Timestamp must be unix seconds.");
        case webhook::Check::stale: bad_signature("The timestamp is too far from now.");
        case webhook::Check::bad_signature_header: bad_signature("X-Carrier-Signature must be sha256=<64 hex digits>.");
        case webhook::Check::mismatch: bad_signature("The signature does not match.");
    }
}

}  // namespace

Response carrier_events(Context& ctx) {
    const std::string carrier = ctx.request.params.at("carrier");
    if (!find_carrier(carrier)) throw not_found("Unknown carrier.");
    verify_signature(ctx, carrier);  // before parsing: unsigned input is not even looked at
    const auto body = ctx.json_body();
    FieldErrors errors;
    const std::string number = body.value("tracking_number", nlohmann::json()).is_string() ? body["tracking_number"].get<std::string>() : "";
    if (!is_valid_tracking_number(number)) errors["tracking_number"] = "6–40 letters, digits or dashes.";
    std::vector<ShipmentEvent> events;
    const auto list = body.find("events");
    if (list == body.end() || !list->is_array() || list->empty() || list->size() > kMaxEvents) {
        errors["events"] = "1 to 100 events.";
    } else {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto& e = (*list)[i];
            const std::string key = "events[" + std::to_string(i) + "]";
            auto text = [&](const char* name) {
                return e.is_object() && e.contains(name) && e[name].is_string() ? e[name].get<std::string>() : std::string();
            };
            const auto at = parse_rfc3339(text("at"));
            const auto status = parse_enum<TrackingStatus>(text("status"));
            if (!at) errors[key + ".at"] = "An RFC 3339 time such as 2026-12-03T13:00:00+08:00 or 2026-12-03T05:00:00.123Z.";
            if (!status) errors[key + ".status"] = "A normalised tracking status.";
            if (text("location").size() > 200 || text("description").size() > 500) errors[key] = "Text too long.";
            if (at && status) events.push_back({*at, *status, text("location"), text("description")});
        }
    }
    if (!errors.empty()) throw validation_error(std::move(errors));
    const TrackingResult r = ctx.store.record_tracking(carrier, number, events, ctx.now_unix_s);
    if (!r.found) throw not_found("No shipment has this carrier and tracking number.");
    return json_response(200, {{"recorded", r.recorded}, {"duplicates", static_cast<int>(events.size()) - r.recorded}});
}

}  // namespace satstore::server::handlers
