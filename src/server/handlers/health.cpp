#include "server/handlers/handlers.hpp"
#include "server/http/metrics.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {

// Liveness: the process answers. Never touches the database.
Response healthz(Context&) { return json_response(200, {{"status", "ok"}}); }

// Readiness: the database answers too; 503 otherwise, so a load balancer stops sending traffic.
Response readyz(Context& ctx) {
    if (!ctx.store.ping())
        throw ApiError(503, ProblemCode::database_unavailable, "Service unavailable", "The database does not answer.");
    return json_response(200, {{"status", "ready"}});
}

// Prometheus metrics, for a scraper on the same host only (the totals are business data).
Response metrics_text(Context& ctx) {
    const std::string& ip = ctx.request.remote_ip;
    if (ip != "127.0.0.1" && ip != "::1" && ip.rfind("::ffff:127.", 0) != 0)
        throw not_found("No API route matches /metrics.");
    Response r;
    r.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    r.header("Cache-Control", "no-store");
    r.body = metrics::exposition(ctx.store.operational_counts(ctx.now_unix_s));
    return r;
}

}  // namespace satstore::server::handlers
