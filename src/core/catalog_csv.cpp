// satstore core — the catalog as CSV (catalog_csv.hpp: the format). Index:
//   [SECTION] RFC 4180      read_csv, append_csv_record
//   [SECTION] export        export_catalog_csv
//   [SECTION] rows → plan   parse_catalog_csv, plan_catalog_import (one product group at a time)
//   [SECTION] errors        csv_errors_for: parse_product_draft's field keys → row and column
#include "core/catalog_csv.hpp"

#include <algorithm>
#include <set>

#include "core/catalog_edit.hpp"
#include "core/enum_json.hpp"

namespace satstore {

void to_json(nlohmann::json& j, const CsvError& e) {
    j = nlohmann::json{{"row", e.row}, {"column", e.column}, {"message", e.message}};
}

void from_json(const nlohmann::json& j, CsvError& e) {
    e.row = j.at("row").get<std::int64_t>();
    e.column = j.at("column").get<std::string>();
    e.message = j.at("message").get<std::string>();
}

// [SECTION] RFC 4180

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The length of the UTF-8 sequence at `s[i]`, or 0 when it is not valid (overlong forms,
// surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((b(k) & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
    if (c == 0xED && b(1) > 0x9F) return 0;  // surrogate
    if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(1) > 0x8F) return 0;  // past U+10FFFF
    return n;
}

}  // namespace

CsvRecords read_csv(std::string_view text, std::size_t max_records) {
    CsvRecords out;
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    std::int64_t line = 1;  // physical line, for the encoding error
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence(text, i);
        if (n == 0) {
            out.error = CsvError{line, "", "Not UTF-8 text (near line " + std::to_string(line) + "): save the file as CSV UTF-8."};
            return out;
        }
        if (text[i] == '\n') ++line;
        i += n;
    }
    std::vector<std::string> record;
    std::string field;
    std::size_t i = 0;
    const auto row = [&] { return static_cast<std::int64_t>(out.records.size() + 1); };
    while (i < text.size()) {
        // One field, at the start of a field.
        field.clear();
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= text.size()) {
                    out.error = CsvError{row(), "", "A quoted field is not closed: a quote (\") is missing."};
                    return out;
                }
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                out.error = CsvError{row(), "", "Text after a closing quote: quote the whole field and double the quotes inside."};
                return out;
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                if (text[i] == '"') {
                    out.error = CsvError{row(), "", "A quote inside an unquoted field: quote the whole field and double the quote."};
                    return out;
                }
                field += text[i++];
            }
        }
        record.push_back(std::move(field));
        if (i < text.size() && text[i] == ',') {
            ++i;
            if (i == text.size()) record.emplace_back();  // "a,b," ends with an empty field
            else continue;
        }
        // End of the record: CRLF, LF, a lone CR, or the end of the text.
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        if (out.records.size() == max_records) {
            out.error = CsvError{row(), "", "Too many rows: at most " + std::to_string(max_records) + "."};
            return out;
        }
        out.records.push_back(std::move(record));
        record.clear();
    }
    return out;
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        const std::string& f = fields[i];
        // A field starting with U+FEFF is quoted too: first in a file, it would read as a BOM.
        if (f.find_first_of(",\"\r\n") == std::string::npos && f.rfind(kBom, 0) != 0) {
            out += f;
            continue;
        }
        out += '"';
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    out += "\r\n";
}

// [SECTION] export

namespace {

constexpr std::size_t kOptionColumns = kMaxProductOptions;

std::string option_column(std::size_t k, const char* part) { return "option" + std::to_string(k + 1) + "_" + part; }

std::string join_images(const std::vector<std::string>& images) {
    std::string out;
    for (const auto& i : images) out += (out.empty() ? "" : " ") + i;
    return out;
}

}  // namespace

const std::vector<std::string>& catalog_csv_columns() {
    static const std::vector<std::string> columns = [] {
        std::vector<std::string> c = {"product_id", "handle", "status", "category", "title_en", "title_zh",
                                      "description_en", "description_zh", "images"};
        for (std::size_t k = 0; k < kOptionColumns; ++k)
            for (const char* part : {"name", "name_zh", "value", "value_zh"}) c.push_back(option_column(k, part));
        for (const char* name : {"variant_id", "sku", "price", "stock", "variant_image"}) c.emplace_back(name);
        return c;
    }();
    return columns;
}

