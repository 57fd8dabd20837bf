// Catalog management (issue 20, merchant or admin): products with their variants, archive and
// restore, stock moved with a reason and its history. Every change is audited by the store in
// the change's own transaction.
#include "core/api/bodies.hpp"
#include "core/catalog_edit.hpp"
#include "core/enum_json.hpp"
#include "core/media.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr std::size_t kMaxQueryBytes = 200;
constexpr int kStockHistoryLimit = 100;

AuditActor actor_of(const Context& ctx) {
    const User& u = ctx.current_user();
    return {u.id, u.email};
}

Product existing_product(Context& ctx) {
    auto product = ctx.store.product(ctx.request.params.at("id"));
    if (!product) throw not_found("No product has this id.");
    return *product;
}

// The parsed body, with ids for what is new; 422 with every field's error.
Product product_from(Context& ctx, const Product* existing) {
    auto parsed = parse_product_draft(ctx.json_body(), existing, ctx.config.fiat);
    if (!parsed.errors.empty()) throw validation_error(std::move(parsed.errors));
    Product& p = parsed.product;
    // Uploaded images must exist (an /assets/ path is the shop's own file).
    FieldErrors missing;
    const auto check_media = [&](const std::string& ref, const std::string& field) {
        const auto m = media::parse_media_ref(ref);
        if (m && !ctx.store.media_image(m->hash)) missing[field] = "No image was uploaded with this reference.";
    };
    for (std::size_t i = 0; i < p.images.size(); ++i) check_media(p.images[i], "images[" + std::to_string(i) + "]");
    for (std::size_t i = 0; i < p.variants.size(); ++i) check_media(p.variants[i].image, "variants[" + std::to_string(i) + "].image");
    if (!missing.empty()) throw validation_error(std::move(missing));
    if (!existing) p.id = secrets::new_id("prd");
    for (auto& v : p.variants)
        if (v.id.empty()) v.id = secrets::new_id("var");
    return std::move(p);
}

Response answer(const CatalogResult& r, int status, const Product& sent) {
    switch (r.outcome) {
        case CatalogOutcome::done:
            return json_response(status, *r.product);
        case CatalogOutcome::not_found:
            throw not_found("No product has this id.");
        case CatalogOutcome::unknown_category:
            throw validation_error({{"category", "Choose one of the shop's categories."}});
        case CatalogOutcome::sku_taken: {
            FieldErrors errors;
            for (std::size_t i = 0; i < sent.variants.size(); ++i)
                if (sent.variants[i].sku == r.detail) errors["variants[" + std::to_string(i) + "].sku"] = "Another product has this SKU.";
            throw ApiError(409, ProblemCode::sku_taken, "SKU in use", "Another product already has the SKU " + r.detail + ".",
                           std::move(errors));
        }
        case CatalogOutcome::variant_in_orders:
            throw ApiError(409, ProblemCode::variant_in_orders, "Variant in orders",
                           "Orders name the variant " + r.detail + ": it cannot be deleted. Archive the product instead.");
        case CatalogOutcome::not_allowed:
            throw ApiError(409, ProblemCode::product_status_unchanged, "Nothing to change",
                           "The product is already " + enum_name(r.product->status) + ".");
    }
    throw std::logic_error("unhandled catalog outcome");
}

nlohmann::json movement_json(const StockMovement& m) {
    return {{"at", rfc3339(m.at_unix_s)},
            {"delta", m.delta},
            {"stock_after", m.stock_after ? nlohmann::json(*m.stock_after) : nlohmann::json()},
            {"reason", m.reason},
            {"actor_email", m.actor_email},
            {"ref", m.ref},
            {"note", m.note}};
}

}  // namespace

