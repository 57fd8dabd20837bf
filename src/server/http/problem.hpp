// satstore server — errors as RFC 9457 problem details.
//
// Handlers throw ApiError; the HTTP layer turns it (and anything else that escapes a handler)
// into an `application/problem+json` response in one place (http/server.cpp).
#pragma once

#include <stdexcept>
#include <string>

#include "core/account.hpp"
#include "core/api/problem.hpp"
#include "server/http/message.hpp"

namespace satstore::server {

using api::ProblemCode;
using api::ProblemExtras;

struct ApiError : std::runtime_error {
    int status;
    ProblemCode code;    // stable snake_case on the wire, the client switches on it
    std::string title;   // short human summary
    FieldErrors errors;  // per-field messages, for 422
    std::vector<CsvError> row_errors;  // per-row messages of an import file (import_invalid)
    std::vector<std::pair<std::string, std::string>> headers;  // e.g. Retry-After
    ProblemExtras extra;  // typed extension members: none can clash with the standard ones

    ApiError(int status, ProblemCode code, std::string title, std::string detail = {},
             FieldErrors errors = {})
        : std::runtime_error(detail.empty() ? title : detail),
          status(status), code(code), title(std::move(title)), errors(std::move(errors)) {}
};

// 422 `validation_failed` with per-field messages.
ApiError validation_error(FieldErrors errors);
// 404 `not_found`.
ApiError not_found(std::string detail = "The resource does not exist.");

// The problem+json response for an ApiError.
Response problem_response(const ApiError& error);

}  // namespace satstore::server
