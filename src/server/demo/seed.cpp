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

Variant to_variant(const nlohmann::json& j, std::vector<std::string> options) {
    Variant v;
    v.id = secrets::new_id("var");
    v.sku = j.at("sku").get<std::string>();
    v.options = std::move(options);
    const auto price = parse_amount_minor(j.at("price_cny").get<std::string>());
    if (!price || *price <= 0) throw std::runtime_error("bad price_cny for " + v.sku);
    v.price = {*price, Currency::CNY};
    v.stock = j.at("stock").get<std::int64_t>();
    if (v.stock < 0) throw std::runtime_error("negative stock for " + v.sku);
    if (j.contains("image")) v.image = "/assets/products/" + j.at("image").get<std::string>();
    return v;
}

// A product of the file: either one variant given inline (sku, price_cny, stock, image), or
// "options" ([{name, zh_name, values, zh_values}]) with "variants" ([{sku, options, price_cny,
// stock, image?}]); its gallery is "images" or the inline "image".
Product to_product(const nlohmann::json& j) {
    Product p;
    p.id = secrets::new_id("prd");
    p.status = ProductStatus::active;
    p.category = j.at("category").get<std::string>();
    p.en = {j.at("title").get<std::string>(), j.at("description").get<std::string>()};
    p.zh_cn = {j.at("zh_title").get<std::string>(), j.at("zh_description").get<std::string>()};
    const auto images = j.contains("images") ? j.at("images").get<std::vector<std::string>>()
                                             : std::vector<std::string>{j.at("image").get<std::string>()};
    for (const auto& image : images) p.images.push_back("/assets/products/" + image);
    if (!j.contains("variants")) {
        p.variants.push_back(to_variant(j, {}));
        p.variants.back().image.clear();
        return p;
    }
    for (const auto& o : j.at("options"))
        p.options.push_back({o.at("name").get<std::string>(), o.at("values").get<std::vector<std::string>>(),
                             o.at("zh_name").get<std::string>(), o.at("zh_values").get<std::vector<std::string>>()});
    for (const auto& v : j.at("variants")) p.variants.push_back(to_variant(v, v.at("options").get<std::vector<std::string>>()));
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
