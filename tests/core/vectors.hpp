// Loads ../shared/vectors/payment-v1.json (override the folder with SATSTORE_SHARED).
#pragma once

#include <nlohmann/json.hpp>

#include "core/order.hpp"
#include "core/payment.hpp"

namespace satstore::test {

// The parsed vector file. Fails the test run (throws) when the file is missing.
const nlohmann::json& payment_vectors();

// 32 bytes from a hex member of a vector (a key, aux_rand); fails the test when malformed.
payment::Bytes32 bytes32(const nlohmann::json& hex_value);

// The order of a valid vector's "order" summary (lines, totals, address) as the store holds it.
Order order_of_summary(const nlohmann::json& summary);

}  // namespace satstore::test
