// satstore client — the application loop (see app.hpp).
#include "app.hpp"

#include <algorithm>
#include <utility>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "aftersales_requests.hpp"
#include "api/client.hpp"
#include "core/json_text.hpp"
#include "account_requests.hpp"
#include "app_requests.hpp"
#include "buying_requests.hpp"
#include "catalog_requests.hpp"
#include "i18n/strings.hpp"
#include "platform/file_picker.hpp"
#include "platform/web_platform.hpp"
#include "render/fonts.hpp"
#include "routes.hpp"
#include "screens/screens.hpp"
#include "staff_accounts_requests.hpp"
#include "support_requests.hpp"
#include "ui/attachments.hpp"
#include "ui/theme.hpp"
#include "view_helpers.hpp"

namespace satstore::client {
namespace {

void load_cart(AppState& s) {
    const nlohmann::json j = json_text::parse(platform::storage_get("satstore.cart")).value;
    if (!j.is_array()) return;
    for (const auto& line : j) {
        if (!line.is_object() || !line.contains("product_id") || !line["product_id"].is_string() ||
            !line.contains("qty") || !line["qty"].is_number_integer()) {
            continue;
        }
        const std::int64_t qty = line["qty"].get<std::int64_t>();
        const auto variant = line.find("variant_id");
        const std::string variant_id = variant != line.end() && variant->is_string() ? variant->get<std::string>() : "";
        const auto price = line.find("price");
        const std::int64_t seen = price != line.end() && price->is_number_integer() ? price->get<std::int64_t>() : 0;
        if (qty > 0 && qty <= 999) s.cart.push_back(CartLine{line["product_id"].get<std::string>(), qty, variant_id, seen});
    }
}

void apply_language(AppState& s) {
    const std::string title = s.store.name.empty() ? tr(s.lang, S::store_default_name) : s.store.name;
    platform::set_document_language(s.lang == Lang::zh_CN ? "zh-CN" : "en", title);
}

// Every attachment field of every feature: each lists its own here.
std::vector<ui::Attachments*> attachment_fields(AppState& s) {
    std::vector<ui::Attachments*> fields = support_attachment_fields(s);
    fields.push_back(&s.after.buyer.evidence);  // return photos (issue 5)
    fields.push_back(catalog_attachment_field(s));  // product gallery uploads (issue 20)
    return fields;
}

// Loads what the current route shows and is not loaded yet.
void enter_route(AppState& s) {
    switch (s.route.route) {
        case Route::catalog:
            s.search_text = s.route.query;
            if (s.catalog_key != catalog_key(s.route) || s.catalog_load == Load::failed) request_catalog(s);
            break;
        case Route::product:
            s.detail_qty = 1;
            s.detail_qty_text.reset();
            s.detail_choice.clear();
            s.gallery_index = -1;
            if (s.products.count(s.route.product_id) != 0) s.product_load = Load::ok;
            else request_product(s, s.route.product_id, true);
            break;
        case Route::cart:
            for (const CartLine& l : s.cart) {
                if (s.products.count(l.product_id) == 0) request_product(s, l.product_id, false);
            }
            enter_buying_route(s);
            break;
        case Route::checkout:
        case Route::orders:
        case Route::order:
        case Route::order_placed:
        case Route::pay:
        case Route::wallet: enter_buying_route(s); break;
        case Route::login:
            s.login.field_errors.clear();
            s.login.general_error.clear();
            s.login.totp_needed = false;  // the two-factor step starts over with the password
            s.login.use_recovery = false;
            s.login.totp.clear();
            break;
        case Route::not_found:
            break;
        case Route::staff_orders:
        case Route::staff_order:
        case Route::staff_returns:
        case Route::order_return:
            enter_aftersales_route(s);
            enter_buying_route(s);  // order_return: the buyer's order (lines to pick)
            break;
        case Route::account:
        case Route::forgot_password:
        case Route::reset_password: enter_account_route(s); break;
        // Support (issue 6)
        case Route::help:
        case Route::ticket_new:
        case Route::tickets:
        case Route::ticket:
        case Route::staff_tickets:
        case Route::staff_ticket: enter_support_route(s); break;
        // Staff accounts (issue 20)
        case Route::staff_users:
        case Route::staff_audit:
        case Route::accept_invite: enter_staff_accounts_route(s); break;
        case Route::staff_products:
        case Route::staff_product: enter_catalog_route(s); break;
    }
}

// The cart line a key names (CartLine::key()): its product and variant ids.
CartLine line_of_key(std::string_view key) {
    const auto bar = key.find('|');
    if (bar == std::string_view::npos) return CartLine{std::string(key), 0, ""};
    return CartLine{std::string(key.substr(0, bar)), 0, std::string(key.substr(bar + 1))};
}

// The most of a variant one cart line may hold (core max_line_qty of its stock as last
// loaded; kMaxLineQty while the product is unknown: checkout re-checks stock either way), and
// whether the stock, rather than the per-order limit, sets it.
struct LineCap {
    std::int64_t units = kMaxLineQty;
    bool by_stock = false;
};
LineCap line_cap(const AppState& s, const CartLine& line) {
    if (s.products.count(line.product_id) == 0) return {};
    const Variant* v = cart_variant(s, line);
    const std::int64_t stock = v ? v->stock : 0;
    return {max_line_qty(stock), stock <= kMaxLineQty};
}

// "Only 3 in stock: quantity set to 3." or "At most 99 of one product per order."
std::string capped_text(const AppState& s, const LineCap& cap) {
    return cap.by_stock ? trf(s.lang, S::qty_capped_lld_lld, static_cast<long long>(cap.units), static_cast<long long>(cap.units))
                        : trf(s.lang, S::qty_max_lld, static_cast<long long>(cap.units));
}

// Adds `qty` of a product; the same product again merges into its line, within stock, and the
// toast says what the cart holds now.
void add_to_cart(AppState& s, const std::string& key, std::int64_t qty) {
    const CartLine want = line_of_key(key);
    const LineCap cap = line_cap(s, want);
    if (cap.units <= 0) {
        show_toast(s, tr(s.lang, S::sold_out), true);
        return;
    }
    auto it = std::find_if(s.cart.begin(), s.cart.end(), [&](const CartLine& l) { return l.is(key); });
    const std::int64_t had = it == s.cart.end() ? 0 : it->qty;
    const std::int64_t now = std::min(had + std::max<std::int64_t>(qty, 1), std::max(cap.units, had));
    const bool capped = now < had + qty;
    if (now == had) {  // nothing more fits
        show_toast(s, cap.by_stock ? trf(s.lang, S::cart_all_in_cart_lld, static_cast<long long>(cap.units)) : capped_text(s, cap));
        return;
    }
    if (it == s.cart.end()) {
        const Variant* v = cart_variant(s, want);
        s.cart.push_back(CartLine{want.product_id, now, want.variant_id, v ? v->price.amount_minor : 0});
    } else {
        it->qty = now;
    }
    save_cart(s);
    const auto n = [](std::int64_t v) { return static_cast<long long>(v); };
    if (had == 0) show_toast(s, capped ? capped_text(s, cap) : std::string(tr(s.lang, S::added_to_cart)));
    else if (!capped) show_toast(s, trf(s.lang, S::cart_merged_lld_lld, n(had), n(now)));
    else if (cap.by_stock) show_toast(s, trf(s.lang, S::cart_merged_capped_lld_lld_lld, n(had), n(cap.units), n(now)));
    else show_toast(s, capped_text(s, cap));
}

// Sets a line's quantity (0 removes it), capped at the stock with a toast saying why. A sold-out
// line keeps one unit: the cart marks it and the buyer removes it.
void set_cart_qty(AppState& s, const std::string& key, std::int64_t qty) {
    auto it = std::find_if(s.cart.begin(), s.cart.end(), [&](const CartLine& l) { return l.is(key); });
    if (it == s.cart.end()) return;
    if (qty <= 0) {
        s.cart.erase(it);
    } else {
        const LineCap cap = line_cap(s, *it);
        it->qty = std::max<std::int64_t>(1, std::min(qty, cap.units));
        if (it->qty < qty && cap.units > 0) show_toast(s, capped_text(s, cap));
    }
    save_cart(s);
}

void accept_cart_price(AppState& s, const std::string& key) {
    auto it = std::find_if(s.cart.begin(), s.cart.end(), [&](const CartLine& l) { return l.is(key); });
    const Variant* v = it == s.cart.end() ? nullptr : cart_variant(s, *it);
    if (v == nullptr) return;
    it->seen_price_minor = v->price.amount_minor;
    save_cart(s);
}

void retry(AppState& s) {
    s.api_unreachable = false;
    if (s.store_load != Load::ok) request_store(s);
    if (!s.btc_rate_minor) request_rates(s);
    s.catalog_key.clear();
    enter_route(s);
}

}  // namespace

void app_start(AppState& s) {
    s.now_ms = platform::now_ms();
    const std::string stored_lang = platform::storage_get("satstore.lang");
    s.lang = lang_from_bcp47(stored_lang.empty() ? platform::navigator_language() : stored_lang);
    s.session_token = platform::storage_get("satstore.token");
    load_cart(s);
    s.route = parse_route(platform::location_hash());
    apply_language(s);
    request_store(s);
    request_rates(s);
    if (!s.session_token.empty()) request_me(s);
    enter_route(s);
}

void app_process_events(AppState& s) {
    s.now_ms = platform::now_ms();
    const bool had_store = s.store_load == Load::ok;
    for (const platform::HttpReply& r : platform::take_http_replies()) {
        const std::optional<api::Call> call = api::take(s, r.request_id);
        if (!call) continue;  // superseded
        render::use_text(r.body);  // what the server sends gets its glyphs before it is drawn
        if (api::session_expired_reply(*call, r)) {
            api::session_expired(s);
            continue;
        }
        switch (call->feature) {
            case api::Feature::app: handle_reply(s, *call, r); break;
            case api::Feature::buying: handle_buying_reply(s, static_cast<BuyRequest>(call->kind), r); break;
            case api::Feature::aftersales: handle_aftersales_reply(s, static_cast<AfterRequest>(call->kind), call->key, r); break;
            case api::Feature::account: handle_account_reply(s, static_cast<AccountRequest>(call->kind), r); break;
            case api::Feature::support: handle_support_reply(s, static_cast<SupportRequest>(call->kind), r); break;
            case api::Feature::staff: handle_staff_accounts_reply(s, static_cast<StaffRequest>(call->kind), r); break;
            case api::Feature::catalog: handle_catalog_reply(s, static_cast<CatalogRequest>(call->kind), call->key, r); break;
        }
    }
    for (const platform::ImageReply& r : platform::take_image_replies()) handle_image(s, r);
    // Upload events go to the attachment field that opened their file chooser, drawn or not (the
    // events of a field that was reset since are dropped).
    std::vector<platform::UploadEvent> uploads = platform::take_upload_events();
    ui::dispatch_upload_events(uploads, attachment_fields(s));

    if (!had_store && s.store_load == Load::ok) apply_language(s);
    if (platform::take_hash_changed()) {
        const RouteState next = parse_route(platform::location_hash());
        if (!(next == s.route) && catalog_holds_leaving(s, next)) {
            platform::set_location_hash(route_fragment(s.route));  // the unsaved-changes dialog decides
        } else if (!(next == s.route)) {
            s.route = next;
            s.menu_open = false;
            s.scroll_to_top = true;
            enter_route(s);
        }
    }
    std::erase_if(s.toasts, [&](const Toast& t) { return t.expires_at_ms <= s.now_ms; });
    process_buying(s);
    process_aftersales(s);
    process_support(s);
    process_catalog(s);
}

void app_perform_intents(AppState& s) {
    std::vector<Intent> intents = std::move(s.intents);
    s.intents.clear();
    for (const Intent& in : intents) {
        switch (in.kind) {
            case Intent::Kind::navigate: platform::set_location_hash(in.text); break;
            case Intent::Kind::retry: retry(s); break;
            case Intent::Kind::toggle_lang:
                s.lang = s.lang == Lang::en ? Lang::zh_CN : Lang::en;
                platform::storage_set("satstore.lang", s.lang == Lang::zh_CN ? "zh-CN" : "en");
                apply_language(s);
                break;
            case Intent::Kind::add_to_cart: add_to_cart(s, in.text, in.number); break;
            case Intent::Kind::set_cart_qty: set_cart_qty(s, in.text, in.number); break;
            case Intent::Kind::accept_cart_price: accept_cart_price(s, in.text); break;
            case Intent::Kind::submit_login: request_login(s); break;
            case Intent::Kind::submit_register: request_register(s); break;
            case Intent::Kind::log_out: request_logout(s); break;
            case Intent::Kind::load_image: api::load_image(s, in.text); break;
            case Intent::Kind::buying: perform_buying(s, in); break;
            case Intent::Kind::aftersales: perform_aftersales(s, in); break;
            case Intent::Kind::account: perform_account(s, in); break;
            case Intent::Kind::support: perform_support(s, in); break;
            case Intent::Kind::staff: perform_staff_accounts(s, in); break;
            case Intent::Kind::catalog: perform_catalog(s, in); break;
        }
    }
    // A field's "Add images" asks for the file chooser (within the click's user activation).
    for (ui::Attachments* field : attachment_fields(s)) api::start_uploads(s, *field);
    if (!intents.empty()) platform::request_frame();
}

void app_draw(AppState& s) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##root", nullptr, root_flags);
    screens::draw_top_bar(s);

