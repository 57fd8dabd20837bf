#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/catalog_edit.hpp"
#include "core/url.hpp"

using namespace satstore;

namespace {

const std::string kMedia = "/media/" + std::string(64, 'c') + "-960.webp";

Product hoodie() {
    Product p;
    p.id = "prd_1";
    p.category = "apparel";
    p.en = {"Hoodie", "Warm"};
    p.zh_cn = {"连帽衫", "保暖"};
    p.images = {"/assets/products/hoodie.svg", kMedia};
    p.options = {{"Colour", {"Black", "Orange"}, "颜色", {"黑色", "橙色"}}, {"Size", {"M", "L"}, "尺码", {}}};
    p.variants = {{"var_1", "hd-bk-m", {"Black", "M"}, {19900, Currency::CNY}, 3, ""},
                  {"var_2", "hd-or-l", {"Orange", "L"}, {17900, Currency::CNY}, 0, kMedia}};
    return p;
}

}  // namespace

TEST_CASE("a product with variants round-trips through the API's JSON shape") {
    const Product p = hoodie();
    nlohmann::json j = p;
    CHECK(j.at("i18n").at("zh-CN").at("title") == "连帽衫");
    CHECK(j.at("status") == "active");
    CHECK(j.at("price").at("amount") == "17900");  // the lowest variant price
    CHECK(j.at("stock") == 3);                     // all variants together
    CHECK(j.at("variants").at(0).at("price").at("amount") == "19900");
    CHECK(j.at("options").at(0).at("i18n").at("zh-CN").at("values").at(1) == "橙色");
    CHECK(j.get<Product>() == p);
    CHECK(product_title(p, Lang::zh_CN) == "连帽衫");
    Product untranslated = p;
    untranslated.zh_cn.title.clear();
    CHECK(product_title(untranslated, Lang::zh_CN) == "Hoodie");
}

TEST_CASE("variants: lookup, labels in both languages, images, what can be bought") {
    const Product p = hoodie();
    CHECK(line_variant(p, "var_2")->sku == "hd-or-l");
    CHECK(line_variant(p, "") == nullptr);  // several variants: the line must say which
    CHECK(line_variant(p, "var_9") == nullptr);
    CHECK(variant_with(p, {"Orange", "L"})->id == "var_2");
    CHECK(variant_with(p, {"Orange", "M"}) == nullptr);
    CHECK(variant_label(p, p.variants[0], Lang::en) == "Black / M");
    CHECK(variant_label(p, p.variants[0], Lang::zh_CN) == "黑色 / M");  // untranslated values stay English
    CHECK(variant_image(p, p.variants[0]) == "/assets/products/hoodie.svg");
    CHECK(variant_image(p, p.variants[1]) == kMedia);
    CHECK(purchasable(p, p.variants[0]));
    CHECK_FALSE(purchasable(p, p.variants[1]));  // sold out
    Product archived = p;
    archived.status = ProductStatus::archived;
    CHECK_FALSE(purchasable(archived, archived.variants[0]));
    Product single = p;
    single.options.clear();
    single.variants.resize(1);
    single.variants[0].options.clear();
    CHECK(line_variant(single, "")->id == "var_1");
    CHECK(variant_label(single, single.variants[0], Lang::en).empty());
}

TEST_CASE("malformed products are refused") {
    nlohmann::json j = hoodie();
    j["variants"][0]["stock"] = -1;
    CHECK_THROWS(j.get<Product>());
    j = hoodie();
    j["variants"] = nlohmann::json::array();
    CHECK_THROWS(j.get<Product>());
    j = hoodie();
    j["status"] = "deleted";
    CHECK_THROWS(j.get<Product>());
}

TEST_CASE("a new product is checked field by field") {
    const nlohmann::json good = {
        {"category", "apparel"},
        {"title", "Hoodie"},
        {"description", "Warm"},
        {"i18n", {{"zh-CN", {{"title", "连帽衫"}}}}},
        {"images", {kMedia}},
        {"options", {{{"name", "Size"}, {"values", {"M", "L"}}}}},
        {"variants",
         {{{"sku", "hd-m"}, {"options", {"M"}}, {"price", {{"amount", "19900"}, {"currency", "CNY"}}}, {"stock", 4}},
          {{"sku", "hd-l"}, {"options", {"L"}}, {"price", {{"amount", "19900"}, {"currency", "CNY"}}}}}},
    };
    const auto ok = parse_product_draft(good, nullptr, Currency::CNY);
    CHECK(ok.errors.empty());
    CHECK(ok.product.status == ProductStatus::draft);
    CHECK(ok.product.variants.size() == 2);
    CHECK(ok.product.variants[0].stock == 4);
    CHECK(ok.product.variants[1].stock == 0);
    CHECK(ok.product.zh_cn.title == "连帽衫");

    auto bad = good;
    bad["variants"][1]["sku"] = "hd-m";
    bad["variants"][0]["options"] = {"XL"};
    bad["variants"][1]["price"] = {{"amount", "0"}, {"currency", "CNY"}};
    bad["images"] = {"https://elsewhere.example/x.png"};
    bad["options"][0]["values"] = {"M", "M"};
    bad.erase("title");
    const auto refused = parse_product_draft(bad, nullptr, Currency::CNY);
    CHECK(refused.errors.count("variants[1].sku"));
    CHECK(refused.errors.count("variants[1].price"));
    CHECK(refused.errors.count("images[0]"));
    CHECK(refused.errors.count("options[0].values[1]"));
    CHECK(refused.errors.count("title"));

    auto no_variants = good;
    no_variants.erase("variants");
    CHECK(parse_product_draft(no_variants, nullptr, Currency::CNY).errors.count("variants"));
    auto usd = good;
    usd["variants"][0]["price"]["currency"] = "USD";
    CHECK(parse_product_draft(usd, nullptr, Currency::CNY).errors.count("variants[0].price"));
}

