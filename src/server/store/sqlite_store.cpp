// satstore server — the SQLite backend of Store.
#include <mutex>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/embedded_file.hpp"
#include "server/store/sqlite_db.hpp"
#include "server/store/store.hpp"

namespace satstore::server {

// Generated from store/migrations/sqlite/*.sql (cmake/embed.cmake).
namespace migrations { const std::vector<EmbeddedFile>& sqlite_migrations(); }

namespace {

using sqlite::Db;
using sqlite::Stmt;
using sqlite::Transaction;

// Connections handed out one per concurrent caller and returned afterwards. SQLite connections
// must not be shared between threads that use them at the same time.
class ConnectionPool {
public:
    explicit ConnectionPool(std::string path) : path_(std::move(path)) {}

    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<Db> db) : pool_(pool), db_(std::move(db)) {}
        ~Lease() { pool_.give_back(std::move(db_)); }
        Db& operator*() { return *db_; }

    private:
        ConnectionPool& pool_;
        std::unique_ptr<Db> db_;
    };

    Lease take() {
        {
            std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                auto db = std::move(idle_.back());
                idle_.pop_back();
                return Lease(*this, std::move(db));
            }
        }
        return Lease(*this, std::make_unique<Db>(path_));
    }

private:
    void give_back(std::unique_ptr<Db> db) {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(db));
    }

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Db>> idle_;
};

std::string join_roles(const std::vector<Role>& roles) {
    std::string out;
    for (Role r : roles) {
        if (!out.empty()) out += ',';
        out += nlohmann::json(r).get<std::string>();
    }
    return out;
}

std::vector<Role> split_roles(const std::string& text) {
    std::vector<Role> roles;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (auto role = parse_role(std::string_view(text).substr(start, end - start))) roles.push_back(*role);
        start = end + 1;
    }
    return roles;
}

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

constexpr const char* kUserColumns = "id, email, display_name, password_hash, roles, twofa_enabled, created_at";

