// satstore core — the wire contract: one type per API body the browser reads or sends that no
// other core module already types (orders, products, money and addresses have their codecs in
// core/order, core/catalog, core/money and core/address). The server builds its answers from
// these types and the client decodes them with the same codecs, so the two cannot disagree on a
// member's name or type; core/api/schemas.cpp describes each one for the OpenAPI document.
//
// from_json is lenient where the client must survive a newer server (unknown roles or codes are
// skipped, optional members default), and throws nlohmann::json::exception on a wrong shape.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/address.hpp"
#include "core/api/problem.hpp"
#include "core/authorization.hpp"
#include "core/money.hpp"
#include "core/order.hpp"

namespace satstore::api {

// --- GET /store ------------------------------------------------------------------------------
struct StoreCategory {
    std::string slug;
    std::string title_en;
    std::string title_zh;  // "i18n": {"zh-CN": {"title"}}
};
struct StoreInfo {
    std::string id;
    std::string name;
    Currency fiat = Currency::CNY;       // "currencies": [fiat]
    std::vector<Currency> pay_currencies;
    std::string support_email, support_phone, support_hours;  // "support": {email, phone, hours}
    std::string support_hours_zh;  // "support": {"i18n": {"zh-CN": {"hours"}}}; "" when not configured
    std::vector<StoreCategory> categories;
    bool demo = false;
};
void to_json(nlohmann::json& j, const StoreInfo& s);
void from_json(const nlohmann::json& j, StoreInfo& s);

// --- GET /rates --------------------------------------------------------------------------------
struct Rate {
    Currency currency = Currency::BTC;
    std::int64_t rate_minor = 0;  // fiat minor units per whole coin, a decimal string
    int decimals = 8;
};
struct Rates {
    Currency fiat = Currency::CNY;
    std::vector<Rate> rates;
    std::optional<std::int64_t> rate_of(Currency c) const;
};
void to_json(nlohmann::json& j, const Rates& r);
void from_json(const nlohmann::json& j, Rates& r);

// --- users and sessions (POST /users, GET /me, POST /sessions) ---------------------------------
struct UserInfo {
    std::string id;
    std::string email;
    std::string display_name;
    std::vector<Role> roles;  // roles this build does not know are skipped when read
    bool twofa_enabled = false;
    std::int64_t points = 0;
    std::int64_t created_at_unix_s = 0;  // "created_at", RFC 3339
};
void to_json(nlohmann::json& j, const UserInfo& u);
void from_json(const nlohmann::json& j, UserInfo& u);

struct Session {
    std::string token;
    UserInfo user;
    std::int64_t expires_in_s = 0;  // "expires_in"
};
void to_json(nlohmann::json& j, const Session& s);
void from_json(const nlohmann::json& j, Session& s);

// --- account security (GET /me/login-activity, POST /me/2fa, POST /me/2fa/confirm) -------------
struct LoginEvent {
    std::int64_t at_unix_s = 0;  // "at"
    std::string ip;
    std::string user_agent;
    bool success = false;
    std::string reason;  // invalid_credentials, totp_required, invalid_totp, account_locked ("" on success)
};
void to_json(nlohmann::json& j, const LoginEvent& e);
void from_json(const nlohmann::json& j, LoginEvent& e);

struct TwoFactorEnrolment {
    std::string secret;       // base32
    std::string otpauth_uri;  // for the authenticator's QR code
};
void to_json(nlohmann::json& j, const TwoFactorEnrolment& e);
void from_json(const nlohmann::json& j, TwoFactorEnrolment& e);

struct RecoveryCodes {
    std::vector<std::string> codes;  // "recovery_codes": shown once
};
void to_json(nlohmann::json& j, const RecoveryCodes& r);
void from_json(const nlohmann::json& j, RecoveryCodes& r);

// --- POST /orders/{id}/reorder answer: the lines that can go back into the cart ----------------
struct ReorderLine {
    std::string product_id;
    std::int64_t qty = 0;
    Money unit_price;
    std::string note;  // "Only 2 left" when fewer than ordered remain ("" otherwise)
    std::string variant_id;
};
struct ReorderGone {
    std::string product_id, sku, title;
    std::string reason;  // out_of_stock, discontinued
};
struct Reorder {
    std::vector<ReorderLine> lines;
    std::vector<ReorderGone> unavailable;
};
void to_json(nlohmann::json& j, const Reorder& r);
void from_json(const nlohmann::json& j, Reorder& r);

// --- GET /support/channels ---------------------------------------------------------------------
struct SupportChannels {
    bool tickets = true;                 // "ticket": {"available", "first_response_s"}
    std::int64_t first_response_s = 0;
    std::string email, phone;
    std::string hours_en, hours_zh;      // "hours": {"en", "zh-CN"}
};
void to_json(nlohmann::json& j, const SupportChannels& c);
void from_json(const nlohmann::json& j, SupportChannels& c);

// --- saved addresses (GET/POST /me/addresses): the address's members plus "id" ----------------
struct SavedAddress {
    std::string id;  // "adr_…"
    Address address;
};
void to_json(nlohmann::json& j, const SavedAddress& a);
void from_json(const nlohmann::json& j, SavedAddress& a);

// --- POST /orders/preview answer -----------------------------------------------------------------
struct PreviewLine {
    std::string product_id;
    std::string sku;
    std::string title;
    std::int64_t qty = 0;
    Money unit_price;
    Money line_total;
    std::string variant_id;
    std::string variant;  // the option values in the request's language, "" without options
};
// Something the buyer should know about the cart; codes this build does not know read as nullopt.
struct PreviewProblem {
    std::optional<ProblemCode> code;  // out_of_stock, product_unavailable, invalid_coupon, insufficient_points
    std::string field;                // "lines[1].qty", "coupon", "use_points"
    std::string message;
    std::optional<std::string> product_id;  // out_of_stock, product_unavailable
    std::optional<std::int64_t> available;  // out_of_stock: units left; insufficient_points: points held
    std::optional<std::string> reason;      // invalid_coupon: coupon_expired, coupon_min_spend, …
    std::optional<std::string> variant_id;  // out_of_stock, product_unavailable: the line's variant

