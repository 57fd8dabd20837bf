// satstore core — the catalog as CSV (import and export, issue 20). No I/O: the server reads the
// file or the request body and hands the text here.
//
// Format: UTF-8 (a byte order mark is tolerated), RFC 4180 quoting (fields holding commas,
// quotes or line breaks are quoted, a quote inside doubled), CRLF or LF line ends; a header row
// names the columns (any order; unknown names are refused); one row per variant. Columns:
//   product_id      empty: a new product, its rows grouped by `handle`
//   handle          the merchant's own key grouping the rows of a new product (ignored with a product_id)
//   status          draft | active | archived
//   category, title_en, title_zh, description_en, description_zh
//   images          space-separated /assets/… or /media/… references, gallery order
//   optionK_name, optionK_name_zh, optionK_value, optionK_value_zh   K = 1..3
//   variant_id      empty: a new variant
//   sku, price (decimal major units: 199.00), stock, variant_image
// Product columns (status … images, optionK_name[_zh]) are read from the product's first row
// that fills any of them (the export: its first row); its other rows leave them empty or repeat
// them, so a sheet sorted by another column reads the same. For an existing product a column missing from the
// header keeps what is stored (a file of product_id, variant_id, price changes prices only); an
// empty stock keeps the variant's stock. An import never deletes a product, variant or option value.
//
// Errors point at the row as a spreadsheet numbers it (the header is row 1; a line break inside a
// quoted field does not start a row) and at the column by name.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/catalog.hpp"
#include "core/money.hpp"

namespace satstore {

inline constexpr std::size_t kMaxCsvBytes = 20 * 1024 * 1024;
inline constexpr std::size_t kMaxCsvRows = 50'000;  // data rows, the header not counted

// One thing wrong with an import file. JSON: {"row": 3, "column": "price", "message": "…"}.
struct CsvError {
    std::int64_t row = 0;  // 1 = the header; 0 = the whole file (e.g. too large)
    std::string column;    // a column name, or "" for the whole row or file
    std::string message;

    friend bool operator==(const CsvError&, const CsvError&) = default;
};
void to_json(nlohmann::json& j, const CsvError& e);
void from_json(const nlohmann::json& j, CsvError& e);

// [SECTION] RFC 4180

struct CsvRecords {
    std::vector<std::vector<std::string>> records;  // records[i] is row i + 1
    std::optional<CsvError> error;                  // the first syntax error; records stop before it
};

// Splits `text` (a leading BOM skipped) into records. Refuses invalid UTF-8, a quote inside an
// unquoted field, text after a closing quote, an unterminated quote, and more than `max_records`
// records. A final line end is optional.
CsvRecords read_csv(std::string_view text, std::size_t max_records);

// Appends one record, quoting the fields that need it, ended with CRLF.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

// [SECTION] catalog rows

// The columns, in the order the export writes them.
const std::vector<std::string>& catalog_csv_columns();

// The whole catalog as a file: a BOM (so spreadsheets read it as UTF-8), the header, one row per
// variant in product order and variant order; product columns only on a product's first row.
// Prices in decimal major units of their currency. An import of this text changes nothing.
std::string export_catalog_csv(const std::vector<Product>& products);

// A file split into rows and checked for its shape (header, columns, bounds).
struct CatalogCsv {
    std::vector<std::string> header;
    std::map<std::string, std::size_t, std::less<>> column;  // name → index
    std::vector<std::pair<std::int64_t, std::vector<std::string>>> rows;  // row number, cells (blank rows left out)
    std::vector<CsvError> errors;
};
// Refuses (in `errors`) a file past kMaxCsvBytes, a syntax error, a missing or repeated header
// name, an unknown column, and rows with more cells than the header.
CatalogCsv parse_catalog_csv(std::string_view text);
// The product ids the file names, each once: the caller loads them for plan_catalog_import.
std::vector<std::string> csv_product_ids(const CatalogCsv& csv);

// Where the parts of one planned product came from: the row of its product columns, and the row of each variant
// (its position in the product's variant list; 0 for a stored variant the file does not name).
struct CsvProductRows {
    std::int64_t first_row = 0;
    std::vector<std::int64_t> variant_rows;
};

// What an import would do. Products and variants the file creates have empty ids: the caller
// assigns them before storing.
struct CatalogImportPlan {
    std::vector<Product> creates;  // variants with their initial stock
    std::vector<Product> updates;  // the whole product after the import; variant stock as stored
    std::map<std::string, std::int64_t> stock_sets;  // existing variant id → the stock the file sets
    std::vector<CsvProductRows> rows;                // creates, then updates
    std::vector<CsvError> errors;                    // every row's, sorted by row
    std::size_t row_count = 0;
};

// Maps the rows to products with the rules of parse_product_draft (core/catalog_edit.hpp), whose
// field errors ("variants[1].sku") are reported at their row and column, and checks what spans
// products: a SKU once in the whole file. `existing`: the stored products the file names by id.
// What needs the database (categories, SKUs of products outside the file) the store checks;
// csv_errors_for maps its answers back.
CatalogImportPlan plan_catalog_import(const CatalogCsv& csv, const std::map<std::string, Product, std::less<>>& existing,
                                      Currency fiat);

// The rows and columns of field errors keyed like parse_product_draft's, for the product at
// `index` of the plan (creates first, then updates).
std::vector<CsvError> csv_errors_for(const CatalogImportPlan& plan, std::size_t index, const FieldErrors& errors);

// Sorts by row, then column, and drops a second error for the same cell (the first one stays).
void sort_csv_errors(std::vector<CsvError>& errors);

}  // namespace satstore
