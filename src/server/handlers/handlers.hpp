// satstore server — every HTTP handler, grouped by the file that implements it. The route table
// that maps paths to them is routes.cpp. Handlers parse input, call core and the store, and
// encode the answer; errors are thrown as ApiError.
#pragma once

#include "core/help_center.hpp"
#include "server/http/router.hpp"

namespace satstore::server::handlers {

// health.cpp
Response healthz(Context& ctx);
Response readyz(Context& ctx);
Response metrics_text(Context& ctx);

// openapi.cpp
Response openapi(Context& ctx);

// staff_catalog.cpp (issue 20)
Response staff_list_products(Context& ctx);
Response staff_get_product(Context& ctx);
Response staff_create_product(Context& ctx);
Response staff_update_product(Context& ctx);
Response staff_archive_product(Context& ctx);
Response staff_restore_product(Context& ctx);
Response staff_adjust_stock(Context& ctx);
Response staff_stock_history(Context& ctx);
Response staff_save_category(Context& ctx);

// staff_catalog_csv.cpp (issue 20)
Response staff_import_catalog(Context& ctx);
Response staff_export_catalog(Context& ctx);

// catalog.cpp
Response get_store(Context& ctx);
Response list_products(Context& ctx);
Response get_product(Context& ctx);
Response get_rates(Context& ctx);

// accounts.cpp
Response register_user(Context& ctx);
Response create_session(Context& ctx);
Response delete_current_session(Context& ctx);
Response get_me(Context& ctx);

// security.cpp
Response enrol_2fa(Context& ctx);
Response confirm_2fa(Context& ctx);
Response disable_2fa(Context& ctx);
Response change_password(Context& ctx);
Response delete_all_sessions(Context& ctx);
Response login_activity(Context& ctx);
Response request_password_reset(Context& ctx);
Response complete_password_reset(Context& ctx);
Response dev_outbox(Context& ctx);

// addresses.cpp
Response list_addresses(Context& ctx);
Response create_address(Context& ctx);
Response delete_address(Context& ctx);

// orders.cpp
Response preview_order(Context& ctx);
Response create_order(Context& ctx);
Response list_orders(Context& ctx);
Response get_order(Context& ctx);
Response renew_quote(Context& ctx);
Response cancel_order(Context& ctx);
Response confirm_receipt(Context& ctx);
Response reorder(Context& ctx);

// staff_orders.cpp (merchant role)
Response staff_list_orders(Context& ctx);
Response staff_ship_order(Context& ctx);
Response staff_refund_order(Context& ctx);
Response staff_cancel_order(Context& ctx);
Response staff_get_order(Context& ctx);
Response staff_reship_order(Context& ctx);

// uploads.cpp
Response create_upload(Context& ctx);
Response get_upload(Context& ctx);

// media.cpp (issue 20: product images)
Response upload_image(Context& ctx);
Response get_media(Context& ctx);

// returns.cpp
Response create_return(Context& ctx);
Response ship_return(Context& ctx);
Response staff_list_returns(Context& ctx);
Response staff_approve_return(Context& ctx);
Response staff_reject_return(Context& ctx);
Response staff_receive_return(Context& ctx);

// carriers.cpp
Response carrier_events(Context& ctx);

// payments.cpp
Response create_payment(Context& ctx);

// wallet.cpp
Response put_wallet(Context& ctx);
Response get_wallet(Context& ctx);
Response get_ledger(Context& ctx);
Response create_topup(Context& ctx);

// --- Support tickets (issue 6) ---
// tickets.cpp (the buyer's tickets)
Response create_ticket(Context& ctx);
Response list_tickets(Context& ctx);
Response get_ticket(Context& ctx);
Response add_ticket_message(Context& ctx);
Response close_ticket(Context& ctx);
Response rate_ticket(Context& ctx);

// staff_tickets.cpp (agent role)
Response staff_list_tickets(Context& ctx);
Response staff_get_ticket(Context& ctx);
Response staff_update_ticket(Context& ctx);
Response staff_reply_ticket(Context& ctx);

// --- Staff accounts (issue 20) ---
// staff_users.cpp (admin role; accept_invitation: anyone with the link)
Response staff_list_users(Context& ctx);
Response staff_invite_user(Context& ctx);
Response staff_update_user(Context& ctx);
Response staff_audit_log(Context& ctx);
Response accept_invitation(Context& ctx);

// support.cpp (help center and contact channels)
Response support_channels(Context& ctx);
Response support_faq(Context& ctx);
// Reads and checks the help center entries (assets/support/faq.json); throws std::runtime_error
// naming the problem. Called once at start.
std::vector<FaqEntry> load_faq_file(const std::string& path);

}  // namespace satstore::server::handlers
