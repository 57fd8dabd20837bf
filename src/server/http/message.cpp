#include "server/http/message.hpp"

#include <utility>

#include "server/http/problem.hpp"

namespace satstore::server {

std::string_view Request::header(std::string_view lower_name) const {
    auto it = headers.find(std::string(lower_name));
    return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

Response json_text_response(int status, std::string body) {
    Response r;
    r.status = status;
    r.header("Content-Type", "application/json; charset=utf-8");
    r.body = std::move(body);
    return r;
}

Response json_response(int status, const nlohmann::json& body) {
    // Replace invalid UTF-8 rather than throw: stored text is validated on the way in.
    return json_text_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response empty_response(int status) {
    Response r;
    r.status = status;
    return r;
}

ApiError validation_error(FieldErrors errors) {
    return ApiError(422, ProblemCode::validation_failed, "Some fields are missing or invalid.",
                    "Correct the fields listed in errors and try again.", std::move(errors));
}

ApiError not_found(std::string detail) { return ApiError(404, ProblemCode::not_found, "Not found", std::move(detail)); }

Response problem_response(const ApiError& error) {
    const nlohmann::json body = api::problem_json({error.code, error.status, error.title, error.what(), error.errors, error.row_errors},
                                                  nlohmann::json(error.extra));
    Response r = json_response(error.status, body);
    r.headers.front().second = "application/problem+json; charset=utf-8";
    for (const auto& h : error.headers) r.headers.push_back(h);
    return r;
}

}  // namespace satstore::server
