// satstore server — the storage interface every backend implements (SQLite now, PostgreSQL
// later). Handlers talk only to this interface; SQL stays in the backend files.
//
// All methods are safe to call from several HTTP worker threads at once. Failures of the
// database itself throw StoreError (the HTTP layer turns it into a 503 without details).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/api/staff.hpp"
#include "core/address.hpp"
#include "core/authorization.hpp"
#include "core/catalog.hpp"
#include "core/catalog_edit.hpp"
#include "core/order.hpp"
#include "core/pricing.hpp"
#include "core/ticket.hpp"

namespace satstore::server {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A write refused because it would duplicate a unique value (e.g. a carrier tracking number).
struct DuplicateError : StoreError {
    using StoreError::StoreError;
};

// A write refused by a CHECK constraint of the schema (stock or a balance below zero).
struct CheckViolation : StoreError {
    using StoreError::StoreError;
};

struct Category {
    std::string slug;
    std::string title_en;
    std::string title_zh;
    int position = 0;
};

struct ProductQuery {
    std::string text;                       // matched against titles, descriptions and SKUs
    std::string category;                   // exact slug, empty = all
    std::optional<ProductStatus> status;    // nullopt = any (staff); the public catalog asks for active
    int limit = 24;                         // 1..100, checked by the caller
    std::optional<std::int64_t> after_seq;  // cursor: continue below this list position
};

struct ProductPage {
    std::vector<Product> items;
    std::optional<std::int64_t> next_seq;  // set when more items follow
};

// --- Catalog management (issue 20) -------------------------------------------------------------

// Who makes a staff change, as the audit log records it.
struct AuditActor {
    std::string id;  // "usr_…", or "cli"
    std::string email;
};

enum class CatalogOutcome {
    done,
    not_found,
    sku_taken,          // `detail` is the SKU another variant has
    unknown_category,
    variant_in_orders,  // `detail` is the variant that cannot be deleted
    not_allowed,        // e.g. archiving an archived product
};

struct CatalogResult {
    CatalogOutcome outcome = CatalogOutcome::done;
    std::optional<Product> product;  // as stored now, when done
    std::string detail;
};

struct StockMovement {
    std::string variant_id;
    std::int64_t at_unix_s = 0;
    std::int64_t delta = 0;
    std::optional<std::int64_t> stock_after;  // unknown for order takes and releases
    StockReason reason = StockReason::correction;
    std::string actor_id;
    std::string actor_email;
    std::string ref;  // the order number of an order or cancel
    std::string note;
};

enum class StockOutcome { done, not_found, insufficient };

struct StockResult {
    StockOutcome outcome = StockOutcome::done;
    std::int64_t stock = 0;  // now (done) or as it is (insufficient)
    StockMovement movement;
};

// What a catalog CSV import writes: plan_catalog_import's plan (core/catalog_csv.hpp) with the
// ids of new products and variants assigned.
struct CatalogImport {
    std::vector<Product> creates;  // variants with their initial stock
    std::vector<Product> updates;  // each whole product after the import; variant stock as stored
    std::map<std::string, std::int64_t> stock_sets;  // existing variant id → the stock the file sets
};

struct CatalogImportResult {
    bool written = false;  // committed: not a dry run, and nothing refused
    // What the database refuses, per product: its index (creates first, then updates) and field
    // errors keyed like parse_product_draft's ("category", "variants[1].sku").
    std::vector<std::pair<std::size_t, FieldErrors>> errors;
    std::int64_t stock_changes = 0;  // variants whose stock the import moved
};

struct User {
    std::string id;  // "usr_…"
    std::string email;
    std::string display_name;
    std::string password_hash;  // libsodium crypto_pwhash_str (argon2id)
    std::vector<Role> roles;
    bool twofa_enabled = false;
    std::int64_t created_at_unix_s = 0;
    std::int64_t points = 0;  // loyalty points, one worth one fiat minor unit
    // Security state (never sent to clients).
    std::string totp_secret;          // base32; non-empty when two-factor is on
    std::string totp_pending_secret;  // during enrolment, until confirmed
    // Staff accounts (issue 20): an invited account has no password yet (password_hash ""); a
    // disabled one cannot log in.
    bool disabled = false;
};

struct Mail {
    std::int64_t seq = 0;
    std::string to;
    std::string subject;
    std::string body;
    std::int64_t created_at_unix_s = 0;
};

struct Session {
    std::string token_hash;  // hex SHA-256 of the bearer token; the token itself is never stored
    std::string user_id;
    std::int64_t created_at_unix_s = 0;
    std::int64_t expires_at_unix_s = 0;
    std::string ip;
    std::string user_agent;
};

struct LoginEvent {
    std::optional<std::string> user_id;  // empty when the email is unknown
    std::int64_t at_unix_s = 0;
    std::string ip;
    std::string user_agent;
    bool success = false;
    std::string reason;  // "", "invalid_credentials", …
};

struct SavedAddress {
    std::string id;  // "adr_…"
    Address address;
    std::int64_t created_at_unix_s = 0;
};

struct OrderQuery {
    std::string user_id;  // "" = every user's (staff)
    std::optional<OrderStatus> status;
    int limit = 20;
    std::optional<std::int64_t> after_seq;
};

struct OrderPage {
    std::vector<Order> items;
    std::optional<std::int64_t> next_seq;
};

// Everything place_order needs. The order arrives fully priced with ids, quote and first
// timeline entry set; the store assigns `number`, then calls `encode_response` inside the
// transaction to get the body stored for idempotent replays.
struct NewOrder {
    Order order;
    std::string idempotency_key;
    std::string request_hash;  // hex SHA-256 of the canonical request body
    std::function<std::string(const Order&)> encode_response;
};

enum class PlaceOutcome {
    created,             // response_body holds the new order
    replayed,            // same key and body as before: response_body is the original answer
    key_reused,          // same key, different body
    out_of_stock,        // variant_id (of product_id) has only `available` left
    price_changed,       // the variant's price or existence changed since pricing, or it went off sale
    coupon_unavailable,  // already used by this user, or gone
    points_insufficient, // the user no longer has the points
};

struct PlaceResult {
    PlaceOutcome outcome = PlaceOutcome::created;
    std::string response_body;
    std::string product_id;
    std::int64_t available = 0;
    std::string variant_id;
};

struct Wallet {
    std::string user_id;
    std::string pubkey;  // x-only, lowercase hex
    std::string proof;
    std::int64_t created_at_unix_s = 0;
};

struct Balance {
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;
};

struct LedgerEntry {
    std::int64_t seq = 0;
    std::string txn_id;
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;  // signed: credit > 0, debit < 0
    std::string kind;         // "topup", "payment", "refund"
    std::string ref;
    std::int64_t at_unix_s = 0;
};

struct LedgerPage {
    std::vector<LedgerEntry> items;
    std::optional<std::int64_t> next_seq;
};

enum class SettleOutcome {
    settled,               // the payment is stored, the wallet debited, the order paid
    replayed,              // this very authorization and signature settled before: `payment` is it
    already_paid,          // the order was paid by another authorization
    not_found,             // no order of the caller's has this id
    refused,               // core::check_authorization refused it: `verdict` says why
    nonce_reused,          // the payer used this nonce before
    insufficient_balance,  // `balance` is what the wallet holds
};

struct SettleResult {
    SettleOutcome outcome = SettleOutcome::settled;
    PaymentRecord payment;
    std::int64_t balance = 0;
    PaymentVerdict verdict;
};

enum class RefundOutcome { refunded, not_paid, over_refund };

struct RefundResult {
    RefundOutcome outcome = RefundOutcome::refunded;
    std::optional<Order> order;        // updated order when refunded
    std::int64_t refundable = 0;       // what could still be refunded (for over_refund)
};

struct TrackingResult {
    bool found = false;  // a shipment with this carrier and tracking number exists
    int recorded = 0;    // events newly recorded (duplicates are skipped)
};

struct Upload {
    std::string id;  // "upl_…"
    std::string user_id;
    std::string mime;  // image/png, image/jpeg, image/webp
    std::string data;
    std::int64_t created_at_unix_s = 0;
};

// A place an upload is attached to, for deciding who besides its owner may read it.
struct UploadUse {
    enum class Kind { ticket, return_evidence };
    Kind kind;
    std::string owner_id;  // the buyer of the ticket, or of the order the return belongs to
};

enum class ReturnOutcome { done, not_found, not_allowed, too_many_units };

struct ReturnResult {
    ReturnOutcome outcome = ReturnOutcome::done;
    std::optional<ReturnRequest> ret;
};

// --- Support tickets (issue 6) ---------------------------------------------------------------

struct TicketQuery {
    std::string user_id;  // "" = every user's (staff)
    std::optional<TicketQueue> queue;
    std::optional<TicketStatus> status;
    bool breached_only = false;          // first response overdue (see ticket_sla)
    bool sort_by_due = false;            // soonest first_response_due first; else newest first
    int limit = 20;
    std::optional<std::int64_t> cursor;  // newest first: continue below this seq; by due: offset
    std::int64_t now_unix_s = 0;         // for the SLA expressions
};

struct TicketPage {
    std::vector<Ticket> items;  // without messages and history
    std::optional<std::int64_t> next_cursor;
};

// A new ticket, fully set except `number`. With an idempotency key the store keeps the encoded
// response (encode_response is called inside the transaction) for replays.
struct NewTicket {
    Ticket ticket;
    std::string idempotency_key;  // "" = none
    std::string request_hash;     // hex SHA-256 of the canonical request body
    std::function<std::string(const Ticket&)> encode_response;
};

enum class TicketCreateOutcome { created, replayed, key_reused };

struct TicketCreateResult {
    TicketCreateOutcome outcome = TicketCreateOutcome::created;
    std::string response_body;
};

// One change to a ticket, applied all or nothing: a status event (through ticket_transition), a
// message to append, queue and assignee changes, a rating. Every change is recorded in the
// ticket's history with time, actor and note.
struct TicketChange {
    Actor actor = Actor::buyer;
    std::optional<TicketEvent> event;
    std::optional<TicketMessage> message;
    std::optional<TicketQueue> queue;
    std::optional<std::string> assignee_id;  // "" = unassign
    std::optional<TicketRating> rating;      // only when resolved or closed, once
    std::string note;
};

enum class TicketChangeOutcome {
    done,
    not_found,
    closed,         // the ticket is closed: nothing more may happen to it
    not_allowed,    // ticket_transition forbids the event
    not_rateable,   // rating before the ticket is resolved or closed
    already_rated,
};

struct TicketChangeResult {
    TicketChangeOutcome outcome = TicketChangeOutcome::done;
    std::optional<Ticket> ticket;  // the updated ticket (with thread) when done
};

// --- Staff audit log (issue 20) ---------------------------------------------------------------

// One staff action: who, when, what, and the record before and after (null when none).
struct AuditEntry {
    std::int64_t seq = 0;
    std::int64_t at_unix_s = 0;
    std::string actor_id;     // "usr_…", or "cli" for the command line
    std::string actor_email;
    std::string action;       // "user.invite", "user.update", "product.create", "stock.adjust", …
    std::string target;       // the record's id
    nlohmann::json before;    // null when the record did not exist
    nlohmann::json after;     // null when it was removed
};

struct AuditQuery {
    std::string target;                     // exact id, empty = all
    int limit = 50;
    std::optional<std::int64_t> after_seq;  // cursor: continue below this seq (newest first)
};

struct AuditPage {
    std::vector<AuditEntry> items;
    std::optional<std::int64_t> next_seq;
};

// --- Product images (issue 20) ----------------------------------------------------------------

// An uploaded image (without its bytes): see core/media.hpp for how it is named and sized.
struct MediaImage {
    std::string hash;  // SHA-256 of the original file, lowercase hex
    std::string mime;  // of the original: image/png, image/jpeg, image/webp
    int width = 0;     // after EXIF rotation
    int height = 0;
    int widest = 0;    // width of the widest rendition
    std::int64_t size = 0;  // bytes of the original
    std::string uploaded_by;  // "usr_…"
    std::int64_t created_at_unix_s = 0;
};

struct MediaRendition {
    int width = 0;
    int height = 0;
    std::string webp;
};

struct NewMedia {
    MediaImage image;
    std::string original;                  // the uploaded bytes
    std::vector<MediaRendition> renditions;
    std::string actor_email;               // for the audit entry
};

// --- Staff accounts (issue 20) ------------------------------------------------------------------

// Accounts with a staff role (merchant, agent, admin), newest first.
struct StaffUserQuery {
    std::string text;         // matched against email and display name; empty = all
    int limit = 50;
    std::int64_t offset = 0;  // cursor: rows already listed
};

struct StaffUserPage {
    std::vector<User> items;
    std::optional<std::int64_t> next_offset;  // set when more items follow
};

// Who makes a staff change, as the audit log records it.
using StaffActor = AuditActor;

// A staff account to create: with a password (the command line, audit action user.create) or
// invited (password_hash "", a one-time invitation token; action user.invite).
struct NewStaffUser {
    User user;
    std::string invitation_token_hash;  // hex SHA-256 of the token in the mail; "" = no invitation
    std::int64_t invitation_expires_at_unix_s = 0;
    StaffActor actor;
    std::int64_t now_unix_s = 0;
};

// A change of roles and/or the disabled flag (PATCH /staff/users/{id}).
struct StaffChange {
    std::optional<std::vector<Role>> roles;
    std::optional<bool> disabled;
    StaffActor actor;
    std::int64_t now_unix_s = 0;
};

enum class StaffOutcome {
    done,                // `user` is the account as stored now
    not_found,           // no staff account has this id
    email_taken,         // an account with this email exists
    last_admin,          // the change would leave no enabled admin
    invitation_invalid,  // the invitation token is unknown, used, expired, or its account disabled
};

struct StaffResult {
    StaffOutcome outcome = StaffOutcome::done;
    std::optional<User> user;
};

// The account as the console and the audit log show it: no password hash, token or secret.
api::StaffUser staff_view(const User& user);

// What /metrics reports about the business (SPEC: payments, refunds, SLA breaches).
struct OperationalCounts {
    std::int64_t payments = 0;          // settled payments
    std::int64_t refunds = 0;           // refunds paid back
    std::int64_t tickets_breached = 0;  // open tickets past their first-response due time
};

class Store {
public:
    virtual ~Store() = default;

