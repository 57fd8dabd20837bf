// satstore server — matching requests against the route table (routes.cpp), authentication,
// role checks and body limits, so that handlers only see requests they may serve.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/config.hpp"
#include "server/http/message.hpp"
#include "server/store/store.hpp"

namespace satstore::server {

// Who may call a route. `user` is any logged-in account; the staff levels follow SPEC §5
// (admin may do everything a merchant or agent may).
enum class Access { anyone, user, merchant, agent, admin };

// Everything a handler needs for one request.
struct Context {
    const Config& config;
    Store& store;
    const Request& request;
    std::int64_t now_unix_s;
    std::optional<User> user;    // set for routes with Access above `anyone`
    std::string session_hash;    // hash of the presented bearer token, when there is one

    // The authenticated user. Only valid on routes that require one (asserts otherwise).
    const User& current_user() const;
    // The request body parsed as a JSON object: 415 `unsupported_media_type` unless it is sent as
    // application/json (UTF-8), 422 `json_too_deep` past json_text::kMaxDepth, 422 `invalid_json`
    // when it is not an object.
    nlohmann::json json_body() const;
};

using Handler = Response (*)(Context&);

// What the access and error logs show of a request's path: the path as sent, or — for a route
// whose path carries a secret (a reset token) — the route's pattern.
enum class PathLog { as_sent, pattern };

struct Route {
    const char* method;   // "GET", "POST", "PUT", "PATCH", "DELETE"
    const char* pattern;  // "/api/v1/products/{id}": {name} matches one non-empty segment
    Access access;
    Handler handler;
    std::size_t max_body_bytes = 0;  // 0 = config.max_json_body_bytes
    PathLog path_log = PathLog::as_sent;
};

class Router {
public:
    explicit Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

    // True when some route's pattern matches `path` (whatever the method).
    bool knows_path(const std::string& path) const;

    // Finds the route for the request, fills request.params (and request.log_path for
    // PathLog::pattern routes), checks body size (413), the
    // bearer token (401) and the role (403), then runs the handler. An unmatched path gives
    // 404, a matched path with another method 405 with an Allow header. Throws ApiError.
    Response dispatch(Request& request, const Config& config, Store& store, std::int64_t now_unix_s) const;

private:
    std::vector<Route> routes_;
};

}  // namespace satstore::server
