#include "core/returns.hpp"

#include "core/enum_json.hpp"
#include "core/order.hpp"

namespace satstore {

std::optional<ReturnStatus> return_transition(ReturnStatus from, ReturnEvent event) {
    using S = ReturnStatus;
    switch (event) {
        case ReturnEvent::approve: if (from == S::requested) return S::approved; break;
        case ReturnEvent::reject: if (from == S::requested) return S::rejected; break;
        case ReturnEvent::ship_back: if (from == S::approved) return S::in_transit; break;
        case ReturnEvent::receive: if (from == S::in_transit || from == S::approved) return S::received; break;
        case ReturnEvent::refund: if (from == S::received) return S::refunded; break;
    }
    return std::nullopt;
}

void to_json(nlohmann::json& j, const ReturnRequest& r) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : r.lines) lines.push_back({{"line_id", l.line_id}, {"qty", l.qty}});
    j = {{"id", r.id},
         {"rma", r.number.empty() ? nlohmann::json() : nlohmann::json(r.number)},
         {"order", r.order_id},
         {"status", r.status},
         {"lines", lines},
         {"reason", r.reason},
         {"evidence", r.evidence},
         {"carrier", r.carrier},
         {"tracking_number", r.tracking_number},
         {"decision_note", r.decision_note},
         {"created_at", rfc3339(r.created_at_unix_s)},
         {"updated_at", rfc3339(r.updated_at_unix_s)}};
}

void from_json(const nlohmann::json& j, ReturnRequest& r) {
    r.id = j.at("id").get<std::string>();
    r.number = j.at("rma").is_string() ? j.at("rma").get<std::string>() : "";
    r.order_id = j.at("order").get<std::string>();
    r.status = enum_at<ReturnStatus>(j, "status");
    r.lines.clear();
    for (const auto& l : j.at("lines")) r.lines.push_back({l.at("line_id").get<std::string>(), l.at("qty").get<std::int64_t>()});
    r.reason = j.at("reason").get<std::string>();
    r.evidence = j.at("evidence").get<std::vector<std::string>>();
    r.carrier = j.at("carrier").get<std::string>();
    r.tracking_number = j.at("tracking_number").get<std::string>();
    r.decision_note = j.at("decision_note").get<std::string>();
    r.created_at_unix_s = parse_rfc3339(j.at("created_at").get<std::string>()).value_or(0);
    r.updated_at_unix_s = parse_rfc3339(j.at("updated_at").get<std::string>()).value_or(0);
}

}  // namespace satstore
