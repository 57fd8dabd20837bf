// satstore core — returns (RMA): the state machine and what may be returned.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/fulfilment.hpp"

namespace satstore {

// requested → approved (RMA number) → in_transit → received → refunded; requested → rejected.
enum class ReturnStatus { requested, approved, in_transit, received, refunded, rejected };

NLOHMANN_JSON_SERIALIZE_ENUM(ReturnStatus, {
    {ReturnStatus::requested, "requested"},
    {ReturnStatus::approved, "approved"},
    {ReturnStatus::in_transit, "in_transit"},
    {ReturnStatus::received, "received"},
    {ReturnStatus::refunded, "refunded"},
    {ReturnStatus::rejected, "rejected"},
})

enum class ReturnEvent { approve, reject, ship_back, receive, refund };

// The one transition function of returns: approve/reject only while requested; the buyer ships
// back an approved return; staff receive a return in transit (or approved, when it arrives
// without tracking); the refund follows receipt.
std::optional<ReturnStatus> return_transition(ReturnStatus from, ReturnEvent event);

// Days after delivery during which a return may be requested.
inline constexpr std::int64_t kReturnWindowS = 30 * 24 * 3600;

struct ReturnRequest {
    std::string id;      // "ret_…"
    std::string number;  // RMA number once approved ("RMA-001001"), "" before
    std::string order_id;
    ReturnStatus status = ReturnStatus::requested;
    std::vector<RefundLine> lines;
    std::string reason;
    std::vector<std::string> evidence;  // upload ids
    std::string carrier;                // the buyer's return shipment
    std::string tracking_number;
    std::string decision_note;          // staff's reason when rejecting
    std::int64_t created_at_unix_s = 0;
    std::int64_t updated_at_unix_s = 0;
};

void to_json(nlohmann::json& j, const ReturnRequest& r);
void from_json(const nlohmann::json& j, ReturnRequest& r);

}  // namespace satstore
