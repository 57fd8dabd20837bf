// satstore client — one function per screen (screens/*.cpp) plus the page chrome. Each draws from
// AppState and records intents; none performs I/O.
#pragma once

#include <cstdint>
#include <string>

#include "app_state.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {

// Page chrome (chrome.cpp): fixed top bar, folded menu (narrow), footer, toasts.
void draw_top_bar(AppState& s);
void draw_menu_panel(AppState& s);
void draw_footer(AppState& s, float column_width);
void draw_toasts(AppState& s);

// Screens, drawn in the content column `column_width` CSS px wide (cursor at its top-left).
void draw_catalog(AppState& s, float column_width);
void draw_product(AppState& s, float column_width);
void draw_cart(AppState& s, float column_width);
void draw_login(AppState& s, float column_width);
void draw_checkout(AppState& s, float column_width);  // checkout.cpp
void draw_orders(AppState& s, float column_width);    // orders.cpp
void draw_order(AppState& s, float column_width);     // order_detail.cpp
void draw_pay(AppState& s, float column_width);       // pay.cpp
void draw_order_placed(AppState& s, float column_width);  // order_placed.cpp: #/orders/<id>/placed
void draw_wallet(AppState& s, float column_width);    // wallet.cpp
void draw_api_error(AppState& s, float column_width);
void draw_not_found(AppState& s, float column_width);
// After-sales (issue 5).
void draw_staff_orders(AppState& s, float column_width);   // staff_orders.cpp: #/staff/orders
void draw_staff_order(AppState& s, float column_width);    // staff_order.cpp: #/staff/orders/<id>
void draw_staff_returns(AppState& s, float column_width);  // staff_returns.cpp: #/staff/returns
void draw_order_return(AppState& s, float column_width);   // order_return.cpp: #/orders/<id>/return
// Records an AfterAction intent (aftersales_requests.cpp performs it after the frame).
void after(AppState& s, AfterAction action, std::string arg = {});
// Shared by the after-sales screens (staff_orders.cpp): the carrier choice as a row of radio
// buttons (core carriers()); the staff-only gate (false when the page must not draw further);
// the console list pages' head with the Orders / Returns tabs.
void carrier_picker(AppState& s, const char* id, int& index, const std::string& error, float width);
bool staff_gate(AppState& s, float width);
// A console list page's head: the title, the gate, the tabs; false when the page must stop.
bool staff_list_head(AppState& s, const char* title, float width);
// A normalised tracking status in words (order_detail.cpp).
const char* tracking_label(Lang lang, TrackingStatus status);
// An order timeline note as shown: the carriers of the order's shipments by name in `lang`
// (order_detail.cpp; the staff order page uses it too).
std::string history_note(Lang lang, const Order& order, const std::string& note);
// A return's status in words (staff_returns.cpp).
const char* return_status_label(Lang lang, ReturnStatus status);
// "-  n  +" for units of `title` from 0 to `max_units`; buttons named "One less/more: <title>".
std::int64_t unit_stepper(AppState& s, const std::string& id, const std::string& title, std::int64_t qty, std::int64_t max_units);
// Account security (issue 7)
void draw_account(AppState& s, float column_width);          // account.cpp
void draw_forgot_password(AppState& s, float column_width);  // forgot_password.cpp
void draw_reset_password(AppState& s, float column_width);   // reset_password.cpp
// Support (issue 6)
void draw_help(AppState& s, float column_width);           // help.cpp
void draw_ticket_form(AppState& s, float column_width);    // ticket_form.cpp
void draw_tickets(AppState& s, float column_width);        // tickets.cpp
void draw_ticket(AppState& s, float column_width);         // ticket_thread.cpp
void draw_staff_tickets(AppState& s, float column_width);  // staff_tickets.cpp
void draw_staff_ticket(AppState& s, float column_width);   // staff_ticket.cpp
// Staff accounts (issue 20)
void draw_staff_users(AppState& s, float column_width);    // staff_users.cpp: #/staff/users (admin)
void draw_staff_audit(AppState& s, float column_width);    // staff_audit.cpp: #/staff/audit (admin)
void draw_accept_invite(AppState& s, float column_width);  // accept_invite.cpp: #/accept-invite?token=…
// The console's tabs: Orders, Returns and, for admins, Staff and Audit log (staff_orders.cpp).
void staff_tabs(AppState& s);
// The head of the admin's console pages: the title, the admin-only gate, the tabs; false when
// the page must not draw further (staff_users.cpp).
bool admin_page_head(AppState& s, const char* title, float width);
// The console's Catalog (issue 20)
void draw_staff_products(AppState& s, float column_width);  // staff_products.cpp: #/staff/products
void draw_staff_product(AppState& s, float column_width);   // staff_product.cpp: #/staff/products/<id>, …/new
// Records a CatalogAction intent (catalog_requests.cpp performs it after the frame).
void catalog(AppState& s, CatalogAction action, std::string arg = {});

// Shared helpers (chrome.cpp).
// A product image (an /assets/… path or a media reference) to draw into a `box_w` × `box_h` CSS
// px box: the rendition for that width at the device pixel ratio (core media::image_url_for),
// cropped to fill the box; texture 0 while it loads (the first call records a load intent).
ui::Picture product_picture(AppState& s, const std::string& image, float box_w, float box_h);
// Records navigation to `route`.
void go(AppState& s, const RouteState& route);
// Number of items (sum of quantities) in the cart.
int cart_item_count(const AppState& s);

}  // namespace satstore::client::screens
