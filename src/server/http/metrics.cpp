#include "server/http/metrics.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <mutex>
#include <tuple>

namespace satstore::server::metrics {
namespace {

// Upper bounds of the latency buckets, in seconds (the last bucket is +Inf).
constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

struct Latency {
    std::array<std::int64_t, kBuckets.size()> le{};  // not cumulative here; summed on output
    std::int64_t count = 0;
    double sum = 0;
};

std::mutex g_mutex;
std::map<std::tuple<std::string, std::string, int>, std::int64_t> g_requests;  // method, route, status
std::map<std::pair<std::string, std::string>, Latency> g_latency;               // method, route

void append(std::string& out, const char* format, auto... args) {
    char line[512];
    const int n = std::snprintf(line, sizeof line, format, args...);
    if (n > 0) out.append(line, static_cast<std::size_t>(std::min<int>(n, sizeof line - 1)));
}

}  // namespace

void observe(std::string_view method, std::string_view route, int status, double seconds) {
    std::lock_guard lock(g_mutex);
    ++g_requests[{std::string(method), std::string(route), status}];
    Latency& l = g_latency[{std::string(method), std::string(route)}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++l.le[i];
            break;
        }
    }
    ++l.count;
    l.sum += seconds;
}

std::string exposition(const OperationalCounts& counts) {
    std::string out;
    out += "# HELP satstore_http_requests_total Requests answered, by method, route and status.\n";
    out += "# TYPE satstore_http_requests_total counter\n";
    std::lock_guard lock(g_mutex);
    for (const auto& [key, n] : g_requests) {
        const auto& [method, route, status] = key;
        append(out, "satstore_http_requests_total{method=\"%s\",route=\"%s\",status=\"%d\"} %lld\n", method.c_str(),
               route.c_str(), status, static_cast<long long>(n));
    }
    out += "# HELP satstore_http_request_duration_seconds Time to answer a request, by method and route.\n";
    out += "# TYPE satstore_http_request_duration_seconds histogram\n";
    for (const auto& [key, l] : g_latency) {
        const auto& [method, route] = key;
        std::int64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += l.le[i];
            append(out, "satstore_http_request_duration_seconds_bucket{method=\"%s\",route=\"%s\",le=\"%g\"} %lld\n",
                   method.c_str(), route.c_str(), kBuckets[i], static_cast<long long>(cumulative));
        }
        append(out, "satstore_http_request_duration_seconds_bucket{method=\"%s\",route=\"%s\",le=\"+Inf\"} %lld\n",
               method.c_str(), route.c_str(), static_cast<long long>(l.count));
        append(out, "satstore_http_request_duration_seconds_sum{method=\"%s\",route=\"%s\"} %.6f\n", method.c_str(),
               route.c_str(), l.sum);
        append(out, "satstore_http_request_duration_seconds_count{method=\"%s\",route=\"%s\"} %lld\n", method.c_str(),
               route.c_str(), static_cast<long long>(l.count));
    }
    append(out,
           "# HELP satstore_payments_total Payments settled (all processes).\n# TYPE satstore_payments_total counter\n"
           "satstore_payments_total %lld\n",
           static_cast<long long>(counts.payments));
    append(out,
           "# HELP satstore_refunds_total Refunds paid back to the paying wallet (all processes).\n"
           "# TYPE satstore_refunds_total counter\nsatstore_refunds_total %lld\n",
           static_cast<long long>(counts.refunds));
    append(out,
           "# HELP satstore_tickets_sla_breached Open tickets past their first-response due time.\n"
           "# TYPE satstore_tickets_sla_breached gauge\nsatstore_tickets_sla_breached %lld\n",
           static_cast<long long>(counts.tickets_breached));
    return out;
}

}  // namespace satstore::server::metrics
