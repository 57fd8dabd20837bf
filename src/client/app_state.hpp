// satstore client — the whole application state: a plain struct that screens draw from.
//
// Screens never do I/O: they read this state and push Intents; the loop (app.cpp) performs the
// network and storage work and writes results back here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aftersales_state.hpp"
#include "api/call.hpp"
#include "account_state.hpp"
#include "buying_state.hpp"
#include "catalog_state.hpp"
#include "load.hpp"
#include "staff_accounts_state.hpp"
#include "support_state.hpp"
#include "core/api/bodies.hpp"
#include "core/catalog.hpp"
#include "platform/upload_event.hpp"

namespace satstore::client {

// --- Routes (URL fragments, routes.cpp) ------------------------------------------------------------
enum class Route { catalog, product, cart, login, checkout, orders, order, pay, wallet, not_found,
                   // the confirmation after placing an order (issue 19): #/orders/<id>/placed
                   order_placed,
                   // after-sales (issue 5): staff console and the buyer's return request
                   staff_orders, staff_order, staff_returns, order_return,
                   // account security (issue 7)
                   account, forgot_password, reset_password,
                   // support (issue 6, support_state.hpp)
                   help, ticket_new, tickets, ticket, staff_tickets, staff_ticket,
                   // staff accounts (issue 20): the admin's screens, and the invitation link
                   staff_users, staff_audit, accept_invite,
                   // the staff console's Catalog (issue 20, catalog_state.hpp)
                   staff_products, staff_product };

struct RouteState {
    Route route = Route::catalog;
    std::string product_id;  // Route::product; Route::staff_product ("new" for a new product)
    std::string query;       // Route::catalog: ?q=
    std::string category;    // Route::catalog: ?category=
    bool register_mode = false;  // Route::login: #/register
    std::string order_id;        // Route::order, Route::pay, Route::order_placed, Route::staff_order, Route::order_return
    std::string reset_token;     // Route::reset_password: ?token=
    // Support (issue 6): Route::ticket / staff_ticket id; Route::ticket_new ?order= and ?related=.
    std::string ticket_id;
    std::string ticket_order;
    std::string ticket_related;
    std::string invite_token;    // Route::accept_invite: ?token=

    friend bool operator==(const RouteState&, const RouteState&) = default;
};

// A route with no parameters.
inline RouteState route_of(Route r) {
    RouteState s;
    s.route = r;
    return s;
}

// A page of the staff consoles (orders, returns, tickets): drawn in the console's own layout,
// without the shopper's cart and footer.
inline bool is_staff_route(Route r) {
    return r == Route::staff_orders || r == Route::staff_order || r == Route::staff_returns || r == Route::staff_tickets ||
           r == Route::staff_ticket || r == Route::staff_users || r == Route::staff_audit ||
           r == Route::staff_products || r == Route::staff_product;
}

// --- Remote data -------------------------------------------------------------------------------------

// The wire types of GET /store and of the signed-in user (core/api/bodies.hpp).
using Category = satstore::api::StoreCategory;
using StoreInfo = satstore::api::StoreInfo;
using User = satstore::api::UserInfo;

struct CartLine {
    std::string product_id;
    std::int64_t qty = 1;
    std::string variant_id;  // "" in carts saved before variants: the product's only one
    std::int64_t seen_price_minor = 0;  // the unit price when it went into the cart (0 = unknown)

