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

// `base` (an object() schema) with more members, `required` among them.
json extend(json base, json properties, json required) {
    for (auto& [k, v] : properties.items()) base["properties"][k] = v;
    for (auto& r : required) base["required"].push_back(r);
    return base;
}

json items_of(const char* item) { return object({{"items", array_of(ref(item))}}, {"items"}); }
json boolean() { return {{"type", "boolean"}}; }
json id(const char* prefix) { return {{"type", "string"}, {"pattern", std::string("^") + prefix + "_"}}; }

json address_properties() {
    return {{"name", str()}, {"phone", str()}, {"country", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}}},
            {"region", str()}, {"city", str()}, {"district", str()}, {"street", str()}, {"postal_code", str()}};
}

json page_of(const char* item) {
    return object({{"items", array_of(ref(item))}, {"next_cursor", nullable({{"type", "string"}, {"pattern", "^p[0-9]+$"}})}},
                  {"items", "next_cursor"});
}

json build() {
    json s = json::object();
    // handlers/health.cpp healthz, readyz; handlers/openapi.cpp (this document)
    s["Liveness"] = object({{"status", {{"const", "ok"}}}}, {"status"});
    s["Readiness"] = object({{"status", {{"const", "ready"}}}}, {"status"});
    s["OpenApiDocument"] = object({{"openapi", {{"type", "string"}, {"pattern", "^3\\.1\\."}}}, {"info", {{"type", "object"}}},
                                   {"paths", {{"type", "object"}}}, {"components", {{"type", "object"}}}},
                                  {"openapi", "info", "paths", "components"});
    s["Money"] = object({{"amount", amount()}, {"currency", currency()}}, {"amount", "currency"});
    s["Address"] = object(address_properties(), {"name", "phone", "country", "region", "city", "street", "postal_code"});
    // core/api/bodies.cpp to_json(SavedAddress): the address's members and its id
    s["SavedAddress"] = extend(s["Address"], {{"id", id("adr")}}, {"id", "district"});
    s["AddressList"] = items_of("SavedAddress");
    // core/catalog.cpp to_json(Product)
    s["ProductOption"] = object({{"name", str()}, {"values", array_of(str())},
                                 {"i18n", object({{"zh-CN", object({{"name", str()}, {"values", array_of(str())}}, json::array())}},
                                                 json::array())}},
                                {"name", "values"});
    s["Variant"] = object({{"id", id("var")}, {"sku", str()}, {"options", array_of(str())}, {"price", ref("Money")},
                           {"stock", integer(0)}, {"image", str()}},
                          {"id", "sku", "options", "price", "stock", "image"});
    s["Product"] = object({{"id", id("prd")}, {"category", str()}, {"status", {{"enum", {"draft", "active", "archived"}}}},
                           {"title", str()}, {"description", str()},
                           {"i18n", object({{"zh-CN", object({{"title", str()}, {"description", str()}}, {"title", "description"})}}, json::array())},
                           {"images", array_of(str())}, {"options", array_of(ref("ProductOption"))},
                           {"variants", array_of(ref("Variant"))}, {"price", ref("Money")}, {"stock", integer(0)}},
                          {"id", "category", "status", "title", "description", "i18n", "images", "options", "variants", "price",
                           "stock"});
    s["ProductPage"] = page_of("Product");
    s["StaffProductPage"] = page_of("Product");
    // handlers/staff_catalog.cpp staff_adjust_stock, staff_stock_history
    const json movement = object({{"at", time()}, {"delta", {{"type", "integer"}}}, {"stock_after", nullable(integer(0))},
                                  {"reason", {{"enum", {"received", "damaged", "correction", "order", "cancel"}}}},
                                  {"actor_email", str()}, {"ref", str()}, {"note", str()}},
                                 {"at", "delta", "stock_after", "reason", "actor_email", "ref", "note"});
    s["StockChange"] = object({{"variant_id", id("var")}, {"stock", integer(0)}, {"movement", movement}},
                              {"variant_id", "stock", "movement"});
    s["StockHistory"] = object({{"variant_id", id("var")}, {"stock", integer(0)}, {"items", array_of(movement)}},
                               {"variant_id", "stock", "items"});
    // core/catalog_csv.hpp CsvError; handlers/staff_catalog_csv.cpp (issue 20)
    s["CsvError"] = object({{"row", integer(0)}, {"column", str()}, {"message", str()}}, {"row", "column", "message"});
    s["CatalogImportResult"] = object({{"created", integer(0)}, {"updated", integer(0)}, {"dry_run", boolean()},
                                       {"errors", array_of(ref("CsvError"))}},
                                      {"created", "updated", "dry_run", "errors"});
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
    s["OrderLine"] = object({{"id", str()}, {"product_id", str()}, {"variant_id", str()}, {"sku", str()}, {"title", str()},
                             {"variant", str()}, {"qty", integer(1)}, {"unit_price", ref("Money")}, {"line_total", ref("Money")}},
                            {"id", "sku", "title", "qty", "unit_price", "line_total"});
    s["Payment"] = object({{"id", str()}, {"order", str()}, {"status", str()}, {"payer", str()}, {"currency", currency()},
                           {"amount", amount()}, {"authorization", {{"type", "object"}}}, {"sig", str()}, {"created_at", time()}},
                          {"id", "order", "payer", "currency", "amount", "authorization", "sig", "created_at"});
    const json order_status = {{"enum", {"pending_payment", "paid", "shipped", "delivered", "completed", "cancelled"}}};
    const json payment_status = {{"enum", {"unpaid", "paid", "partially_refunded", "refunded"}}};
    // core/fulfilment.cpp to_json(Shipment), to_json(Refund); core/returns.cpp to_json(ReturnRequest)
    const json tracking_status = {{"enum", {"info_received", "in_transit", "out_for_delivery", "delivered", "exception",
                                            "returned_to_sender", "lost"}}};
    const json line_qty = array_of(object({{"line_id", str()}, {"qty", integer(1)}}, {"line_id", "qty"}));
    s["Shipment"] = object(
        {{"id", id("shp")}, {"carrier", str()}, {"carrier_name", str()}, {"tracking_number", str()}, {"tracking_url", str()},
         {"status", tracking_status}, {"created_at", time()},
         {"events", array_of(object({{"at", time()}, {"status", tracking_status}, {"location", str()}, {"description", str()}},
                                    {"at", "status", "location", "description"}))}},
        {"id", "carrier", "carrier_name", "tracking_number", "tracking_url", "status", "created_at", "events"});
    s["Refund"] = object(
        {{"id", id("rfd")}, {"payer", str()}, {"amount", ref("Money")}, {"status", {{"enum", {"pending", "succeeded"}}}},
         {"reason", str()}, {"lines", line_qty}, {"actor", str()}, {"created_at", time()}, {"succeeded_at", nullable(time())},
         {"expected_arrival", object({{"earliest", time()}, {"latest", time()}}, {"earliest", "latest"})}},
        {"id", "payer", "amount", "status", "reason", "lines", "actor", "created_at", "succeeded_at", "expected_arrival"});
    s["Return"] = object(
        {{"id", id("ret")}, {"rma", nullable(str())}, {"order", str()},
         {"status", {{"enum", {"requested", "approved", "in_transit", "received", "refunded", "rejected"}}}},
         {"lines", line_qty}, {"reason", str()}, {"evidence", array_of(str())}, {"carrier", str()},
         {"tracking_number", str()}, {"decision_note", str()}, {"created_at", time()}, {"updated_at", time()}},
        {"id", "rma", "order", "status", "lines", "reason", "evidence", "carrier", "tracking_number", "decision_note",
         "created_at", "updated_at"});
    // handlers/returns.cpp staff_list_returns
    s["ReturnList"] = items_of("Return");
    s["Order"] = object(
        {{"id", id("ord")},
         {"number", str()},
         {"store", str()},
         {"status", order_status},
         {"payment_status", payment_status},
         {"lang", {{"enum", {"en", "zh-CN"}}}},
         {"lines", array_of(ref("OrderLine"))},
         {"subtotal", ref("Money")}, {"shipping", ref("Money")}, {"coupon_discount", ref("Money")},
         {"points_used", integer(0)}, {"discount", ref("Money")}, {"total", ref("Money")},
         {"coupon", nullable(str())},
         {"ship_to", ref("Address")},
         {"pay_currency", currency()},
         {"quote", nullable(ref("Quote"))},
         {"payment", nullable(ref("Payment"))},
         {"timeline", array_of(object({{"at", time()}, {"status", str()}, {"actor", str()}, {"note", str()}}, {"at", "status"}))},
         {"shipments", array_of(ref("Shipment"))},
         {"refunds", array_of(ref("Refund"))},
         {"returns", array_of(ref("Return"))},
         {"created_at", time()}, {"pay_by", time()}, {"delivered_at", nullable(time())},
         // handlers/staff_orders.cpp staff_get_order adds these for a paid order
         {"refundable", ref("Money")},
         {"refundable_units", {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}}}},
        {"id", "number", "store", "status", "payment_status", "lang", "lines", "subtotal", "shipping", "coupon_discount",
         "points_used", "discount", "total", "coupon", "ship_to", "pay_currency", "quote", "payment", "timeline",
         "shipments", "refunds", "returns", "created_at", "pay_by", "delivered_at"});
    s["OrderPage"] = page_of("Order");
    s["Wallet"] = object({{"pubkey", nullable({{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}})},
                          {"balances", array_of(object({{"currency", currency()}, {"amount", amount()}}, {"currency", "amount"}))},
                          {"faucet", {{"type", "boolean"}}}},
                         {"pubkey", "balances"});
    // core/api/bodies.cpp to_json(LedgerItem)
    s["LedgerItem"] = object({{"id", {{"type", "string"}, {"pattern", "^le_[0-9]+$"}}}, {"currency", currency()},
                               {"amount", amount()}, {"kind", str()}, {"ref", str()}, {"at", time()}},
                              {"id", "currency", "amount", "kind", "ref", "at"});
    s["LedgerPage"] = page_of("LedgerItem");
    // core/api/bodies.cpp to_json(Preview), to_json(PreviewProblem)
    s["PreviewProblem"] = object(
        {{"code", nullable({{"enum", {"out_of_stock", "product_unavailable", "invalid_coupon", "insufficient_points"}}})},
         {"field", str()}, {"message", str()}, {"product_id", str()}, {"variant_id", str()}, {"available", integer(0)},
         {"reason", str()}},
        {"code", "field", "message"});
    s["Preview"] = object(
        {{"lines", array_of(object({{"product_id", str()}, {"variant_id", str()}, {"sku", str()}, {"title", str()},
                                    {"variant", str()}, {"qty", integer(1)}, {"unit_price", ref("Money")},
                                    {"line_total", ref("Money")}},
                                   {"product_id", "sku", "title", "qty", "unit_price", "line_total"}))},
         {"coupon", nullable(str())}, {"subtotal", ref("Money")}, {"shipping", ref("Money")}, {"coupon_discount", ref("Money")},
         {"points_used", integer(0)}, {"discount", ref("Money")}, {"total", ref("Money")},
         {"quote", nullable(object({{"currency", currency()}, {"amount", amount()}, {"rate", amount()}, {"expires_at", time()}},
                                   {"currency", "amount", "rate", "expires_at"}))},
         {"problems", array_of(ref("PreviewProblem"))}, {"points_available", integer(0)}},
        {"lines", "coupon", "subtotal", "shipping", "coupon_discount", "points_used", "discount", "total", "quote", "problems",
         "points_available"});
    // handlers/orders.cpp reorder
    s["Reorder"] = object(
        {{"lines", array_of(object({{"product_id", str()}, {"variant_id", str()}, {"qty", integer(1)}, {"unit_price", ref("Money")},
                                    {"note", str()}},
                                   {"product_id", "qty", "unit_price"}))},
         {"unavailable", array_of(object({{"product_id", str()}, {"sku", str()}, {"title", str()},
                                          {"reason", {{"enum", {"out_of_stock", "discontinued"}}}}},
                                         {"product_id", "sku", "title", "reason"}))}},
        {"lines", "unavailable"});
    // handlers/uploads.cpp create_upload
    s["Upload"] = object({{"id", id("upl")}, {"type", {{"enum", {"image/png", "image/jpeg", "image/webp"}}}}, {"size", integer(1)}},
                         {"id", "type", "size"});
    // handlers/media.cpp upload_image (issue 20)
    s["MediaImage"] = object(
        {{"id", {{"type", "string"}, {"pattern", "^/media/[0-9a-f]{64}-[1-9][0-9]{0,3}\\.webp$"}}},
         {"width", integer(1)}, {"height", integer(1)},
         {"renditions", array_of(object({{"width", integer(1)},
                                         {"url", {{"type", "string"}, {"pattern", "^/media/[0-9a-f]{64}-[1-9][0-9]{0,3}\\.webp$"}}}},
                                        {"width", "url"}))}},
        {"id", "width", "height", "renditions"});
    // handlers/security.cpp enrol_2fa, confirm_2fa, login_activity, request_password_reset, dev_outbox
    s["TwoFactorEnrolment"] = object({{"secret", str()}, {"otpauth_uri", {{"type", "string"}, {"pattern", "^otpauth://totp/"}}}},
                                     {"secret", "otpauth_uri"});
    s["RecoveryCodes"] = object({{"recovery_codes", array_of({{"type", "string"}, {"pattern", "^[a-z2-7]{4}-[a-z2-7]{4}$"}})}},
                                {"recovery_codes"});
    s["LoginActivity"] = object(
        {{"items", array_of(object({{"at", time()}, {"ip", str()}, {"user_agent", str()}, {"success", boolean()}, {"reason", str()}},
                                   {"at", "ip", "user_agent", "success", "reason"}))}},
        {"items"});
    s["ResetAccepted"] = object({{"status", {{"const", "accepted"}}}}, {"status"});
    s["Outbox"] = object(
        {{"items", array_of(object({{"id", integer(0)}, {"to", str()}, {"subject", str()}, {"body", str()}, {"at", time()}},
                                   {"id", "to", "subject", "body", "at"}))}},
        {"items"});
    // handlers/carriers.cpp carrier_events
    s["CarrierEventsResult"] = object({{"recorded", integer(0)}, {"duplicates", integer(0)}}, {"recorded", "duplicates"});
    // core/api/bodies.cpp to_json(SupportChannels); core/help_center.cpp to_json(FaqEntry)
    s["SupportChannels"] = object(
        {{"ticket", object({{"available", boolean()}, {"first_response_s", integer(0)}}, {"available", "first_response_s"})},
         {"email", str()}, {"phone", str()}, {"hours", object({{"en", str()}, {"zh-CN", str()}}, {"en", "zh-CN"})}},
        {"ticket", "email", "phone", "hours"});
    const json faq_text = object({{"question", str()}, {"answer", str()}}, {"question", "answer"});
    s["FaqEntry"] = object({{"id", str()}, {"topic", str()}, {"en", faq_text}, {"zh-CN", faq_text}}, {"id", "topic", "en", "zh-CN"});
    s["FaqList"] = items_of("FaqEntry");
    // core/api/tickets.cpp to_json(TicketView): without the thread in lists (TicketListItem), with it otherwise
    const json ticket_status = {{"enum", {"new", "open", "waiting_on_customer", "resolved", "closed"}}};
    const json attachments = array_of(object({{"id", id("upl")}, {"url", {{"type", "string"}, {"pattern", "^/api/v1/uploads/upl_"}}}},
                                             {"id", "url"}));
    s["TicketListItem"] = object(
        {{"id", id("tkt")}, {"number", {{"type", "string"}, {"pattern", "^T-[0-9]+$"}}},
         {"category", {{"enum", {"payment", "order", "shipping", "refund", "return", "account", "security", "feedback", "other"}}}},
         {"queue", {{"enum", {"payments", "orders", "security", "general"}}}},
         {"status", ticket_status}, {"subject", str()}, {"description", str()},
         {"contact", object({{"email", str()}, {"phone", str()}}, json::array())},
         {"order_id", nullable(str())}, {"order_number", nullable(str())}, {"tx_ref", nullable(str())},
         {"related_ticket", nullable(object({{"id", id("tkt")}, {"number", str()}}, {"id", "number"}))},
         {"attachments", attachments}, {"created_at", time()}, {"updated_at", time()},
         {"first_response_due", time()}, {"first_response_at", nullable(time())},
         {"sla_breached", boolean()}, {"sla_paused", boolean()}, {"sla_paused_s", integer(0)},
         {"assignee", nullable(object({{"id", str()}, {"name", str()}}, {"id", "name"}))},
         {"rating", nullable(object({{"score", {{"type", "integer"}, {"minimum", 1}, {"maximum", 5}}}, {"comment", str()}, {"at", time()}},
                                    {"score", "comment", "at"}))}},
        {"id", "number", "category", "queue", "status", "subject", "description", "contact", "order_id", "order_number",
         "tx_ref", "related_ticket", "attachments", "created_at", "updated_at", "first_response_due", "first_response_at",
         "sla_breached", "sla_paused", "sla_paused_s", "assignee", "rating"});
    s["Ticket"] = extend(
        s["TicketListItem"],
        {{"messages", array_of(object({{"id", id("tmsg")}, {"author", {{"enum", {"customer", "staff"}}}}, {"author_name", str()},
                                       {"body", str()}, {"attachments", attachments}, {"at", time()}},
                                      {"id", "author", "author_name", "body", "attachments", "at"}))},
         {"history", array_of(object({{"at", time()}, {"status", str()}, {"actor", str()}, {"note", str()}},
                                     {"at", "status", "actor", "note"}))}},
        {"messages", "history"});
    s["TicketPage"] = page_of("TicketListItem");
    // TicketView's staff extras: the customer (null when the account is gone) and, in the detail,
    // the order (TicketOrderSummary) and the buyer's other tickets (TicketSummary)
    const json customer = nullable(object({{"id", id("usr")}, {"email", str()}, {"display_name", str()}}, {"id", "email", "display_name"}));
    s["StaffTicketListItem"] = extend(s["TicketListItem"], {{"customer", customer}}, {"customer"});
    s["StaffTicketPage"] = page_of("StaffTicketListItem");
    s["TicketOrderSummary"] = object({{"id", id("ord")}, {"number", str()}, {"status", order_status}, {"payment_status", payment_status},
                                      {"total", ref("Money")}, {"created_at", time()}},
                                     {"id", "number", "status", "payment_status", "total", "created_at"});
    s["TicketSummary"] = object({{"id", id("tkt")}, {"number", str()}, {"subject", str()}, {"status", ticket_status}, {"created_at", time()}},
                                {"id", "number", "subject", "status", "created_at"});
    s["StaffTicket"] = extend(
        s["Ticket"],
        {{"customer", customer},
         {"order", nullable(ref("TicketOrderSummary"))},
         {"other_tickets", array_of(ref("TicketSummary"))}},
        {"customer", "order", "other_tickets"});

    // core/api/staff.cpp to_json(StaffUser), to_json(AuditItem) (issue 20)
    const json staff_role = {{"enum", {"merchant", "agent", "admin"}}};
    s["StaffUser"] = object({{"id", id("usr")}, {"email", str()}, {"display_name", str()},
                             {"roles", array_of({{"enum", {"buyer", "merchant", "agent", "admin"}}})},
                             {"disabled", boolean()}, {"invited", boolean()}, {"created_at", time()}},
                            {"id", "email", "display_name", "roles", "disabled", "invited", "created_at"});
    s["StaffUserPage"] = page_of("StaffUser");
    s["AuditEntry"] = object({{"seq", integer(1)}, {"at", time()}, {"actor_id", str()}, {"actor_email", str()},
                              {"action", {{"type", "string"}, {"pattern", "^[a-z_]+\\.[a-z_]+$"}}}, {"target", str()},
                              {"before", {{"type", {"object", "null"}}}}, {"after", {{"type", {"object", "null"}}}}},
                             {"seq", "at", "actor_id", "actor_email", "action", "target", "before", "after"});
    s["AuditPage"] = page_of("AuditEntry");

    // Request bodies (core/account.hpp validate_registration / validate_login, core/order.hpp
    // parse_order_request, and the handlers named). Members are described, not required: a missing
    // one is a 422 naming the field, which the tests rely on reaching the server.
    s["Registration"] = object({{"email", str()}, {"password", str()}, {"display_name", str()}}, json::array());
    s["Login"] = object({{"email", str()}, {"password", str()}, {"totp", str()}}, json::array());
    // core/address.cpp from_json(Address), validate_address (handlers/addresses.cpp create_address)
    s["AddressRequest"] = object({{"name", str()}, {"phone", str()}, {"country", str()}, {"region", str()}, {"city", str()},
                                  {"district", str()}, {"street", str()}, {"postal_code", str()}},
                                 json::array());
    const json order_lines = array_of(object({{"product_id", str()}, {"variant_id", nullable(str())}, {"qty", integer(1)}}, json::array()));
    s["OrderRequest"] = object({{"lines", order_lines}, {"ship_to", ref("AddressRequest")}, {"coupon", str()},
                                {"use_points", {{"type", "integer"}}}, {"pay_currency", currency()},
                                {"lang", {{"enum", {"en", "zh-CN"}}}}},
                               json::array());
    // core/catalog_edit.cpp parse_product_draft (POST and PATCH /staff/products), parse_stock_request
    s["ProductDraft"] = object({{"category", str()}, {"status", {{"enum", {"draft", "active"}}}}, {"title", str()},
                                {"description", str()}, {"i18n", {{"type", "object"}}}, {"images", array_of(str())},
                                {"options", array_of({{"type", "object"}})}, {"variants", array_of({{"type", "object"}})}},
                               json::array());
    s["CategoryRequest"] = object({{"title", str()}, {"title_zh", str()}, {"position", {{"type", "integer"}}}}, json::array());
    // handlers/staff_catalog.cpp staff_save_category
    s["Category"] = object({{"slug", str()}, {"title", str()}, {"i18n", {{"type", "object"}}}, {"position", integer(0)}},
                           {"slug", "title", "i18n", "position"});
    s["StockRequest"] = object({{"delta", {{"type", "integer"}}}, {"set", {{"type", "integer"}}},
                                {"reason", {{"enum", {"received", "damaged", "correction"}}}}, {"note", str()}},
                               json::array());
    // POST /orders/preview: ship_to must be sent; null prices the cart without an address.
    s["PreviewRequest"] = extend(s["OrderRequest"], {{"ship_to", nullable(ref("AddressRequest"))}}, {"ship_to"});
    // handlers/orders.cpp renew_quote (an empty body keeps the order's currency)
    s["QuoteRequest"] = object({{"pay_currency", currency()}}, json::array());
    // handlers/orders.cpp cancel_order, staff_orders.cpp staff_cancel_order, returns.cpp staff_reject_return
    s["ReasonRequest"] = object({{"reason", str()}}, json::array());
    // handlers/orders.cpp confirm_receipt: before_delivery acknowledges a parcel the carrier has
    // not reported delivered (an empty body confirms a delivered order)
    s["ReceiptRequest"] = object({{"before_delivery", boolean()}}, json::array());
    // handlers/payments.cpp create_payment; core/authorization.cpp parse_authorization (PAYMENT.md)
    s["PaymentRequest"] = object(
        {{"authorization", object({{"v", {{"const", 1}}}, {"store", str()}, {"order", str()}, {"order_digest", str()},
                                   {"quote", str()}, {"currency", currency()}, {"amount", amount()}, {"payer", str()},
                                   {"nonce", str()}, {"expires", {{"type", "integer"}}}},
                                  json::array())},
         {"sig", str()}},
        json::array());
    // handlers/returns.cpp create_return, ship_return
    s["ReturnCreateRequest"] = object({{"lines", array_of(object({{"line_id", str()}, {"qty", integer(1)}}, json::array()))},
                                       {"reason", str()}, {"evidence", array_of(str())}},
                                      json::array());
    s["ReturnShipmentRequest"] = object({{"carrier", str()}, {"tracking_number", str()}}, json::array());
    // handlers/staff_orders.cpp staff_ship_order, staff_reship_order, staff_refund_order (lines or an amount)
    s["ShipmentRequest"] = object({{"carrier", str()}, {"tracking_number", str()}}, json::array());
    s["ReshipmentRequest"] = extend(s["ShipmentRequest"], {{"reason", str()}}, json::array());
    s["RefundRequest"] = object({{"reason", str()},
                                 {"lines", array_of(object({{"line_id", str()}, {"qty", integer(1)}}, json::array()))},
                                 {"amount", ref("Money")}},
                                json::array());
    // handlers/wallet.cpp put_wallet, create_topup
    s["WalletRequest"] = object({{"pubkey", str()}, {"proof", str()}}, json::array());
    s["TopupRequest"] = object({{"currency", currency()}, {"amount", amount()}}, json::array());
    // handlers/security.cpp change_password, confirm_2fa / disable_2fa, request_password_reset,
    // complete_password_reset (the token in the body, or in the path of the older form)
    s["PasswordChangeRequest"] = object({{"current_password", str()}, {"new_password", str()}}, json::array());
    s["TwoFactorCodeRequest"] = object({{"code", str()}}, json::array());
    s["PasswordResetRequest"] = object({{"email", str()}}, json::array());
    s["PasswordResetCompleteRequest"] = object({{"token", str()}, {"new_password", str()}}, json::array());
    s["NewPasswordRequest"] = object({{"new_password", str()}}, json::array());
    // handlers/carriers.cpp carrier_events (times are RFC 3339 with any offset)
    s["CarrierEventsRequest"] = object(
        {{"tracking_number", str()},
         {"events", array_of(object({{"at", str()}, {"status", str()}, {"location", str()}, {"description", str()}}, json::array()))}},
        json::array());
    // core/ticket.hpp parse_ticket_draft, parse_message_draft, parse_rating; staff_tickets.cpp staff_update_ticket
    s["TicketRequest"] = object(
        {{"category", str()}, {"subject", str()}, {"description", str()},
         {"contact", object({{"email", str()}, {"phone", str()}}, json::array())},
         {"order_id", str()}, {"tx_ref", str()}, {"related_ticket", str()}, {"attachments", array_of(str())}},
        json::array());
    s["TicketMessageRequest"] = object({{"body", str()}, {"attachments", array_of(str())}}, json::array());
    s["RatingRequest"] = object({{"score", {{"type", "integer"}}}, {"comment", str()}}, json::array());
    // core/api/staff.cpp parse_staff_invite, parse_staff_update, parse_invitation_acceptance (issue 20)
    s["StaffInviteRequest"] = object({{"email", str()}, {"roles", array_of(staff_role)}, {"display_name", str()}}, json::array());
    s["StaffUpdateRequest"] = object({{"roles", array_of(staff_role)}, {"disabled", boolean()}}, json::array());
    s["InvitationAcceptRequest"] = object({{"token", str()}, {"password", str()}, {"display_name", str()}}, json::array());
    s["TicketUpdateRequest"] = object({{"status", str()}, {"queue", str()}, {"assignee", nullable(str())}, {"note", str()}},
                                      json::array());
    return s;
}

}  // namespace

const nlohmann::json& component_schemas() {
    static const json schemas = build();
    return schemas;
}

}  // namespace satstore::api
