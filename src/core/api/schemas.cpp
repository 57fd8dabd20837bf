#include "core/api/schemas.hpp"

#include <string>

namespace satstore::api {
namespace {

using nlohmann::json;

json ref(const char* name) { return {{"$ref", std::string("#/components/schemas/") + name}}; }
json str() { return {{"type", "string"}}; }
json nullable(json schema) { return {{"oneOf", json::array({std::move(schema), {{"type", "null"}}})}}; }
json integer(std::int64_t minimum) { return {{"type", "integer"}, {"minimum", minimum}}; }
json time() { return {{"type", "string"}, {"pattern", "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"}}; }
json amount() { return {{"type", "string"}, {"pattern", "^-?[0-9]+$"}}; }
json currency() { return {{"enum", {"CNY", "USD", "BTC", "USDT"}}}; }
json array_of(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }

// An object with these required members (others allowed: the API may add members).
json object(json properties, json required) {
    return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json page_of(const char* item) {
    return object({{"items", array_of(ref(item))}, {"next_cursor", nullable({{"type", "string"}, {"pattern", "^p[0-9]+$"}})}},
                  {"items", "next_cursor"});
}

json build() {
    json s = json::object();
    s["Money"] = object({{"amount", amount()}, {"currency", currency()}}, {"amount", "currency"});
    s["Address"] = object({{"name", str()}, {"phone", str()}, {"country", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}}},
                           {"region", str()}, {"city", str()}, {"district", str()}, {"street", str()}, {"postal_code", str()}},
                          {"name", "phone", "country", "region", "city", "street", "postal_code"});
    // core/catalog.cpp to_json(Product)
    s["Product"] = object({{"id", {{"type", "string"}, {"pattern", "^prd_"}}}, {"sku", str()}, {"category", str()},
                           {"title", str()}, {"description", str()},
                           {"i18n", object({{"zh-CN", object({{"title", str()}, {"description", str()}}, {"title", "description"})}}, json::array())},
                           {"price", ref("Money")}, {"stock", integer(0)}, {"images", array_of(str())}},
                          {"id", "sku", "category", "title", "description", "i18n", "price", "stock", "images"});
    s["ProductPage"] = page_of("Product");
    s["Store"] = object({{"id", str()}, {"name", str()}, {"currencies", array_of(currency())},
                         {"pay_currencies", array_of(currency())}, {"support", {{"type", "object"}}},
                         {"categories", array_of(object({{"slug", str()}, {"title", str()}}, {"slug", "title"}))}},
                        {"id", "name", "currencies", "pay_currencies", "support"});
    s["Rates"] = object({{"fiat", currency()},
                         {"rates", array_of(object({{"currency", currency()}, {"decimals", integer(0)}, {"rate", amount()}},
                                                   {"currency", "rate"}))}},
                        {"fiat", "rates"});
    // handlers/accounts.cpp user_json
    s["User"] = object({{"id", {{"type", "string"}, {"pattern", "^usr_"}}}, {"email", str()}, {"display_name", str()},
                        {"roles", array_of({{"enum", {"buyer", "merchant", "agent", "admin"}}})},
                        {"twofa_enabled", {{"type", "boolean"}}}, {"points", integer(0)}, {"created_at", time()}},
                       {"id", "email", "display_name", "roles", "twofa_enabled"});
    s["Session"] = object({{"token", str()}, {"user", ref("User")}, {"expires_in", integer(1)}}, {"token", "user"});
    // core/order.cpp to_json(Quote), to_json(Order), to_json(PaymentRecord)
    s["Quote"] = object({{"id", str()}, {"currency", currency()}, {"amount", amount()}, {"rate", amount()},
                         {"created_at", time()}, {"expires_at", time()}},
                        {"id", "currency", "amount", "rate", "expires_at"});
    s["OrderLine"] = object({{"id", str()}, {"product_id", str()}, {"sku", str()}, {"title", str()}, {"qty", integer(1)},
                             {"unit_price", ref("Money")}, {"line_total", ref("Money")}},
                            {"id", "sku", "title", "qty", "unit_price", "line_total"});
    s["Payment"] = object({{"id", str()}, {"order", str()}, {"status", str()}, {"payer", str()}, {"currency", currency()},
                           {"amount", amount()}, {"authorization", {{"type", "object"}}}, {"sig", str()}, {"created_at", time()}},
                          {"id", "order", "payer", "currency", "amount", "authorization", "sig", "created_at"});
    s["Order"] = object(
        {{"id", {{"type", "string"}, {"pattern", "^ord_"}}},
         {"number", str()},
         {"store", str()},
         {"status", {{"enum", {"pending_payment", "paid", "shipped", "delivered", "completed", "cancelled"}}}},
         {"payment_status", {{"enum", {"unpaid", "paid", "partially_refunded", "refunded"}}}},
         {"lines", array_of(ref("OrderLine"))},
         {"subtotal", ref("Money")}, {"shipping", ref("Money")}, {"discount", ref("Money")}, {"total", ref("Money")},
         {"ship_to", ref("Address")},
         {"pay_currency", currency()},
         {"quote", nullable(ref("Quote"))},
         {"payment", nullable(ref("Payment"))},
         {"timeline", array_of(object({{"at", time()}, {"status", str()}, {"actor", str()}, {"note", str()}}, {"at", "status"}))},
         {"shipments", array_of({{"type", "object"}})},
         {"refunds", array_of({{"type", "object"}})},
         {"returns", array_of({{"type", "object"}})},
         {"created_at", time()}},
        {"id", "number", "store", "status", "payment_status", "lines", "subtotal", "shipping", "discount", "total",
         "ship_to", "quote", "payment", "timeline", "shipments", "refunds", "returns", "created_at"});
    s["OrderPage"] = page_of("Order");
    s["Wallet"] = object({{"pubkey", nullable({{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}})},
                          {"balances", array_of(object({{"currency", currency()}, {"amount", amount()}}, {"currency", "amount"}))},
                          {"faucet", {{"type", "boolean"}}}},
                         {"pubkey", "balances"});
    // Request bodies (core/account.hpp validate_registration / validate_login, core/order.hpp
    // parse_order_request). Members are described, not required: a missing one is a 422 naming
    // the field, which the tests rely on reaching the server.
    s["Registration"] = object({{"email", str()}, {"password", str()}, {"display_name", str()}}, json::array());
    s["Login"] = object({{"email", str()}, {"password", str()}, {"totp", str()}}, json::array());
    s["OrderRequest"] = object({{"lines", array_of(object({{"product_id", str()}, {"qty", integer(1)}}, json::array()))},
                                {"ship_to", ref("Address")}, {"coupon", str()}, {"use_points", {{"type", "integer"}}},
                                {"pay_currency", currency()}, {"lang", {{"enum", {"en", "zh-CN"}}}}},
                               json::array());
    return s;
}

}  // namespace

const nlohmann::json& component_schemas() {
    static const json schemas = build();
    return schemas;
}

}  // namespace satstore::api