User read_user(const Stmt& s, int first = 0) {
    User u;
    u.id = s.text(first + 0);
    u.email = s.text(first + 1);
    u.display_name = s.text(first + 2);
    u.password_hash = s.text(first + 3);
    u.roles = split_roles(s.text(first + 4));
    u.twofa_enabled = s.integer(first + 5) != 0;
    u.created_at_unix_s = s.integer(first + 6);
    return u;
}

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::string& path) : pool_(path) {
        auto db = pool_.take();  // fail early when the file cannot be opened
    }

    std::vector<std::string> migrate() override {
        auto lease = pool_.take();
        Db& db = *lease;
        db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
        std::vector<std::string> applied;
        for (const auto& file : migrations::sqlite_migrations()) {
            Transaction tx(db);
            Stmt check(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
            check.bind(1, file.name);
            if (check.step()) continue;
            db.exec(file.contents);
            Stmt mark(db, "INSERT INTO schema_migrations(version, applied_at) VALUES (?, strftime('%s','now'))");
            mark.bind(1, file.name).step();
            tx.commit();
            applied.push_back(file.name);
        }
        return applied;
    }

    bool ping() noexcept override {
        try {
            auto lease = pool_.take();
            Stmt s(*lease, "SELECT 1");
            return s.step();
        } catch (const StoreError&) {
            return false;
        }
    }

    std::vector<Category> categories() override {
        auto lease = pool_.take();
        Stmt s(*lease, "SELECT slug, title_en, title_zh, position FROM categories ORDER BY position, slug");
        std::vector<Category> out;
        while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), static_cast<int>(s.integer(3))});
        return out;
    }

    void upsert_category(const Category& c) override {
        auto lease = pool_.take();
        Stmt s(*lease,
               "INSERT INTO categories(slug, title_en, title_zh, position) VALUES (?, ?, ?, ?) "
               "ON CONFLICT(slug) DO UPDATE SET title_en = excluded.title_en, "
               "title_zh = excluded.title_zh, position = excluded.position");
        s.bind(1, c.slug).bind(2, c.title_en).bind(3, c.title_zh).bind(4, std::int64_t{c.position}).step();
    }

    bool add_product(const Product& p, std::int64_t now) override {
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

    std::optional<Product> product(std::string_view id) override {
        auto lease = pool_.take();
        Stmt s(*lease, std::string("SELECT ") + kProductColumns + " FROM products WHERE id = ?");
        s.bind(1, id);
        if (!s.step()) return std::nullopt;
        return read_product(s);
    }

    ProductPage products(const ProductQuery& q) override {
        auto lease = pool_.take();
        std::string sql = std::string("SELECT ") + kProductColumns + " FROM products WHERE 1 = 1";
        if (!q.category.empty()) sql += " AND category = ?1";
        if (!q.text.empty())
            sql += " AND (title_en LIKE ?2 ESCAPE '\\' OR title_zh LIKE ?2 ESCAPE '\\' OR "
                   "description_en LIKE ?2 ESCAPE '\\' OR description_zh LIKE ?2 ESCAPE '\\' OR sku LIKE ?2 ESCAPE '\\')";
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

    bool create_user(const User& u) override {
        auto lease = pool_.take();
        Stmt s(*lease,
               "INSERT INTO users(id, email, display_name, password_hash, roles, twofa_enabled, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(email) DO NOTHING");
        s.bind(1, u.id).bind(2, u.email).bind(3, u.display_name).bind(4, u.password_hash)
            .bind(5, join_roles(u.roles)).bind(6, std::int64_t{u.twofa_enabled}).bind(7, u.created_at_unix_s);
        s.step();
        return (*lease).changes() == 1;
    }

    std::optional<User> user_by_email(std::string_view email) override {
        return one_user(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = ?", email);
    }

    std::optional<User> user_by_id(std::string_view id) override {
        return one_user(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", id);
    }

    void create_session(const Session& session) override {
        auto lease = pool_.take();
        Stmt s(*lease,
               "INSERT INTO sessions(token_hash, user_id, created_at, expires_at, ip, user_agent) "
               "VALUES (?, ?, ?, ?, ?, ?)");
        s.bind(1, session.token_hash).bind(2, session.user_id).bind(3, session.created_at_unix_s)
            .bind(4, session.expires_at_unix_s).bind(5, session.ip).bind(6, session.user_agent).step();
    }

    std::optional<User> session_user(std::string_view token_hash, std::int64_t now) override {
        auto lease = pool_.take();
        Stmt s(*lease,
               "SELECT u.id, u.email, u.display_name, u.password_hash, u.roles, u.twofa_enabled, u.created_at "
               "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?");
        s.bind(1, token_hash).bind(2, now);
        if (!s.step()) return std::nullopt;
        return read_user(s);
    }

    void delete_session(std::string_view token_hash) override {
        auto lease = pool_.take();
        Stmt s(*lease, "DELETE FROM sessions WHERE token_hash = ?");
        s.bind(1, token_hash).step();
    }

    void record_login(const LoginEvent& e) override {
        auto lease = pool_.take();
        Stmt s(*lease,
               "INSERT INTO login_events(user_id, at, ip, user_agent, success, reason) VALUES (?, ?, ?, ?, ?, ?)");
        if (e.user_id) s.bind(1, *e.user_id);
        else s.bind_null(1);
        s.bind(2, e.at_unix_s).bind(3, e.ip).bind(4, e.user_agent).bind(5, std::int64_t{e.success})
            .bind(6, e.reason).step();
    }

private:
    std::optional<User> one_user(const std::string& sql, std::string_view key) {
        auto lease = pool_.take();
        Stmt s(*lease, sql);
        s.bind(1, key);
        if (!s.step()) return std::nullopt;
        return read_user(s);
    }

    ConnectionPool pool_;
};

}  // namespace

std::unique_ptr<Store> open_store(const std::string& url) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.rfind(kSqlite, 0) == 0) return std::make_unique<SqliteStore>(url.substr(kSqlite.size()));
    throw StoreError("unsupported database URL (expected sqlite:PATH): " + url);
}

}  // namespace satstore::server
