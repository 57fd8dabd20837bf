// SQL backend: the catalog CSV import (issue 20), all or nothing in one transaction. The checks
// that need the database read what they need once (every category, every SKU of the shop), so
// that an import of 10,000 rows costs a few statements per row, each prepared once.
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

// The product's own row (catalog.cpp's write_product_row) holds these, and its SKUs for search.
bool same_product_row(const Product& a, const Product& b) {
    if (a.category != b.category || a.status != b.status || a.en != b.en || a.zh_cn != b.zh_cn || a.images != b.images ||
        a.options != b.options || a.variants.size() != b.variants.size())
        return false;
    for (std::size_t i = 0; i < a.variants.size(); ++i)
        if (a.variants[i].sku != b.variants[i].sku) return false;
    return true;
}

bool same_variant_row(const Variant& a, const Variant& b) {
    return a.sku == b.sku && a.options == b.options && a.price == b.price && a.image == b.image;
}

StockMovement import_movement(const AuditActor& actor, const std::string& variant_id, std::int64_t now, std::int64_t delta,
                              std::int64_t stock_after) {
    return {variant_id, now, delta, stock_after, StockReason::correction, actor.id, actor.email, "", "import"};
}

}  // namespace

std::vector<Product> SqlStore::products_with_ids(const std::vector<std::string>& ids) {
    auto lease = pool_.take();
    return load_products(*lease, ids);
}

CatalogImportResult SqlStore::import_catalog(const CatalogImport& in, const AuditActor& actor, std::int64_t now,
                                             bool dry_run) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    CatalogImportResult result;

    std::set<std::string, std::less<>> categories;
    for (Stmt s(db, "SELECT slug FROM categories"); s.step();) categories.insert(s.text(0));
    std::unordered_map<std::string, std::string> sku_owner;  // SKU → the variant that has it now
    for (Stmt s(db, "SELECT sku, id FROM variants"); s.step();) sku_owner.emplace(s.text(0), s.text(1));
    std::unordered_set<std::string> ours;  // the variants of the import's products
    for (const auto* list : {&in.creates, &in.updates})
        for (const Product& p : *list)
            for (const Variant& v : p.variants) ours.insert(v.id);

    std::vector<std::string> ids;
    for (const Product& p : in.updates) ids.push_back(p.id);
    std::unordered_map<std::string, Product> before;
    for (Product& p : load_products(db, ids)) before.emplace(p.id, std::move(p));

    std::size_t index = 0;
    for (const auto* list : {&in.creates, &in.updates}) {
        for (const Product& p : *list) {
            FieldErrors errors;
            if (!categories.count(p.category)) errors["category"] = "Not a category of the shop.";
            if (list == &in.updates && !before.count(p.id)) errors["body"] = "No product has the id " + p.id + ".";
            for (std::size_t i = 0; i < p.variants.size(); ++i) {
                const auto owner = sku_owner.find(p.variants[i].sku);
                if (owner != sku_owner.end() && !ours.count(owner->second))
                    errors["variants[" + std::to_string(i) + "].sku"] = "Another product has this SKU.";
            }
            if (!errors.empty()) result.errors.emplace_back(index, std::move(errors));
            ++index;
        }
    }
    if (dry_run || !result.errors.empty()) return result;  // rolled back: nothing written

    for (const Product& p : in.creates) {
        write_product_row(db, p, now, true);
        for (std::size_t i = 0; i < p.variants.size(); ++i) {
            const Variant& v = p.variants[i];
            insert_variant(db, p, v, i, now);
            if (v.stock > 0) record_stock_movement(db, import_movement(actor, v.id, now, v.stock, v.stock));
        }
        append_audit(db, {0, now, actor.id, actor.email, "product.create", p.id, nullptr, p});
    }

    // SKUs may move between the import's variants (A's to B, B's to A): park every changing one
    // on its id first, so that no write meets a SKU that is about to leave.
    for (const Product& p : in.updates) {
        const Product& old = before.at(p.id);
        for (const Variant& v : p.variants) {
            const Variant* stored = find_variant(old, v.id);
            if (!stored || stored->sku == v.sku) continue;
            Stmt park(db, "UPDATE variants SET sku = id WHERE id = ?");
            park.bind(1, v.id).step();
        }
    }
    for (const Product& planned : in.updates) {
        const Product& old = before.at(planned.id);
        Product after = planned;
        if (!same_product_row(planned, old)) write_product_row(db, planned, now, false);
        for (std::size_t i = 0; i < after.variants.size(); ++i) {
            Variant& v = after.variants[i];
            const Variant* stored = find_variant(old, v.id);
            if (!stored) {
                insert_variant(db, planned, v, i, now);
                if (v.stock > 0) {
                    record_stock_movement(db, import_movement(actor, v.id, now, v.stock, v.stock));
                    ++result.stock_changes;
                }
                continue;
            }
            v.stock = stored->stock;
            if (!same_variant_row(v, *stored) || i >= old.variants.size() || old.variants[i].id != v.id) {
                Stmt s(db, "UPDATE variants SET position = ?, sku = ?, options_json = ?, price_minor = ?, price_currency = ?, "
                           "image = ?, updated_at = ? WHERE id = ?");
                s.bind(1, static_cast<std::int64_t>(i)).bind(2, v.sku).bind(3, nlohmann::json(v.options).dump())
                    .bind(4, v.price.amount_minor).bind(5, currency_code(v.price.currency)).bind(6, v.image).bind(7, now)
                    .bind(8, v.id).step();
            }
            // Under the write lock no checkout runs beside us: the stock read with `before` is current.
            const auto set = in.stock_sets.find(v.id);
            if (set == in.stock_sets.end() || set->second == stored->stock) continue;
            Stmt s(db, "UPDATE variants SET stock = ?, updated_at = ? WHERE id = ?");
            s.bind(1, set->second).bind(2, now).bind(3, v.id).step();
            record_stock_movement(db, import_movement(actor, v.id, now, set->second - stored->stock, set->second));
            v.stock = set->second;
            ++result.stock_changes;
        }
        if (after != old) append_audit(db, {0, now, actor.id, actor.email, "product.update", after.id, old, after});
    }
    append_audit(db, {0, now, actor.id, actor.email, "catalog.import", "catalog", nullptr,
                      nlohmann::json{{"created", in.creates.size()}, {"updated", in.updates.size()},
                                     {"stock_changes", result.stock_changes}}});
    bump_catalog_version(db);
    tx.commit();
    result.written = true;
    stock_changed();
    return result;
}

}  // namespace satstore::server::sql
