// Loads ../shared/vectors/payment-v1.json (override the folder with SATSTORE_SHARED).
#pragma once

#include <nlohmann/json.hpp>

namespace satstore::test {

// The parsed vector file. Fails the test run (throws) when the file is missing.
const nlohmann::json& payment_vectors();

}  // namespace satstore::test
