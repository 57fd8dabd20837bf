#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {

// Liveness: the process answers. Never touches the database.
Response healthz(Context&) { return json_response(200, {{"status", "ok"}}); }

// Readiness: the database answers too; 503 otherwise, so a load balancer stops sending traffic.
Response readyz(Context& ctx) {
    if (!ctx.store.ping())
        throw ApiError(503, "database_unavailable", "Service unavailable", "The database does not answer.");
    return json_response(200, {{"status", "ready"}});
}

}  // namespace satstore::server::handlers
