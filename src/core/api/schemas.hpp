// satstore core — JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the API's bodies, written
// beside the codecs they describe (core/catalog, core/order, …) and named as the OpenAPI
// document's components. The server's document (handlers/openapi.cpp) publishes them for the
// routes that name them; the API tests validate every real answer against that document, so a
// codec that changes without its schema fails the tests.
#pragma once

#include <nlohmann/json.hpp>

namespace satstore::api {

// Every named schema: {"Money": {…}, "Product": {…}, "Order": {…}, …}. References between them
// are "#/components/schemas/<Name>".
const nlohmann::json& component_schemas();

}  // namespace satstore::api
