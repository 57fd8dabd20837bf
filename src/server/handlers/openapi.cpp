// GET /api/v1/openapi.json: the API as OpenAPI 3.1, generated from the route table so the two
// cannot drift apart: every operation with an operationId, its path, query and header
// parameters, its request body, its success statuses and the problem-details errors, who may call
// it (the bearer scheme and x-satstore-role). The API tests validate every answer they get against
// this document (tests/support/openapi.mjs) and lint it with @redocly/cli.
//
// Bodies are described by the schemas of core/api/schemas.hpp where the route table names one
// (Route::takes / Route::returns), as a JSON object otherwise; the Problem schema is exact.
#include <cassert>
#include <regex>

#include "core/api/problem.hpp"
#include "core/api/schemas.hpp"
#include "server/handlers/handlers.hpp"
#include "server/routes.hpp"

namespace satstore::server::handlers {
namespace {

using nlohmann::json;

const char* role_of(Access a) {
    switch (a) {
        case Access::anyone: return "anyone";
        case Access::user: return "user";
        case Access::merchant: return "merchant";
        case Access::agent: return "agent";
        case Access::admin: return "admin";
    }
    return "";
}

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

const char* reason(int status) {
    switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 202: return "Accepted";
        case 204: return "No content";
        case 304: return "Not modified (the ETag in If-None-Match is current)";
        default: return "Success";
    }
}

// "POST /api/v1/orders/{id}/payments" → "post_orders_id_payments": unique, as method + path are.
std::string operation_id(const Route& r) {
    std::string out;
    for (const char* p = r.method; *p; ++p) out += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
    std::string path = r.pattern;
    if (path.rfind("/api/v1", 0) == 0) path.erase(0, 7);
    for (const char c : path) {
        if (c == '/' || c == '-' || c == '.') out += '_';
        else if (c != '{' && c != '}') out += c;
    }
    return out;
}

// A named schema of core/api/schemas.hpp, or any JSON object.
json schema_of(const char* name) {
    if (name == nullptr) return {{"type", "object"}};
    assert(api::component_schemas().contains(name) && "a route names a schema core/api/schemas.cpp lacks");
    return {{"$ref", std::string("#/components/schemas/") + name}};
}

json success_response(const Route& r, int status) {
    json response = {{"description", reason(status)}};
    if (status == 204 || status == 304) return response;
    switch (r.answer) {
        case Answer::json: response["content"] = {{"application/json", {{"schema", schema_of(r.response_schema)}}}}; break;
        case Answer::text: response["content"] = {{"text/plain", {{"schema", {{"type", "string"}}}}}}; break;
        case Answer::csv: response["content"] = {{"text/csv", {{"schema", {{"type", "string"}}}}}}; break;
        case Answer::image:
            for (const char* type : {"image/png", "image/jpeg", "image/webp"})
                response["content"][type] = {{"schema", {{"type", "string"}, {"contentMediaType", type}}}};
            break;
    }
    return response;
}

json problem_response_doc(const char* description) {
    return {{"description", description},
            {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

json operation(const Route& r) {
    json op = {
        {"operationId", operation_id(r)},
        {"summary", std::string(r.method) + " " + r.pattern},
        {"description", std::string("Callable by ") + access_text(r.access) + "."},
        {"x-satstore-role", role_of(r.access)},
    };
    // Public operations say so; the others need the bearer token.
    op["security"] = r.access == Access::anyone ? json::array() : json::array({{{"bearer", json::array()}}});

    json params = json::array();
    static const std::regex path_param(R"(\{([a-z_]+)\})");
    const std::string pattern = r.pattern;
    for (std::sregex_iterator it(pattern.begin(), pattern.end(), path_param), end; it != end; ++it)
        params.push_back({{"name", (*it)[1].str()}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    for (const char* name : r.query)
        params.push_back({{"name", name}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
    if (r.idempotency != Idempotency::none)
        params.push_back({{"name", "Idempotency-Key"}, {"in", "header"}, {"required", r.idempotency == Idempotency::required},
                          {"description", "1–100 visible ASCII characters; a replay with the same body answers as the original"},
                          {"schema", {{"type", "string"}, {"minLength", 1}, {"maxLength", 100}}}});
    for (const char* name : r.headers)
        params.push_back({{"name", name}, {"in", "header"}, {"required", true}, {"schema", {{"type", "string"}}}});
    if (!params.empty()) op["parameters"] = params;

    switch (r.body()) {
        case Body::none: break;
        case Body::json:
            op["requestBody"] = {{"required", false},
                                 {"content", {{"application/json", {{"schema", schema_of(r.request_schema)}}}}}};
            break;
        case Body::image: {
            json content = json::object();
            for (const char* type : {"image/png", "image/jpeg", "image/webp"})
                content[type] = {{"schema", {{"type", "string"}, {"contentMediaType", type}}}};
            op["requestBody"] = {{"required", true}, {"content", content}};
            break;
        }
        case Body::csv:
            op["requestBody"] = {{"required", true}, {"content", {{"text/csv", {{"schema", {{"type", "string"}}}}}}}};
            break;
    }

    json responses = json::object();
    for (const int status : r.ok_statuses) responses[std::to_string(status)] = success_response(r, status);
    responses["4XX"] = problem_response_doc("The request was refused: an RFC 9457 problem with a stable code");
    responses["5XX"] = problem_response_doc("The server or its database failed: an RFC 9457 problem");
    op["responses"] = responses;
    return op;
}

json problem_schema() {
    json codes = json::array();
    for (int i = 0; i <= static_cast<int>(api::kLastProblemCode); ++i)
        codes.push_back(api::problem_code_name(static_cast<api::ProblemCode>(i)));
    return {
        {"type", "object"},
        {"required", {"type", "title", "status", "detail", "code"}},
        {"properties",
         {{"type", {{"type", "string"}}},
          {"title", {{"type", "string"}}},
          {"status", {{"type", "integer"}, {"minimum", 400}, {"maximum", 599}}},
          {"detail", {{"type", "string"}}},
          {"code", {{"type", "string"}, {"enum", codes}}},
          // Per field ({"email": "Required."}), or per row of an import file (import_invalid).
          {"errors", {{"oneOf", json::array({{{"type", "object"}, {"additionalProperties", {{"type", "string"}}}},
                                             {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/CsvError"}}}}})}}},
          {"retry_after", {{"type", "integer"}}},
          {"order_status", {{"type", "string"}}},
          {"currency", {{"type", "string"}}},
          {"balance", {{"type", "string"}}},
          {"amount", {{"type", "string"}}},
          {"shortfall", {{"type", "string"}}},
          {"refundable", {{"type", "string"}}},
          {"product_id", {{"type", "string"}}},
          {"variant_id", {{"type", "string"}}},
          {"available", {{"type", "integer"}}},
          {"secret_kind", {{"type", "string"}}}}},
    };
}

}  // namespace

Response openapi(Context& ctx) {
    json schemas = api::component_schemas();
    schemas["Problem"] = problem_schema();
    json paths = json::object();
    for (const Route& r : api_routes()) {
        std::string method = r.method;
        for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        paths[r.pattern][method] = operation(r);
    }
    return json_response(200, {
        {"openapi", "3.1.0"},
        {"info", {{"title", ctx.config.store_name + " API"}, {"version", "1"},
                  {"license", {{"name", "Proprietary"}, {"identifier", "LicenseRef-Proprietary"}}}}},
        {"servers", json::array({{{"url", "/"}, {"description", "this server"}}})},
        {"paths", paths},
        {"components",
         {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}, {"description", "A token from POST /api/v1/sessions"}}}}},
          {"schemas", schemas}}},
    });
}

}  // namespace satstore::server::handlers