std::string export_catalog_csv(const std::vector<Product>& products) {
    std::string out(kBom);
    append_csv_record(out, catalog_csv_columns());
    std::vector<std::string> cells;
    for (const Product& p : products) {
        for (std::size_t vi = 0; vi < p.variants.size(); ++vi) {
            const Variant& v = p.variants[vi];
            const bool first = vi == 0;
            const auto head = [&](const std::string& s) { return first ? s : std::string(); };
            cells = {p.id, "", head(enum_name(p.status)), head(p.category), head(p.en.title), head(p.zh_cn.title),
                     head(p.en.description), head(p.zh_cn.description), head(join_images(p.images))};
            for (std::size_t k = 0; k < kOptionColumns; ++k) {
                if (k >= p.options.size()) {
                    cells.insert(cells.end(), 4, "");
                    continue;
                }
                const ProductOption& o = p.options[k];
                const auto at = std::find(o.values.begin(), o.values.end(), k < v.options.size() ? v.options[k] : "");
                const std::size_t value = static_cast<std::size_t>(at - o.values.begin());
                cells.push_back(head(o.name));
                cells.push_back(head(o.name_zh));
                cells.push_back(k < v.options.size() ? v.options[k] : "");
                cells.push_back(value < o.values_zh.size() ? o.values_zh[value] : "");
            }
            cells.insert(cells.end(), {v.id, v.sku, decimal_amount(v.price.amount_minor, v.price.currency),
                                       std::to_string(v.stock), v.image});
            append_csv_record(out, cells);
        }
    }
    return out;
}

// [SECTION] rows → plan

CatalogCsv parse_catalog_csv(std::string_view text) {
    CatalogCsv out;
    if (text.size() > kMaxCsvBytes) {
        out.errors.push_back({0, "", "The file is larger than " + std::to_string(kMaxCsvBytes / (1024 * 1024)) + " MB: split it."});
        return out;
    }
    CsvRecords read = read_csv(text, kMaxCsvRows + 1);
    if (read.error) out.errors.push_back(*read.error);
    if (read.records.empty()) {
        if (!read.error) out.errors.push_back({1, "", "The file is empty: the first row names the columns."});
        return out;
    }
    out.header = std::move(read.records.front());
    const auto& known = catalog_csv_columns();
    for (std::size_t i = 0; i < out.header.size(); ++i) {
        std::string& name = out.header[i];
        const auto first = name.find_first_not_of(' ');
        name = first == std::string::npos ? "" : name.substr(first, name.find_last_not_of(' ') - first + 1);
        if (name.empty()) out.errors.push_back({1, "", "Column " + std::to_string(i + 1) + " has no name."});
        else if (std::find(known.begin(), known.end(), name) == known.end())
            out.errors.push_back({1, name, "Not a column of the catalog file."});
        else if (!out.column.emplace(name, i).second)
            out.errors.push_back({1, name, "This column is named twice."});
    }
    for (std::size_t r = 1; r < read.records.size(); ++r) {
        auto& cells = read.records[r];
        const auto row = static_cast<std::int64_t>(r + 1);
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) continue;
        if (cells.size() > out.header.size()) {
            out.errors.push_back({row, "", "More cells (" + std::to_string(cells.size()) + ") than columns (" +
                                               std::to_string(out.header.size()) + ")."});
            continue;
        }
        cells.resize(out.header.size());
        out.rows.emplace_back(row, std::move(cells));
    }
    return out;
}

std::vector<std::string> csv_product_ids(const CatalogCsv& csv) {
    std::vector<std::string> out;
    const auto col = csv.column.find("product_id");
    if (col == csv.column.end()) return out;
    std::set<std::string, std::less<>> seen;
    for (const auto& [row, cells] : csv.rows)
        if (const auto& id = cells[col->second]; !id.empty() && seen.insert(id).second) out.push_back(id);
    return out;
}

namespace {

constexpr const char* kProductColumns[] = {"status", "category", "title_en", "title_zh", "description_en",
                                           "description_zh", "images"};

// One row, read by column name.
struct Row {
    std::int64_t number = 0;
    const std::vector<std::string>* cells = nullptr;
    const CatalogCsv* csv = nullptr;

