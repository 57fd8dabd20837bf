#include "core/catalog_edit.hpp"

#include <algorithm>
#include <set>

#include "core/media.hpp"
#include "core/order.hpp"
#include "core/text.hpp"

namespace satstore {
namespace {

bool sku_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// A string member checked for length (characters) and control characters; records the error.
std::optional<std::string> read_text(const nlohmann::json& j, const char* key, const std::string& field, std::size_t max,
                                     bool required, bool multiline, FieldErrors& errors) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) errors[field] = "Required.";
        return std::nullopt;
    }
    if (!it->is_string()) {
        errors[field] = "Must be text.";
        return std::nullopt;
    }
    const std::string& s = it->get_ref<const std::string&>();
    if (required && s.find_first_not_of(" \t\r\n") == std::string::npos) errors[field] = "Required.";
    else if (utf8_chars(s) > max) errors[field] = "At most " + std::to_string(max) + " characters.";
    else if (has_control_chars(s, multiline)) errors[field] = "Contains control characters.";
    else return s;
    return std::nullopt;
}

std::vector<std::string> read_string_list(const nlohmann::json& j, const std::string& field, std::size_t max_items,
                                          std::size_t max_chars, FieldErrors& errors) {
    std::vector<std::string> out;
    if (!j.is_array()) {
        errors[field] = "Must be a list.";
        return out;
    }
    if (j.size() > max_items) {
        errors[field] = "At most " + std::to_string(max_items) + " entries.";
        return out;
    }
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string key = field + "[" + std::to_string(i) + "]";
        if (!j[i].is_string()) errors[key] = "Must be text.";
        else if (utf8_chars(j[i].get_ref<const std::string&>()) > max_chars)
            errors[key] = "At most " + std::to_string(max_chars) + " characters.";
        else if (has_control_chars(j[i].get_ref<const std::string&>())) errors[key] = "Contains control characters.";
        else out.push_back(j[i].get<std::string>());
    }
    return out;
}

void read_options(const nlohmann::json& j, std::vector<ProductOption>& out, FieldErrors& errors) {
    out.clear();
    if (!j.is_array()) {
        errors["options"] = "Must be a list.";
        return;
    }
    if (j.size() > kMaxProductOptions) {
        errors["options"] = "At most 3 options (e.g. colour, size, material).";
        return;
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string field = "options[" + std::to_string(i) + "]";
        if (!j[i].is_object()) {
            errors[field] = "Each option needs a name and values.";
            continue;
        }
        ProductOption o;
        if (auto name = read_text(j[i], "name", field + ".name", 40, true, false, errors)) {
            o.name = *name;
            if (!names.insert(o.name).second) errors[field + ".name"] = "Two options have this name.";
        }
        const auto values = j[i].find("values");
        if (values == j[i].end()) errors[field + ".values"] = "Required.";
        else o.values = read_string_list(*values, field + ".values", kMaxOptionValues, 40, errors);
        if (values != j[i].end() && values->is_array() && values->empty()) errors[field + ".values"] = "Give at least one value.";
        std::set<std::string> seen;
        for (std::size_t k = 0; k < o.values.size(); ++k) {
            if (o.values[k].find_first_not_of(' ') == std::string::npos)
                errors[field + ".values[" + std::to_string(k) + "]"] = "Required.";
            else if (!seen.insert(o.values[k]).second)
                errors[field + ".values[" + std::to_string(k) + "]"] = "This value is listed twice.";
        }
        if (const auto i18n = j[i].find("i18n"); i18n != j[i].end() && i18n->is_object()) {
            if (const auto zh = i18n->find("zh-CN"); zh != i18n->end() && zh->is_object()) {
                const std::string zfield = field + ".i18n.zh-CN";
                o.name_zh = read_text(*zh, "name", zfield + ".name", 40, false, false, errors).value_or("");
                if (const auto zv = zh->find("values"); zv != zh->end() && !zv->is_null()) {
                    o.values_zh = read_string_list(*zv, zfield + ".values", kMaxOptionValues, 40, errors);
                    if (!o.values_zh.empty() && o.values_zh.size() != o.values.size())
                        errors[zfield + ".values"] = "Translate every value, in the same order.";
                }
            }
        }
        out.push_back(std::move(o));
    }
}

