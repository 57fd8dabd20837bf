// SQL backend: categories, products with their variants, stock movements.
#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/enum_json.hpp"
#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

constexpr const char* kProductColumns =
    "seq, id, category, status, title_en, description_en, title_zh, description_zh, images_json, options_json";

Product read_product(const Stmt& s) {
    Product p;
    p.id = s.text(1);
    p.category = s.text(2);
    p.status = parse_product_status(s.text(3)).value_or(ProductStatus::draft);
    p.en = {s.text(4), s.text(5)};
    p.zh_cn = {s.text(6), s.text(7)};
    p.images = nlohmann::json::parse(s.text(8)).get<std::vector<std::string>>();
    p.options = nlohmann::json::parse(s.text(9)).get<std::vector<ProductOption>>();
    return p;
}

// Fills the variants of `products` (one query for all of them).
void load_variants(Db& db, std::vector<Product*> products) {
    if (products.empty()) return;
    std::string sql = "SELECT product_id, id, sku, options_json, price_minor, price_currency, stock, image FROM variants "
                      "WHERE product_id IN (";
    for (std::size_t i = 0; i < products.size(); ++i) sql += i == 0 ? "?" : ", ?";
    sql += ") ORDER BY product_id, position";
    Stmt s(db, sql);
    std::map<std::string, Product*, std::less<>> by_id;
    for (std::size_t i = 0; i < products.size(); ++i) {
        s.bind(static_cast<int>(i + 1), products[i]->id);
        by_id[products[i]->id] = products[i];
    }
    while (s.step()) {
        Variant v;
        v.id = s.text(1);
        v.sku = s.text(2);
        v.options = nlohmann::json::parse(s.text(3)).get<std::vector<std::string>>();
        v.price = {s.integer(4), parse_currency(s.text(5)).value_or(Currency::CNY)};
        v.stock = s.integer(6);
        v.image = s.text(7);
        if (auto it = by_id.find(s.text(0)); it != by_id.end()) it->second->variants.push_back(std::move(v));
    }
}

std::optional<Product> load_product(Db& db, std::string_view id) {
    Stmt s(db, std::string("SELECT ") + kProductColumns + " FROM products WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    Product p = read_product(s);
    load_variants(db, {&p});
    return p;
}

std::string skus_text(const Product& p) {
    std::string out;
    for (const auto& v : p.variants) out += (out.empty() ? "" : " ") + v.sku;
    return out;
}

// The first of `p`'s SKUs that a variant of another product (or a variant not in `p`) has.
std::optional<std::string> taken_sku(Db& db, const Product& p) {
    for (const auto& v : p.variants) {
        Stmt s(db, "SELECT id FROM variants WHERE sku = ?");
        s.bind(1, v.sku);
        if (s.step() && !find_variant(p, s.text(0))) return v.sku;
    }
    return std::nullopt;
}

}  // namespace

