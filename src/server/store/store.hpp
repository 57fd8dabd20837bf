// satstore server — the storage interface every backend implements (SQLite now, PostgreSQL
// later). Handlers talk only to this interface; SQL stays in the backend files.
//
// All methods are safe to call from several HTTP worker threads at once. Failures of the
// database itself throw StoreError (the HTTP layer turns it into a 503 without details).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.hpp"
#include "core/catalog.hpp"

namespace satstore::server {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Category {
    std::string slug;
    std::string title_en;
    std::string title_zh;
    int position = 0;
};

struct ProductQuery {
    std::string text;                       // matched against titles, descriptions and SKU
    std::string category;                   // exact slug, empty = all
    int limit = 24;                         // 1..100, checked by the caller
    std::optional<std::int64_t> after_seq;  // cursor: continue below this list position
};

struct ProductPage {
    std::vector<Product> items;
    std::optional<std::int64_t> next_seq;  // set when more items follow
};

struct User {
    std::string id;  // "usr_…"
    std::string email;
    std::string display_name;
    std::string password_hash;  // libsodium crypto_pwhash_str (argon2id)
    std::vector<Role> roles;
    bool twofa_enabled = false;
    std::int64_t created_at_unix_s = 0;
};

struct Session {
    std::string token_hash;  // hex SHA-256 of the bearer token; the token itself is never stored
    std::string user_id;
    std::int64_t created_at_unix_s = 0;
    std::int64_t expires_at_unix_s = 0;
    std::string ip;
    std::string user_agent;
};

struct LoginEvent {
    std::optional<std::string> user_id;  // empty when the email is unknown
    std::int64_t at_unix_s = 0;
    std::string ip;
    std::string user_agent;
    bool success = false;
    std::string reason;  // "", "invalid_credentials", …
};

class Store {
public:
    virtual ~Store() = default;

    // Applies every migration not yet applied, in version order, each in its own transaction.
    // Returns the versions applied now (empty when the schema was current).
    virtual std::vector<std::string> migrate() = 0;
    // True when the database answers a trivial query.
    virtual bool ping() noexcept = 0;

    // --- catalog ---
    virtual std::vector<Category> categories() = 0;
    virtual void upsert_category(const Category& category) = 0;
    // Inserts a product unless one with the same SKU exists. Returns true when inserted.
    virtual bool add_product(const Product& product, std::int64_t now_unix_s) = 0;
    virtual std::optional<Product> product(std::string_view id) = 0;
    virtual ProductPage products(const ProductQuery& query) = 0;

    // --- accounts ---
    // Returns false (and stores nothing) when the email is already registered.
    virtual bool create_user(const User& user) = 0;
    virtual std::optional<User> user_by_email(std::string_view normalized_email) = 0;
    virtual std::optional<User> user_by_id(std::string_view id) = 0;
    virtual void create_session(const Session& session) = 0;
    // The user of an unexpired session, or nullopt.
    virtual std::optional<User> session_user(std::string_view token_hash, std::int64_t now_unix_s) = 0;
    virtual void delete_session(std::string_view token_hash) = 0;
    virtual void record_login(const LoginEvent& event) = 0;
};

// Opens the backend named by a URL: "sqlite:PATH" (the file is created if missing).
// Throws StoreError for an unknown scheme or a database that cannot be opened.
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace satstore::server
