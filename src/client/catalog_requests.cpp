// satstore client — the staff console's Catalog requests (see catalog_requests.hpp).
//
// Index: [SECTION] helpers · [SECTION] list · [SECTION] editor · [SECTION] stock ·
//        [SECTION] entry points
#include "catalog_requests.hpp"

#include <algorithm>

#include "api/client.hpp"
#include "app_requests.hpp"
#include "catalog_form.hpp"
#include "core/json_text.hpp"
#include "core/url.hpp"
#include "i18n/strings.hpp"
#include "routes.hpp"

namespace satstore::client {
namespace {

using nlohmann::json;

constexpr int kListPage = 20;
const char* const kStockReasons[] = {"received", "damaged", "correction"};

// --- [SECTION] helpers -------------------------------------------------------------------------

// A core or API field message in the UI language: core speaks English; in Chinese the common
// ones have their own words and the rest keep the English sentence after a Chinese lead.
std::string field_message(Lang lang, const std::string& message) {
    if (lang == Lang::en) return message;
    if (message == "Required.") return tr(lang, S::cat_err_required);
    if (message.find("SKU") != std::string::npos && message.find("has this SKU") != std::string::npos)
        return tr(lang, S::cat_err_sku_taken);
    if (message.rfind("Type the price in yuan", 0) == 0) return tr(lang, S::cat_err_price);
    return trf(lang, S::cat_err_check_s, message.c_str());
}

std::map<std::string, std::string> field_messages(Lang lang, const FieldErrors& errors) {
    std::map<std::string, std::string> out;
    for (const auto& [field, message] : errors) out[field] = field_message(lang, message);
    return out;
}

std::string problem_words(const AppState& s, const platform::HttpReply& r, const api::Problem& p) {
    if (r.status == 0) return tr(s.lang, S::network_failed);
    if (p.is(api::ProblemCode::variant_in_orders)) return tr(s.lang, S::cat_err_variant_in_orders);
    if (p.is(api::ProblemCode::sku_taken)) return tr(s.lang, S::cat_err_sku_taken);
    if (s.lang == Lang::en && !p.detail.empty()) return p.detail;
    return tr(s.lang, S::request_failed);
}

std::string baseline_of(const ProductForm& form, Currency fiat) {
    FieldErrors ignored;
    return draft_json(form, fiat, ignored).dump();
}

// The shop's own caches of a product the console changed: reloaded when next shown.
void forget_public_copy(AppState& s, const std::string& product_id) {
    s.products.erase(product_id);
    s.catalog_key.clear();
}

// --- [SECTION] list ----------------------------------------------------------------------------

void request_list(AppState& s, bool more) {
    CatalogListState& l = s.catalog.list;
    std::string path = "/staff/products?limit=" + std::to_string(kListPage);
    if (!l.status.empty()) path += "&status=" + l.status;
    if (!l.query.empty()) path += "&q=" + percent_encode(l.query);
    if (more) {
        if (l.next_cursor.empty()) return;
        path += "&cursor=" + percent_encode(l.next_cursor);
        l.loading_more = true;
    } else if (l.load != Load::ok) {
        l.load = Load::loading;
    }
    l.sent_query = l.query;
    api::send(s, CatalogRequest::list, "GET", path, {}, {.key = more ? "more" : ""});
}

void apply_list(AppState& s, const std::string& key, const platform::HttpReply& r) {
    CatalogListState& l = s.catalog.list;
    l.loading_more = false;
    const std::optional<json> j = api::ok_json(r);
    auto items = api::ok_items<Product>(r, "product page");
    if (!j || !items) {
        if (key != "more") l.load = Load::failed;
        return;
    }
    if (key != "more") l.items.clear();
    for (auto& p : *items) l.items.push_back(std::move(p));
    const auto cursor = j->find("next_cursor");
    l.next_cursor = cursor != j->end() && cursor->is_string() ? cursor->get<std::string>() : "";
    l.load = Load::ok;
}

// --- [SECTION] editor --------------------------------------------------------------------------

void open_editor(AppState& s, const std::string& id) {
    ProductEditorState& e = s.catalog.editor;
    const bool creating = id == "new";
    if (e.product_id == id && e.load == Load::ok && !creating) {
        api::send(s, CatalogRequest::product, "GET", "/staff/products/" + percent_encode(id), {}, {.key = id});
        return;
    }
    e = ProductEditorState{};
    e.product_id = id;
    e.uploads.upload_path = "/staff/images";
    if (creating) {
        e.form = new_product_form();
        e.baseline = baseline_of(e.form, s.store.fiat);
        e.load = Load::ok;
        return;
    }
    e.load = Load::loading;
    api::send(s, CatalogRequest::product, "GET", "/staff/products/" + percent_encode(id), {}, {.key = id});
}

void show_product(AppState& s, const Product& p) {
    ProductEditorState& e = s.catalog.editor;
    e.loaded = p;
    e.form = form_of(p);
    e.baseline = baseline_of(e.form, s.store.fiat);
    e.load = Load::ok;
}

void apply_product(AppState& s, const std::string& key, const platform::HttpReply& r) {
    ProductEditorState& e = s.catalog.editor;
    if (key != e.product_id) return;  // the editor moved on
    const auto p = r.status == 200 ? api::ok_value<Product>(r, "product") : std::nullopt;
    if (!p) {
        e.load = Load::failed;
        return;
    }
    const bool dirty = e.load == Load::ok && baseline_of(e.form, s.store.fiat) != e.baseline;
    if (dirty) {
        e.loaded = *p;  // keep the unsaved edits; stock as the server has it
        for (auto& row : e.form.variants)
            if (const Variant* v = find_variant(*p, row.id)) row.stock_now = v->stock;
        return;
    }
    show_product(s, *p);
}

void save(AppState& s) {
    ProductEditorState& e = s.catalog.editor;
    if (e.busy || e.load != Load::ok) return;
    e.error.clear();
    if (e.uploads.uploading()) {
        e.error = tr(s.lang, S::cat_wait_uploads);
        return;
    }
    const bool creating = e.product_id == "new";
    FieldErrors local;
    const json body = draft_json(e.form, s.store.fiat, local);
    ParsedProductDraft parsed = parse_product_draft(body, creating ? nullptr : &e.loaded, s.store.fiat);
    for (auto& [field, message] : local) parsed.errors[field] = message;
    e.errors = field_messages(s.lang, parsed.errors);
    if (!e.errors.empty()) {
        e.focus_first_error = true;
        e.error = tr(s.lang, S::cat_fix_fields);
        return;
    }
    e.busy = true;
    if (creating) api::send(s, CatalogRequest::save, "POST", "/staff/products", body.dump(), {.key = "new"});
    else api::send(s, CatalogRequest::save, "PATCH", "/staff/products/" + percent_encode(e.product_id), body.dump(), {.key = e.product_id});
}

void apply_save(AppState& s, const std::string& key, const platform::HttpReply& r) {
    ProductEditorState& e = s.catalog.editor;
    if (key != e.product_id) return;
    e.busy = false;
    if (r.status == 200 || r.status == 201) {
        const auto p = api::ok_value<Product>(r, "product");
        if (!p) {
            e.error = tr(s.lang, S::request_failed);
            return;
        }
        e.errors.clear();
        show_product(s, *p);
        forget_public_copy(s, p->id);
        s.catalog.list.load = Load::idle;  // the list shows it changed when next opened
        show_toast(s, tr(s.lang, S::cat_saved));
        if (key == "new") {
            e.product_id = p->id;
            RouteState next = route_of(Route::staff_product);
            next.product_id = p->id;
            s.push(Intent::Kind::navigate, route_fragment(next));
        }
        return;
    }
    const api::Problem p = api::problem(r);
    e.errors = field_messages(s.lang, p.errors);  // 422 per field; 409 sku_taken names variants[i].sku
    e.error = !e.errors.empty() ? tr(s.lang, S::cat_fix_fields) : problem_words(s, r, p);
    if (!e.errors.empty()) e.focus_first_error = true;
}

void archive(AppState& s) {
    ProductEditorState& e = s.catalog.editor;
    if (e.archive_busy || e.product_id == "new" || e.load != Load::ok) return;
    e.archive_busy = true;
    const bool restore = e.loaded.status == ProductStatus::archived;
    api::send(s, CatalogRequest::archive, "POST",
              "/staff/products/" + percent_encode(e.product_id) + (restore ? "/restore" : "/archive"), {}, {.key = e.product_id});
}

void apply_archive(AppState& s, const std::string& key, const platform::HttpReply& r) {
    ProductEditorState& e = s.catalog.editor;
    if (key != e.product_id) return;
    e.archive_busy = false;
    e.archive_dialog = false;
    const auto p = r.status == 200 ? api::ok_value<Product>(r, "product") : std::nullopt;
    if (!p) {
        e.error = problem_words(s, r, api::problem(r));
        return;
    }
    e.loaded = *p;
    e.form.status = p->status;
    ProductForm saved = form_of(*p);
    e.baseline = baseline_of(saved, s.store.fiat);
    forget_public_copy(s, p->id);
    s.catalog.list.load = Load::idle;
    show_toast(s, tr(s.lang, p->status == ProductStatus::archived ? S::cat_archived_toast : S::cat_restored_toast));
}

// --- [SECTION] stock ---------------------------------------------------------------------------

void request_history(AppState& s) {
    StockPanel& st = s.catalog.editor.stock;
    if (st.variant_id.empty()) return;
    if (st.history_load != Load::ok) st.history_load = Load::loading;
    api::send(s, CatalogRequest::stock_history, "GET", "/staff/variants/" + percent_encode(st.variant_id) + "/stock", {},
              {.key = st.variant_id});
}

void open_stock(AppState& s, const std::string& variant_id) {
    StockPanel& st = s.catalog.editor.stock;
    if (st.variant_id == variant_id) {
        st = StockPanel{};  // the same Adjust again folds it away
        return;
    }
    st = StockPanel{};
    st.variant_id = variant_id;
    request_history(s);
}

void submit_stock(AppState& s) {
    StockPanel& st = s.catalog.editor.stock;
    if (st.busy || st.variant_id.empty()) return;
    st.error.clear();
    const json amount = json_text::parse(st.amount).value;
    json body = {{st.set_mode ? "set" : "delta", amount.is_number() ? amount : json(st.amount)},
                 {"reason", kStockReasons[std::clamp(st.reason, 0, 2)]}};
    if (!st.note.empty()) body["note"] = st.note;
    const ParsedStockRequest parsed = parse_stock_request(body);  // the server's rule, before sending
    st.errors = field_messages(s.lang, parsed.errors);
    if (st.errors.count("delta") || st.errors.count("set")) {
        st.errors["amount"] = st.errors.count("delta") ? st.errors["delta"] : st.errors["set"];
        st.errors.erase("delta");
        st.errors.erase("set");
    }
    if (!st.errors.empty()) return;
    st.busy = true;
    api::send(s, CatalogRequest::stock_adjust, "POST", "/staff/variants/" + percent_encode(st.variant_id) + "/stock", body.dump(),
              {.key = st.variant_id});
}

void apply_stock(AppState& s, const std::string& key, const platform::HttpReply& r) {
    ProductEditorState& e = s.catalog.editor;
    StockPanel& st = e.stock;
    if (key != st.variant_id) return;
    st.busy = false;
    const std::optional<json> j = api::ok_json(r);
    if (j && j->contains("stock") && (*j)["stock"].is_number_integer()) {
        const std::int64_t stock = (*j)["stock"].get<std::int64_t>();
        for (auto& row : e.form.variants)
            if (row.id == key) row.stock_now = stock;
        for (auto& v : e.loaded.variants)
            if (v.id == key) v.stock = stock;
        st.amount.clear();
        st.note.clear();
        st.errors.clear();
        forget_public_copy(s, e.loaded.id);
        s.catalog.list.load = Load::idle;
        show_toast(s, trf(s.lang, S::cat_stock_now_lld, static_cast<long long>(stock)));
        request_history(s);
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.is(api::ProblemCode::insufficient_stock)) {
        st.errors["amount"] = trf(s.lang, S::cat_err_insufficient_lld, static_cast<long long>(p.extra.available.value_or(0)));
        return;
    }
    if (r.status == 422 && !p.errors.empty()) {
        st.errors = field_messages(s.lang, p.errors);
        for (const char* k : {"delta", "set"})
            if (st.errors.count(k)) {
                st.errors["amount"] = st.errors[k];
                st.errors.erase(k);
            }
        return;
    }
    st.error = problem_words(s, r, p);
}

void apply_history(AppState& s, const std::string& key, const platform::HttpReply& r) {
    StockPanel& st = s.catalog.editor.stock;
    if (key != st.variant_id) return;
    const std::optional<json> j = api::ok_json(r);
    if (!j || !j->contains("items") || !(*j)["items"].is_array()) {
        st.history_load = Load::failed;
        return;
    }
    st.history.clear();
    const auto str = [](const json& m, const char* k) {
        const auto it = m.find(k);
        return it != m.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    for (const json& m : (*j)["items"]) {
        if (!m.is_object()) continue;
        StockPanel::Movement mv;
        mv.at = str(m, "at");
        mv.reason = str(m, "reason");
        mv.actor_email = str(m, "actor_email");
        mv.ref = str(m, "ref");
        mv.note = str(m, "note");
        if (const auto d = m.find("delta"); d != m.end() && d->is_number_integer()) mv.delta = d->get<std::int64_t>();
        if (const auto a = m.find("stock_after"); a != m.end() && a->is_number_integer()) mv.stock_after = a->get<std::int64_t>();
        st.history.push_back(std::move(mv));
    }
    st.history_load = Load::ok;
}

}  // namespace

// --- [SECTION] entry points ----------------------------------------------------------------------

void enter_catalog_route(AppState& s) {
    if (s.session_token.empty()) return;
    switch (s.route.route) {
        case Route::staff_products: request_list(s, false); break;
        case Route::staff_product: open_editor(s, s.route.product_id); break;
        default: break;
    }
}

void perform_catalog(AppState& s, const Intent& in) {
    ProductEditorState& e = s.catalog.editor;
    switch (static_cast<CatalogAction>(in.number)) {
        case CatalogAction::list_filter:
            s.catalog.list.status = in.text;
            s.catalog.list.load = Load::idle;
            request_list(s, false);
            break;
        case CatalogAction::list_search:
            s.catalog.list.load = Load::idle;
            request_list(s, false);
            break;
        case CatalogAction::list_more: request_list(s, true); break;
        case CatalogAction::list_reload: request_list(s, false); break;
        case CatalogAction::editor_reload:
            e.load = Load::idle;
            e.product_id.clear();
            open_editor(s, s.route.product_id);
            break;
        case CatalogAction::generate_variants: {
            const int added = generate_variants(e.form);
            show_toast(s, trf(s.lang, S::cat_generated_d, added));
            break;
        }
        case CatalogAction::save: save(s); break;
        case CatalogAction::open_archive: e.archive_dialog = true; break;
        case CatalogAction::close_archive: e.archive_dialog = false; break;
        case CatalogAction::archive: archive(s); break;
        case CatalogAction::open_stock: open_stock(s, in.text); break;
        case CatalogAction::submit_stock: submit_stock(s); break;
        case CatalogAction::stay: e.leave_to.clear(); break;
        case CatalogAction::discard: {
            const std::string to = e.leave_to;
            e.leave_to.clear();
            e.leave_confirmed = true;
            s.push(Intent::Kind::navigate, to);
            break;
        }
    }
}

void handle_catalog_reply(AppState& s, CatalogRequest kind, const std::string& key, const platform::HttpReply& r) {
    switch (kind) {
        case CatalogRequest::list: apply_list(s, key, r); break;
        case CatalogRequest::product: apply_product(s, key, r); break;
        case CatalogRequest::save: apply_save(s, key, r); break;
        case CatalogRequest::archive: apply_archive(s, key, r); break;
        case CatalogRequest::stock_adjust: apply_stock(s, key, r); break;
        case CatalogRequest::stock_history: apply_history(s, key, r); break;
    }
}

void process_catalog(AppState& s) {
    ProductEditorState& e = s.catalog.editor;
    auto& files = e.uploads.files;
    for (const auto& f : files) {
        const bool done = f.state == platform::UploadEvent::State::done && !f.upload_id.empty();
        if (done && std::find(e.form.images.begin(), e.form.images.end(), f.upload_id) == e.form.images.end())
            e.form.images.push_back(f.upload_id);  // the answer's id is the media reference
    }
    std::erase_if(files, [](const auto& f) { return f.state == platform::UploadEvent::State::done; });
}

bool catalog_holds_leaving(AppState& s, const RouteState& next) {
    ProductEditorState& e = s.catalog.editor;
    if (s.route.route != Route::staff_product || e.load != Load::ok) return false;
    if (e.leave_confirmed || (next.route == Route::staff_product && next.product_id == e.product_id)) {
        e.leave_confirmed = false;
        return false;
    }
    if (baseline_of(e.form, s.store.fiat) == e.baseline) return false;
    e.leave_to = route_fragment(next);
    return true;
}

ui::Attachments* catalog_attachment_field(AppState& s) { return &s.catalog.editor.uploads; }

}  // namespace satstore::client