    // Applies every migration not yet applied, in version order, each in its own transaction.
    // Returns the versions applied now (empty when the schema was current).
    virtual std::vector<std::string> migrate() = 0;
    // True when the database answers a trivial query.
    virtual bool ping() noexcept = 0;
    // Totals for /metrics, read from the database so every process reports the same.
    virtual OperationalCounts operational_counts(std::int64_t now_unix_s) = 0;

    // --- catalog ---
    virtual std::vector<Category> categories() = 0;
    virtual void upsert_category(const Category& category) = 0;
    // Inserts a product with its variants unless one of their SKUs exists (the demo seed).
    // Returns true when inserted.
    virtual bool add_product(const Product& product, std::int64_t now_unix_s) = 0;
    // A product with its variants, whatever its status.
    virtual std::optional<Product> product(std::string_view id) = 0;
    virtual std::optional<Product> product_of_variant(std::string_view variant_id) = 0;
    virtual ProductPage products(const ProductQuery& query) = 0;

    // --- catalog management (issue 20): each change and its audit entry in one transaction ---
    // Creates a product; its variants come with ids and initial stock (recorded as received).
    virtual CatalogResult create_product(const Product& product, const AuditActor& actor, std::int64_t now_unix_s) = 0;
    // Replaces the product's text, gallery, options, status and variants with `product`'s,
    // diffed against what is stored: a variant with a known id is updated (its stock left as
    // it is), one with an unknown id inserted, a stored one left out deleted unless an order
    // line names it (variant_in_orders).
    virtual CatalogResult update_product(const Product& product, const AuditActor& actor, std::int64_t now_unix_s) = 0;
    // archive (active or draft → archived) and restore (archived → active).
    virtual CatalogResult set_product_status(std::string_view id, ProductStatus status, const AuditActor& actor,
                                             std::int64_t now_unix_s) = 0;
    // Moves a variant's stock with a reason, under the variant's row lock: never below zero,
    // beside concurrent checkouts (which take stock from the same row).
    virtual StockResult adjust_stock(std::string_view variant_id, const StockRequest& request, const AuditActor& actor,
                                     std::int64_t now_unix_s) = 0;
    // Newest first.
    virtual std::vector<StockMovement> stock_history(std::string_view variant_id, int limit) = 0;
    // Creates a category or renames it (by slug), with an audit entry `category.save`.
    virtual void save_category(const Category& category, const AuditActor& actor, std::int64_t now_unix_s) = 0;
    // Moves with every staff change to the catalog, in whichever process made it.
    virtual std::int64_t catalog_version() = 0;
    // The products with these ids that exist, whatever their status (in no particular order).
    virtual std::vector<Product> products_with_ids(const std::vector<std::string>& ids) = 0;
    // A catalog import, all or nothing in one transaction (catalog_import.cpp): checks that every
    // category exists and that no SKU of the import belongs to a variant outside it (SKUs may move
    // between the import's variants); then — unless `dry_run` or something was refused — creates
    // and updates the products (never deleting a variant), sets the stock the file gives (a
    // movement "correction", note "import", for each change) and writes the audit log: one
    // `catalog.import` entry with the counts, and product.create / product.update per product
    // that changed.
    virtual CatalogImportResult import_catalog(const CatalogImport& import, const AuditActor& actor, std::int64_t now_unix_s,
                                               bool dry_run) = 0;

