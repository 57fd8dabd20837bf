#include "server/http/server.hpp"

#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <restinio/all.hpp>

#include "server/http/access_log.hpp"
#include "server/http/metrics.hpp"
#include "server/http/problem.hpp"
#include "server/http/static_files.hpp"

namespace satstore::server {
namespace {

// What RESTinio reads of a body before the router answers. The routes' own limits (64 KiB of
// JSON, 5 MiB images) are far lower: a body over a route's limit is read to the end, up to this
// bound, so the 413 reaches a client that is still sending (browsers and Node's fetch report a
// network error instead when the server closes mid-body). RESTinio 0.6 offers no hook between
// the headers and the body, so a body beyond this bound is cut off with the connection closed.
constexpr std::size_t kMaxRequestBodyBytes = 64 * 1024 * 1024;

std::int64_t now_unix_s() { return static_cast<std::int64_t>(std::time(nullptr)); }

const char* reason_phrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No Content";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 402: return "Payment Required";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 410: return "Gone";
        case 413: return "Content Too Large";
        case 415: return "Unsupported Media Type";
        case 422: return "Unprocessable Content";
        case 423: return "Locked";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Status";
    }
}

void log_error(const Request& request, const char* what) {
    std::fprintf(stderr, "error: %s %s: %s\n", request.method.c_str(), request.logged_path().c_str(), what);
}

std::map<std::string, std::string> parse_query(std::string_view query) {
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start < query.size()) {
        auto end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        const auto pair = query.substr(start, end - start);
        const auto eq = pair.find('=');
        auto key = percent_decode(pair.substr(0, eq), true);
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
        if (key && value && !key->empty()) out[*key] = *value;
        start = end + 1;
    }
    return out;
}

bool has_header(const Response& response, std::string_view lower_name) {
    for (const auto& [name, value] : response.headers) {
        if (name.size() != lower_name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; same && i < name.size(); ++i)
            same = std::tolower(static_cast<unsigned char>(name[i])) == lower_name[i];
        if (same) return true;
    }
    return false;
}

}  // namespace

bool HttpApp::origin_allowed(std::string_view origin) const {
    if (origin.empty()) return false;
    for (const auto& allowed : config_.cors_origins)
        if (allowed == origin) return true;
    return false;
}

bool HttpApp::is_api(const Request& request) const {
    return request.path.rfind("/api/", 0) == 0 || router_.knows_path(request.path);
}

void HttpApp::add_cors(const Request& request, Response& response) const {
    const auto origin = request.header("origin");
    if (!origin_allowed(origin)) return;
    response.header("Access-Control-Allow-Origin", std::string(origin));
    response.header("Vary", "Origin");
    response.header("Access-Control-Expose-Headers", "ETag, Location, Retry-After");
}

Response HttpApp::handle_unsafe(Request& request, bool is_api) {
    if (request.method == "OPTIONS" && is_api) {
        Response r = empty_response(204);
        if (origin_allowed(request.header("origin"))) {
            r.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
            r.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, If-None-Match");
            r.header("Access-Control-Max-Age", "600");
        }
        return r;
    }
    if (is_api) return router_.dispatch(request, config_, store_, now_unix_s());
    if (request.method != "GET" && request.method != "HEAD") {
        ApiError error(405, ProblemCode::method_not_allowed, "Method not allowed", "Static files support GET and HEAD.");
        error.headers.emplace_back("Allow", "GET, HEAD");
        throw error;
    }
    request.route = "static";
    if (auto file = serve_static(request, config_)) return *file;
    throw not_found("No file at " + request.path + ".");
}

Response HttpApp::handle(Request& request) noexcept {
    Response response;
    const bool api = is_api(request);
    try {
        response = handle_unsafe(request, api);
    } catch (const ApiError& e) {
        response = problem_response(e);
    } catch (const StoreError& e) {
        log_error(request, e.what());
        response = problem_response(ApiError(503, ProblemCode::database_unavailable, "Service unavailable",
                                             "The service cannot reach its database. Try again shortly."));
        response.header("Retry-After", "5");
    } catch (const std::exception& e) {
        log_error(request, e.what());
        response = problem_response(
            ApiError(500, ProblemCode::internal_error, "Internal server error", "Something went wrong on our side."));
    }
    add_cors(request, response);
    // Every API answer but the public catalog's (which sets its own, for ETag revalidation)
    // depends on who asks or on the moment: no shared or browser cache may keep it (issue 17, F3).
    if (api && !has_header(response, "cache-control")) response.header("Cache-Control", "no-store");
    if (!has_header(response, "x-content-type-options")) response.header("X-Content-Type-Options", "nosniff");
    return response;
}

