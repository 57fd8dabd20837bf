#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/url.hpp"

using namespace satstore;

TEST_CASE("a product round-trips through the API's JSON shape") {
    Product p{"prd_1", "sku-1", "apparel", {"Hoodie", "Warm"}, {"连帽衫", "保暖"},
              {19900, Currency::CNY}, 3, {"/assets/products/hoodie.svg"}};
    nlohmann::json j = p;
    CHECK(j.at("i18n").at("zh-CN").at("title") == "连帽衫");
    CHECK(j.at("price").at("amount") == "19900");
    CHECK(j.get<Product>() == p);
    CHECK(product_title(p, Lang::zh_CN) == "连帽衫");
    CHECK(product_title(p, Lang::en) == "Hoodie");
    p.zh_cn.title.clear();
    CHECK(product_title(p, Lang::zh_CN) == "Hoodie");
}

TEST_CASE("malformed products are refused") {
    nlohmann::json j = Product{"prd_1", "s", "c", {"t", "d"}, {}, {1, Currency::CNY}, 1, {}};
    j["stock"] = -1;
    CHECK_THROWS(j.get<Product>());
    j["stock"] = 1;
    j.erase("price");
    CHECK_THROWS(j.get<Product>());
}

TEST_CASE("URL components are percent-encoded except unreserved characters") {
    CHECK(percent_encode("abc-._~XYZ09") == "abc-._~XYZ09");
    CHECK(percent_encode("a b&c=d/e") == "a%20b%26c%3Dd%2Fe");
    CHECK(percent_encode("连帽") == "%E8%BF%9E%E5%B8%BD");
}