    // --- accounts ---
    // Returns false (and stores nothing) when the email is already registered.
    virtual bool create_user(const User& user) = 0;
    virtual std::optional<User> user_by_email(std::string_view normalized_email) = 0;
    virtual std::optional<User> user_by_id(std::string_view id) = 0;
    virtual void create_session(const Session& session) = 0;
    // The user of an unexpired session, or nullopt.
    virtual std::optional<User> session_user(std::string_view token_hash, std::int64_t now_unix_s) = 0;
    virtual void delete_session(std::string_view token_hash) = 0;
    virtual void record_login(const LoginEvent& event) = 0;
    // Lockout, keyed by the hash of a normalized email whether or not an account has it (so an
    // unknown address behaves as a known one). `record_failed_login` counts a failure; at
    // `lock_after` failures in a row the key locks until now + lock_s and the count restarts.
    // Returns the lock time (0 when not locked). `locked_until` is 0 for a key never locked.
    virtual std::int64_t record_failed_login(const std::string& email_hash, std::int64_t now_unix_s, int lock_after,
                                             std::int64_t lock_s) = 0;
    virtual void reset_failed_logins(const std::string& email_hash) = 0;
    virtual std::int64_t locked_until(const std::string& email_hash) = 0;
    // Counts one event for `key` in the fixed window starting at `window_start`; returns the count.
    virtual int count_rate(const std::string& key, std::int64_t window_start_unix_s) = 0;
    virtual std::vector<LoginEvent> login_events(std::string_view user_id, int limit) = 0;
    virtual void set_password_hash(std::string_view user_id, const std::string& hash) = 0;
    // Ends every session of the user except `keep_token_hash` ("" ends all).
    virtual void delete_sessions(std::string_view user_id, std::string_view keep_token_hash) = 0;
    // Two-factor: pending secret during enrolment; enabling stores the secret and the hashes of
    // the recovery codes (replacing older ones); disabling clears both.
    virtual void set_totp_pending(std::string_view user_id, const std::string& secret) = 0;
    virtual void enable_totp(std::string_view user_id, const std::string& secret,
                             const std::vector<std::string>& recovery_code_hashes) = 0;
    virtual void disable_totp(std::string_view user_id) = 0;
    // Marks `step` used; false when this or a later step was already used (no code reuse).
    virtual bool use_totp_step(std::string_view user_id, std::int64_t step) = 0;
    // Consumes an unused recovery code; false when unknown or used.
    virtual bool use_recovery_code(std::string_view user_id, const std::string& code_hash, std::int64_t now_unix_s) = 0;
    // Password reset tokens (stored hashed), single use. Creating one spends the user's older
    // unused tokens: only the newest link works.
    virtual void create_password_reset(const std::string& token_hash, std::string_view user_id, std::int64_t now_unix_s,
                                       std::int64_t expires_at_unix_s) = 0;
    // Marks the token used — whatever the caller then does with it — and returns its user, or
    // nullopt when unknown, used or expired.
    virtual std::optional<std::string> consume_password_reset(const std::string& token_hash, std::int64_t now_unix_s) = 0;
    // The mail outbox (the embedded default's "mail server").
    virtual void send_mail(const Mail& mail) = 0;
    virtual std::vector<Mail> outbox(int limit) = 0;