    // What names the line in intents: "prd_…|var_…".
    std::string key() const { return product_id + "|" + variant_id; }
    bool is(std::string_view k) const { return k == key(); }
};

// A product image as a GL texture (0 until loaded).
struct ImageSlot {
    std::uint32_t texture = 0;
    int width = 0;
    int height = 0;
    bool failed = false;
};

// --- Forms -------------------------------------------------------------------------------------------
struct LoginForm {
    std::string email;
    std::string password;
    std::string display_name;
    std::map<std::string, std::string> field_errors;  // "email", "password", "display_name"
    std::string general_error;
    bool busy = false;
    bool focus_first_error = false;
    // Two-factor step (issue 7): shown after 401 totp_required, sent along with the password.
    bool totp_needed = false;
    bool use_recovery = false;  // the field takes a recovery code instead of 6 digits
    std::string totp;
    bool focus_totp = false;
};

struct Toast {
    std::string text;
    bool error = false;
    double expires_at_ms = 0;
};

// --- Requests in flight (by platform request id) -----------------------------------------------------
enum class RequestKind { store, rates, catalog, product, cart_product, me, login, register_, logout, image };


// --- Intents recorded by draw code -------------------------------------------------------------------
struct Intent {
    enum class Kind {
        navigate,        // text = fragment ("/cart")
        retry,           // reload what failed
        toggle_lang,
        add_to_cart,     // text = CartLine::key(), number = qty
        set_cart_qty,    // text = CartLine::key(), number = qty (0 removes)
        accept_cart_price,  // text = CartLine::key(): the buyer saw the line's new price
        submit_login,
        submit_register,
        log_out,
        load_image,      // text = image URL
        buying,          // number = BuyAction (buying_state.hpp), text = its argument
        aftersales,      // number = AfterAction (aftersales_state.hpp), text = its argument
        account,         // number = AccountAction (account_state.hpp), text = its argument
        support,         // number = SupportAction (support_state.hpp), text = its argument
        staff,           // number = StaffAction (staff_accounts_state.hpp), text = its argument
        catalog,         // number = CatalogAction (catalog_state.hpp), text = its argument
    };
    Kind kind;
    std::string text;
    std::int64_t number = 0;
};

struct AppState {
    Lang lang = Lang::en;
    RouteState route;

    Load store_load = Load::idle;
    StoreInfo store;

    // Catalog list for the current query/category (ids into `products`).
    Load catalog_load = Load::idle;
    std::string catalog_key;  // query + category the list belongs to
    std::vector<std::string> catalog_ids;

    // Product detail.
    Load product_load = Load::idle;
    std::int64_t detail_qty = 1;  // quantity chosen on the detail page (reset per product)
    std::optional<std::string> detail_qty_text;  // its field's text while being typed
    std::vector<std::string> detail_choice;  // the option values picked there (English), one per option
    int gallery_index = -1;  // the product page's image picked in its gallery; -1: the variant's (reset per product)
    std::map<std::string, Product> products;  // every product seen, by id

    std::optional<std::int64_t> btc_rate_minor;  // fiat minor units per 1 BTC

    std::vector<CartLine> cart;
    BuyingState buy;  // checkout, payment, wallet, orders (buying_state.hpp)
    AftersalesState after;  // staff console, returns (aftersales_state.hpp)
    AccountState account;  // account page, forgot / reset password (account_state.hpp)
    SupportState support;  // help center, tickets, agent console (support_state.hpp)
    StaffAccountsState staff;  // staff accounts, audit log, accepting an invitation (issue 20)
    CatalogState catalog;  // the staff console's Catalog (catalog_state.hpp)

    std::string session_token;
    std::optional<User> user;
    LoginForm login;

    std::string search_text;  // the top bar's field
    bool menu_open = false;        // the folded top bar's menu is open
    bool top_bar_folded = false;   // the top bar's links are in the menu (phones, crowded bars)
    std::vector<Toast> toasts;
    std::map<std::string, ImageSlot> images;  // by URL

    bool api_unreachable = false;  // full-page error with Retry
    double now_ms = 0;
    float width_css = 0;  // viewport size, set each frame
    float height_css = 0;

    std::vector<Intent> intents;
    // Every API request in flight, by platform request id (api/client.hpp owns it).
    std::map<int, api::Call> calls;
    bool scroll_to_top = false;

    // Convenience for draw code.
    void push(Intent::Kind kind, std::string text = {}, std::int64_t number = 0) {
        intents.push_back(Intent{kind, std::move(text), number});
    }
};

// Narrow layout (UI.md: below ~640 CSS px one column, folded top bar).
inline bool is_narrow(const AppState& s) { return s.width_css < 640.0f; }

}  // namespace satstore::client