// PUT /staff/categories/{slug} {title, title_zh?, position?}: creates or renames a category.
Response staff_save_category(Context& ctx) {
    const auto body = ctx.json_body();
    FieldErrors errors;
    Category c;
    c.slug = ctx.request.params.at("slug");
    if (!valid_slug(c.slug)) errors["slug"] = "Use 1–40 of a–z, 0–9 and '-'.";
    const auto text = [&](const char* key, bool required) {
        const auto it = body.find(key);
        if (it == body.end() || it->is_null()) {
            if (required) errors[key] = "Required.";
            return std::string();
        }
        if (!it->is_string() || it->get_ref<const std::string&>().empty() || it->get_ref<const std::string&>().size() > 120)
            errors[key] = "1–120 bytes of text.";
        return it->is_string() ? it->get<std::string>() : std::string();
    };
    c.title_en = text("title", true);
    c.title_zh = text("title_zh", false);
    if (const auto pos = body.find("position"); pos != body.end() && !pos->is_null()) {
        const auto n = whole_number(*pos);
        if (!n || *n < 0 || *n > 10000) errors["position"] = "A whole number from 0 to 10000.";
        else c.position = static_cast<int>(*n);
    }
    if (!errors.empty()) throw validation_error(std::move(errors));
    ctx.store.save_category(c, actor_of(ctx), ctx.now_unix_s);
    return json_response(200, nlohmann::json{{"slug", c.slug}, {"title", c.title_en}, {"i18n", {{"zh-CN", {{"title", c.title_zh}}}}},
                                             {"position", c.position}});
}

Response staff_list_products(Context& ctx) {
    ProductQuery q;
    q.text = query_param(ctx, "q");
    if (q.text.size() > kMaxQueryBytes) throw validation_error({{"q", "Search text is too long."}});
    if (const auto status = query_param(ctx, "status"); !status.empty()) {
        q.status = parse_product_status(status);
        if (!q.status) throw validation_error({{"status", "draft, active or archived."}});
    }
    q.category = query_param(ctx, "category");
    q.limit = parse_page_limit(ctx, 50);
    q.after_seq = parse_cursor(ctx);
    const ProductPage page = ctx.store.products(q);
    return json_response(200, page_json(page.items, page.next_seq));
}

Response staff_get_product(Context& ctx) { return json_response(200, existing_product(ctx)); }

Response staff_create_product(Context& ctx) {
    const Product p = product_from(ctx, nullptr);
    return answer(ctx.store.create_product(p, actor_of(ctx), ctx.now_unix_s), 201, p);
}

Response staff_update_product(Context& ctx) {
    const Product before = existing_product(ctx);
    const Product p = product_from(ctx, &before);
    return answer(ctx.store.update_product(p, actor_of(ctx), ctx.now_unix_s), 200, p);
}

Response staff_archive_product(Context& ctx) {
    const Product p = existing_product(ctx);
    return answer(ctx.store.set_product_status(p.id, ProductStatus::archived, actor_of(ctx), ctx.now_unix_s), 200, p);
}

Response staff_restore_product(Context& ctx) {
    const Product p = existing_product(ctx);
    return answer(ctx.store.set_product_status(p.id, ProductStatus::active, actor_of(ctx), ctx.now_unix_s), 200, p);
}

Response staff_adjust_stock(Context& ctx) {
    const auto parsed = parse_stock_request(ctx.json_body());
    if (!parsed.errors.empty()) throw validation_error(parsed.errors);
    const std::string& id = ctx.request.params.at("id");
    const StockResult r = ctx.store.adjust_stock(id, parsed.request, actor_of(ctx), ctx.now_unix_s);
    switch (r.outcome) {
        case StockOutcome::not_found:
            throw not_found("No variant has this id.");
        case StockOutcome::insufficient: {
            ApiError e(409, ProblemCode::insufficient_stock, "Not enough stock",
                       "Only " + std::to_string(r.stock) + " in stock: stock cannot go below zero.");
            e.extra.variant_id = id;
            e.extra.available = r.stock;
            throw e;
        }
        case StockOutcome::done:
            break;
    }
    return json_response(200, nlohmann::json{{"variant_id", id}, {"stock", r.stock}, {"movement", movement_json(r.movement)}});
}

Response staff_stock_history(Context& ctx) {
    const std::string& id = ctx.request.params.at("id");
    const auto product = ctx.store.product_of_variant(id);
    if (!product) throw not_found("No variant has this id.");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : ctx.store.stock_history(id, kStockHistoryLimit)) items.push_back(movement_json(m));
    return json_response(200, nlohmann::json{{"variant_id", id}, {"stock", find_variant(*product, id)->stock}, {"items", items}});
}

}  // namespace satstore::server::handlers
