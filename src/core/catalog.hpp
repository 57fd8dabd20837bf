// satstore core — catalog types and their JSON form (SPEC §5 "Shapes the client relies on").
// A product has options (colour, size…) and one variant per combination it is sold in; a
// product without options has exactly one variant. Price, stock, SKU and an optional image
// belong to the variant; titles, descriptions, the gallery and the status to the product.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/money.hpp"

namespace satstore {

// Title and description in one language.
struct LocalizedText {
    std::string title;
    std::string description;

    friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

// Language codes the UI and the API speak.
enum class Lang { en, zh_CN };

NLOHMANN_JSON_SERIALIZE_ENUM(Lang, {{Lang::en, "en"}, {Lang::zh_CN, "zh-CN"}})

// draft: only staff see it; active: on sale; archived: off the public catalog, kept for orders.
enum class ProductStatus { draft, active, archived };

NLOHMANN_JSON_SERIALIZE_ENUM(ProductStatus, {
    {ProductStatus::draft, "draft"},
    {ProductStatus::active, "active"},
    {ProductStatus::archived, "archived"},
})

std::optional<ProductStatus> parse_product_status(std::string_view text);

// One option of a product ("Colour": Black, Orange). English names and values identify it; the
// Chinese lists are translations, position by position ("" = not translated).
struct ProductOption {
    std::string name;
    std::vector<std::string> values;
    std::string name_zh;
    std::vector<std::string> values_zh;

    friend bool operator==(const ProductOption&, const ProductOption&) = default;
};

// One way the product is sold: one value per option, in option order.
struct Variant {
    std::string id;  // "var_…"
    std::string sku;
    std::vector<std::string> options;  // English values
    Money price;
    std::int64_t stock = 0;  // never negative
    std::string image;       // "" = the product's first image

    friend bool operator==(const Variant&, const Variant&) = default;
};

// A product as the API returns it. `en`/`zh_cn` are the English and Simplified Chinese text
// (JSON: title, description, i18n["zh-CN"]).
struct Product {
    std::string id;        // "prd_…"
    std::string category;  // slug, e.g. "apparel"
    ProductStatus status = ProductStatus::active;
    LocalizedText en;
    LocalizedText zh_cn;
    std::vector<std::string> images;  // gallery order: "/assets/…" paths or media references
    std::vector<ProductOption> options;
    std::vector<Variant> variants;  // at least one

    friend bool operator==(const Product&, const Product&) = default;
};

// The product's text in `lang`, falling back to English where a translation is empty.
const std::string& product_title(const Product& p, Lang lang);
const std::string& product_description(const Product& p, Lang lang);
// An option's name and its i-th value in `lang` (English where not translated).
const std::string& option_name(const ProductOption& o, Lang lang);
const std::string& option_value(const ProductOption& o, std::size_t i, Lang lang);

// The lowest and highest variant price (the product's "from" price), and the stock of all
// variants together. A product with no variants costs nothing and has no stock.
Money lowest_price(const Product& p);
Money highest_price(const Product& p);
std::int64_t total_stock(const Product& p);

const Variant* find_variant(const Product& p, std::string_view variant_id);
// The variant an order line means: the one named, or the only one when `variant_id` is empty.
// nullptr when the id is unknown, or empty for a product with several variants.
const Variant* line_variant(const Product& p, std::string_view variant_id);
// The variant with exactly these option values (English), or nullptr.
const Variant* variant_with(const Product& p, const std::vector<std::string>& values);
// What a buyer reads for a variant: its values in `lang` joined by " / " ("黑色 / M"); "" for a
// product without options.
std::string variant_label(const Product& p, const Variant& v, Lang lang);
// The image a variant is shown with: its own, else the product's first, else "".
const std::string& variant_image(const Product& p, const Variant& v);
// Whether a buyer may put it in a cart: active, and the variant has stock.
bool purchasable(const Product& p, const Variant& v);

// JSON codecs. from_json throws nlohmann::json::exception or std::invalid_argument on malformed
// input (the client treats that as a broken response).
void to_json(nlohmann::json& j, const Variant& v);
void from_json(const nlohmann::json& j, Variant& v);
void to_json(nlohmann::json& j, const ProductOption& o);
void from_json(const nlohmann::json& j, ProductOption& o);
void to_json(nlohmann::json& j, const Product& p);
void from_json(const nlohmann::json& j, Product& p);

}  // namespace satstore
