#include "server/http/router.hpp"

#include <cassert>

#include "core/json_text.hpp"
#include "server/auth/secrets.hpp"
#include "server/http/problem.hpp"

namespace satstore::server {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool match(const char* pattern, const std::string& path, std::map<std::string, std::string>* params) {
    const auto want = segments(pattern), have = segments(path);
    if (want.size() != have.size()) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (!want[i].empty() && want[i].front() == '{') {
            if (have[i].empty()) return false;
            found.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::string(have[i]));
        } else if (want[i] != have[i]) {
            return false;
        }
    }
    if (params) *params = std::move(found);
    return true;
}

std::string lower_trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// `media_type` (e.g. application/json), with no parameter but an optional `charset=utf-8`
// (quoted or not, any case). Anything else — text/plain, form encodings, another charset — is
// refused, so a cross-site form post (which needs no CORS preflight) never reaches a JSON handler.
bool is_media_type(std::string_view content_type, std::string_view media_type) {
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        const auto end = std::min(content_type.find(';', start), content_type.size());
        const std::string part = lower_trimmed(content_type.substr(start, end - start));
        if (first) {
            if (part != media_type) return false;
        } else if (part != "charset=utf-8" && part != "charset=\"utf-8\"") {
            return false;
        }
        if (end == content_type.size()) return true;
        start = end + 1;
    }
}

bool allows(const User& user, Access access) {
    switch (access) {
        case Access::anyone:
        case Access::user: return true;
        case Access::merchant: return has_role(user.roles, Role::merchant);
        case Access::agent: return has_role(user.roles, Role::agent);
        case Access::admin: return has_role(user.roles, Role::admin);
    }
    return false;
}

}  // namespace

const User& Context::current_user() const {
    assert(user.has_value() && "current_user() on a route that does not require a login");
    return *user;
}

nlohmann::json Context::json_body() const {
    if (!is_media_type(request.header("content-type"), "application/json"))
        throw ApiError(415, ProblemCode::unsupported_media_type, "Send JSON",
                       "The body must be JSON sent with Content-Type: application/json (UTF-8).");
    json_text::Parsed parsed = json_text::parse(request.body);
    if (parsed.error == json_text::ParseError::too_deep)
        throw ApiError(422, ProblemCode::json_too_deep, "The request body is nested too deeply.",
                       "JSON arrays and objects may nest at most " + std::to_string(json_text::kMaxDepth) + " levels.",
                       {{"body", "Nested deeper than " + std::to_string(json_text::kMaxDepth) + " levels."}});
    if (parsed.error || !parsed.value.is_object())
        throw ApiError(422, ProblemCode::invalid_json, "The request body is not a JSON object.",
                       "Send a JSON object with Content-Type: application/json.",
                       {{"body", "Expected a JSON object."}});
    return std::move(parsed.value);
}

const std::string& Context::csv_body() const {
    if (!is_media_type(request.header("content-type"), "text/csv"))
        throw ApiError(415, ProblemCode::unsupported_media_type, "Send CSV",
                       "The body must be a CSV file sent with Content-Type: text/csv (UTF-8).");
    return request.body;
}

Body Route::body() const {
    if (body_kind) return *body_kind;
    if (max_body_bytes != 0) return Body::image;
    const std::string_view m = method;
    return m == "GET" || m == "DELETE" ? Body::none : Body::json;
}

bool Router::knows_path(const std::string& path) const {
    for (const auto& r : routes_)
        if (match(r.pattern, path, nullptr)) return true;
    return false;
}

Response Router::dispatch(Request& request, const Config& config, Store& store, std::int64_t now) const {
    const Route* route = nullptr;
    std::string allow;
    for (const auto& r : routes_) {
        std::map<std::string, std::string> params;
        if (!match(r.pattern, request.path, &params)) continue;
        if (request.method == r.method || (request.method == "HEAD" && std::string_view(r.method) == "GET")) {
            route = &r;
            request.params = std::move(params);
            request.route = r.pattern;
            if (r.path_log == PathLog::pattern) request.log_path = r.pattern;
            break;
        }
        allow += (allow.empty() ? "" : ", ") + std::string(r.method);
    }
    if (!route) {
        if (allow.empty())
            throw ApiError(404, ProblemCode::route_not_found, "Not found", "No API route matches " + request.path + ".");
        ApiError error(405, ProblemCode::method_not_allowed, "Method not allowed",
                       request.method + " is not supported here; use " + allow + ".");
        error.headers.emplace_back("Allow", allow);
        throw error;
    }

    const std::size_t limit = route->max_body_bytes ? route->max_body_bytes : config.max_json_body_bytes;
    if (request.body.size() > limit)
        throw ApiError(413, ProblemCode::payload_too_large, "Request body too large",
                       "The body may be at most " + std::to_string(limit) + " bytes.");

    Context ctx{config, store, request, now, std::nullopt, {}};
    const auto authorization = request.header("authorization");
    if (authorization.rfind("Bearer ", 0) == 0) {
        ctx.session_hash = secrets::token_hash(authorization.substr(7));
        if (route->access != Access::anyone) ctx.user = store.session_user(ctx.session_hash, now);
    }
    if (route->access != Access::anyone) {
        if (!ctx.user) {
            ApiError error(401, ProblemCode::unauthenticated, "Log in required",
                           "Send a valid session token in the Authorization header.");
            error.headers.emplace_back("WWW-Authenticate", "Bearer");
            throw error;
        }
        if (!allows(*ctx.user, route->access))
            throw ApiError(403, ProblemCode::forbidden, "Forbidden", "Your account does not have the role this needs.");
    }
    return route->handler(ctx);
}

}  // namespace satstore::server