    bool has(std::string_view column) const { return csv->column.count(column) != 0; }
    const std::string& operator[](std::string_view column) const {
        static const std::string none;
        const auto it = csv->column.find(column);
        return it == csv->column.end() ? none : (*cells)[it->second];
    }
};

// The rows of one product, in file order.
struct Group {
    std::string product_id;  // "" = new
    std::vector<Row> rows;
};

std::vector<std::string> split_images(const std::string& cell) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while ((i = cell.find_first_not_of(" \t\r\n", i)) != std::string::npos) {
        const auto end = std::min(cell.find_first_of(" \t\r\n", i), cell.size());
        out.push_back(cell.substr(i, end - i));
        i = end;
    }
    return out;
}

class Planner {
public:
    Planner(const CatalogCsv& csv, const std::map<std::string, Product, std::less<>>& existing, Currency fiat, CatalogImportPlan& plan)
        : csv_(csv), existing_(existing), fiat_(fiat), plan_(plan) {}

    void run() {
        std::vector<Group> groups;
        std::map<std::string, std::size_t> by_key;
        for (const auto& [number, cells] : csv_.rows) {
            const Row row{number, &cells, &csv_};
            const std::string& id = row["product_id"];
            std::string key;
            if (!id.empty()) {
                if (!existing_.count(id)) {
                    error(row.number, "product_id", "No product has this id: leave it empty for a new product.");
                    continue;
                }
                key = "id:" + id;
            } else if (!row["variant_id"].empty()) {
                error(row.number, "variant_id", "A new product has no variants yet: leave variant_id empty (or give the product_id).");
                continue;
            } else if (row["handle"].empty()) {
                error(row.number, "handle", "Give the product_id of an existing product, or a handle grouping the rows of a new one.");
                continue;
            } else {
                key = "handle:" + row["handle"];
            }
            const auto [it, added] = by_key.emplace(key, groups.size());
            if (added) groups.push_back({id, {}});
            groups[it->second].rows.push_back(row);
        }
        for (const Group& g : groups) plan_group(g);
        check_skus_across_products();
        sort_csv_errors(plan_.errors);
    }

private:
    void error(std::int64_t row, std::string column, std::string message) {
        plan_.errors.push_back({row, std::move(column), std::move(message)});
    }

    static const std::vector<std::string>& product_columns() {
        static const std::vector<std::string> columns = [] {
            std::vector<std::string> c(std::begin(kProductColumns), std::end(kProductColumns));
            for (std::size_t k = 0; k < kOptionColumns; ++k) {
                c.push_back(option_column(k, "name"));
                c.push_back(option_column(k, "name_zh"));
            }
            return c;
        }();
        return columns;
    }

    // The row the product columns are read from: the first with any of them filled (a sorted
    // sheet may not start with it), else the first.
    static const Row& product_row(const Group& g) {
        for (const Row& r : g.rows)
            for (const auto& c : product_columns())
                if (!r[c].empty()) return r;
        return g.rows.front();
    }

    // Other rows leave the product columns empty or repeat them.
    void check_other_rows(const Group& g, const Row& head) {
        for (const Row& r : g.rows) {
            if (&r == &head) continue;
            for (const auto& c : product_columns())
                if (!r[c].empty() && r[c] != head[c])
                    error(r.number, c, "Differs from row " + std::to_string(head.number) +
                                           ", where the product's columns are: leave it empty on the product's other rows.");
        }
    }

    // How many options the rows use: the highest K with a name on the first row or a value on any row.
    std::size_t option_count(const Group& g, const Row& head) const {
        std::size_t n = 0;
        for (std::size_t k = 0; k < kOptionColumns; ++k) {
            bool used = !head[option_column(k, "name")].empty();
            for (const Row& r : g.rows) used = used || !r[option_column(k, "value")].empty();
            if (used) n = k + 1;
        }
        return n;
    }

    bool option_columns_given() const {
        for (std::size_t k = 0; k < kOptionColumns; ++k)
            for (const char* part : {"name", "name_zh", "value", "value_zh"})
                if (csv_.column.count(option_column(k, part))) return true;
        return false;
    }