std::optional<Money> read_price(const nlohmann::json& j, const std::string& field, Currency fiat, FieldErrors& errors) {
    const auto it = j.find("price");
    if (it == j.end() || it->is_null()) {
        errors[field] = "Required.";
        return std::nullopt;
    }
    Money m;
    try {
        m = it->get<Money>();
    } catch (const std::exception&) {
        errors[field] = "A price is {\"amount\": \"12900\", \"currency\": \"CNY\"} (minor units).";
        return std::nullopt;
    }
    if (m.currency != fiat) errors[field] = "Prices are in " + std::string(currency_code(fiat)) + ".";
    else if (m.amount_minor <= 0) errors[field] = "The price must be above zero.";
    else if (m.amount_minor > kMaxPriceMinor) errors[field] = "The price is too high.";
    else return m;
    return std::nullopt;
}

void read_variants(const nlohmann::json& j, const Product* existing, Product& p, Currency fiat, FieldErrors& errors) {
    if (!j.is_array() || j.empty()) {
        errors["variants"] = "Give at least one variant (SKU, price, stock).";
        return;
    }
    if (j.size() > kMaxVariants) {
        errors["variants"] = "At most 100 variants.";
        return;
    }
    std::vector<Variant> out;
    std::set<std::string> skus, ids, combos;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string field = "variants[" + std::to_string(i) + "]";
        const auto& e = j[i];
        if (!e.is_object()) {
            errors[field] = "Each variant needs a SKU, a price and its option values.";
            continue;
        }
        Variant v;
        const Variant* before = nullptr;
        if (const auto id = e.find("id"); id != e.end() && !id->is_null()) {
            before = existing && id->is_string() ? find_variant(*existing, id->get<std::string>()) : nullptr;
            if (!before) errors[field + ".id"] = "Not a variant of this product.";
            else if (!ids.insert(before->id).second) errors[field + ".id"] = "This variant is listed twice.";
            else v = *before;
        }
        if (const auto sku = read_text(e, "sku", field + ".sku", 64, true, false, errors)) {
            if (!valid_sku(*sku)) errors[field + ".sku"] = "Use 1–64 letters, digits, '.', '_' or '-'.";
            else if (!skus.insert(*sku).second) errors[field + ".sku"] = "Two variants have this SKU.";
            else v.sku = *sku;
        }
        if (const auto price = read_price(e, field + ".price", fiat, errors)) v.price = *price;
        if (!before) {
            v.stock = 0;
            if (const auto stock = e.find("stock"); stock != e.end() && !stock->is_null()) {
                const auto n = whole_number(*stock);
                if (!n || *n < 0 || *n > kMaxStock) errors[field + ".stock"] = "Stock is a whole number, 0 or more.";
                else v.stock = *n;
            }
        }
        const auto values = e.find("options");
        if (values == e.end() || values->is_null()) v.options.clear();
        else v.options = read_string_list(*values, field + ".options", kMaxProductOptions, 40, errors);
        if (v.options.size() != p.options.size()) {
            errors[field + ".options"] = p.options.empty() ? "This product has no options: leave the values empty."
                                                           : "Give one value for each option.";
        } else {
            for (std::size_t k = 0; k < v.options.size(); ++k) {
                const auto& allowed = p.options[k].values;
                if (std::find(allowed.begin(), allowed.end(), v.options[k]) == allowed.end())
                    errors[field + ".options[" + std::to_string(k) + "]"] = "Not a value of " + p.options[k].name + ".";
            }
            std::string combo;
            for (const auto& value : v.options) combo += value + '\n';
            if (!combos.insert(combo).second) errors[field + ".options"] = "Another variant has the same values.";
        }
        if (const auto image = e.find("image"); image != e.end() && !image->is_null()) {
            if (!image->is_string() || (!image->get_ref<const std::string&>().empty() && !valid_image_ref(image->get<std::string>())))
                errors[field + ".image"] = "Not an image of this shop.";
            else v.image = image->get<std::string>();
        }
        out.push_back(std::move(v));
    }
    p.variants = std::move(out);
}

}  // namespace

bool valid_sku(std::string_view sku) {
    if (sku.empty() || sku.size() > 64) return false;
    for (char c : sku)
        if (!sku_char(c)) return false;
    return true;
}

