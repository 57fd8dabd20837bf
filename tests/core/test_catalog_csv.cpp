#include <doctest/doctest.h>

#include <algorithm>

#include "core/catalog_csv.hpp"

using namespace satstore;

namespace {

Product hoodie() {
    Product p;
    p.id = "prd_1";
    p.category = "apparel";
    p.en = {"Hoodie, \"heavy\"", "Warm.\nMachine wash."};
    p.zh_cn = {"连帽衫", "保暖"};
    p.images = {"/assets/products/hoodie.svg", "/media/abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0-640.webp"};
    // Black / L and Orange / M are not sold: the options list values no variant uses.
    p.options = {{"Colour", {"Black", "Orange"}, "颜色", {"黑色", "橙色"}}, {"Size", {"M", "L"}, "尺码", {}}};
    p.variants = {{"var_1", "hd-bk-m", {"Black", "M"}, {19900, Currency::CNY}, 3, ""},
                  {"var_2", "hd-or-l", {"Orange", "L"}, {17950, Currency::CNY}, 0, "/media/abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0abc0-640.webp"}};
    return p;
}

Product sticker() {
    Product p;
    p.id = "prd_2";
    p.category = "home";
    p.status = ProductStatus::draft;
    p.en = {"Sticker", ""};
    p.variants = {{"var_3", "st-1", {}, {500, Currency::CNY}, 10, ""}};
    return p;
}

std::map<std::string, Product, std::less<>> stored(std::initializer_list<Product> products) {
    std::map<std::string, Product, std::less<>> out;
    for (const auto& p : products) out.emplace(p.id, p);
    return out;
}

CatalogImportPlan plan(const std::string& text, const std::map<std::string, Product, std::less<>>& existing = {}) {
    return plan_catalog_import(parse_catalog_csv(text), existing, Currency::CNY);
}

bool has_error(const CatalogImportPlan& p, std::int64_t row, const std::string& column) {
    return std::any_of(p.errors.begin(), p.errors.end(), [&](const CsvError& e) { return e.row == row && e.column == column; });
}

std::string describe(const std::vector<CsvError>& errors) {
    std::string out;
    for (const auto& e : errors) out += std::to_string(e.row) + "/" + e.column + ": " + e.message + "\n";
    return out;
}

}  // namespace

TEST_CASE("RFC 4180: quoted commas, quotes and line breaks, CRLF or LF, a BOM, a missing last line end") {
    const auto r = read_csv("\xEF\xBB\xBF" "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3", 10);
    REQUIRE_FALSE(r.error);
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[0] == std::vector<std::string>{"a", "b", "c"});
    CHECK(r.records[1] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
    CHECK(r.records[2] == std::vector<std::string>{"1", "", "3"});
    CHECK(read_csv("a,\r\n", 10).records[0] == std::vector<std::string>{"a", ""});
    CHECK(read_csv("", 10).records.empty());
}

TEST_CASE("RFC 4180: broken files are refused at their row") {
    const auto open = read_csv("a,b\n1,\"never closed\n2,3\n", 10);
    REQUIRE(open.error);
    CHECK(open.error->row == 2);
    CHECK(open.error->message.find("not closed") != std::string::npos);
    CHECK(read_csv("a\n\"x\"y\n", 10).error->row == 2);  // text after a closing quote
    CHECK(read_csv("a\nx\"y\n", 10).error->row == 2);    // a quote inside an unquoted field
    CHECK(read_csv("a\n\xC3\x28\n", 10).error.has_value());  // not UTF-8
    CHECK(read_csv("a\n\xED\xA0\x80\n", 10).error.has_value());  // a surrogate
    CHECK(read_csv("a\n1\n2\n", 2).error->message.find("Too many rows") != std::string::npos);
}

TEST_CASE("the writer quotes what needs it and the reader reads it back") {
    std::string out;
    const std::vector<std::string> fields = {"plain", "a,b", "q\"q", "line\r\nbreak", "", "中文"};
    append_csv_record(out, fields);
    CHECK(out == "plain,\"a,b\",\"q\"\"q\",\"line\r\nbreak\",,中文\r\n");
    CHECK(read_csv(out, 10).records.at(0) == fields);
    std::string bom;
    append_csv_record(bom, {"\xEF\xBB\xBF" "x"});
    CHECK(read_csv(bom, 10).records.at(0).at(0) == "\xEF\xBB\xBF" "x");
}

