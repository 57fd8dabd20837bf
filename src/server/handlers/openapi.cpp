// GET /api/v1/openapi.json: the API as OpenAPI 3.1, generated from the route table so the two
// cannot drift apart. Operations list their path parameters, who may call them and the
// problem-details error shape; request and response bodies are described in SPEC §5.
#include <regex>

#include "server/handlers/handlers.hpp"
#include "server/routes.hpp"

namespace satstore::server::handlers {
namespace {

const char* access_text(Access a) {
    switch (a) {
        case Access::anyone: return "anyone";
        case Access::user: return "a logged-in user";
        case Access::merchant: return "staff with the merchant role (or admin)";
        case Access::agent: return "staff with the agent role (or admin)";
        case Access::admin: return "admin";
    }
    return "";
}

}  // namespace

Response openapi(Context& ctx) {
    nlohmann::json paths = nlohmann::json::object();
    static const std::regex param(R"(\{([a-z_]+)\})");
    for (const Route& r : api_routes()) {
        std::string method = r.method;
        for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        nlohmann::json op = {
            {"summary", std::string(r.method) + " " + r.pattern},
            {"description", std::string("Callable by ") + access_text(r.access) + "."},
            {"responses", {{"default", {{"description", "Success, or an RFC 9457 problem",
                                        {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}}}},
        };
        if (r.access != Access::anyone) op["security"] = nlohmann::json::array({{{"bearer", nlohmann::json::array()}}});
        const std::string pattern = r.pattern;
        nlohmann::json params = nlohmann::json::array();
        for (std::sregex_iterator it(pattern.begin(), pattern.end(), param), end; it != end; ++it)
            params.push_back({{"name", (*it)[1].str()}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
        if (!params.empty()) op["parameters"] = params;
        paths[pattern][method] = op;
    }
    return json_response(200, {
        {"openapi", "3.1.0"},
        {"info", {{"title", ctx.config.store_name + " API"}, {"version", "1"}}},
        {"paths", paths},
        {"components",
         {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
          {"schemas",
           {{"Problem",
             {{"type", "object"},
              {"required", {"type", "title", "status", "detail", "code"}},
              {"properties",
               {{"type", {{"type", "string"}}}, {"title", {{"type", "string"}}}, {"status", {{"type", "integer"}}},
                {"detail", {{"type", "string"}}}, {"code", {{"type", "string"}}},
                {"errors", {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}}}}}}}}}},
    });
}

}  // namespace satstore::server::handlers
