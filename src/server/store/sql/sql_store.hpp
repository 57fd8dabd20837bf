// satstore server — the SQL backend of Store, on SQLite or PostgreSQL (db.hpp: one connection
// interface, a driver per database), split by area:
//   store.cpp     connection pool, migrations, ping, open_store()
//   catalog.cpp   categories, products and their variants, stock movements
//   accounts.cpp  users, sessions, login events, points, addresses
//   security.cpp  lockout, rate limits, two-factor, password resets, outbox
//   orders.cpp    coupons, orders, quotes, cancellation
//   wallets.cpp   wallets, the ledger, payments and the ledger audit
//   fulfilment.cpp shipments, tracking, completion, refunds
//   returns.cpp   uploads and returns
//   tickets.cpp   support tickets, their messages, attachments, history and SLA clock
//   audit.cpp     the staff audit log
//   media.cpp     product images and their renditions
//   staff.cpp     staff accounts: invitations, roles, disabling
// The SQL is written once, in the subset both databases share; migrations are written for
// SQLite and translated for PostgreSQL (postgres_schema). Every write transaction holds the
// database-wide write lock (Db::begin_write), so the check-then-write steps below stay atomic
// across threads and across server processes. Checkouts and payments hold it shared
// (WriteLock::rows) and lock their rows instead, so that on PostgreSQL they run side by side.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/store/sql/db.hpp"
#include "server/store/store.hpp"

