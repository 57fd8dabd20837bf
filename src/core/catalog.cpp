#include "core/catalog.hpp"

#include <algorithm>
#include <stdexcept>

namespace satstore {

std::optional<ProductStatus> parse_product_status(std::string_view text) {
    if (text == "draft") return ProductStatus::draft;
    if (text == "active") return ProductStatus::active;
    if (text == "archived") return ProductStatus::archived;
    return std::nullopt;
}

const std::string& product_title(const Product& p, Lang lang) {
    return lang == Lang::zh_CN && !p.zh_cn.title.empty() ? p.zh_cn.title : p.en.title;
}

const std::string& product_description(const Product& p, Lang lang) {
    return lang == Lang::zh_CN && !p.zh_cn.description.empty() ? p.zh_cn.description
                                                               : p.en.description;
}

const std::string& option_name(const ProductOption& o, Lang lang) {
    return lang == Lang::zh_CN && !o.name_zh.empty() ? o.name_zh : o.name;
}

const std::string& option_value(const ProductOption& o, std::size_t i, Lang lang) {
    if (lang == Lang::zh_CN && i < o.values_zh.size() && !o.values_zh[i].empty()) return o.values_zh[i];
    return o.values.at(i);
}

Money lowest_price(const Product& p) {
    if (p.variants.empty()) return {};
    return std::min_element(p.variants.begin(), p.variants.end(),
                            [](const Variant& a, const Variant& b) { return a.price.amount_minor < b.price.amount_minor; })
        ->price;
}

Money highest_price(const Product& p) {
    if (p.variants.empty()) return {};
    return std::max_element(p.variants.begin(), p.variants.end(),
                            [](const Variant& a, const Variant& b) { return a.price.amount_minor < b.price.amount_minor; })
        ->price;
}

std::int64_t total_stock(const Product& p) {
    std::int64_t sum = 0;
    for (const auto& v : p.variants) sum += v.stock;
    return sum;
}

const Variant* find_variant(const Product& p, std::string_view variant_id) {
    for (const auto& v : p.variants)
        if (v.id == variant_id) return &v;
    return nullptr;
}

const Variant* line_variant(const Product& p, std::string_view variant_id) {
    if (variant_id.empty()) return p.variants.size() == 1 ? &p.variants.front() : nullptr;
    return find_variant(p, variant_id);
}

const Variant* variant_with(const Product& p, const std::vector<std::string>& values) {
    for (const auto& v : p.variants)
        if (v.options == values) return &v;
    return nullptr;
}

std::string variant_label(const Product& p, const Variant& v, Lang lang) {
    std::string out;
    for (std::size_t i = 0; i < v.options.size() && i < p.options.size(); ++i) {
        const auto& o = p.options[i];
        const auto at = std::find(o.values.begin(), o.values.end(), v.options[i]);
        if (!out.empty()) out += " / ";
        out += at == o.values.end() ? v.options[i] : option_value(o, static_cast<std::size_t>(at - o.values.begin()), lang);
    }
    return out;
}

const std::string& variant_image(const Product& p, const Variant& v) {
    static const std::string none;
    if (!v.image.empty()) return v.image;
    return p.images.empty() ? none : p.images.front();
}

bool purchasable(const Product& p, const Variant& v) { return p.status == ProductStatus::active && v.stock > 0; }

void to_json(nlohmann::json& j, const Variant& v) {
    j = {{"id", v.id}, {"sku", v.sku}, {"options", v.options}, {"price", v.price}, {"stock", v.stock}, {"image", v.image}};
}

void from_json(const nlohmann::json& j, Variant& v) {
    v.id = j.at("id").get<std::string>();
    v.sku = j.at("sku").get<std::string>();
    v.options = j.at("options").get<std::vector<std::string>>();
    v.price = j.at("price").get<Money>();
    v.stock = j.at("stock").get<std::int64_t>();
    if (v.stock < 0) throw std::invalid_argument("negative stock");
    v.image = j.value("image", std::string());
}

void to_json(nlohmann::json& j, const ProductOption& o) {
    j = {{"name", o.name}, {"values", o.values}, {"i18n", {{"zh-CN", {{"name", o.name_zh}, {"values", o.values_zh}}}}}};
}

void from_json(const nlohmann::json& j, ProductOption& o) {
    o.name = j.at("name").get<std::string>();
    o.values = j.at("values").get<std::vector<std::string>>();
    o.name_zh.clear();
    o.values_zh.clear();
    if (auto i18n = j.find("i18n"); i18n != j.end()) {
        if (auto zh = i18n->find("zh-CN"); zh != i18n->end()) {
            o.name_zh = zh->value("name", std::string());
            if (auto values = zh->find("values"); values != zh->end()) o.values_zh = values->get<std::vector<std::string>>();
        }
    }
}

void to_json(nlohmann::json& j, const Product& p) {
    j = nlohmann::json{
        {"id", p.id},
        {"category", p.category},
        {"status", p.status},
        {"title", p.en.title},
        {"description", p.en.description},
        {"i18n", {{"zh-CN", {{"title", p.zh_cn.title}, {"description", p.zh_cn.description}}}}},
        {"images", p.images},
        {"options", p.options},
        {"variants", p.variants},
        {"price", lowest_price(p)},
        {"stock", total_stock(p)},
    };
}

void from_json(const nlohmann::json& j, Product& p) {
    p.id = j.at("id").get<std::string>();
    p.category = j.at("category").get<std::string>();
    const auto status = parse_product_status(j.value("status", std::string("active")));
    if (!status) throw std::invalid_argument("unknown product status");
    p.status = *status;
    p.en.title = j.at("title").get<std::string>();
    p.en.description = j.at("description").get<std::string>();
    p.zh_cn = {};
    if (auto i18n = j.find("i18n"); i18n != j.end()) {
        if (auto zh = i18n->find("zh-CN"); zh != i18n->end()) {
            p.zh_cn.title = zh->at("title").get<std::string>();
            p.zh_cn.description = zh->at("description").get<std::string>();
        }
    }
    p.images = j.at("images").get<std::vector<std::string>>();
    p.options = j.value("options", std::vector<ProductOption>{});
    p.variants = j.at("variants").get<std::vector<Variant>>();
    if (p.variants.empty()) throw std::invalid_argument("a product without variants");
}

}  // namespace satstore