    // --- addresses ---
    virtual std::vector<SavedAddress> addresses(std::string_view user_id) = 0;
    virtual void save_address(std::string_view user_id, const SavedAddress& address) = 0;
    // Returns false when the address does not exist or belongs to someone else.
    virtual bool delete_address(std::string_view user_id, std::string_view address_id) = 0;

    // --- coupons ---
    virtual std::optional<Coupon> coupon(std::string_view code) = 0;
    virtual bool coupon_used_by(std::string_view code, std::string_view user_id) = 0;
    virtual void upsert_coupon(const Coupon& coupon) = 0;

    // --- orders ---
    // In one transaction: replays or rejects a known idempotency key; reserves stock for every
    // line (never below zero, so concurrent checkouts cannot oversell); checks prices are still
    // those priced; redeems the coupon and spends the points; stores the order, its lines, its
    // quote and first timeline entry. Nothing is written unless the outcome is `created`.
    virtual PlaceResult place_order(NewOrder& order) = 0;
    virtual std::optional<Order> order(std::string_view id) = 0;
    virtual OrderPage orders(const OrderQuery& query) = 0;
    // Makes `quote` the current quote of an unpaid order. Returns the updated order, or nullopt
    // when the order is no longer pending_payment.
    virtual std::optional<Order> renew_quote(std::string_view order_id, const Quote& quote) = 0;
    // Cancels an order if transition(status, event, actor) allows it: status → cancelled,
    // stock released, coupon and points restored, a paid order refunded in full to the paying
    // wallet, timeline entry added — all or nothing. Returns the updated order, or nullopt when
    // the current status forbids it.
    virtual std::optional<Order> cancel_order(std::string_view order_id, OrderEvent event, Actor actor,
                                              const std::string& note, std::int64_t now_unix_s) = 0;
    // Ids of unpaid orders whose pay-by time has passed (for the expiry sweep).
    virtual std::vector<std::string> overdue_unpaid_orders(std::int64_t now_unix_s, int limit) = 0;