namespace satstore::server::sql {

// Connections handed out one per concurrent caller and returned afterwards: a connection must
// not be used by two threads at once. Broken connections are dropped, not returned.
class ConnectionPool {
public:
    explicit ConnectionPool(std::string url) : url_(std::move(url)) {}

    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<Db> db) : pool_(pool), db_(std::move(db)) {}
        ~Lease() { pool_.give_back(std::move(db_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Db& operator*() { return *db_; }

    private:
        ConnectionPool& pool_;
        std::unique_ptr<Db> db_;
    };

    Lease take();

private:
    void give_back(std::unique_ptr<Db> db);

    std::string url_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Db>> idle_;
};

class SqlStore final : public Store {
public:
    // `url`: "sqlite:PATH" or a PostgreSQL URI (see connect()).
    SqlStore(const std::string& url, std::function<void()> on_stock_change);

    std::vector<std::string> migrate() override;
    bool ping() noexcept override;
    OperationalCounts operational_counts(std::int64_t now_unix_s) override;

    std::vector<Category> categories() override;
    void upsert_category(const Category& category) override;
    bool add_product(const Product& product, std::int64_t now_unix_s) override;
    std::optional<Product> product(std::string_view id) override;
    std::optional<Product> product_of_variant(std::string_view variant_id) override;
    ProductPage products(const ProductQuery& query) override;
    CatalogResult create_product(const Product& product, const AuditActor& actor, std::int64_t now_unix_s) override;
    CatalogResult update_product(const Product& product, const AuditActor& actor, std::int64_t now_unix_s) override;
    CatalogResult set_product_status(std::string_view id, ProductStatus status, const AuditActor& actor,
                                     std::int64_t now_unix_s) override;
    StockResult adjust_stock(std::string_view variant_id, const StockRequest& request, const AuditActor& actor,
                             std::int64_t now_unix_s) override;
    std::vector<StockMovement> stock_history(std::string_view variant_id, int limit) override;
    std::int64_t catalog_version() override;
    void save_category(const Category& category, const AuditActor& actor, std::int64_t now_unix_s) override;
    // Catalog CSV import (issue 20): catalog_import.cpp
    std::vector<Product> products_with_ids(const std::vector<std::string>& ids) override;
    CatalogImportResult import_catalog(const CatalogImport& import, const AuditActor& actor, std::int64_t now_unix_s,
                                       bool dry_run) override;

    bool create_user(const User& user) override;
    std::optional<User> user_by_email(std::string_view normalized_email) override;
    std::optional<User> user_by_id(std::string_view id) override;
    void create_session(const Session& session) override;
    std::optional<User> session_user(std::string_view token_hash, std::int64_t now_unix_s) override;
    void delete_session(std::string_view token_hash) override;
    void record_login(const LoginEvent& event) override;
    std::int64_t record_failed_login(const std::string& email_hash, std::int64_t now, int lock_after,
                                     std::int64_t lock_s) override;
    void reset_failed_logins(const std::string& email_hash) override;
    std::int64_t locked_until(const std::string& email_hash) override;
    int count_rate(const std::string& key, std::int64_t window_start_unix_s) override;
    std::vector<LoginEvent> login_events(std::string_view user_id, int limit) override;
    void set_password_hash(std::string_view user_id, const std::string& hash) override;
    void delete_sessions(std::string_view user_id, std::string_view keep_token_hash) override;
    void set_totp_pending(std::string_view user_id, const std::string& secret) override;
    void enable_totp(std::string_view user_id, const std::string& secret,
                     const std::vector<std::string>& recovery_code_hashes) override;
    void disable_totp(std::string_view user_id) override;
    bool use_totp_step(std::string_view user_id, std::int64_t step) override;
    bool use_recovery_code(std::string_view user_id, const std::string& code_hash, std::int64_t now_unix_s) override;
    void create_password_reset(const std::string& token_hash, std::string_view user_id, std::int64_t now_unix_s,
                               std::int64_t expires_at_unix_s) override;
    std::optional<std::string> consume_password_reset(const std::string& token_hash, std::int64_t now_unix_s) override;
    void send_mail(const Mail& mail) override;
    std::vector<Mail> outbox(int limit) override;
    std::vector<SavedAddress> addresses(std::string_view user_id) override;
    void save_address(std::string_view user_id, const SavedAddress& address) override;
    bool delete_address(std::string_view user_id, std::string_view address_id) override;

    std::optional<Coupon> coupon(std::string_view code) override;
    bool coupon_used_by(std::string_view code, std::string_view user_id) override;
    void upsert_coupon(const Coupon& coupon) override;
    PlaceResult place_order(NewOrder& order) override;
    std::optional<Order> order(std::string_view id) override;
    OrderPage orders(const OrderQuery& query) override;
    std::optional<Order> renew_quote(std::string_view order_id, const Quote& quote) override;
    std::optional<Order> cancel_order(std::string_view order_id, OrderEvent event, Actor actor,
                                      const std::string& note, std::int64_t now_unix_s) override;
    std::vector<std::string> overdue_unpaid_orders(std::int64_t now_unix_s, int limit) override;

    std::optional<Order> ship_order(std::string_view order_id, const Shipment& shipment, std::int64_t now_unix_s) override;
    TrackingResult record_tracking(std::string_view carrier, std::string_view tracking_number,
                                   const std::vector<ShipmentEvent>& events, std::int64_t now_unix_s) override;
    std::optional<Order> complete_order(std::string_view order_id, OrderEvent event, Actor actor,
                                        std::int64_t now_unix_s) override;
    std::vector<std::string> orders_to_autocomplete(std::int64_t delivered_before_unix_s, int limit) override;
    RefundResult refund_order(std::string_view order_id, const Refund& refund, std::int64_t now_unix_s) override;
    std::optional<Order> reship_order(std::string_view order_id, const Shipment& shipment, const std::string& note,
                                      std::int64_t now_unix_s) override;

    void save_upload(const Upload& upload) override;
    std::optional<Upload> upload(std::string_view id) override;
    std::vector<UploadUse> upload_uses(std::string_view upload_id) override;
    ReturnResult create_return(const ReturnRequest& ret) override;
    std::optional<ReturnRequest> return_by_id(std::string_view id) override;
    std::vector<ReturnRequest> returns_with_status(std::optional<ReturnStatus> status, int limit) override;
    ReturnResult advance_return(std::string_view id, ReturnEvent event, const std::string& note, const std::string& carrier,
                                const std::string& tracking_number, std::int64_t now_unix_s) override;

    bool bind_wallet(const Wallet& wallet) override;
    std::optional<Wallet> wallet_of(std::string_view user_id) override;
    std::vector<Balance> balances(std::string_view pubkey) override;
    LedgerPage ledger(std::string_view pubkey, int limit, std::optional<std::int64_t> after_seq) override;
    void top_up(std::string_view pubkey, Currency currency, std::int64_t amount, std::int64_t now_unix_s) override;
    SettleResult settle_payment(const PaymentRecord& payment, const Authorization& authorization, std::string_view user_id,
                                std::int64_t now) override;
    std::vector<PaymentRecord> all_payments() override;
    std::vector<std::string> ledger_violations() override;

    // Support tickets (issue 6): tickets.cpp
    TicketCreateResult create_ticket(NewTicket& ticket) override;
    std::optional<Ticket> ticket(std::string_view id) override;
    std::optional<Ticket> ticket_by_number(std::string_view number) override;
    TicketPage tickets(const TicketQuery& query) override;
    TicketChangeResult change_ticket(std::string_view id, const TicketChange& change, std::int64_t now_unix_s) override;

    // Product images (issue 20): media.cpp
    bool save_media(const NewMedia& media) override;
    std::optional<MediaImage> media_image(std::string_view hash) override;
    std::optional<std::string> media_rendition(std::string_view hash, int width) override;

    // Staff audit log (issue 20): audit.cpp
    AuditPage audit_log(const AuditQuery& query) override;

    // Staff accounts (issue 20): staff.cpp
    StaffUserPage staff_users(const StaffUserQuery& query) override;
    std::optional<User> staff_user(std::string_view id) override;
    StaffResult create_staff_user(const NewStaffUser& user) override;
    StaffResult update_staff_user(std::string_view id, const StaffChange& change) override;
    StaffResult accept_invitation(const std::string& token_hash, const std::string& password_hash,
                                  const std::optional<std::string>& display_name, std::int64_t now_unix_s) override;
    bool has_enabled_admin() override;

private:
    // After a commit that changed stock (open_store).
    void stock_changed() const {
        if (on_stock_change_) on_stock_change_();
    }

    ConnectionPool pool_;
    std::function<void()> on_stock_change_;
};

// Bumps the catalog version (Store::catalog_version) in the caller's open transaction: every
// staff change to the catalog does (catalog.cpp).
void bump_catalog_version(Db& db);

// Records a change of a variant's stock in the caller's open transaction (catalog.cpp).
void record_stock_movement(Db& db, const StockMovement& movement);

// Catalog rows on an open connection (catalog.cpp), shared with the import (catalog_import.cpp).
// The products with these ids and their variants (any number of ids; unknown ones are skipped).
std::vector<Product> load_products(Db& db, const std::vector<std::string>& ids);
bool category_exists(Db& db, std::string_view slug);
// Inserts (insert) or updates the product's own row, not its variants.
void write_product_row(Db& db, const Product& p, std::int64_t now, bool insert);
// Inserts one variant of `p` at list position `position`, with its stock.
void insert_variant(Db& db, const Product& p, const Variant& v, std::size_t position, std::int64_t now);

// Writes `entry` (its seq is assigned) in the caller's open transaction.
void append_audit(Db& db, const AuditEntry& entry);

// Users (accounts.cpp): the columns every user query selects as `u`, read back by read_user;
// one_user runs `SELECT <columns> FROM users u WHERE <where>` with `key` bound to ?1.
extern const char* const kUserColumns;
User read_user(const Stmt& s);
std::optional<User> one_user(Db& db, const std::string& where, std::string_view key);
std::string join_roles(const std::vector<Role>& roles);

// Reads an order with its lines, current quote, timeline and payment on an open connection.
std::optional<Order> load_order(Db& db, std::string_view id);

// Returns of an order.
std::vector<ReturnRequest> load_returns(Db& db, std::string_view order_id);

// Shipments (with events) and refunds of an order.
void load_fulfilment(Db& db, Order& order);

// Credits `refund` to the payer in the open transaction and stores it as succeeded; updates the
// order's payment_status. The caller has checked the amount.
void apply_refund(Db& db, const Order& order, const Refund& refund, std::int64_t now_unix_s);

// Appends a timeline entry.
void add_order_event(Db& db, const std::string& order_id, const TimelineEntry& entry);

// The payment of an order, if any.
std::optional<PaymentRecord> load_payment_for_order(Db& db, std::string_view order_id);

// Ledger account ids.
std::string wallet_account(std::string_view pubkey, Currency currency);
// The merchant's takings are spread over several accounts, "merchant:<CUR>:<k>", k from the
// payment id: every payment credits the merchant, and on PostgreSQL one account row would hold
// all payments of the shop in line, each waiting for the one before to commit. A refund debits
// the account its payment credited (credited_account), so none of them goes below zero.
std::string merchant_account(Currency currency, std::string_view payment_id);
std::string credited_account(Db& db, std::string_view payment_id);

// Moves `amount` from one account to another as one ledger transaction (two entries summing to
// zero). The constructor creates missing accounts and writes the entries; the two balance updates
// are left for last: apply() runs them now, or the caller passes them to
// Transaction::commit_after, so that a busy account (the merchant's, a buyer paying many orders)
// stays locked only from its update to the commit. A debit that would take the source below zero
// (faucet accounts excepted) is refused — apply() returns false — and the caller rolls back.
struct Transfer {
    Transfer(Db& db, const std::string& from, const std::string& to, Currency currency, std::int64_t amount,
             const std::string& kind, const std::string& ref, std::int64_t now_unix_s);
    bool apply();
    std::array<Stmt, 2> balances;  // the debit, then the credit
};

// The PostgreSQL form of a migration written for SQLite: 64-bit integers, identity keys, bytea.
std::string postgres_schema(std::string_view sqlite_sql);

}  // namespace satstore::server::sql
