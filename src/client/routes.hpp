// satstore client — URL fragment routes: "#/", "#/?q=…&category=…", "#/products/<id>", "#/cart",
// "#/login", "#/register", "#/checkout", "#/orders", "#/orders/<id>", "#/orders/<id>/pay",
// "#/wallet", "#/staff/orders", "#/staff/orders/<id>", "#/staff/returns", "#/orders/<id>/return",
// "#/account", "#/forgot-password", "#/reset-password?token=…";
// support (issue 6): "#/help", "#/tickets/new?order=…&related=…", "#/tickets",
// "#/tickets/<id>", "#/staff/tickets", "#/staff/tickets/<id>";
// staff accounts (issue 20): "#/staff/users", "#/staff/audit", "#/accept-invite?token=…".
// "#/tickets/<id>", "#/staff/tickets", "#/staff/tickets/<id>"; the console's Catalog (issue 20):
// "#/staff/products", "#/staff/products/<id>", "#/staff/products/new".
#pragma once

#include <string>

#include "app_state.hpp"

namespace satstore::client {

// Parses a fragment without '#' (already percent-decoded). Unknown paths give Route::not_found.
RouteState parse_route(const std::string& fragment);

// The fragment for `route` (inverse of parse_route for every valid route).
std::string route_fragment(const RouteState& route);

}  // namespace satstore::client