TEST_CASE("an update keeps what it does not name, and stock moves only with a reason") {
    const Product before = hoodie();
    const nlohmann::json patch = {
        {"title", "Satoshi Hoodie"},
        {"variants",
         {{{"id", "var_1"}, {"sku", "hd-bk-m"}, {"options", {"Black", "M"}}, {"price", {{"amount", "18900"}, {"currency", "CNY"}}},
           {"stock", 999}}}},
    };
    const auto r = parse_product_draft(patch, &before, Currency::CNY);
    CHECK(r.errors.empty());
    CHECK(r.product.en.title == "Satoshi Hoodie");
    CHECK(r.product.zh_cn.title == "连帽衫");
    CHECK(r.product.variants.size() == 1);
    CHECK(r.product.variants[0].stock == 3);  // not 999
    CHECK(r.product.variants[0].price.amount_minor == 18900);
    auto foreign = patch;
    foreign["variants"][0]["id"] = "var_other";
    CHECK(parse_product_draft(foreign, &before, Currency::CNY).errors.count("variants[0].id"));
    CHECK(parse_product_draft({{"status", "archived"}}, &before, Currency::CNY).errors.count("status"));
    CHECK(parse_product_draft({{"options", nlohmann::json::array()}}, &before, Currency::CNY).errors.count("variants"));
}

TEST_CASE("stock requests: a change or a new level, always with a reason") {
    auto r = parse_stock_request({{"delta", -2}, {"reason", "damaged"}});
    CHECK(r.errors.empty());
    CHECK(r.request.amount == -2);
    CHECK_FALSE(r.request.absolute);
    r = parse_stock_request({{"set", 10}, {"reason", "correction"}});
    CHECK(r.errors.empty());
    CHECK(r.request.absolute);
    CHECK(parse_stock_request({{"set", -1}, {"reason", "correction"}}).errors.count("set"));
    CHECK(parse_stock_request({{"delta", 0}, {"reason", "received"}}).errors.count("delta"));
    CHECK(parse_stock_request({{"delta", 1.5}, {"reason", "received"}}).errors.count("delta"));
    CHECK(parse_stock_request({{"delta", 1}, {"set", 1}, {"reason", "received"}}).errors.count("delta"));
    CHECK(parse_stock_request({{"delta", 1}, {"reason", "order"}}).errors.count("reason"));  // orders move stock themselves
    CHECK(parse_stock_request({{"delta", 1}}).errors.count("reason"));
}

TEST_CASE("SKUs, slugs and image references") {
    CHECK(valid_sku("sku-hoodie-bk.M_2"));
    CHECK_FALSE(valid_sku(""));
    CHECK_FALSE(valid_sku("has space"));
    CHECK_FALSE(valid_sku(std::string(65, 'a')));
    CHECK(valid_slug("home-office"));
    CHECK_FALSE(valid_slug("Home"));
    CHECK(valid_image_ref("/assets/products/hoodie.svg"));
    CHECK(valid_image_ref("/media/" + std::string(64, 'a') + "-640.webp"));
    CHECK_FALSE(valid_image_ref("/media/0123abcd"));
    CHECK_FALSE(valid_image_ref("/assets/../secret"));
    CHECK_FALSE(valid_image_ref("//evil.example/x.png"));
    CHECK_FALSE(valid_image_ref("/media/"));
}

TEST_CASE("URL components are percent-encoded except unreserved characters") {
    CHECK(percent_encode("abc-._~XYZ09") == "abc-._~XYZ09");
    CHECK(percent_encode("a b&c=d/e") == "a%20b%26c%3Dd%2Fe");
    CHECK(percent_encode("连帽") == "%E8%BF%9E%E5%B8%BD");
}
