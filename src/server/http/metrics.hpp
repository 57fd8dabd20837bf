// satstore server — request metrics for /metrics (Prometheus text format 0.0.4): a count per
// route, method and status, and a latency histogram per route and method. Per process: a
// scraper collects each process; business totals come from the database (Store).
#pragma once

#include <string>
#include <string_view>

#include "server/store/store.hpp"

namespace satstore::server::metrics {

// Records one answered request. `route` is the route pattern ("/api/v1/orders/{id}"), "static"
// or "unmatched", so the label set stays small whatever paths clients send.
void observe(std::string_view method, std::string_view route, int status, double seconds);

// The exposition text: the request metrics plus the database totals.
std::string exposition(const OperationalCounts& counts);

}  // namespace satstore::server::metrics
