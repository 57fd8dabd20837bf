// satstore server — the HTTP front: turns requests into responses (routing, static files, CORS,
// problem details, access log) and runs them on RESTinio.
#pragma once

#include "server/config.hpp"
#include "server/http/router.hpp"
#include "server/store/store.hpp"

namespace satstore::server {

class HttpApp {
public:
    HttpApp(const Config& config, Store& store, Router router)
        : config_(config), store_(store), router_(std::move(router)) {}

    // Answers one request. Never throws: every error becomes a problem+json response, and a
    // 5xx never carries internal details (they go to the log instead). Every response carries
    // X-Content-Type-Options: nosniff; API responses Cache-Control: no-store unless the handler
    // chose a policy.
    Response handle(Request& request) noexcept;

private:
    Response handle_unsafe(Request& request, bool is_api);
    // True for /api/… and the operations routes of the table (/healthz, /readyz, /metrics).
    bool is_api(const Request& request) const;
    void add_cors(const Request& request, Response& response) const;
    bool origin_allowed(std::string_view origin) const;

    const Config& config_;
    Store& store_;
    Router router_;
};

// Listens on config.host:config.port with config.threads workers until SIGINT or SIGTERM,
// then stops accepting, lets running requests finish and returns 0. `on_ready` runs once the
// socket is bound (used to print the URL). Returns non-zero if the server cannot start.
int serve(const Config& config, HttpApp& app, void (*on_ready)(const Config&));

}  // namespace satstore::server
