// Catalog: the store's description, products and exchange rates (SPEC §5).
#include <sodium.h>

#include "core/hex.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr int kDefaultPageSize = 24;
constexpr std::size_t kMaxQueryBytes = 200;

// Weak validator over the exact bytes sent: equal bodies give equal tags on every process.
std::string etag_of(const std::string& body) {
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                       nullptr, 0);
    return "\"" + hex::encode(digest, sizeof digest) + "\"";
}

// A JSON response with an ETag; 304 without a body when the client already has it.
Response cacheable_json(const Context& ctx, const nlohmann::json& value) {
    Response r = json_response(200, value);
    const std::string tag = etag_of(r.body);
    r.header("ETag", tag).header("Cache-Control", "no-cache");
    const auto if_none_match = ctx.request.header("if-none-match");
    if (!if_none_match.empty() && (if_none_match == tag || if_none_match == "W/" + tag || if_none_match == "*")) {
        Response not_modified = empty_response(304);
        not_modified.header("ETag", tag).header("Cache-Control", "no-cache");
        return not_modified;
    }
    return r;
}

}  // namespace

Response get_store(Context& ctx) {
    const Config& c = ctx.config;
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& cat : ctx.store.categories())
        categories.push_back({{"slug", cat.slug}, {"title", cat.title_en}, {"i18n", {{"zh-CN", {{"title", cat.title_zh}}}}}});
    nlohmann::json pay = nlohmann::json::array();
    for (const auto& [currency, rate] : c.rates) pay.push_back(currency);
    return json_response(200, {
        {"id", c.store_id},
        {"name", c.store_name},
        {"currencies", {c.fiat}},
        {"pay_currencies", pay},
        {"support", {{"email", c.support_email}, {"phone", c.support_phone}, {"hours", c.support_hours}}},
        {"categories", categories},
        {"demo", c.demo},
    });
}

Response list_products(Context& ctx) {
    FieldErrors errors;
    ProductQuery q;
    q.text = query_param(ctx, "q");
    if (q.text.size() > kMaxQueryBytes) errors["q"] = "Search text is too long.";
    q.category = query_param(ctx, "category");
    if (q.category.size() > 64) errors["category"] = "Unknown category.";
    if (!errors.empty()) throw validation_error(std::move(errors));
    q.limit = parse_page_limit(ctx, kDefaultPageSize);
    q.after_seq = parse_cursor(ctx);

    const ProductPage page = ctx.store.products(q);
    return cacheable_json(ctx, page_json(page.items, page.next_seq));
}

Response get_product(Context& ctx) {
    auto product = ctx.store.product(ctx.request.params.at("id"));
    if (!product) throw not_found("No product has this id.");
    return cacheable_json(ctx, *product);
}

Response get_rates(Context& ctx) {
    nlohmann::json rates = nlohmann::json::array();
    for (const auto& [currency, rate] : ctx.config.rates)
        rates.push_back({{"currency", currency}, {"rate", amount_to_string(rate)},
                         {"decimals", currency_decimals(currency)}});
    return json_response(200, {{"fiat", ctx.config.fiat}, {"rates", rates}});
}

}  // namespace satstore::server::handlers
