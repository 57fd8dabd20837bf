// satstore server — the request and response types handlers see, independent of RESTinio.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace satstore::server {

struct Request {
    std::string method;  // "GET", "POST", …
    std::string path;    // decoded path without the query, e.g. "/api/v1/products/prd_1"
    std::map<std::string, std::string> query;   // decoded query parameters (last one wins)
    std::map<std::string, std::string> headers; // names lower-cased
    std::map<std::string, std::string> params;  // path parameters filled by the router
    std::string body;
    std::string remote_ip;
    std::string route = "unmatched";  // the route pattern that served it, or "static" (metrics)
    std::string log_path;  // when set, what the logs show instead of `path` (PathLog::pattern)

    // The path as the access and error logs may show it.
    const std::string& logged_path() const { return log_path.empty() ? path : log_path; }

    // Header value by lower-case name, or "" when absent.
    std::string_view header(std::string_view lower_name) const;
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::optional<std::string> file_path;  // when set, the body is this file (sent with sendfile)

    Response& header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

// A JSON response with `Content-Type: application/json; charset=utf-8`.
Response json_response(int status, const nlohmann::json& body);
// A JSON response whose body is already encoded (a stored idempotent response, replayed as is).
Response json_text_response(int status, std::string body);
// An empty response (e.g. 204 No Content).
Response empty_response(int status);

}  // namespace satstore::server
