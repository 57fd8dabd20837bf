// satstore client — one API request in flight, as the single pending table (AppState::calls)
// records it: whose reply it is, which of that feature's requests, and what it is for.
#pragma once

#include <cstdint>
#include <string>

namespace satstore::client::api {

// The part of the client a reply goes back to (app.cpp routes it).
enum class Feature : std::uint8_t { app, buying, aftersales, account, support, staff, catalog };

struct Call {
    Feature feature = Feature::app;
    int kind = 0;               // the feature's request enum (RequestKind, BuyRequest, …)
    std::string key;            // what the reply is for: a product id, an order id, an image URL
    bool with_session = false;  // the session token went with it
    bool handles_401 = false;   // the feature reads a 401 itself instead of the expired-session policy
};

}  // namespace satstore::client::api