TEST_CASE("the header: known columns in any order, unknown and repeated ones refused") {
    const auto ok = parse_catalog_csv("sku,price,product_id\n");
    CHECK(ok.errors.empty());
    CHECK(ok.column.at("product_id") == 2);
    const auto bad = parse_catalog_csv("sku,colour,sku,\n");
    CHECK(describe(bad.errors).find("1/colour") != std::string::npos);
    CHECK(describe(bad.errors).find("1/sku: This column is named twice") != std::string::npos);
    CHECK(describe(bad.errors).find("Column 4 has no name") != std::string::npos);
    CHECK(parse_catalog_csv("").errors.at(0).row == 1);
    CHECK(parse_catalog_csv(std::string(kMaxCsvBytes + 1, 'a')).errors.at(0).row == 0);
}

TEST_CASE("the export reads back as exactly the stored catalog: nothing changes") {
    const Product a = hoodie(), b = sticker();
    const std::string text = export_catalog_csv({a, b});
    CHECK(text.rfind("\xEF\xBB\xBF" "product_id,handle,status,", 0) == 0);
    CHECK(text.find("199.00") != std::string::npos);
    CHECK(text.find("179.50") != std::string::npos);
    const auto p = plan(text, stored({a, b}));
    INFO(describe(p.errors));
    CHECK(p.errors.empty());
    CHECK(p.creates.empty());
    REQUIRE(p.updates.size() == 2);
    CHECK(p.updates[0] == a);  // the unused option values and their translations are kept
    CHECK(p.updates[1] == b);
    CHECK(p.stock_sets == std::map<std::string, std::int64_t>{{"var_1", 3}, {"var_2", 0}, {"var_3", 10}});
    CHECK(export_catalog_csv(p.updates) == text);
}

TEST_CASE("a sorted sheet reads the same: the product columns come from the row that has them") {
    const Product a = hoodie();
    const std::string text = export_catalog_csv({a});
    const auto header_end = text.find("\r\n") + 2, first_end = text.find("\r\n", header_end) + 2;
    // The variant rows the other way round: the product's columns now sit on row 3.
    const std::string swapped = text.substr(0, header_end) + text.substr(first_end) + text.substr(header_end, first_end - header_end);
    const auto p = plan(swapped, stored({a}));
    INFO(describe(p.errors));
    CHECK(p.errors.empty());
    REQUIRE(p.updates.size() == 1);
    CHECK(p.updates[0] == a);  // stored variants and option values keep their order
    CHECK(p.rows[0].first_row == 3);
}

TEST_CASE("new products: rows grouped by handle, prices exact, Chinese text, options from the rows") {
    const std::string text =
        "handle,status,category,title_en,title_zh,description_en,images,option1_name,option1_name_zh,option1_value,"
        "option1_value_zh,sku,price,stock\r\n"
        "tee,active,apparel,\"Tee, organic\",有机T恤,\"Soft.\nCotton.\",/assets/a.svg /media/b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2-320.webp,Size,尺码,S,小,tee-s,0.29,4\r\n"
        "mug,,home,Mug,杯子,A mug.,,,,,,mug-1,59,0\r\n"
        "tee,,,,,,,,,M,中,tee-m,129.90,\r\n";
    const auto p = plan(text);
    INFO(describe(p.errors));
    REQUIRE(p.errors.empty());
    REQUIRE(p.creates.size() == 2);
    const Product& tee = p.creates[0];
    CHECK(tee.id.empty());
    CHECK(tee.status == ProductStatus::active);
    CHECK(tee.en.title == "Tee, organic");
    CHECK(tee.en.description == "Soft.\nCotton.");
    CHECK(tee.zh_cn.title == "有机T恤");
    CHECK(tee.images == std::vector<std::string>{"/assets/a.svg", "/media/b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2b1c2-320.webp"});
    REQUIRE(tee.options.size() == 1);
    CHECK(tee.options[0] == ProductOption{"Size", {"S", "M"}, "尺码", {"小", "中"}});
    REQUIRE(tee.variants.size() == 2);
    CHECK(tee.variants[0].price.amount_minor == 29);
    CHECK(tee.variants[0].stock == 4);
    CHECK(tee.variants[1].price.amount_minor == 12990);
    CHECK(tee.variants[1].stock == 0);
    CHECK(p.creates[1].status == ProductStatus::draft);
    CHECK(p.creates[1].variants.at(0).options.empty());
    CHECK(p.rows[0].variant_rows == std::vector<std::int64_t>{2, 4});
}

