// satstore client — the loop's side of the after-sales screens (aftersales_state.hpp): performs
// AfterAction intents, starts the staff console's and the buyer's return requests (SPEC §5) and
// applies their replies. Draw code never calls these; app.cpp does.
#pragma once

#include <optional>
#include <string>

#include "app_state.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client {

// Loads what an after-sales route (staff_orders, staff_order, staff_returns, order_return)
// shows. Call when the route is entered.
void enter_aftersales_route(AppState& s);

// Performs one Intent::Kind::aftersales intent.
void perform_aftersales(AppState& s, const Intent& intent);

// Applies the reply of one of this feature's requests (app.cpp routes it here by its api::Call;
// a 401 to a request with the session never arrives: api::session_expired handled it).
void handle_aftersales_reply(AppState& s, AfterRequest kind, const std::string& key, const platform::HttpReply& reply);

// Per-frame upkeep: while the buyer looks at an order whose parcel is on its way (shipped, or a
// return being approved/shipped back), refreshes it every few seconds so carrier events and staff
// decisions appear without a reload; sleeps by timer in between (no busy frames).
void process_aftersales(AppState& s);

}  // namespace satstore::client
