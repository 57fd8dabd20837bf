// satstore core — catalog types and their JSON form (SPEC §5 "Shapes the client relies on").
#pragma once

#include <cstdint>
#include <string>
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

// A product as the API returns it. `title`/`description` are English; `zh_cn` carries the
// Simplified Chinese text (JSON: i18n["zh-CN"]). `price` is fiat; `stock` never negative.
struct Product {
    std::string id;        // "prd_…"
    std::string sku;
    std::string category;  // slug, e.g. "apparel"
    LocalizedText en;
    LocalizedText zh_cn;
    Money price;
    std::int64_t stock = 0;
    std::vector<std::string> images;  // URLs, absolute paths on the API origin ("/assets/…")

    friend bool operator==(const Product&, const Product&) = default;
};

// Language codes the UI and the API speak.
enum class Lang { en, zh_CN };

NLOHMANN_JSON_SERIALIZE_ENUM(Lang, {{Lang::en, "en"}, {Lang::zh_CN, "zh-CN"}})

// The product's text in `lang`, falling back to English where a translation is empty.
const std::string& product_title(const Product& p, Lang lang);
const std::string& product_description(const Product& p, Lang lang);

// JSON codecs. from_json throws nlohmann::json::exception or std::invalid_argument on malformed
// input (the client treats that as a broken response).
void to_json(nlohmann::json& j, const Product& p);
void from_json(const nlohmann::json& j, Product& p);

}  // namespace satstore
