// satstore server — THE route table. It reads like SPEC §5: method, path, who may call, handler.
#include "server/routes.hpp"

#include "server/handlers/handlers.hpp"

namespace satstore::server {

std::vector<Route> api_routes() {
    using namespace handlers;
    using A = Access;
    return {
        // Operations (outside /api/v1)
        {"GET", "/healthz", A::anyone, healthz},
        {"GET", "/readyz", A::anyone, readyz},
        {"GET", "/metrics", A::anyone, metrics_text},

        {"GET", "/api/v1/openapi.json", A::anyone, openapi},

        // Store and catalog
        {"GET", "/api/v1/store", A::anyone, get_store},
        {"GET", "/api/v1/products", A::anyone, list_products},
        {"GET", "/api/v1/products/{id}", A::anyone, get_product},
        {"GET", "/api/v1/rates", A::anyone, get_rates},

        // Accounts
        {"POST", "/api/v1/users", A::anyone, register_user},
        {"POST", "/api/v1/sessions", A::anyone, create_session},
        {"DELETE", "/api/v1/sessions/current", A::user, delete_current_session},
        {"DELETE", "/api/v1/sessions", A::user, delete_all_sessions},
        {"GET", "/api/v1/me", A::user, get_me},
        {"PUT", "/api/v1/me/password", A::user, change_password},
        {"POST", "/api/v1/me/2fa", A::user, enrol_2fa},
        {"POST", "/api/v1/me/2fa/confirm", A::user, confirm_2fa},
        {"DELETE", "/api/v1/me/2fa", A::user, disable_2fa},
        {"GET", "/api/v1/me/login-activity", A::user, login_activity},
        {"POST", "/api/v1/password-resets", A::anyone, request_password_reset},
        {"POST", "/api/v1/password-resets/complete", A::anyone, complete_password_reset},
        // The older form with the token in the path: logged as its pattern, never the token.
        {"POST", "/api/v1/password-resets/{token}", A::anyone, complete_password_reset, 0, PathLog::pattern},
        {"GET", "/api/v1/dev/outbox", A::admin, dev_outbox},
        {"GET", "/api/v1/me/addresses", A::user, list_addresses},
        {"POST", "/api/v1/me/addresses", A::user, create_address},
        {"DELETE", "/api/v1/me/addresses/{id}", A::user, delete_address},

        // Orders
        {"POST", "/api/v1/orders/preview", A::anyone, preview_order},
        {"POST", "/api/v1/orders", A::user, create_order},
        {"GET", "/api/v1/orders", A::user, list_orders},
        {"GET", "/api/v1/orders/{id}", A::user, get_order},
        {"POST", "/api/v1/orders/{id}/quote", A::user, renew_quote},
        {"POST", "/api/v1/orders/{id}/cancel", A::user, cancel_order},
        {"POST", "/api/v1/orders/{id}/payments", A::user, create_payment},
        {"POST", "/api/v1/orders/{id}/confirm-receipt", A::user, confirm_receipt},
        {"POST", "/api/v1/orders/{id}/reorder", A::user, reorder},
        {"POST", "/api/v1/orders/{id}/returns", A::user, create_return},
        {"POST", "/api/v1/returns/{id}/shipment", A::user, ship_return},

        // Uploads: raw PNG/JPEG/WebP bodies up to 5 MiB
        {"POST", "/api/v1/uploads", A::user, create_upload, 5 * 1024 * 1024},
        {"GET", "/api/v1/uploads/{id}", A::user, get_upload},

        // Wallet
        {"PUT", "/api/v1/wallet", A::user, put_wallet},
        {"GET", "/api/v1/wallet", A::user, get_wallet},
        {"GET", "/api/v1/wallet/ledger", A::user, get_ledger},
        {"POST", "/api/v1/wallet/topups", A::user, create_topup},

        // Staff
        {"GET", "/api/v1/staff/orders", A::merchant, staff_list_orders},
        {"POST", "/api/v1/staff/orders/{id}/shipments", A::merchant, staff_ship_order},
        {"POST", "/api/v1/staff/orders/{id}/refunds", A::merchant, staff_refund_order},
        {"POST", "/api/v1/staff/orders/{id}/cancel", A::merchant, staff_cancel_order},
        {"GET", "/api/v1/staff/returns", A::merchant, staff_list_returns},
        {"POST", "/api/v1/staff/returns/{id}/approve", A::merchant, staff_approve_return},
        {"POST", "/api/v1/staff/returns/{id}/reject", A::merchant, staff_reject_return},
        {"POST", "/api/v1/staff/returns/{id}/receive", A::merchant, staff_receive_return},

        // Carriers (authenticated by an HMAC signature, not a session)
        {"POST", "/api/v1/carriers/{carrier}/events", A::anyone, carrier_events},

        // Support tickets (issue 6): help center, the buyer's tickets, the agent console
        {"GET", "/api/v1/support/channels", A::anyone, support_channels},
        {"GET", "/api/v1/support/faq", A::anyone, support_faq},
        {"POST", "/api/v1/tickets", A::user, create_ticket},
        {"GET", "/api/v1/tickets", A::user, list_tickets},
        {"GET", "/api/v1/tickets/{id}", A::user, get_ticket},
        {"POST", "/api/v1/tickets/{id}/messages", A::user, add_ticket_message},
        {"POST", "/api/v1/tickets/{id}/close", A::user, close_ticket},
        {"POST", "/api/v1/tickets/{id}/rating", A::user, rate_ticket},
        {"GET", "/api/v1/staff/tickets", A::agent, staff_list_tickets},
        {"GET", "/api/v1/staff/tickets/{id}", A::agent, staff_get_ticket},
        {"PATCH", "/api/v1/staff/tickets/{id}", A::agent, staff_update_ticket},
        {"POST", "/api/v1/staff/tickets/{id}/messages", A::agent, staff_reply_ticket},

        // After-sales console (issue 5): one order in full, lost package → re-ship
        {"GET", "/api/v1/staff/orders/{id}", A::merchant, staff_get_order},
        {"POST", "/api/v1/staff/orders/{id}/reshipments", A::merchant, staff_reship_order},
    };
}

}  // namespace satstore::server