void insert_variant(Db& db, const Product& p, const Variant& v, std::size_t position, std::int64_t now) {
    Stmt s(db,
           "INSERT INTO variants(id, product_id, position, sku, options_json, price_minor, price_currency, stock, image, "
           "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, v.id).bind(2, p.id).bind(3, static_cast<std::int64_t>(position)).bind(4, v.sku)
        .bind(5, nlohmann::json(v.options).dump()).bind(6, v.price.amount_minor).bind(7, currency_code(v.price.currency))
        .bind(8, v.stock).bind(9, v.image).bind(10, now).bind(11, now).step();
}

bool category_exists(Db& db, std::string_view slug) {
    Stmt s(db, "SELECT 1 FROM categories WHERE slug = ?");
    s.bind(1, slug);
    return s.step();
}

void write_product_row(Db& db, const Product& p, std::int64_t now, bool insert) {
    Stmt s(db, insert ? "INSERT INTO products(category, status, title_en, description_en, title_zh, description_zh, images_json, "
                        "options_json, search_text, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      : "UPDATE products SET category = ?, status = ?, title_en = ?, description_en = ?, title_zh = ?, "
                        "description_zh = ?, images_json = ?, options_json = ?, search_text = ?, updated_at = ? WHERE id = ?");
    s.bind(1, p.category).bind(2, enum_name(p.status)).bind(3, p.en.title).bind(4, p.en.description).bind(5, p.zh_cn.title)
        .bind(6, p.zh_cn.description).bind(7, nlohmann::json(p.images).dump()).bind(8, nlohmann::json(p.options).dump())
        .bind(9, skus_text(p)).bind(10, now).bind(11, p.id);
    if (insert) s.bind(12, now);
    s.step();
}

std::vector<Product> load_products(Db& db, const std::vector<std::string>& ids) {
    constexpr std::size_t kBatch = 500;  // bound parameters per query
    std::vector<Product> out;
    out.reserve(ids.size());
    for (std::size_t from = 0; from < ids.size(); from += kBatch) {
        const std::size_t to = std::min(ids.size(), from + kBatch);
        std::string sql = std::string("SELECT ") + kProductColumns + " FROM products WHERE id IN (";
        for (std::size_t i = from; i < to; ++i) sql += i == from ? "?" : ", ?";
        Stmt s(db, sql + ")");
        for (std::size_t i = from; i < to; ++i) s.bind(static_cast<int>(i - from + 1), ids[i]);
        const std::size_t first = out.size();
        while (s.step()) out.push_back(read_product(s));
        std::vector<Product*> batch;
        for (std::size_t i = first; i < out.size(); ++i) batch.push_back(&out[i]);
        load_variants(db, batch);
    }
    return out;
}

void bump_catalog_version(Db& db) {
    Stmt s(db, "UPDATE counters SET value = value + 1 WHERE name = 'catalog_version'");
    s.step();
}

std::int64_t SqlStore::catalog_version() {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT value FROM counters WHERE name = 'catalog_version'");
    return s.step() ? s.integer(0) : 0;
}

void record_stock_movement(Db& db, const StockMovement& m) {
    Stmt s(db,
           "INSERT INTO stock_movements(variant_id, at, delta, stock_after, reason, actor_id, actor_email, ref, note) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, m.variant_id).bind(2, m.at_unix_s).bind(3, m.delta);
    if (m.stock_after) s.bind(4, *m.stock_after);
    else s.bind_null(4);
    s.bind(5, enum_name(m.reason)).bind(6, m.actor_id).bind(7, m.actor_email).bind(8, m.ref).bind(9, m.note).step();
}

std::vector<Category> SqlStore::categories() {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT slug, title_en, title_zh, position FROM categories ORDER BY position, slug");
    std::vector<Category> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), static_cast<int>(s.integer(3))});
    return out;
}

namespace {

void write_category(Db& db, const Category& c) {
    Stmt s(db,
           "INSERT INTO categories(slug, title_en, title_zh, position) VALUES (?, ?, ?, ?) "
           "ON CONFLICT(slug) DO UPDATE SET title_en = excluded.title_en, "
           "title_zh = excluded.title_zh, position = excluded.position");
    s.bind(1, c.slug).bind(2, c.title_en).bind(3, c.title_zh).bind(4, std::int64_t{c.position}).step();
}

nlohmann::json category_json(const Category& c) {
    return {{"slug", c.slug}, {"title", c.title_en}, {"title_zh", c.title_zh}, {"position", c.position}};
}

}  // namespace

void SqlStore::upsert_category(const Category& c) {
    auto lease = pool_.take();
    write_category(*lease, c);
}

void SqlStore::save_category(const Category& c, const AuditActor& actor, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Stmt old(db, "SELECT slug, title_en, title_zh, position FROM categories WHERE slug = ?");
    old.bind(1, c.slug);
    nlohmann::json before;
    if (old.step()) before = category_json({old.text(0), old.text(1), old.text(2), static_cast<int>(old.integer(3))});
    write_category(db, c);
    append_audit(db, {0, now, actor.id, actor.email, "category.save", c.slug, before, category_json(c)});
    bump_catalog_version(db);
    tx.commit();
    stock_changed();
}

bool SqlStore::add_product(const Product& p, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    if (taken_sku(db, p)) return false;
    write_product_row(db, p, now, true);
    for (std::size_t i = 0; i < p.variants.size(); ++i) insert_variant(db, p, p.variants[i], i, now);
    bump_catalog_version(db);
    tx.commit();
    stock_changed();
    return true;
}

std::optional<Product> SqlStore::product(std::string_view id) {
    auto lease = pool_.take();
    return load_product(*lease, id);
}

std::optional<Product> SqlStore::product_of_variant(std::string_view variant_id) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT product_id FROM variants WHERE id = ?");
    s.bind(1, variant_id);
    if (!s.step()) return std::nullopt;
    return load_product(*lease, s.text(0));
}