    ImGui::SetCursorPos(ImVec2(0, ui::kTopBarHeight));
    ImGui::BeginChild("##content", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings);
    if (s.scroll_to_top) {
        ImGui::SetScrollY(0);
        s.scroll_to_top = false;
    }
    // Centred on the full width (not the scrollbar-narrowed one) so it lines up with the top bar.
    const float full = ImGui::GetWindowWidth();
    const float side = is_narrow(s) ? 16.0f : 24.0f;
    const float column = std::min(ui::kContentMaxWidth, full - 2 * side);
    const float margin = std::max(side, (full - column) * 0.5f);
    ImGui::Dummy(ImVec2(1, is_narrow(s) ? 16.0f : 24.0f));
    ImGui::Indent(margin);
    if (s.api_unreachable) {
        screens::draw_api_error(s, column);
    } else {
        switch (s.route.route) {
            case Route::catalog: screens::draw_catalog(s, column); break;
            case Route::product: screens::draw_product(s, column); break;
            case Route::cart: screens::draw_cart(s, column); break;
            case Route::login: screens::draw_login(s, column); break;
            case Route::checkout: screens::draw_checkout(s, column); break;
            case Route::orders: screens::draw_orders(s, column); break;
            case Route::order: screens::draw_order(s, column); break;
            case Route::pay: screens::draw_pay(s, column); break;
            case Route::order_placed: screens::draw_order_placed(s, column); break;
            case Route::wallet: screens::draw_wallet(s, column); break;
            case Route::not_found: screens::draw_not_found(s, column); break;
            case Route::staff_orders: screens::draw_staff_orders(s, column); break;
            case Route::staff_order: screens::draw_staff_order(s, column); break;
            case Route::staff_returns: screens::draw_staff_returns(s, column); break;
            case Route::order_return: screens::draw_order_return(s, column); break;
            case Route::account: screens::draw_account(s, column); break;
            case Route::forgot_password: screens::draw_forgot_password(s, column); break;
            case Route::reset_password: screens::draw_reset_password(s, column); break;
            // Support (issue 6)
            case Route::help: screens::draw_help(s, column); break;
            case Route::ticket_new: screens::draw_ticket_form(s, column); break;
            case Route::tickets: screens::draw_tickets(s, column); break;
            case Route::ticket: screens::draw_ticket(s, column); break;
            case Route::staff_tickets: screens::draw_staff_tickets(s, column); break;
            case Route::staff_ticket: screens::draw_staff_ticket(s, column); break;
            // Staff accounts (issue 20)
            case Route::staff_users: screens::draw_staff_users(s, column); break;
            case Route::staff_audit: screens::draw_staff_audit(s, column); break;
            case Route::accept_invite: screens::draw_accept_invite(s, column); break;
            case Route::staff_products: screens::draw_staff_products(s, column); break;
            case Route::staff_product: screens::draw_staff_product(s, column); break;
        }
    }
    // The staff consoles' own layout has no shopper footer (issue 19), only room below the page.
    if (is_staff_route(s.route.route)) ImGui::Dummy(ImVec2(1, 48));
    else screens::draw_footer(s, column);
    ImGui::Unindent(margin);
    ImGui::EndChild();
    screens::draw_toasts(s);  // inside the root window: the mirror clips to its (full-page) rect
    ImGui::End();

    if (s.menu_open && s.top_bar_folded) screens::draw_menu_panel(s);
}

bool app_has_data(const AppState& s) {
    if (s.store_load != Load::ok) return false;
    switch (s.route.route) {
        case Route::catalog: return s.catalog_load == Load::ok;
        case Route::product: return s.product_load == Load::ok || s.product_load == Load::failed;
        default: return true;
    }
}

}  // namespace satstore::client
