// satstore server — THE route table. It reads like SPEC §5: method, path, who may call, handler.
#include "server/routes.hpp"

#include "core/media.hpp"
#include "core/catalog_csv.hpp"
#include "server/handlers/handlers.hpp"

namespace satstore::server {

std::vector<Route> api_routes() {
    using namespace handlers;
    using A = Access;
    const auto page = std::vector<const char*>{"limit", "cursor"};
    return {
        // Operations (outside /api/v1)
        Route{"GET", "/healthz", A::anyone, healthz}.returns("Liveness"),
        Route{"GET", "/readyz", A::anyone, readyz}.returns("Readiness"),
        Route{"GET", "/metrics", A::anyone, metrics_text}.answers_with(Answer::text),

        // Product images at content-hash URLs (immutable; see handlers/media.cpp)
        Route{"GET", "/media/{file}", A::anyone, get_media}.answers({200, 304}).answers_with(Answer::image),

        Route{"GET", "/api/v1/openapi.json", A::anyone, openapi}.returns("OpenApiDocument"),

        // Store and catalog (304 when If-None-Match names the current ETag)
        Route{"GET", "/api/v1/store", A::anyone, get_store}.returns("Store"),
        Route{"GET", "/api/v1/products", A::anyone, list_products}.answers({200, 304}).returns("ProductPage").reads({"q", "category", "limit", "cursor"}),
        Route{"GET", "/api/v1/products/{id}", A::anyone, get_product}.answers({200, 304}).returns("Product"),
        Route{"GET", "/api/v1/rates", A::anyone, get_rates}.returns("Rates"),

        // Accounts
        Route{"POST", "/api/v1/users", A::anyone, register_user}.answers({201}).takes("Registration").returns("User"),
        Route{"POST", "/api/v1/sessions", A::anyone, create_session}.answers({201}).takes("Login").returns("Session"),
        Route{"DELETE", "/api/v1/sessions/current", A::user, delete_current_session}.answers({204}),
        Route{"DELETE", "/api/v1/sessions", A::user, delete_all_sessions}.answers({204}),
        Route{"GET", "/api/v1/me", A::user, get_me}.returns("User"),
        Route{"PUT", "/api/v1/me/password", A::user, change_password}.answers({204}).takes("PasswordChangeRequest"),
        Route{"POST", "/api/v1/me/2fa", A::user, enrol_2fa}.answers({201}).returns("TwoFactorEnrolment"),
        Route{"POST", "/api/v1/me/2fa/confirm", A::user, confirm_2fa}.takes("TwoFactorCodeRequest").returns("RecoveryCodes"),
        Route{"DELETE", "/api/v1/me/2fa", A::user, disable_2fa}.answers({204}).takes(Body::json).takes("TwoFactorCodeRequest"),
        Route{"GET", "/api/v1/me/login-activity", A::user, login_activity}.returns("LoginActivity"),
        Route{"POST", "/api/v1/password-resets", A::anyone, request_password_reset}.answers({202}).takes("PasswordResetRequest")
            .returns("ResetAccepted"),
        Route{"POST", "/api/v1/password-resets/complete", A::anyone, complete_password_reset}.answers({204})
            .takes("PasswordResetCompleteRequest"),
        // The older form with the token in the path: logged as its pattern, never the token.
        Route{"POST", "/api/v1/password-resets/{token}", A::anyone, complete_password_reset}.answers({204}).log_as_pattern()
            .takes("NewPasswordRequest"),
        Route{"GET", "/api/v1/dev/outbox", A::admin, dev_outbox}.returns("Outbox"),
        Route{"GET", "/api/v1/me/addresses", A::user, list_addresses}.returns("AddressList"),
        Route{"POST", "/api/v1/me/addresses", A::user, create_address}.answers({201, 200})  // 200: already saved
            .takes("AddressRequest").returns("SavedAddress"),
        Route{"DELETE", "/api/v1/me/addresses/{id}", A::user, delete_address}.answers({204}),

        // Orders (an idempotent replay answers as the original did)
        Route{"POST", "/api/v1/orders/preview", A::anyone, preview_order}.takes("PreviewRequest").returns("Preview"),
        Route{"POST", "/api/v1/orders", A::user, create_order}.answers({201}).idempotent(Idempotency::required)
            .takes("OrderRequest").returns("Order"),
        Route{"GET", "/api/v1/orders", A::user, list_orders}.reads({"status", "limit", "cursor"}).returns("OrderPage"),
        Route{"GET", "/api/v1/orders/{id}", A::user, get_order}.returns("Order"),
        Route{"POST", "/api/v1/orders/{id}/quote", A::user, renew_quote}.takes("QuoteRequest").returns("Order"),
        Route{"POST", "/api/v1/orders/{id}/cancel", A::user, cancel_order}.takes("ReasonRequest").returns("Order"),
        Route{"POST", "/api/v1/orders/{id}/payments", A::user, create_payment}.answers({201, 200}).idempotent(Idempotency::optional)
            .takes("PaymentRequest").returns("Payment"),
        Route{"POST", "/api/v1/orders/{id}/confirm-receipt", A::user, confirm_receipt}.takes("ReceiptRequest").returns("Order"),
        Route{"POST", "/api/v1/orders/{id}/reorder", A::user, reorder}.returns("Reorder"),
        Route{"POST", "/api/v1/orders/{id}/returns", A::user, create_return}.answers({201}).takes("ReturnCreateRequest").returns("Return"),
        Route{"POST", "/api/v1/returns/{id}/shipment", A::user, ship_return}.takes("ReturnShipmentRequest").returns("Return"),

        // Uploads: raw PNG/JPEG/WebP bodies up to 5 MiB
        Route{"POST", "/api/v1/uploads", A::user, create_upload}.answers({201}).raw_image_body(5 * 1024 * 1024).returns("Upload"),
        Route{"GET", "/api/v1/uploads/{id}", A::user, get_upload}.answers_with(Answer::image),

        // Wallet
        Route{"PUT", "/api/v1/wallet", A::user, put_wallet}.takes("WalletRequest").returns("Wallet"),
        Route{"GET", "/api/v1/wallet", A::user, get_wallet}.returns("Wallet"),
        Route{"GET", "/api/v1/wallet/ledger", A::user, get_ledger}.reads(page).returns("LedgerPage"),
        Route{"POST", "/api/v1/wallet/topups", A::user, create_topup}.answers({201}).takes("TopupRequest").returns("Wallet"),

        // Staff
        Route{"GET", "/api/v1/staff/orders", A::merchant, staff_list_orders}.reads({"status", "limit", "cursor"}).returns("OrderPage"),
        Route{"POST", "/api/v1/staff/orders/{id}/shipments", A::merchant, staff_ship_order}.takes("ShipmentRequest").returns("Order"),
        Route{"POST", "/api/v1/staff/orders/{id}/refunds", A::merchant, staff_refund_order}.idempotent(Idempotency::optional)
            .takes("RefundRequest").returns("Order"),
        Route{"POST", "/api/v1/staff/orders/{id}/cancel", A::merchant, staff_cancel_order}.takes("ReasonRequest").returns("Order"),
        Route{"GET", "/api/v1/staff/returns", A::merchant, staff_list_returns}.reads({"status", "limit"}).returns("ReturnList"),
        Route{"POST", "/api/v1/staff/returns/{id}/approve", A::merchant, staff_approve_return}.returns("Return"),
        Route{"POST", "/api/v1/staff/returns/{id}/reject", A::merchant, staff_reject_return}.takes("ReasonRequest").returns("Return"),
        Route{"POST", "/api/v1/staff/returns/{id}/receive", A::merchant, staff_receive_return}.returns("Return"),

        // Product images: raw PNG/JPEG/WebP bodies up to core media::kMaxUploadBytes (200: stored already)
        Route{"POST", "/api/v1/staff/images", A::merchant, upload_image}.answers({201, 200})
            .raw_image_body(satstore::media::kMaxUploadBytes).returns("MediaImage"),

        // Carriers (authenticated by an HMAC signature, not a session)
        Route{"POST", "/api/v1/carriers/{carrier}/events", A::anyone, carrier_events}.requires_headers(
            {"X-Carrier-Timestamp", "X-Carrier-Signature"}).takes("CarrierEventsRequest").returns("CarrierEventsResult"),

        // Support tickets (issue 6): help center, the buyer's tickets, the agent console
        Route{"GET", "/api/v1/support/channels", A::anyone, support_channels}.returns("SupportChannels"),
        Route{"GET", "/api/v1/support/faq", A::anyone, support_faq}.reads({"q"}).returns("FaqList"),
        Route{"POST", "/api/v1/tickets", A::user, create_ticket}.answers({201}).idempotent(Idempotency::optional)
            .takes("TicketRequest").returns("Ticket"),
        Route{"GET", "/api/v1/tickets", A::user, list_tickets}.reads({"status", "limit", "cursor"}).returns("TicketPage"),
        Route{"GET", "/api/v1/tickets/{id}", A::user, get_ticket}.returns("Ticket"),
        Route{"POST", "/api/v1/tickets/{id}/messages", A::user, add_ticket_message}.answers({201}).takes("TicketMessageRequest")
            .returns("Ticket"),
        Route{"POST", "/api/v1/tickets/{id}/close", A::user, close_ticket}.returns("Ticket"),
        Route{"POST", "/api/v1/tickets/{id}/rating", A::user, rate_ticket}.takes("RatingRequest").returns("Ticket"),
        Route{"GET", "/api/v1/staff/tickets", A::agent, staff_list_tickets}.reads({"queue", "status", "sla", "sort", "limit", "cursor"})
            .returns("StaffTicketPage"),
        Route{"GET", "/api/v1/staff/tickets/{id}", A::agent, staff_get_ticket}.returns("StaffTicket"),
        Route{"PATCH", "/api/v1/staff/tickets/{id}", A::agent, staff_update_ticket}.takes("TicketUpdateRequest").returns("Ticket"),
        Route{"POST", "/api/v1/staff/tickets/{id}/messages", A::agent, staff_reply_ticket}.answers({201})
            .takes("TicketMessageRequest").returns("Ticket"),

        // Catalog management (issue 20): products with variants, archive/restore, stock with a reason
        Route{"GET", "/api/v1/staff/products", A::merchant, staff_list_products}.reads({"q", "status", "category", "limit", "cursor"})
            .returns("StaffProductPage"),
        Route{"POST", "/api/v1/staff/products", A::merchant, staff_create_product}.answers({201}).takes("ProductDraft").returns("Product"),
        Route{"GET", "/api/v1/staff/products/{id}", A::merchant, staff_get_product}.returns("Product"),
        Route{"PATCH", "/api/v1/staff/products/{id}", A::merchant, staff_update_product}.takes("ProductDraft").returns("Product"),
        Route{"POST", "/api/v1/staff/products/{id}/archive", A::merchant, staff_archive_product}.returns("Product"),
        Route{"POST", "/api/v1/staff/products/{id}/restore", A::merchant, staff_restore_product}.returns("Product"),
        Route{"POST", "/api/v1/staff/variants/{id}/stock", A::merchant, staff_adjust_stock}.takes("StockRequest").returns("StockChange"),
        Route{"GET", "/api/v1/staff/variants/{id}/stock", A::merchant, staff_stock_history}.returns("StockHistory"),
        Route{"PUT", "/api/v1/staff/categories/{slug}", A::merchant, staff_save_category}.takes("CategoryRequest").returns("Category"),
        // CSV, one row per variant (core/catalog_csv.hpp); the import is all or nothing, a dry run writes nothing
        Route{"POST", "/api/v1/staff/catalog/import", A::merchant, staff_import_catalog}.csv_body(kMaxCsvBytes)
            .reads({"dry_run"}).returns("CatalogImportResult"),
        Route{"GET", "/api/v1/staff/catalog/export", A::merchant, staff_export_catalog}.answers_with(Answer::csv),

        // After-sales console (issue 5): one order in full, lost package → re-ship
        Route{"GET", "/api/v1/staff/orders/{id}", A::merchant, staff_get_order}.returns("Order"),
        Route{"POST", "/api/v1/staff/orders/{id}/reshipments", A::merchant, staff_reship_order}.takes("ReshipmentRequest")
            .returns("Order"),

        // Staff accounts and the audit log (issue 20): admin only; an invitation's link is its own key
        Route{"GET", "/api/v1/staff/users", A::admin, staff_list_users}.reads({"q", "limit", "cursor"}).returns("StaffUserPage"),
        Route{"POST", "/api/v1/staff/users", A::admin, staff_invite_user}.answers({201}).takes("StaffInviteRequest")
            .returns("StaffUser"),
        Route{"PATCH", "/api/v1/staff/users/{id}", A::admin, staff_update_user}.takes("StaffUpdateRequest").returns("StaffUser"),
        Route{"GET", "/api/v1/staff/audit", A::admin, staff_audit_log}.reads({"target", "limit", "cursor"}).returns("AuditPage"),
        Route{"POST", "/api/v1/invitations/complete", A::anyone, accept_invitation}.answers({201})
            .takes("InvitationAcceptRequest").returns("Session"),
    };
}

}  // namespace satstore::server
