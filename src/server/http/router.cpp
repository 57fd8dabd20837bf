#include "server/http/router.hpp"

#include <cassert>

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
    auto body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object())
        throw ApiError(422, "invalid_json", "The request body is not a JSON object.",
                       "Send a JSON object with Content-Type: application/json.",
                       {{"body", "Expected a JSON object."}});
    return body;
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
            break;
        }
        allow += (allow.empty() ? "" : ", ") + std::string(r.method);
    }
    if (!route) {
        if (allow.empty())
            throw ApiError(404, "route_not_found", "Not found", "No API route matches " + request.path + ".");
        ApiError error(405, "method_not_allowed", "Method not allowed",
                       request.method + " is not supported here; use " + allow + ".");
        error.headers.emplace_back("Allow", allow);
        throw error;
    }

    const std::size_t limit = route->max_body_bytes ? route->max_body_bytes : config.max_json_body_bytes;
    if (request.body.size() > limit)
        throw ApiError(413, "payload_too_large", "Request body too large",
                       "The body may be at most " + std::to_string(limit) + " bytes.");

    Context ctx{config, store, request, now, std::nullopt, {}};
    const auto authorization = request.header("authorization");
    if (authorization.rfind("Bearer ", 0) == 0) {
        ctx.session_hash = secrets::token_hash(authorization.substr(7));
        if (route->access != Access::anyone) ctx.user = store.session_user(ctx.session_hash, now);
    }
    if (route->access != Access::anyone) {
        if (!ctx.user) {
            ApiError error(401, "unauthenticated", "Log in required",
                           "Send a valid session token in the Authorization header.");
            error.headers.emplace_back("WWW-Authenticate", "Bearer");
            throw error;
        }
        if (!allows(*ctx.user, route->access))
            throw ApiError(403, "forbidden", "Forbidden", "Your account does not have the role this needs.");
    }
    return route->handler(ctx);
}

}  // namespace satstore::server
