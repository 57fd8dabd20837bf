// satstore server — demo data: the catalog from assets/demo/catalog.json and one account per
// role. Idempotent: running it again adds only what is missing and changes nothing else.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server/store/store.hpp"

namespace satstore::server::demo {

struct DemoAccount {
    const char* email;
    const char* role;
};

// The demo accounts; all share kDemoPassword. Printed at start in demo mode.
inline constexpr DemoAccount kDemoAccounts[] = {
    {"buyer@satstore.test", "buyer"},
    {"merchant@satstore.test", "merchant"},
    {"agent@satstore.test", "agent"},
    {"admin@satstore.test", "admin"},
};
inline constexpr const char* kDemoPassword = "satstore-demo";

// Demo coupons: 10% off from ¥100, ¥20 off from ¥199, and one that has expired.
inline const Coupon kDemoCoupons[] = {
    {"WELCOME10", CouponKind::percent, 10, 10000, 0, true},
    {"SAVE20", CouponKind::fixed, 2000, 19900, 0, true},
    {"EXPIRED5", CouponKind::fixed, 500, 0, 1, true},
};
// The demo buyer starts with ¥5.00 worth of points.
inline constexpr std::int64_t kDemoBuyerPoints = 500;

struct SeedReport {
    int categories = 0;
    int products_added = 0;
    int products_total = 0;
    int accounts_added = 0;
};

// Loads the demo catalog and accounts. Throws std::runtime_error with a readable message when
// the catalog file is missing or malformed, StoreError when the database fails.
SeedReport seed(Store& store, const std::string& assets_root, std::int64_t now_unix_s);

}  // namespace satstore::server::demo