    // The options after the import: stored ones (by position) keep their values and translations,
    // values the rows add are appended in row order, names and translations given replace them.
    nlohmann::json options_json(const Group& g, const Row& first, const Product* before) {
        const std::size_t n = option_count(g, first);
        nlohmann::json out = nlohmann::json::array();
        for (std::size_t k = 0; k < n; ++k) {
            ProductOption o;
            if (before && k < before->options.size()) o = before->options[k];
            o.values_zh.resize(o.values.size());
            if (first.has(option_column(k, "name"))) o.name = first[option_column(k, "name")];
            if (first.has(option_column(k, "name_zh"))) o.name_zh = first[option_column(k, "name_zh")];
            std::map<std::string, std::int64_t> translated_on;  // value → the row that translated it
            for (const Row& r : g.rows) {
                const std::string& value = r[option_column(k, "value")];
                if (value.empty()) continue;
                auto at = std::find(o.values.begin(), o.values.end(), value);
                if (at == o.values.end()) {
                    o.values.push_back(value);
                    o.values_zh.emplace_back();
                    at = o.values.end() - 1;
                }
                if (!r.has(option_column(k, "value_zh"))) continue;
                const std::string& zh = r[option_column(k, "value_zh")];
                std::string& slot = o.values_zh[static_cast<std::size_t>(at - o.values.begin())];
                const auto seen = translated_on.find(value);
                if (seen == translated_on.end()) {
                    slot = zh;
                    translated_on[value] = r.number;
                } else if (!zh.empty() && slot.empty()) {
                    slot = zh;
                } else if (!zh.empty() && zh != slot) {
                    error(r.number, option_column(k, "value_zh"),
                          "Row " + std::to_string(seen->second) + " translates " + value + " otherwise.");
                }
            }
            if (std::all_of(o.values_zh.begin(), o.values_zh.end(), [](const std::string& s) { return s.empty(); }))
                o.values_zh.clear();
            nlohmann::json j = {{"name", o.name}, {"values", o.values}, {"i18n", {{"zh-CN", {{"name", o.name_zh}}}}}};
            if (!o.values_zh.empty()) j["i18n"]["zh-CN"]["values"] = o.values_zh;
            out.push_back(std::move(j));
        }
        return out;
    }

    // The price cell as Money JSON; a malformed one is reported here, in the file's terms.
    std::optional<nlohmann::json> price_json(const Row& r) {
        const std::string& cell = r["price"];
        if (cell.empty()) return std::nullopt;
        const auto minor = parse_decimal_amount(cell, fiat_);
        if (!minor) {
            error(r.number, "price", "A price in " + std::string(currency_code(fiat_)) + " like 199.00 (digits, a point, " +
                                         std::to_string(currency_decimals(fiat_)) + " decimals at most).");
            return std::nullopt;
        }
        return nlohmann::json{{"amount", amount_to_string(*minor)}, {"currency", fiat_}};
    }

