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
    // The raw body of a Body::csv route: 415 `unsupported_media_type` unless it is sent as
    // text/csv (UTF-8: no charset parameter or charset=utf-8).
    const std::string& csv_body() const;
};

using Handler = Response (*)(Context&);

// What the access and error logs show of a request's path: the path as sent, or — for a route
// whose path carries a secret (a reset token) — the route's pattern.
enum class PathLog { as_sent, pattern };

// What a route takes besides its path parameters (for the OpenAPI document, openapi.cpp).
enum class Body { none, json, image, csv };
enum class Answer { json, text, image, csv };
enum class Idempotency { none, optional, required };

struct Route {
    const char* method;   // "GET", "POST", "PUT", "PATCH", "DELETE"
    const char* pattern;  // "/api/v1/products/{id}": {name} matches one non-empty segment
    Access access;
    Handler handler;
    std::size_t max_body_bytes = 0;  // 0 = config.max_json_body_bytes
    PathLog path_log = PathLog::as_sent;
    // The contract, as the OpenAPI document states it and the API tests check every answer against.
    std::vector<int> ok_statuses = {200};      // success statuses: 201 created, 204 no content, …
    Idempotency idempotency = Idempotency::none;
    std::vector<const char*> query = {};       // query parameters it reads
    std::vector<const char*> headers = {};     // request headers it requires (besides Authorization)
    Answer answer = Answer::json;              // what a success carries (204 carries nothing)
    std::optional<Body> body_kind = {};        // unset: as body() derives it
    const char* request_schema = nullptr;      // core/api/schemas.hpp names; nullptr: a JSON object
    const char* response_schema = nullptr;

    // Builders, for the route table: Route{"POST", "/api/v1/orders", A::user, create_order}.answers({201}).
    Route answers(std::vector<int> statuses) && { ok_statuses = std::move(statuses); return std::move(*this); }
    Route idempotent(Idempotency i) && { idempotency = i; return std::move(*this); }
    Route reads(std::vector<const char*> names) && { query = std::move(names); return std::move(*this); }
    Route requires_headers(std::vector<const char*> names) && { headers = std::move(names); return std::move(*this); }
    Route raw_image_body(std::size_t max_bytes) && { max_body_bytes = max_bytes; return std::move(*this); }
    // A text/csv body of at most `max_bytes` (Context::csv_body).
    Route csv_body(std::size_t max_bytes) && { max_body_bytes = max_bytes; body_kind = Body::csv; return std::move(*this); }
    Route log_as_pattern() && { path_log = PathLog::pattern; return std::move(*this); }
    Route answers_with(Answer kind) && { answer = kind; return std::move(*this); }
    Route takes(Body kind) && { body_kind = kind; return std::move(*this); }
    Route takes(const char* schema) && { request_schema = schema; return std::move(*this); }
    Route returns(const char* schema) && { response_schema = schema; return std::move(*this); }

    // What the body is: as set by takes(), else an image for routes with their own (larger)
    // limit, none for GET and DELETE, JSON otherwise.
    Body body() const;
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