    // --- fulfilment ---
    // paid → shipped with a shipment (first event info_received). nullopt when the order is not
    // paid any more (e.g. a cancel won the race). Throws DuplicateError if the tracking number
    // is already used by another shipment of this carrier.
    virtual std::optional<Order> ship_order(std::string_view order_id, const Shipment& shipment,
                                            std::int64_t now_unix_s) = 0;
    // Records carrier events for a shipment, skipping ones already recorded; a `delivered` event
    // moves a shipped order to delivered.
    virtual TrackingResult record_tracking(std::string_view carrier, std::string_view tracking_number,
                                           const std::vector<ShipmentEvent>& events, std::int64_t now_unix_s) = 0;
    // delivered (or shipped, by the buyer) → completed, and the buyer earns points.
    virtual std::optional<Order> complete_order(std::string_view order_id, OrderEvent event, Actor actor,
                                                std::int64_t now_unix_s) = 0;
    // Ids of orders delivered before `delivered_before_unix_s` and not completed.
    virtual std::vector<std::string> orders_to_autocomplete(std::int64_t delivered_before_unix_s, int limit) = 0;
    // Refunds to the paying wallet in one transaction: never more than paid minus refunded, never
    // more units of a line than were ordered (minus units refunded before).
    virtual RefundResult refund_order(std::string_view order_id, const Refund& refund, std::int64_t now_unix_s) = 0;
    // Lost package (issue 5): shipped → shipped through transition(reship, staff) with a new
    // shipment (first event info_received); the newest earlier shipment gets a `lost` event
    // unless the carrier already reported it lost, and the timeline records actor "staff" and
    // `note`. nullopt when the order is not shipped (not yet shipped, delivered, cancelled…).
    // Throws DuplicateError if the carrier's tracking number is already used.
    virtual std::optional<Order> reship_order(std::string_view order_id, const Shipment& shipment,
                                              const std::string& note, std::int64_t now_unix_s) = 0;

