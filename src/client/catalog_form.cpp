// satstore client — the product editor's form (see catalog_form.hpp).
#include "catalog_form.hpp"

#include <algorithm>

#include "core/json_text.hpp"

namespace satstore::client {

using nlohmann::json;

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

// Whether `row`'s values are one value of each option, in order.
bool fits(const VariantForm& row, const std::vector<std::vector<std::string>>& values) {
    if (row.options.size() != values.size()) return false;
    for (std::size_t k = 0; k < values.size(); ++k)
        if (std::find(values[k].begin(), values[k].end(), row.options[k]) == values[k].end()) return false;
    return true;
}

}  // namespace

std::vector<std::string> split_values(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::string t = trimmed(cur);
        if (!t.empty()) out.push_back(std::move(t));
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',') {
            flush();
        } else if (text.compare(i, 3, "\xEF\xBC\x8C") == 0) {  // "，"
            flush();
            i += 2;
        } else {
            cur += text[i];
        }
    }
    flush();
    return out;
}

ProductForm form_of(const Product& p) {
    ProductForm f;
    f.category = p.category;
    f.title = p.en.title;
    f.description = p.en.description;
    f.title_zh = p.zh_cn.title;
    f.description_zh = p.zh_cn.description;
    f.status = p.status;
    f.images = p.images;
    for (const auto& o : p.options) f.options.push_back(OptionForm{o.name, o.name_zh, joined(o.values), joined(o.values_zh)});
    for (const auto& v : p.variants) {
        VariantForm row;
        row.id = v.id;
        row.options = v.options;
        row.sku = v.sku;
        row.price = major_amount_text(v.price.amount_minor, currency_decimals(v.price.currency));
        row.stock = std::to_string(v.stock);
        row.stock_now = v.stock;
        row.image = v.image;
        f.variants.push_back(std::move(row));
    }
    return f;
}

ProductForm new_product_form() {
    ProductForm f;
    f.variants.push_back(VariantForm{});
    return f;
}

json draft_json(const ProductForm& form, Currency fiat, FieldErrors& local) {
    json body = {
        {"category", form.category},
        {"title", form.title},
        {"description", form.description},
        {"i18n", {{"zh-CN", {{"title", form.title_zh}, {"description", form.description_zh}}}}},
        {"images", form.images},
    };
    // An archived product keeps its status until restored (core refuses a status for it).
    if (form.status != ProductStatus::archived) body["status"] = form.status == ProductStatus::active ? "active" : "draft";
    json options = json::array();
    for (const auto& o : form.options) {
        json zh = {{"name", o.name_zh}};
        if (const auto values_zh = split_values(o.values_zh); !values_zh.empty()) zh["values"] = values_zh;
        options.push_back({{"name", trimmed(o.name)}, {"values", split_values(o.values)}, {"i18n", {{"zh-CN", zh}}}});
    }
    body["options"] = options;
    json variants = json::array();
    for (std::size_t i = 0; i < form.variants.size(); ++i) {
        const VariantForm& row = form.variants[i];
        const std::string field = "variants[" + std::to_string(i) + "]";
        json v = {{"sku", trimmed(row.sku)}, {"options", row.options}, {"image", row.image}};
        if (!row.id.empty()) v["id"] = row.id;
        const std::string price = trimmed(row.price);
        if (const auto minor = parse_major_amount(price, currency_decimals(fiat))) v["price"] = Money{*minor, fiat};
        else if (!price.empty()) local[field + ".price"] = "Type the price in yuan, e.g. 129 or 129.90.";
        if (row.id.empty()) {
            const json stock = json_text::parse(trimmed(row.stock)).value;
            v["stock"] = stock.is_number() ? stock : json(row.stock);
        }
        variants.push_back(std::move(v));
    }
    body["variants"] = variants;
    return body;
}

ParsedProductDraft check_form(const ProductForm& form, const Product* existing, Currency fiat) {
    FieldErrors local;
    const json body = draft_json(form, fiat, local);
    ParsedProductDraft parsed = parse_product_draft(body, existing, fiat);
    for (auto& [field, message] : local) parsed.errors[field] = message;  // more precise than "Required."
    return parsed;
}

int generate_variants(ProductForm& form) {
    std::vector<std::vector<std::string>> values;
    for (const auto& o : form.options) values.push_back(split_values(o.values));
    std::string price;  // new rows start at the first row's price
    for (const auto& row : form.variants)
        if (!row.price.empty()) {
            price = row.price;
            break;
        }
    std::erase_if(form.variants, [&](const VariantForm& row) { return row.id.empty() && !fits(row, values); });
    const bool any_empty = std::any_of(values.begin(), values.end(), [](const auto& v) { return v.empty(); });
    int added = 0;
    if (any_empty) return added;
    std::vector<std::size_t> at(values.size(), 0);
    for (;;) {
        VariantForm row;
        for (std::size_t k = 0; k < values.size(); ++k) row.options.push_back(values[k][at[k]]);
        const bool exists = std::any_of(form.variants.begin(), form.variants.end(),
                                        [&](const VariantForm& r) { return r.options == row.options; });
        if (!exists) {
            row.price = price;
            form.variants.push_back(std::move(row));
            ++added;
        }
        // Next combination, the last option fastest (Black/M, Black/L, Orange/M, …).
        std::size_t k = values.size();
        while (k > 0 && ++at[k - 1] == values[k - 1].size()) at[--k] = 0;
        if (k == 0) break;
    }
    return added;
}

}  // namespace satstore::client