TEST_CASE("every bad row is reported at its row and column, with the draft's rules") {
    const std::string text =
        "handle,category,title_en,option1_name,option1_value,sku,price,stock\n"
        "a,home,A,Colour,Red,a-red,12.345,1\n"       // 2: too many decimals
        "a,,,,,a-red,10,1\n"                         // 3: SKU twice in the product
        "b,home,,,,b-1,10,-1\n"                      // 4: no title, negative stock
        "c,home,C,Size,,c-1,10,1\n"                  // 5: no value for the option
        "d,home,D,,,a-red,10,1\n"                    // 6: another product's SKU in the file
        "e,home,E,,,bad sku,0,x\n"                   // 7: SKU, zero price, stock not a number
        ",home,F,,,f-1,10,1\n"                       // 8: neither product_id nor handle
        "a,toys,,,,a-blue,10,1\n";                   // 9: differs from the first row
    const auto p = plan(text);
    INFO(describe(p.errors));
    CHECK(has_error(p, 2, "price"));
    CHECK(has_error(p, 3, "sku"));
    CHECK(has_error(p, 4, "title_en"));
    CHECK(has_error(p, 4, "stock"));
    CHECK(has_error(p, 5, "option1_value"));
    CHECK(has_error(p, 6, "sku"));
    CHECK(has_error(p, 7, "sku"));
    CHECK(has_error(p, 7, "price"));
    CHECK(has_error(p, 7, "stock"));
    CHECK(has_error(p, 8, "handle"));
    CHECK(has_error(p, 9, "category"));
    CHECK(std::is_sorted(p.errors.begin(), p.errors.end(), [](const CsvError& a, const CsvError& b) { return a.row < b.row; }));
    // The malformed price is reported once, in the file's terms.
    CHECK(std::count_if(p.errors.begin(), p.errors.end(), [](const CsvError& e) { return e.row == 2 && e.column == "price"; }) == 1);
}

TEST_CASE("existing products: a missing column keeps the stored value, an import never deletes a variant") {
    const Product a = hoodie();
    const auto prices = plan("product_id,variant_id,price,stock\nprd_1,var_2,99.00,\n", stored({a}));
    INFO(describe(prices.errors));
    REQUIRE(prices.errors.empty());
    REQUIRE(prices.updates.size() == 1);
    Product want = a;
    want.variants[1].price.amount_minor = 9900;
    CHECK(prices.updates[0] == want);  // var_1, not in the file, is kept as it is
    CHECK(prices.stock_sets.empty());   // an empty stock keeps the stock

    const auto added = plan("product_id,option1_value,option2_value,sku,price,stock\nprd_1,Green,M,hd-gr-m,10,2\n", stored({a}));
    INFO(describe(added.errors));
    REQUIRE(added.errors.empty());
    const Product& u = added.updates.at(0);
    CHECK(u.variants.size() == 3);
    CHECK(u.options[0].values == std::vector<std::string>{"Black", "Orange", "Green"});
    CHECK(u.options[0].values_zh == std::vector<std::string>{"黑色", "橙色", ""});

    const auto wrong = plan("product_id,variant_id,stock\nprd_9,,1\nprd_1,var_3,1\nprd_1,var_1,-2\nprd_1,var_1,1\n", stored({a, sticker()}));
    CHECK(has_error(wrong, 2, "product_id"));
    CHECK(has_error(wrong, 3, "variant_id"));  // a variant of another product
    CHECK(has_error(wrong, 4, "stock"));
    CHECK(has_error(wrong, 5, "variant_id"));  // named twice
    CHECK(has_error(plan("variant_id,sku\nvar_1,x\n"), 2, "variant_id"));
}

TEST_CASE("field errors of the store map back to rows and columns") {
    const auto p = plan("handle,category,title_en,description_en,option1_name,option1_value,sku,price\n"
                        "a,nope,A,An A.,Size,S,a-s,10\na,,,,,M,a-m,10\n");
    REQUIRE(p.errors.empty());
    const auto mapped = csv_errors_for(p, 0, {{"category", "Not a category of the shop."},
                                              {"variants[1].sku", "Another product has this SKU."},
                                              {"options[0].values[1]", "x"}});
    CHECK(mapped == std::vector<CsvError>{{2, "category", "Not a category of the shop."},
                                          {2, "option1_value", "x"},
                                          {3, "sku", "Another product has this SKU."}});
}