    // A whole number for the draft's rules to judge; text that is none stays text (refused there).
    static nlohmann::json number_json(const std::string& cell) {
        const bool negative = !cell.empty() && cell[0] == '-';
        const std::string_view digits = std::string_view(cell).substr(negative ? 1 : 0);
        if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string_view::npos)
            return cell;
        return std::stoll(cell);
    }

    std::vector<std::string> row_values(const Row& r, std::size_t n) const {
        std::vector<std::string> values;
        for (std::size_t k = 0; k < n; ++k) values.push_back(r[option_column(k, "value")]);
        return values;
    }

    void plan_group(const Group& g) {
        const Row& first = product_row(g);
        check_other_rows(g, first);
        const Product* before = g.product_id.empty() ? nullptr : &existing_.at(g.product_id);
        nlohmann::json body = nlohmann::json::object();
        const auto take = [&](const char* column, const char* member) {
            if (!before || first.has(column)) body[member] = first[column];
        };
        take("category", "category");
        take("title_en", "title");
        take("description_en", "description");
        if (!before || first.has("title_zh")) body["i18n"]["zh-CN"]["title"] = first["title_zh"];
        if (!before || first.has("description_zh")) body["i18n"]["zh-CN"]["description"] = first["description_zh"];
        if (!before || first.has("images")) body["images"] = split_images(first["images"]);
        const bool options_given = !before || option_columns_given();
        const std::size_t n = options_given ? option_count(g, first) : before->options.size();
        if (options_given) body["options"] = options_json(g, first, before);

        std::optional<ProductStatus> status;
        if (!first["status"].empty()) {
            status = parse_product_status(first["status"]);
            if (!status) error(first.number, "status", "draft, active or archived.");
        }

        CsvProductRows rows{first.number, {}};
        nlohmann::json variants = nlohmann::json::array();
        std::map<std::string, std::int64_t, std::less<>> named;  // variant id → its row
        std::map<std::string, std::int64_t> stock_sets;
        const auto fill = [&](nlohmann::json& v, const Row& r, const Variant* stored) {
            if (r.has("sku") || !stored) v["sku"] = r["sku"];
            if (auto price = price_json(r)) v["price"] = *price;
            else if (stored && (!r.has("price") || r["price"].empty())) v["price"] = stored->price;
            if (r.has("variant_image") || !stored) v["image"] = r["variant_image"];
            if (options_given) v["options"] = row_values(r, n);
        };
        if (before) {
            for (const Row& r : g.rows) {
                const std::string& id = r["variant_id"];
                if (id.empty()) continue;
                if (!find_variant(*before, id)) error(r.number, "variant_id", "Not a variant of this product.");
                else if (const auto [it, added] = named.emplace(id, r.number); !added)
                    error(r.number, "variant_id", "Row " + std::to_string(it->second) + " names this variant too.");
            }
            for (const Variant& stored : before->variants) {
                nlohmann::json v = {{"id", stored.id}, {"sku", stored.sku}, {"price", stored.price},
                                    {"options", stored.options}, {"image", stored.image}};
                const auto at = named.find(stored.id);
                const Row* r = nullptr;
                for (const Row& candidate : g.rows)
                    if (at != named.end() && candidate.number == at->second) r = &candidate;
                if (r) {
                    fill(v, *r, &stored);
                    if (!(*r)["stock"].empty()) {
                        const auto set = parse_stock_request({{"set", number_json((*r)["stock"])}, {"reason", "correction"}});
                        if (set.errors.count("set")) error(r->number, "stock", set.errors.at("set"));
                        else stock_sets[stored.id] = set.request.amount;
                    }
                }
                rows.variant_rows.push_back(r ? r->number : 0);
                variants.push_back(std::move(v));
            }
        }
        for (const Row& r : g.rows) {
            if (before && !r["variant_id"].empty()) continue;
            nlohmann::json v = nlohmann::json::object();
            fill(v, r, nullptr);
            if (!r["stock"].empty()) v["stock"] = number_json(r["stock"]);
            rows.variant_rows.push_back(r.number);
            variants.push_back(std::move(v));
        }
        body["variants"] = std::move(variants);

        ParsedProductDraft parsed = parse_product_draft(body, before, fiat_);
        if (status) parsed.product.status = *status;
        else if (before) parsed.product.status = before->status;
        const std::size_t index = plan_.rows.size();
        plan_.rows.push_back(std::move(rows));
        if (before) {
            plan_.updates.push_back(std::move(parsed.product));
            for (auto& [id, stock] : stock_sets) plan_.stock_sets[id] = stock;
        } else {
            plan_.creates.push_back(std::move(parsed.product));
        }
        // A malformed price was reported above; the draft's "Required." for it is the same cell.
        for (auto& e : csv_errors_for(plan_, index, parsed.errors)) plan_.errors.push_back(std::move(e));
    }

    Product& planned(std::size_t index) {
        return index < plan_.creates.size() ? plan_.creates[index] : plan_.updates[index - plan_.creates.size()];
    }

    void check_skus_across_products() {
        std::map<std::string, std::pair<std::size_t, std::int64_t>> owner;  // SKU → product index, row
        for (std::size_t i = 0; i < plan_.rows.size(); ++i) {
            const Product& p = planned(i);
            for (std::size_t v = 0; v < p.variants.size() && v < plan_.rows[i].variant_rows.size(); ++v) {
                if (p.variants[v].sku.empty()) continue;
                const std::int64_t row = plan_.rows[i].variant_rows[v] ? plan_.rows[i].variant_rows[v] : plan_.rows[i].first_row;
                const auto [it, added] = owner.emplace(p.variants[v].sku, std::make_pair(i, row));
                if (!added && it->second.first != i)
                    error(row, "sku", "Row " + std::to_string(it->second.second) + " has this SKU too.");
            }
        }
    }

    const CatalogCsv& csv_;
    const std::map<std::string, Product, std::less<>>& existing_;
    Currency fiat_;
    CatalogImportPlan& plan_;
};

}  // namespace

