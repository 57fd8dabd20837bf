// satstore client — the product editor's form as the API and core see it (no I/O: the Catalog
// screens and catalog_requests.cpp both use it). The form becomes a ProductDraft body, checked
// by the same core rule the server applies (parse_product_draft), so the editor shows the
// server's messages next to the fields before sending.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog_state.hpp"
#include "core/account.hpp"
#include "core/catalog_edit.hpp"

namespace satstore::client {

// "Black, Orange" → {"Black", "Orange"}: split at commas (ASCII or full-width), trimmed; empty
// text gives no values.
std::vector<std::string> split_values(const std::string& text);

// The form of a loaded product (prices as yuan text with the currency's decimals).
ProductForm form_of(const Product& p);
// A new product's form: draft, one variant without options.
ProductForm new_product_form();

// The draft body of `form` (POST and PATCH send the full form). Prices that do not read as an
// amount of `fiat` are left out and noted in `local` under their field ("variants[1].price");
// stock that is not a number is sent as typed so the core rule names it.
nlohmann::json draft_json(const ProductForm& form, Currency fiat, FieldErrors& local);

// The form checked by core: parse_product_draft against `existing` (nullptr for a new product),
// with the price notes of draft_json. The product is what a buyer would see (the preview).
ParsedProductDraft check_form(const ProductForm& form, const Product* existing, Currency fiat);

// Adds a row for every combination of the options' values that no row has yet, and drops new
// (unsaved) rows whose values no longer exist. A product without options keeps one row. Returns
// the number of rows added.
int generate_variants(ProductForm& form);

}  // namespace satstore::client