    // A line that cannot be bought as it is: checkout waits until the buyer changes it.
    bool blocks_checkout() const { return code == ProblemCode::out_of_stock || code == ProblemCode::product_unavailable; }
};
struct PreviewQuote {
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;      // base units of the coin
    std::int64_t rate_minor = 0;  // fiat minor units per whole coin
    std::int64_t expires_at_unix_s = 0;
};
struct Preview {
    std::vector<PreviewLine> lines;
    std::string coupon;  // the code applied to coupon_discount; "" when none was sent or it was refused
    Money subtotal, shipping, coupon_discount;
    std::int64_t points_used = 0;
    Money discount, total;
    std::optional<PreviewQuote> quote;  // null when the currency cannot be used right now
    std::vector<PreviewProblem> problems;
    std::int64_t points_available = 0;
};
void to_json(nlohmann::json& j, const PreviewProblem& p);
void from_json(const nlohmann::json& j, PreviewProblem& p);
void to_json(nlohmann::json& j, const Preview& p);
void from_json(const nlohmann::json& j, Preview& p);

// --- the wallet (GET/PUT /wallet, POST /wallet/topups answer) and its ledger -------------------
struct Balance {
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;  // base units, a decimal string
};
struct WalletInfo {
    std::string pubkey;  // "" when no key is bound to the account (null on the wire)
    std::vector<Balance> balances;
    bool faucet = false;  // demo top-ups are offered
};
void to_json(nlohmann::json& j, const WalletInfo& w);
void from_json(const nlohmann::json& j, WalletInfo& w);

struct LedgerItem {
    std::string id;  // "le_<seq>"
    Currency currency = Currency::BTC;
    std::int64_t amount = 0;  // signed base units: negative leaves the wallet
    std::string kind;         // "topup", "payment", "refund"
    std::string ref;          // the payment or refund id
    std::int64_t at_unix_s = 0;
};
void to_json(nlohmann::json& j, const LedgerItem& e);
void from_json(const nlohmann::json& j, LedgerItem& e);

// --- GET /staff/orders/{id}: the order plus what the console needs to act ---------------------
struct StaffOrder {
    Order order;
    std::optional<Money> refundable;                    // paid orders: what can still be refunded
    std::map<std::string, std::int64_t> refundable_units;  // line id → units not refunded yet
};
void to_json(nlohmann::json& j, const StaffOrder& o);
void from_json(const nlohmann::json& j, StaffOrder& o);

// --- POST /orders/{id}/payments body (PAYMENT.md) ------------------------------------------------
// The server reads it with parse_authorization (strict, field by field); the client writes it.
struct PaymentRequest {
    Authorization authorization;
    std::string sig;  // 128 lowercase hex
};
void to_json(nlohmann::json& j, const PaymentRequest& p);

}  // namespace satstore::api
