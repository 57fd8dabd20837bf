// satstore server — errors as RFC 9457 problem details.
//
// Handlers throw ApiError; the HTTP layer turns it (and anything else that escapes a handler)
// into an `application/problem+json` response in one place (http/server.cpp).
#pragma once

#include <stdexcept>
#include <string>

#include "core/account.hpp"
#include "server/http/message.hpp"

namespace satstore::server {

struct ApiError : std::runtime_error {
    int status;
    std::string code;    // stable snake_case the client switches on
    std::string title;   // short human summary
    FieldErrors errors;  // per-field messages, for 422
    std::vector<std::pair<std::string, std::string>> headers;  // e.g. Retry-After
    nlohmann::json extra = nlohmann::json::object();           // extension members, e.g. "available"

    ApiError(int status, std::string code, std::string title, std::string detail = {},
             FieldErrors errors = {})
        : std::runtime_error(detail.empty() ? title : detail),
          status(status), code(std::move(code)), title(std::move(title)), errors(std::move(errors)) {}
};

// 422 `validation_failed` with per-field messages.
ApiError validation_error(FieldErrors errors);
// 404 `not_found`.
ApiError not_found(std::string detail = "The resource does not exist.");

// The problem+json response for an ApiError.
Response problem_response(const ApiError& error);

}  // namespace satstore::server
