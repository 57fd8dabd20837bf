// Catalog: the store's description, products and exchange rates (SPEC §5). Product pages and
// products are served from catalog_cache (fresh within Config::catalog_cache_max_age).
#include "core/api/bodies.hpp"
#include "server/catalog_cache.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr int kDefaultPageSize = 24;
constexpr std::size_t kMaxQueryBytes = 200;

// A cached JSON body with its ETag; 304 without a body when the client already has it.
Response cacheable_json(const Context& ctx, const catalog_cache::Entry& entry) {
    const auto if_none_match = ctx.request.header("if-none-match");
    if (!if_none_match.empty() &&
        (if_none_match == entry.etag || if_none_match == "W/" + entry.etag || if_none_match == "*")) {
        Response not_modified = empty_response(304);
        not_modified.header("ETag", entry.etag).header("Cache-Control", "no-cache");
        return not_modified;
    }
    Response r = json_text_response(200, entry.body);
    r.header("ETag", entry.etag).header("Cache-Control", "no-cache");
    return r;
}

std::string encode(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Length-prefixed parts, so that no search text can make two queries share a key.
void append_key_part(std::string& key, std::string_view part) {
    key += std::to_string(part.size());
    key += ':';
    key += part;
}

}  // namespace

Response get_store(Context& ctx) {
    const Config& c = ctx.config;
    api::StoreInfo info{c.store_id, c.store_name, c.fiat, {}, c.support_email, c.support_phone, c.support_hours, c.support_hours_zh, {}, c.demo};
    for (const auto& [currency, rate] : c.rates) info.pay_currencies.push_back(currency);
    for (const auto& cat : ctx.store.categories()) info.categories.push_back({cat.slug, cat.title_en, cat.title_zh});
    return json_response(200, info);
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
    q.status = ProductStatus::active;  // drafts and archived products are off the public catalog

    std::string key = "products?";
    append_key_part(key, q.text);
    append_key_part(key, q.category);
    key += std::to_string(q.limit) + ":" + (q.after_seq ? std::to_string(*q.after_seq) : "-");
    const auto entry = catalog_cache::get_or_build(key, ctx.config.catalog_cache_max_age, [&] {
        const ProductPage page = ctx.store.products(q);
        return encode(page_json(page.items, page.next_seq));
    });
    return cacheable_json(ctx, *entry);
}

Response get_product(Context& ctx) {
    const std::string& id = ctx.request.params.at("id");
    const auto entry = catalog_cache::get_or_build("product/" + id, ctx.config.catalog_cache_max_age, [&] {
        // An archived product is still shown (orders link to it), marked so; a draft is not public.
        auto product = ctx.store.product(id);
        if (!product || product->status == ProductStatus::draft) throw not_found("No product has this id.");  // not kept: the build threw
        return encode(*product);
    });
    return cacheable_json(ctx, *entry);
}

Response get_rates(Context& ctx) {
    api::Rates rates{ctx.config.fiat, {}};
    for (const auto& [currency, rate] : ctx.config.rates) rates.rates.push_back({currency, rate, currency_decimals(currency)});
    return json_response(200, rates);
}

}  // namespace satstore::server::handlers
