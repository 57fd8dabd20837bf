#include "server/demo/seed.hpp"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "server/auth/secrets.hpp"

namespace satstore::server::demo {
namespace {

nlohmann::json read_catalog(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open demo catalog " + path);
    auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) throw std::runtime_error(path + " is not a JSON object");
    return doc;
}

Product to_product(const nlohmann::json& j) {
    Product p;
    p.id = secrets::new_id("prd");
    p.sku = j.at("sku").get<std::string>();
    p.category = j.at("category").get<std::string>();
    p.en = {j.at("title").get<std::string>(), j.at("description").get<std::string>()};
    p.zh_cn = {j.at("zh_title").get<std::string>(), j.at("zh_description").get<std::string>()};
    const auto price = parse_amount_minor(j.at("price_cny").get<std::string>());
    if (!price) throw std::runtime_error("bad price_cny for " + p.sku);
    p.price = {*price, Currency::CNY};
    p.stock = j.at("stock").get<std::int64_t>();
    if (p.stock < 0) throw std::runtime_error("negative stock for " + p.sku);
    p.images = {"/assets/products/" + j.at("image").get<std::string>()};
    return p;
}

}  // namespace

SeedReport seed(Store& store, const std::string& assets_root, std::int64_t now) {
    const std::string path = assets_root + "/demo/catalog.json";
    const auto doc = read_catalog(path);
    SeedReport report;
    try {
        int position = 0;
        for (const auto& c : doc.at("categories")) {
            store.upsert_category({c.at("slug").get<std::string>(), c.at("title").get<std::string>(),
                                   c.at("zh_title").get<std::string>(), position++});
            ++report.categories;
        }
        // Insert in reverse so that the first product of the file is the newest, i.e. listed first.
        const auto& products = doc.at("products");
        for (auto it = products.rbegin(); it != products.rend(); ++it) {
            if (store.add_product(to_product(*it), now)) ++report.products_added;
            ++report.products_total;
        }
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
    for (const auto& coupon : kDemoCoupons) store.upsert_coupon(coupon);
    for (const auto& account : kDemoAccounts) {
        if (store.user_by_email(account.email)) continue;
        User user;
        user.id = secrets::new_id("usr");
        user.email = account.email;
        user.display_name = std::string("Demo ") + account.role;
        user.password_hash = secrets::hash_password(kDemoPassword);
        user.roles = {*parse_role(account.role)};
        if (user.roles.front() != Role::buyer) user.roles.insert(user.roles.begin(), Role::buyer);
        user.created_at_unix_s = now;
        user.points = user.roles.front() == Role::buyer && user.roles.size() == 1 ? kDemoBuyerPoints : 0;
        if (store.create_user(user)) ++report.accounts_added;
    }
    return report;
}

}  // namespace satstore::server::demo
