// satstore client — state of the staff console's Catalog screens (issue 20): the product list
// (#/staff/products) and the product editor (#/staff/products/<id>, #/staff/products/new) with
// its options, variants, gallery, stock adjustments and stock history. Plain data, part of
// AppState; screens edit the forms in place and record CatalogAction intents for what needs the
// network; catalog_requests.cpp performs them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "load.hpp"
#include "ui/attachments.hpp"

namespace satstore::client {

// What the Catalog screens ask the loop to do (Intent::Kind::catalog, Intent::number).
enum class CatalogAction : std::int64_t {
    list_filter,       // text = status or "" (all)
    list_search,       // search with the list's query field
    list_more,         // the next page
    list_reload,
    editor_reload,
    generate_variants,  // a row for every combination of option values that has none
    save,               // POST (new) or PATCH (existing)
    open_archive,       // Archive/Restore confirm dialog
    close_archive,
    archive,            // archive or restore, by the product's status
    open_stock,         // text = variant id: its adjustment form and history
    submit_stock,
    stay,               // the unsaved-changes dialog: keep editing
    discard,            // the unsaved-changes dialog: leave without saving
};

// One option as edited: values as typed, comma-separated ("Black, Orange").
struct OptionForm {
    std::string name;
    std::string name_zh;
    std::string values;
    std::string values_zh;
};

// One variant row. `id` is empty for a row not saved yet (its stock is the initial stock);
// a saved variant's stock moves only through the stock form.
struct VariantForm {
    std::string id;
    std::vector<std::string> options;  // English values, one per option
    std::string sku;
    std::string price;        // yuan as typed ("129.00")
    std::string stock = "0";  // new rows: the initial stock as typed
    std::int64_t stock_now = 0;  // saved rows: the stock as loaded
    std::string image;        // "" = the product's first image
};

// The editor's form: every member of a ProductDraft.
struct ProductForm {
    std::string category;
    std::string title, description;        // English
    std::string title_zh, description_zh;  // Simplified Chinese
    ProductStatus status = ProductStatus::draft;
    std::vector<std::string> images;  // gallery order
    std::vector<OptionForm> options;
    std::vector<VariantForm> variants;
};

// The stock form and history of one variant.
struct StockPanel {
    std::string variant_id;  // "" = closed
    bool set_mode = false;   // "set to" instead of "change by"
    std::string amount;
    int reason = 0;  // received, damaged, correction
    std::string note;
    std::map<std::string, std::string> errors;  // "amount", "reason", "note"
    std::string error;  // general (409 insufficient_stock, network)
    bool busy = false;
    Load history_load = Load::idle;
    struct Movement {
        std::string at, reason, actor_email, ref, note;
        std::int64_t delta = 0;
        std::int64_t stock_after = -1;  // -1 when not recorded
    };
    std::vector<Movement> history;
};

struct CatalogListState {
    std::string status;  // "" all, "draft", "active", "archived"
    std::string query;   // the search field
    std::string sent_query;  // what the shown list was searched for
    Load load = Load::idle;
    std::vector<Product> items;
    std::string next_cursor;  // "" = last page
    bool loading_more = false;
};

struct ProductEditorState {
    std::string product_id;  // "" for a new product
    Load load = Load::idle;
    Product loaded;          // as the server last answered (PATCH compares against it)
    ProductForm form;
    std::string baseline;    // the form's draft JSON when loaded or saved: unsaved changes differ
    std::map<std::string, std::string> errors;  // by draft field ("title", "variants[1].sku", …)
    std::string error;       // general error of the last save
    bool busy = false;
    bool focus_first_error = false;
    bool archive_dialog = false;
    bool archive_busy = false;
    ui::Attachments uploads;  // gallery uploads (POST /staff/images); finished ones join `images`
    StockPanel stock;
    std::string leave_to;     // the unsaved-changes dialog is open for leaving to this fragment
    bool leave_confirmed = false;
};

// Requests in flight (by platform request id).
enum class CatalogRequest { list, product, save, archive, stock_adjust, stock_history };

struct CatalogState {
    CatalogListState list;
    ProductEditorState editor;
};

}  // namespace satstore::client