CatalogImportPlan plan_catalog_import(const CatalogCsv& csv, const std::map<std::string, Product, std::less<>>& existing,
                                      Currency fiat) {
    CatalogImportPlan plan;
    plan.errors = csv.errors;
    plan.row_count = csv.rows.size();
    if (csv.header.empty()) return plan;
    Planner(csv, existing, fiat, plan).run();
    return plan;
}

// [SECTION] errors

namespace {

// "options[2].values[0]" → 2 after "options[": the index in brackets at `at`, and where it ends.
std::optional<std::size_t> index_at(std::string_view key, std::size_t at, std::size_t* end) {
    const auto close = key.find(']', at);
    if (close == std::string_view::npos || close == at) return std::nullopt;
    std::size_t n = 0;
    for (std::size_t i = at; i < close; ++i) {
        if (key[i] < '0' || key[i] > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(key[i] - '0');
    }
    *end = close + 1;
    return n;
}

}  // namespace

std::vector<CsvError> csv_errors_for(const CatalogImportPlan& plan, std::size_t index, const FieldErrors& errors) {
    std::vector<CsvError> out;
    const CsvProductRows& rows = plan.rows.at(index);
    static const std::map<std::string, std::string, std::less<>> product_fields = {
        {"category", "category"}, {"title", "title_en"}, {"description", "description_en"},
        {"i18n.zh-CN.title", "title_zh"}, {"i18n.zh-CN.description", "description_zh"}, {"status", "status"},
        {"images", "images"}, {"options", "option1_name"}, {"variants", "sku"}, {"body", ""}};
    static const std::map<std::string, std::string, std::less<>> variant_fields = {
        {"sku", "sku"}, {"price", "price"}, {"stock", "stock"}, {"image", "variant_image"}, {"id", "variant_id"},
        {"options", "option1_value"}};
    for (const auto& [key, message] : errors) {
        const std::string_view k = key;
        std::int64_t row = rows.first_row;
        std::string column;
        std::size_t end = 0;
        if (const auto it = product_fields.find(k); it != product_fields.end()) {
            column = it->second;
        } else if (k.rfind("images[", 0) == 0) {
            column = "images";
        } else if (k.rfind("options[", 0) == 0) {
            const auto o = index_at(k, 8, &end);
            const std::string_view rest = o ? k.substr(end) : std::string_view();
            const auto part = rest.rfind(".i18n.zh-CN.name", 0) == 0     ? "name_zh"
                              : rest.rfind(".i18n.zh-CN.values", 0) == 0 ? "value_zh"
                              : rest.rfind(".values", 0) == 0           ? "value"
                                                                        : "name";
            column = option_column(o.value_or(0), part);
        } else if (k.rfind("variants[", 0) == 0) {
            const auto v = index_at(k, 9, &end);
            if (v && *v < rows.variant_rows.size() && rows.variant_rows[*v] != 0) row = rows.variant_rows[*v];
            std::string_view rest = v ? k.substr(end) : std::string_view();
            if (!rest.empty() && rest[0] == '.') rest.remove_prefix(1);
            if (rest.rfind("options[", 0) == 0) {
                const auto o = index_at(rest, 8, &end);
                column = option_column(o.value_or(0), "value");
            } else if (const auto f = variant_fields.find(rest); f != variant_fields.end()) {
                column = f->second;
            }
        }
        out.push_back({row, column, message});
    }
    return out;
}

void sort_csv_errors(std::vector<CsvError>& errors) {
    std::stable_sort(errors.begin(), errors.end(),
                     [](const CsvError& a, const CsvError& b) { return std::tie(a.row, a.column) < std::tie(b.row, b.column); });
    errors.erase(std::unique(errors.begin(), errors.end(),
                             [](const CsvError& a, const CsvError& b) {
                                 return !a.column.empty() && a.row == b.row && a.column == b.column;
                             }),
                 errors.end());
}

}  // namespace satstore
