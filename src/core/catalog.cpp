#include "core/catalog.hpp"

#include <stdexcept>

namespace satstore {

const std::string& product_title(const Product& p, Lang lang) {
    return lang == Lang::zh_CN && !p.zh_cn.title.empty() ? p.zh_cn.title : p.en.title;
}

const std::string& product_description(const Product& p, Lang lang) {
    return lang == Lang::zh_CN && !p.zh_cn.description.empty() ? p.zh_cn.description
                                                               : p.en.description;
}

void to_json(nlohmann::json& j, const Product& p) {
    j = nlohmann::json{
        {"id", p.id},
        {"sku", p.sku},
        {"category", p.category},
        {"title", p.en.title},
        {"description", p.en.description},
        {"i18n", {{"zh-CN", {{"title", p.zh_cn.title}, {"description", p.zh_cn.description}}}}},
        {"price", p.price},
        {"stock", p.stock},
        {"images", p.images},
    };
}

void from_json(const nlohmann::json& j, Product& p) {
    p.id = j.at("id").get<std::string>();
    p.sku = j.at("sku").get<std::string>();
    p.category = j.at("category").get<std::string>();
    p.en.title = j.at("title").get<std::string>();
    p.en.description = j.at("description").get<std::string>();
    p.zh_cn = {};
    if (auto i18n = j.find("i18n"); i18n != j.end()) {
        if (auto zh = i18n->find("zh-CN"); zh != i18n->end()) {
            p.zh_cn.title = zh->at("title").get<std::string>();
            p.zh_cn.description = zh->at("description").get<std::string>();
        }
    }
    p.price = j.at("price").get<Money>();
    p.stock = j.at("stock").get<std::int64_t>();
    if (p.stock < 0) throw std::invalid_argument("negative stock");
    p.images = j.at("images").get<std::vector<std::string>>();
}

}  // namespace satstore
