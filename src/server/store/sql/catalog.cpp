// SQL backend: categories and products.
#include <nlohmann/json.hpp>

#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {
namespace {

// Escapes LIKE wildcards so user search text matches literally (ESCAPE '\').
std::string like_pattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

constexpr const char* kProductColumns =
    "seq, id, sku, category, title_en, description_en, title_zh, description_zh, price_minor, "
    "price_currency, stock, images_json";

Product read_product(const Stmt& s) {
    Product p;
    p.id = s.text(1);
    p.sku = s.text(2);
    p.category = s.text(3);
    p.en = {s.text(4), s.text(5)};
    p.zh_cn = {s.text(6), s.text(7)};
    p.price.amount_minor = s.integer(8);
    p.price.currency = parse_currency(s.text(9)).value_or(Currency::CNY);
    p.stock = s.integer(10);
    p.images = nlohmann::json::parse(s.text(11)).get<std::vector<std::string>>();
    return p;
}

}  // namespace

std::vector<Category> SqlStore::categories() {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT slug, title_en, title_zh, position FROM categories ORDER BY position, slug");
    std::vector<Category> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), static_cast<int>(s.integer(3))});
    return out;
}

void SqlStore::upsert_category(const Category& c) {
    auto lease = pool_.take();
    Stmt s(*lease,
           "INSERT INTO categories(slug, title_en, title_zh, position) VALUES (?, ?, ?, ?) "
           "ON CONFLICT(slug) DO UPDATE SET title_en = excluded.title_en, "
           "title_zh = excluded.title_zh, position = excluded.position");
    s.bind(1, c.slug).bind(2, c.title_en).bind(3, c.title_zh).bind(4, std::int64_t{c.position}).step();
}

bool SqlStore::add_product(const Product& p, std::int64_t now) {
    auto lease = pool_.take();
    Stmt s(*lease,
           "INSERT INTO products(id, sku, category, title_en, description_en, title_zh, description_zh, "
           "price_minor, price_currency, stock, images_json, created_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sku) DO NOTHING");
    s.bind(1, p.id).bind(2, p.sku).bind(3, p.category).bind(4, p.en.title).bind(5, p.en.description)
        .bind(6, p.zh_cn.title).bind(7, p.zh_cn.description).bind(8, p.price.amount_minor)
        .bind(9, currency_code(p.price.currency)).bind(10, p.stock)
        .bind(11, nlohmann::json(p.images).dump()).bind(12, now).bind(13, now);
    s.step();
    return (*lease).changes() == 1;
}

std::optional<Product> SqlStore::product(std::string_view id) {
    auto lease = pool_.take();
    Stmt s(*lease, std::string("SELECT ") + kProductColumns + " FROM products WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_product(s);
}

ProductPage SqlStore::products(const ProductQuery& q) {
    auto lease = pool_.take();
    std::string sql = std::string("SELECT ") + kProductColumns + " FROM products WHERE 1 = 1";
    if (!q.category.empty()) sql += " AND category = ?1";
    if (!q.text.empty()) {
        const std::string match = std::string(" ") + like(*lease) + " ?2 ESCAPE '\\'";
        sql += " AND (title_en" + match + " OR title_zh" + match + " OR description_en" + match +
               " OR description_zh" + match + " OR sku" + match + ")";
    }
    if (q.after_seq) sql += " AND seq < ?3";
    sql += " ORDER BY seq DESC LIMIT ?4";
    Stmt s(*lease, sql);
    if (!q.category.empty()) s.bind(1, q.category);
    if (!q.text.empty()) s.bind(2, like_pattern(q.text));
    if (q.after_seq) s.bind(3, *q.after_seq);
    s.bind(4, std::int64_t{q.limit} + 1);  // one extra row tells whether a next page exists
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
    return page;
}

}  // namespace satstore::server::sql
