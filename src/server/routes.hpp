// satstore server — the route table (routes.cpp).
#pragma once

#include <vector>

#include "server/http/router.hpp"

namespace satstore::server {

// Every API route, in the order the spec lists them.
std::vector<Route> api_routes();

}  // namespace satstore::server