ProductPage SqlStore::products(const ProductQuery& q) {
    auto lease = pool_.take();
    std::string sql = std::string("SELECT ") + kProductColumns + " FROM products WHERE 1 = 1";
    if (!q.category.empty()) sql += " AND category = ?1";
    if (!q.text.empty()) {
        const std::string match = std::string(" ") + like(*lease) + " ?2 ESCAPE '\\'";
        sql += " AND (title_en" + match + " OR title_zh" + match + " OR description_en" + match +
               " OR description_zh" + match + " OR search_text" + match + ")";
    }
    if (q.status) sql += " AND status = ?5";
    if (q.after_seq) sql += " AND seq < ?3";
    sql += " ORDER BY seq DESC LIMIT ?4";
    Stmt s(*lease, sql);
    if (!q.category.empty()) s.bind(1, q.category);
    if (!q.text.empty()) s.bind(2, like_contains(q.text));
    if (q.after_seq) s.bind(3, *q.after_seq);
    s.bind(4, std::int64_t{q.limit} + 1);  // one extra row tells whether a next page exists
    if (q.status) s.bind(5, enum_name(*q.status));
    ProductPage page;
    std::int64_t last_seq = 0;
    while (s.step()) {
        if (static_cast<int>(page.items.size()) == q.limit) {
            page.next_seq = last_seq;
            break;
        }
        last_seq = s.integer(0);
        page.items.push_back(read_product(s));
    }
    std::vector<Product*> all;
    for (auto& p : page.items) all.push_back(&p);
    load_variants(*lease, all);
    return page;
}

CatalogResult SqlStore::create_product(const Product& p, const AuditActor& actor, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    if (!category_exists(db, p.category)) return {CatalogOutcome::unknown_category, std::nullopt, p.category};
    if (auto sku = taken_sku(db, p)) return {CatalogOutcome::sku_taken, std::nullopt, *sku};
    write_product_row(db, p, now, true);
    for (std::size_t i = 0; i < p.variants.size(); ++i) {
        const Variant& v = p.variants[i];
        insert_variant(db, p, v, i, now);
        if (v.stock > 0)
            record_stock_movement(db, {v.id, now, v.stock, v.stock, StockReason::received, actor.id, actor.email, "", "initial stock"});
    }
    auto stored = load_product(db, p.id);
    append_audit(db, {0, now, actor.id, actor.email, "product.create", p.id, nullptr, *stored});
    bump_catalog_version(db);
    tx.commit();
    stock_changed();
    return {CatalogOutcome::done, stored, ""};
}

CatalogResult SqlStore::update_product(const Product& p, const AuditActor& actor, std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    const auto before = load_product(db, p.id);
    if (!before) return {CatalogOutcome::not_found, std::nullopt, ""};
    if (!category_exists(db, p.category)) return {CatalogOutcome::unknown_category, std::nullopt, p.category};
    for (const auto& old : before->variants) {
        if (find_variant(p, old.id)) continue;
        Stmt ordered(db, "SELECT 1 FROM order_lines WHERE variant_id = ?");
        ordered.bind(1, old.id);
        if (ordered.step()) return {CatalogOutcome::variant_in_orders, std::nullopt, old.id};
        Stmt drop(db, "DELETE FROM variants WHERE id = ?");
        drop.bind(1, old.id).step();
    }
    // SKUs can move between this product's variants: park the kept ones first, so that no
    // intermediate row repeats a SKU.
    for (const auto& v : p.variants) {
        Stmt park(db, "UPDATE variants SET sku = id WHERE id = ? AND product_id = ?");
        park.bind(1, v.id).bind(2, p.id).step();
    }
    if (auto sku = taken_sku(db, p)) return {CatalogOutcome::sku_taken, std::nullopt, *sku};
    write_product_row(db, p, now, false);
    for (std::size_t i = 0; i < p.variants.size(); ++i) {
        const Variant& v = p.variants[i];
        if (!find_variant(*before, v.id)) {
            insert_variant(db, p, v, i, now);
            if (v.stock > 0)
                record_stock_movement(db, {v.id, now, v.stock, v.stock, StockReason::received, actor.id, actor.email, "", "initial stock"});
            continue;
        }
        Stmt s(db, "UPDATE variants SET position = ?, sku = ?, options_json = ?, price_minor = ?, price_currency = ?, "
                   "image = ?, updated_at = ? WHERE id = ?");
        s.bind(1, static_cast<std::int64_t>(i)).bind(2, v.sku).bind(3, nlohmann::json(v.options).dump())
            .bind(4, v.price.amount_minor).bind(5, currency_code(v.price.currency)).bind(6, v.image).bind(7, now)
            .bind(8, v.id).step();
    }
    auto stored = load_product(db, p.id);
    if (*stored != *before)
        append_audit(db, {0, now, actor.id, actor.email, "product.update", p.id, *before, *stored});
    bump_catalog_version(db);
    tx.commit();
    stock_changed();
    return {CatalogOutcome::done, stored, ""};
}