    // --- uploads and returns ---
    virtual void save_upload(const Upload& upload) = 0;
    virtual std::optional<Upload> upload(std::string_view id) = 0;
    // Every ticket (opening post or message) and return the upload is attached to.
    virtual std::vector<UploadUse> upload_uses(std::string_view upload_id) = 0;
    // Stores a new return of a delivered or completed order (not_allowed otherwise) unless it
    // asks for more units of a line than were ordered minus those in earlier, unrejected returns.
    virtual ReturnResult create_return(const ReturnRequest& ret) = 0;
    virtual std::optional<ReturnRequest> return_by_id(std::string_view id) = 0;
    virtual std::vector<ReturnRequest> returns_with_status(std::optional<ReturnStatus> status, int limit) = 0;
    // Applies `event` through return_transition in one transaction: approve assigns the RMA
    // number, reject records `note`, ship_back records carrier and tracking number, receive
    // also refunds the returned lines to the paying wallet and moves on to refunded.
    virtual ReturnResult advance_return(std::string_view id, ReturnEvent event, const std::string& note,
                                        const std::string& carrier, const std::string& tracking_number,
                                        std::int64_t now_unix_s) = 0;

    // --- wallets and the ledger ---
    // Registers (or replaces) the user's wallet key. Returns false when another user holds it.
    virtual bool bind_wallet(const Wallet& wallet) = 0;
    virtual std::optional<Wallet> wallet_of(std::string_view user_id) = 0;
    virtual std::vector<Balance> balances(std::string_view pubkey) = 0;
    virtual LedgerPage ledger(std::string_view pubkey, int limit, std::optional<std::int64_t> after_seq) = 0;
    // Demo faucet: moves `amount` from the faucet account to the wallet (one ledger transaction).
    virtual void top_up(std::string_view pubkey, Currency currency, std::int64_t amount, std::int64_t now_unix_s) = 0;

