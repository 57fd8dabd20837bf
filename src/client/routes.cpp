// satstore client — URL fragment routes (see routes.hpp).
#include "routes.hpp"

namespace satstore::client {
namespace {

// Reads key=value pairs of a query string; values are taken verbatim (the fragment is decoded).
std::string query_param(const std::string& query, const std::string& key) {
    std::size_t pos = 0;
    while (pos <= query.size()) {
        const std::size_t amp = query.find('&', pos);
        const std::string pair = query.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        const std::size_t eq = pair.find('=');
        if (eq != std::string::npos && pair.substr(0, eq) == key) return pair.substr(eq + 1);
        if (amp == std::string::npos) break;
        pos = amp + 1;
    }
    return {};
}

}  // namespace

RouteState parse_route(const std::string& fragment) {
    RouteState r;
    std::string path = fragment.empty() ? "/" : fragment;
    std::string query;
    if (const std::size_t q = path.find('?'); q != std::string::npos) {
        query = path.substr(q + 1);
        path = path.substr(0, q);
    }
    if (path.size() > 1 && path.back() == '/') path.pop_back();
    const std::string products_prefix = "/products/";
    if (path == "/" || path.empty()) {
        r.route = Route::catalog;
        r.query = query_param(query, "q");
        r.category = query_param(query, "category");
    } else if (path.rfind(products_prefix, 0) == 0 && path.size() > products_prefix.size()) {
        r.route = Route::product;
        r.product_id = path.substr(products_prefix.size());
    } else if (path == "/cart") {
        r.route = Route::cart;
    } else if (path == "/checkout") {
        r.route = Route::checkout;
    } else if (path == "/staff/orders" || path == "/staff/returns") {
        r.route = path == "/staff/orders" ? Route::staff_orders : Route::staff_returns;
    } else if (path.rfind("/staff/orders/", 0) == 0 && path.size() > 14 && path.find('/', 14) == std::string::npos) {
        r.route = Route::staff_order;
        r.order_id = path.substr(14);
    } else if (path.rfind("/orders/", 0) == 0 && path.size() > 15 && path.compare(path.size() - 7, 7, "/return") == 0 &&
               path.find('/', 8) == path.size() - 7) {
        r.route = Route::order_return;
        r.order_id = path.substr(8, path.size() - 15);
    } else if (path == "/orders") {
        r.route = Route::orders;
    } else if (path.rfind("/orders/", 0) == 0 && path.size() > 8) {
        std::string id = path.substr(8);
        const bool pay = id.size() > 4 && id.compare(id.size() - 4, 4, "/pay") == 0;
        const bool placed = !pay && id.size() > 7 && id.compare(id.size() - 7, 7, "/placed") == 0;
        if (pay) id.resize(id.size() - 4);
        if (placed) id.resize(id.size() - 7);
        r.route = id.find('/') == std::string::npos ? (pay ? Route::pay : placed ? Route::order_placed : Route::order) : Route::not_found;
        r.order_id = id;
    } else if (path == "/wallet") {
        r.route = Route::wallet;
    } else if (path == "/login" || path == "/register") {
        r.route = Route::login;
        r.register_mode = path == "/register";
    } else if (path == "/account") {  // account security (issue 7)
        r.route = Route::account;
    } else if (path == "/forgot-password") {
        r.route = Route::forgot_password;
    } else if (path == "/reset-password") {
        r.route = Route::reset_password;
        r.reset_token = query_param(query, "token");
    } else if (path == "/help") {  // Support (issue 6)
        r.route = Route::help;
    } else if (path == "/tickets/new") {
        r.route = Route::ticket_new;
        r.ticket_order = query_param(query, "order");
        r.ticket_related = query_param(query, "related");
    } else if (path == "/tickets") {
        r.route = Route::tickets;
    } else if (path.rfind("/tickets/", 0) == 0 && path.size() > 9 && path.find('/', 9) == std::string::npos) {
        r.route = Route::ticket;
        r.ticket_id = path.substr(9);
    } else if (path == "/staff/products") {  // the console's Catalog (issue 20)
        r.route = Route::staff_products;
    } else if (path.rfind("/staff/products/", 0) == 0 && path.size() > 16 && path.find('/', 16) == std::string::npos) {
        r.route = Route::staff_product;
        r.product_id = path.substr(16);
    } else if (path == "/staff/tickets") {
        r.route = Route::staff_tickets;
    } else if (path.rfind("/staff/tickets/", 0) == 0 && path.size() > 15 && path.find('/', 15) == std::string::npos) {
        r.route = Route::staff_ticket;
        r.ticket_id = path.substr(15);
    } else if (path == "/staff/users" || path == "/staff/audit") {  // Staff accounts (issue 20)
        r.route = path == "/staff/users" ? Route::staff_users : Route::staff_audit;
    } else if (path == "/accept-invite") {
        r.route = Route::accept_invite;
        r.invite_token = query_param(query, "token");
    } else {
        r.route = Route::not_found;
    }
    return r;
}

std::string route_fragment(const RouteState& r) {
    switch (r.route) {
        case Route::catalog: {
            std::string f = "/";
            std::string sep = "?";
            if (!r.query.empty()) {
                f += sep + "q=" + r.query;
                sep = "&";
            }
            if (!r.category.empty()) f += sep + "category=" + r.category;
            return f;
        }
        case Route::product: return "/products/" + r.product_id;
        case Route::cart: return "/cart";
        case Route::login: return r.register_mode ? "/register" : "/login";
        case Route::checkout: return "/checkout";
        case Route::orders: return "/orders";
        case Route::order: return "/orders/" + r.order_id;
        case Route::pay: return "/orders/" + r.order_id + "/pay";
        case Route::order_placed: return "/orders/" + r.order_id + "/placed";
        case Route::wallet: return "/wallet";
        case Route::not_found: return "/";
        case Route::staff_orders: return "/staff/orders";
        case Route::staff_order: return "/staff/orders/" + r.order_id;
        case Route::staff_returns: return "/staff/returns";
        case Route::order_return: return "/orders/" + r.order_id + "/return";
        case Route::account: return "/account";
        case Route::forgot_password: return "/forgot-password";
        case Route::reset_password: return "/reset-password?token=" + r.reset_token;
        // Support (issue 6)
        case Route::help: return "/help";
        case Route::ticket_new: {
            std::string f = "/tickets/new";
            std::string sep = "?";
            if (!r.ticket_order.empty()) {
                f += sep + "order=" + r.ticket_order;
                sep = "&";
            }
            if (!r.ticket_related.empty()) f += sep + "related=" + r.ticket_related;
            return f;
        }
        case Route::tickets: return "/tickets";
        case Route::ticket: return "/tickets/" + r.ticket_id;
        case Route::staff_tickets: return "/staff/tickets";
        case Route::staff_ticket: return "/staff/tickets/" + r.ticket_id;
        // Staff accounts (issue 20)
        case Route::staff_users: return "/staff/users";
        case Route::staff_audit: return "/staff/audit";
        case Route::accept_invite: return "/accept-invite?token=" + r.invite_token;
        case Route::staff_products: return "/staff/products";
        case Route::staff_product: return "/staff/products/" + r.product_id;
    }
    return "/";
}

}  // namespace satstore::client