CatalogResult SqlStore::set_product_status(std::string_view id, ProductStatus status, const AuditActor& actor,
                                           std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    const auto before = load_product(db, id);
    if (!before) return {CatalogOutcome::not_found, std::nullopt, ""};
    const bool archiving = status == ProductStatus::archived;
    if (archiving == (before->status == ProductStatus::archived)) return {CatalogOutcome::not_allowed, before, ""};
    Stmt s(db, "UPDATE products SET status = ?, updated_at = ? WHERE id = ?");
    s.bind(1, enum_name(status)).bind(2, now).bind(3, id).step();
    auto stored = load_product(db, id);
    append_audit(db, {0, now, actor.id, actor.email, archiving ? "product.archive" : "product.restore", std::string(id),
                      nlohmann::json{{"status", before->status}}, nlohmann::json{{"status", status}}});
    bump_catalog_version(db);
    tx.commit();
    stock_changed();
    return {CatalogOutcome::done, stored, ""};
}

StockResult SqlStore::adjust_stock(std::string_view variant_id, const StockRequest& r, const AuditActor& actor,
                                   std::int64_t now) {
    auto lease = pool_.take();
    Db& db = *lease;
    // Beside checkouts: the row lock below orders this change with theirs (they take stock from
    // the same row, last in their transactions).
    Transaction tx(db, WriteLock::rows);
    Stmt lock(db, std::string("SELECT stock, product_id, sku FROM variants WHERE id = ?") + for_update(db));
    lock.bind(1, variant_id);
    if (!lock.step()) return {StockOutcome::not_found, 0, {}};
    const std::int64_t stock = lock.integer(0);
    const std::string product_id = lock.text(1), sku = lock.text(2);
    const std::int64_t delta = r.absolute ? r.amount - stock : r.amount;
    if (stock + delta < 0 || stock + delta > kMaxStock) return {StockOutcome::insufficient, stock, {}};
    StockMovement m{std::string(variant_id), now, delta, stock + delta, r.reason, actor.id, actor.email, "", r.note};
    if (delta != 0) {
        Stmt update(db, "UPDATE variants SET stock = stock + ?, updated_at = ? WHERE id = ?");
        update.bind(1, delta).bind(2, now).bind(3, variant_id).step();
        record_stock_movement(db, m);
        append_audit(db, {0, now, actor.id, actor.email, "stock.adjust", std::string(variant_id),
                          nlohmann::json{{"sku", sku}, {"product_id", product_id}, {"stock", stock}},
                          nlohmann::json{{"sku", sku}, {"product_id", product_id}, {"stock", stock + delta},
                                         {"reason", r.reason}, {"note", r.note}}});
        bump_catalog_version(db);
    }
    tx.commit();
    if (delta != 0) stock_changed();
    return {StockOutcome::done, stock + delta, m};
}

std::vector<StockMovement> SqlStore::stock_history(std::string_view variant_id, int limit) {
    auto lease = pool_.take();
    Stmt s(*lease,
           "SELECT variant_id, at, delta, stock_after, reason, actor_id, actor_email, ref, note FROM stock_movements "
           "WHERE variant_id = ? ORDER BY seq DESC LIMIT ?");
    s.bind(1, variant_id).bind(2, std::int64_t{limit});
    std::vector<StockMovement> out;
    while (s.step()) {
        StockMovement m{s.text(0), s.integer(1), s.integer(2), std::nullopt, StockReason::correction, s.text(5), s.text(6),
                        s.text(7), s.text(8)};
        if (!s.is_null(3)) m.stock_after = s.integer(3);
        m.reason = nlohmann::json(s.text(4)).get<StockReason>();
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace satstore::server::sql