namespace {

Request to_request(const restinio::request_handle_t& req) {
    Request r;
    const auto& h = req->header();
    r.method = h.method().c_str();
    r.path = percent_decode(h.path(), false).value_or("/\x01invalid");
    r.query = parse_query(h.query());
    h.for_each_field([&](const restinio::http_header_field_t& f) {
        std::string name = f.name();
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = f.value();
    });
    r.body = req->body();
    r.remote_ip = req->remote_endpoint().address().to_string();
    return r;
}

// Sends the response; the body is moved out (a catalog page is ~20 KB: not copied again).
void send(const restinio::request_handle_t& req, const Request& request, Response& response) {
    const restinio::http_status_line_t status{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)}, reason_phrase(response.status)};
    if (request.method == "HEAD") {
        // The headers of the GET, Content-Length included, and no body.
        auto out = req->create_response<restinio::user_controlled_output_t>(status);
        for (const auto& [name, value] : response.headers) out.append_header(name, value);
        out.append_header_date_field();
        std::error_code ec;
        const auto length = response.file_path ? std::filesystem::file_size(*response.file_path, ec) : response.body.size();
        out.set_content_length(ec ? 0 : length);
        out.done();
        return;
    }
    auto out = req->create_response(status);
    for (const auto& [name, value] : response.headers) out.append_header(name, value);
    out.append_header_date_field();
    if (response.file_path) out.set_body(restinio::sendfile(*response.file_path));
    else out.set_body(std::move(response.body));
    out.done();
}

}  // namespace

int serve(const Config& config, HttpApp& app, void (*on_ready)(const Config&)) {
    // Block the stop signals in every thread (RESTinio's workers inherit the mask) and wait for
    // them here: RESTinio's own run() ignores SIGTERM.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    AccessLog access_log(stdout);  // outlives the server: the last requests are logged too
    auto handler = [&app, &access_log](restinio::request_handle_t req) {
        const auto started = std::chrono::steady_clock::now();
        Request request = to_request(req);
        Response response = app.handle(request);
        try {
            send(req, request, response);
        } catch (const std::exception& e) {
            // The file vanished between the check and the send, or the connection is gone.
            log_error(request, e.what());
        }
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        access_log.record(now_unix_s(), request.remote_ip, request.method, request.logged_path(), response.status, ms);
        metrics::observe(request.method, request.route, response.status, ms / 1000);
        return restinio::request_accepted();
    };

    using traits = restinio::default_traits_t;
    restinio::running_server_handle_t<traits> server;
    try {
        server = restinio::run_async<traits>(
            restinio::own_io_context(),
            restinio::server_settings_t<traits>{}
                .address(config.host)
                .port(config.port)
                .request_handler(std::move(handler))
                .read_next_http_message_timelimit(std::chrono::seconds(30))
                .write_http_response_timelimit(std::chrono::seconds(60))
                .handle_request_timeout(std::chrono::seconds(30))
                .max_pipelined_requests(4)
                .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                              .max_url_size(8 * 1024)
                                              .max_field_name_size(256)
                                              .max_field_value_size(8 * 1024)
                                              .max_field_count(100)
                                              .max_body_size(kMaxRequestBodyBytes)),
            config.threads);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "satstore: cannot listen on %s:%u: %s\n", config.host.c_str(), config.port, e.what());
        return 1;
    }
    on_ready(config);
    int signal = 0;
    sigwait(&stop_signals, &signal);
    std::fprintf(stderr, "satstore: %s received, shutting down\n", signal == SIGINT ? "SIGINT" : "SIGTERM");
    server->stop();
    server->wait();
    return 0;
}

}  // namespace satstore::server