    // --- payments ---
    // PAYMENT.md's checks and the settlement in one transaction, under the order's lock: the
    // order is the caller's (`payment.order_id`, `user_id`); replay or already paid; then
    // core::check_authorization (order state, quote, digest, time, payer, signature) against the
    // order as stored; nonce unused; balance sufficient. Then debit the payer, credit the
    // merchant, store the payment verbatim, and move the order by core::transition. Nothing is
    // written unless the outcome is `settled`. The database's UNIQUE(order_id) on payments makes
    // a second payment for one order impossible even across processes.
    virtual SettleResult settle_payment(const PaymentRecord& payment, const Authorization& authorization,
                                        std::string_view user_id, std::int64_t now_unix_s) = 0;
    virtual std::vector<PaymentRecord> all_payments() = 0;
    // Human-readable violations of the ledger's invariants (empty when sound): per-currency
    // sums not zero, negative wallet or merchant balances, balances that differ from the sum
    // of their entries, transactions whose entries do not sum to zero, paid orders without
    // exactly one payment.
    virtual std::vector<std::string> ledger_violations() = 0;

    // --- Support tickets (issue 6) ---
    // Replays or rejects a known idempotency key, else numbers the ticket ("T-000001"…) and
    // stores it with its attachments and first history entry.
    virtual TicketCreateResult create_ticket(NewTicket& ticket) = 0;
    // A ticket with its messages and history, or nullopt.
    virtual std::optional<Ticket> ticket(std::string_view id) = 0;
    virtual std::optional<Ticket> ticket_by_number(std::string_view number) = 0;
    virtual TicketPage tickets(const TicketQuery& query) = 0;
    // Applies `change` in one transaction (see TicketChange); moves the SLA clock (update_sla).
    virtual TicketChangeResult change_ticket(std::string_view id, const TicketChange& change, std::int64_t now_unix_s) = 0;