bool valid_slug(std::string_view slug) {
    if (slug.empty() || slug.size() > 40) return false;
    for (char c : slug)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool valid_image_ref(std::string_view ref) {
    if (media::is_media_ref(ref)) return true;
    if (ref.size() > 200 || ref.rfind("/assets/", 0) != 0 || ref.size() <= 8 || ref.find("..") != std::string_view::npos) return false;
    for (char c : ref)
        if (static_cast<unsigned char>(c) <= ' ' || c == '\\' || c == '?' || c == '#') return false;
    return true;
}

ParsedProductDraft parse_product_draft(const nlohmann::json& body, const Product* existing, Currency fiat) {
    ParsedProductDraft out;
    FieldErrors& errors = out.errors;
    Product& p = out.product;
    if (!body.is_object()) {
        errors["body"] = "A product is a JSON object.";
        return out;
    }
    const bool creating = existing == nullptr;
    if (existing) p = *existing;
    else p.status = ProductStatus::draft;

    if (creating || body.contains("category")) {
        if (auto c = read_text(body, "category", "category", 40, true, false, errors)) {
            if (!valid_slug(*c)) errors["category"] = "Choose a category.";
            else p.category = *c;
        }
    }
    if (creating || body.contains("title"))
        if (auto t = read_text(body, "title", "title", 200, true, false, errors)) p.en.title = *t;
    if (creating || body.contains("description"))
        if (auto d = read_text(body, "description", "description", 5000, creating, true, errors)) p.en.description = *d;
    if (const auto i18n = body.find("i18n"); i18n != body.end() && !i18n->is_null()) {
        const auto zh = i18n->is_object() ? i18n->find("zh-CN") : i18n->end();
        if (!i18n->is_object()) errors["i18n"] = "Must be an object.";
        else if (zh != i18n->end() && !zh->is_object()) errors["i18n.zh-CN"] = "Must be an object.";
        else if (zh != i18n->end()) {
            if (zh->contains("title")) p.zh_cn.title = read_text(*zh, "title", "i18n.zh-CN.title", 200, false, false, errors).value_or("");
            if (zh->contains("description"))
                p.zh_cn.description = read_text(*zh, "description", "i18n.zh-CN.description", 5000, false, true, errors).value_or("");
        }
    }
    if (const auto images = body.find("images"); images != body.end() && !images->is_null()) {
        p.images = read_string_list(*images, "images", kMaxProductImages, 200, errors);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < p.images.size(); ++i) {
            const std::string field = "images[" + std::to_string(i) + "]";
            if (!valid_image_ref(p.images[i])) errors[field] = "Not an image of this shop: upload it first.";
            else if (!seen.insert(p.images[i]).second) errors[field] = "This image is in the gallery twice.";
        }
    } else if (creating) {
        p.images.clear();
    }
    const bool options_given = body.contains("options") && !body["options"].is_null();
    if (options_given) read_options(body["options"], p.options, errors);
    if (const auto status = body.find("status"); status != body.end() && !status->is_null()) {
        const auto s = status->is_string() ? parse_product_status(status->get<std::string>()) : std::nullopt;
        if (!s || *s == ProductStatus::archived) errors["status"] = "draft or active (archive with its own action).";
        else if (existing && existing->status == ProductStatus::archived) errors["status"] = "Restore the product first.";
        else p.status = *s;
    }
    const auto variants = body.find("variants");
    if (variants != body.end() && !variants->is_null()) read_variants(*variants, existing, p, fiat, errors);
    else if (creating) errors["variants"] = "Give at least one variant (SKU, price, stock).";
    else if (options_given) errors["variants"] = "Changing the options needs the new list of variants.";
    return out;
}

ParsedStockRequest parse_stock_request(const nlohmann::json& body) {
    ParsedStockRequest out;
    if (!body.is_object()) {
        out.errors["body"] = "Give {\"delta\": N, \"reason\": …} or {\"set\": N, \"reason\": …}.";
        return out;
    }
    const bool has_delta = body.contains("delta"), has_set = body.contains("set");
    if (has_delta == has_set) {
        out.errors["delta"] = "Give either delta (a change) or set (the new stock).";
    } else if (has_delta) {
        const auto n = whole_number(body["delta"]);
        if (!n || *n == 0 || *n > kMaxStock || *n < -kMaxStock) out.errors["delta"] = "A whole number other than 0.";
        else out.request.amount = *n;
    } else {
        out.request.absolute = true;
        const auto n = whole_number(body["set"]);
        if (!n || *n < 0 || *n > kMaxStock) out.errors["set"] = "Stock is a whole number, 0 or more.";
        else out.request.amount = *n;
    }
    const auto reason = body.find("reason");
    const std::string r = reason != body.end() && reason->is_string() ? reason->get<std::string>() : "";
    if (r == "received") out.request.reason = StockReason::received;
    else if (r == "damaged") out.request.reason = StockReason::damaged;
    else if (r == "correction") out.request.reason = StockReason::correction;
    else out.errors["reason"] = "Say why: received, damaged or correction.";
    if (auto note = read_text(body, "note", "note", 200, false, false, out.errors)) out.request.note = *note;
    return out;
}

}  // namespace satstore