    // --- Product images (issue 20): media.cpp ---
    // Stores the image and its renditions with an audit entry `media.upload`, in one
    // transaction. Returns false, writing nothing, when an image with this hash is stored already.
    virtual bool save_media(const NewMedia& media) = 0;
    // The image with this hash, or nullopt (product validation checks references with it).
    virtual std::optional<MediaImage> media_image(std::string_view hash) = 0;
    // The WebP bytes of one rendition, or nullopt.
    virtual std::optional<std::string> media_rendition(std::string_view hash, int width) = 0;

    // --- Staff audit log (issue 20) ---
    // Newest first. Entries are written by the store methods that make staff changes, in the
    // same transaction (sql::append_audit), never on their own.
    virtual AuditPage audit_log(const AuditQuery& query) = 0;

    // --- Staff accounts (issue 20) ---
    virtual StaffUserPage staff_users(const StaffUserQuery& query) = 0;
    // The account with this id if it has a staff role, else nullopt.
    virtual std::optional<User> staff_user(std::string_view id) = 0;
    // Stores the account (and its invitation) with an audit entry, in one transaction;
    // email_taken (nothing stored) when the email is registered.
    virtual StaffResult create_staff_user(const NewStaffUser& user) = 0;
    // Applies `change` with an audit entry (user.update, before → after) in one transaction,
    // under the write lock: disabling ends every session of the account; last_admin (nothing
    // changed) when no other enabled admin with a password would remain. A change that changes
    // nothing is done without an audit entry.
    virtual StaffResult update_staff_user(std::string_view id, const StaffChange& change) = 0;
    // Spends the invitation (single use) and sets the account's password (and display name, when
    // given) with an audit entry (user.accept), in one transaction.
    virtual StaffResult accept_invitation(const std::string& token_hash, const std::string& password_hash,
                                          const std::optional<std::string>& display_name, std::int64_t now_unix_s) = 0;
    // True when some enabled account with a password has the admin role.
    virtual bool has_enabled_admin() = 0;
};

// Opens the backend named by a URL: "sqlite:PATH" (the file is created if missing) or
// "postgres://…". `on_stock_change`, when set, runs after every committed change to product
// stock made through this store (an order placed or cancelled, by anyone), e.g. to drop cached
// catalog pages. Throws StoreError for an unknown scheme or a database that cannot be opened.
std::unique_ptr<Store> open_store(const std::string& url, std::function<void()> on_stock_change = {});

}  // namespace satstore::server
