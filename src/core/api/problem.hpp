// satstore core — the API's error contract (SPEC §5): RFC 9457 problem details with a stable
// `code` the client switches on, and the typed extension members some problems carry.
//
// One list of codes for the server (which throws them) and the client (which decodes them):
// ProblemCode serialises as the snake_case string on the wire. Extension members are a struct
// of named, typed fields, so a handler cannot set a member that clashes with the standard ones
// (`type`, `title`, `status`, `detail`, `instance`) or with `code` and `errors` — before, a
// handler's "status" silently vanished and the client never saw the order's status.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/catalog_csv.hpp"
#include "core/money.hpp"
#include "core/order_state.hpp"

namespace satstore::api {

enum class ProblemCode {
    // Any request
    validation_failed,       // 422, with `errors` per field
    invalid_json,            // 422
    json_too_deep,           // 422: nested past json_text::kMaxDepth
    unsupported_media_type,  // 415
    payload_too_large,       // 413
    route_not_found,         // 404: no route has this path
    not_found,               // 404: no such resource (or not the caller's)
    method_not_allowed,      // 405, with Allow
    unauthenticated,         // 401
    forbidden,               // 403: the role does not allow it
    rate_limited,            // 429, with Retry-After
    idempotency_key_required,
    idempotency_key_reused,
    database_unavailable,    // 503
    internal_error,          // 500
    // Accounts and security
    email_taken,
    invalid_credentials,
    totp_required,
    account_locked,          // 423, with retry_after
    invalid_code,
    twofa_enabled,
    twofa_disabled,
    twofa_not_enrolled,
    token_expired,
    too_many_addresses,
    // Staff accounts (issue 20)
    account_disabled,        // 403: an administrator disabled the account
    last_admin,              // 409: the last enabled admin cannot lose the role or be disabled
    // Orders and payments
    out_of_stock,            // with product_id, available
    invalid_coupon,
    product_unavailable,     // a preview line whose product is gone (problems[] of a preview)
    insufficient_points,     // a preview asking for more points than the buyer has
    price_changed,
    rate_unavailable,
    rates_unavailable,       // 503: no exchange rate younger than the max age (rates issue)
    chain_unavailable,       // 503: the chain node cannot be reached (EVM issue)
    order_not_payable,
    already_paid,
    quote_expired,
    nonce_reused,
    signature_invalid,
    authorization_mismatch,
    payer_not_registered,
    wallet_not_registered,
    wallet_key_taken,
    insufficient_balance,    // 402, with currency, balance, amount, shortfall
    faucet_disabled,
    order_not_cancellable,   // with order_status
    order_not_receivable,    // with order_status
    order_not_reorderable,
    // After-sales and staff
    not_returnable,
    return_not_allowed,
    order_not_paid,          // with order_status
    order_not_shippable,     // with order_status
    order_not_reshippable,
    tracking_number_used,
    over_refund,             // with refundable
    bad_signature,           // 401: carrier webhook
    // Support tickets
    secret_detected,         // with secret_kind
    ticket_closed,
    ticket_not_resolved,
    ticket_transition_invalid,
    already_rated,
    // Catalog management (issue 20)
    sku_taken,                 // 409: another variant has this SKU
    variant_in_orders,         // 409: a variant that orders name cannot be deleted
    insufficient_stock,        // 409: a stock change would go below zero, with available
    product_status_unchanged,  // 409: archiving an archived product, restoring an active one
    // Product images (issue 20)
    image_undecodable,       // 422: a PNG/JPEG/WebP signature, but the file does not decode
    image_too_many_pixels,   // 422: past media::kMaxPixels or media::kMaxSide (decompression bomb)
    import_invalid,          // 422: a catalog CSV with errors, `errors` a list of {row, column, message}
};
// The last code, for code that walks them all (the OpenAPI document's enum).
inline constexpr ProblemCode kLastProblemCode = ProblemCode::import_invalid;

NLOHMANN_JSON_SERIALIZE_ENUM(ProblemCode, {
    {ProblemCode::validation_failed, "validation_failed"},
    {ProblemCode::invalid_json, "invalid_json"},
    {ProblemCode::json_too_deep, "json_too_deep"},
    {ProblemCode::unsupported_media_type, "unsupported_media_type"},
    {ProblemCode::payload_too_large, "payload_too_large"},
    {ProblemCode::route_not_found, "route_not_found"},
    {ProblemCode::not_found, "not_found"},
    {ProblemCode::method_not_allowed, "method_not_allowed"},
    {ProblemCode::unauthenticated, "unauthenticated"},
    {ProblemCode::forbidden, "forbidden"},
    {ProblemCode::rate_limited, "rate_limited"},
    {ProblemCode::idempotency_key_required, "idempotency_key_required"},
    {ProblemCode::idempotency_key_reused, "idempotency_key_reused"},
    {ProblemCode::database_unavailable, "database_unavailable"},
    {ProblemCode::internal_error, "internal_error"},
    {ProblemCode::email_taken, "email_taken"},
    {ProblemCode::invalid_credentials, "invalid_credentials"},
    {ProblemCode::totp_required, "totp_required"},
    {ProblemCode::account_locked, "account_locked"},
    {ProblemCode::invalid_code, "invalid_code"},
    {ProblemCode::twofa_enabled, "twofa_enabled"},
    {ProblemCode::twofa_disabled, "twofa_disabled"},
    {ProblemCode::twofa_not_enrolled, "twofa_not_enrolled"},
    {ProblemCode::token_expired, "token_expired"},
    {ProblemCode::too_many_addresses, "too_many_addresses"},
    {ProblemCode::account_disabled, "account_disabled"},
    {ProblemCode::last_admin, "last_admin"},
    {ProblemCode::out_of_stock, "out_of_stock"},
    {ProblemCode::invalid_coupon, "invalid_coupon"},
    {ProblemCode::product_unavailable, "product_unavailable"},
    {ProblemCode::insufficient_points, "insufficient_points"},
    {ProblemCode::price_changed, "price_changed"},
    {ProblemCode::rate_unavailable, "rate_unavailable"},
    {ProblemCode::rates_unavailable, "rates_unavailable"},
    {ProblemCode::chain_unavailable, "chain_unavailable"},
    {ProblemCode::order_not_payable, "order_not_payable"},
    {ProblemCode::already_paid, "already_paid"},
    {ProblemCode::quote_expired, "quote_expired"},
    {ProblemCode::nonce_reused, "nonce_reused"},
    {ProblemCode::signature_invalid, "signature_invalid"},
    {ProblemCode::authorization_mismatch, "authorization_mismatch"},
    {ProblemCode::payer_not_registered, "payer_not_registered"},
    {ProblemCode::wallet_not_registered, "wallet_not_registered"},
    {ProblemCode::wallet_key_taken, "wallet_key_taken"},
    {ProblemCode::insufficient_balance, "insufficient_balance"},
    {ProblemCode::faucet_disabled, "faucet_disabled"},
    {ProblemCode::order_not_cancellable, "order_not_cancellable"},
    {ProblemCode::order_not_receivable, "order_not_receivable"},
    {ProblemCode::order_not_reorderable, "order_not_reorderable"},
    {ProblemCode::not_returnable, "not_returnable"},
    {ProblemCode::return_not_allowed, "return_not_allowed"},
    {ProblemCode::order_not_paid, "order_not_paid"},
    {ProblemCode::order_not_shippable, "order_not_shippable"},
    {ProblemCode::order_not_reshippable, "order_not_reshippable"},
    {ProblemCode::tracking_number_used, "tracking_number_used"},
    {ProblemCode::over_refund, "over_refund"},
    {ProblemCode::bad_signature, "bad_signature"},
    {ProblemCode::secret_detected, "secret_detected"},
    {ProblemCode::ticket_closed, "ticket_closed"},
    {ProblemCode::ticket_not_resolved, "ticket_not_resolved"},
    {ProblemCode::ticket_transition_invalid, "ticket_transition_invalid"},
    {ProblemCode::already_rated, "already_rated"},
    {ProblemCode::sku_taken, "sku_taken"},
    {ProblemCode::variant_in_orders, "variant_in_orders"},
    {ProblemCode::insufficient_stock, "insufficient_stock"},
    {ProblemCode::product_status_unchanged, "product_status_unchanged"},
    {ProblemCode::image_undecodable, "image_undecodable"},
    {ProblemCode::image_too_many_pixels, "image_too_many_pixels"},
    {ProblemCode::import_invalid, "import_invalid"},
})

// The wire name ("order_not_payable").
std::string problem_code_name(ProblemCode code);
// The code of a wire name; nullopt for a name this build does not know (a newer server).
std::optional<ProblemCode> parse_problem_code(std::string_view name);

// Extension members a problem may carry (RFC 9457 §3.2), each typed. Only the set ones are
// written. Amounts are minor units, written as decimal strings like every amount of the API.
struct ProblemExtras {
    std::optional<std::int64_t> retry_after_s;   // "retry_after": seconds (also the Retry-After header)
    std::optional<OrderStatus> order_status;     // "order_status": the order's state when refused
    std::optional<Currency> currency;            // "currency" of balance / amount / shortfall
    std::optional<std::int64_t> balance_minor;   // "balance"
    std::optional<std::int64_t> amount_minor;    // "amount"
    std::optional<std::int64_t> shortfall_minor; // "shortfall"
    std::optional<std::int64_t> refundable_minor;  // "refundable": what can still be refunded
    std::optional<std::string> product_id;       // "product_id" out of stock
    std::optional<std::string> variant_id;       // "variant_id" of it
    std::optional<std::int64_t> available;       // "available" units of it
    std::optional<std::string> secret_kind;      // "secret_kind": secret_kind_name() of what was found
};

// The members of a problem object that extensions never use: RFC 9457's and ours.
inline constexpr std::string_view kReservedProblemMembers[] = {"type", "title", "status", "detail", "instance",
                                                               "code", "errors"};

// Writes the set members into `j` (an object). Reads them back, ignoring members of the wrong
// type (a client must not fail on a problem it cannot fully read).
void to_json(nlohmann::json& j, const ProblemExtras& extras);
void from_json(const nlohmann::json& j, ProblemExtras& extras);

// The whole problem object: the extension members first, then the standard ones (`type` is
// "urn:satstore:problem:<code>"). An extension member with a reserved name is a programming
// error: under ReservedMember::abort (the default of a debug build) the process aborts at once;
// under ReservedMember::keep_standard (release) the standard member wins, as the RFC requires.
struct ProblemHead {
    ProblemCode code = ProblemCode::internal_error;
    int status = 500;
    std::string title;
    std::string detail;
    std::map<std::string, std::string> errors;  // per-field messages; written only when not empty
    // Per-row messages of an import file (import_invalid): written as `errors`, a list, when not
    // empty (a problem has either kind, never both).
    std::vector<CsvError> row_errors;
};
nlohmann::json problem_json(const ProblemHead& head, const nlohmann::json& extension_members);

enum class ReservedMember { abort, keep_standard };
#ifdef NDEBUG
inline constexpr ReservedMember kReservedMemberDefault = ReservedMember::keep_standard;
#else
inline constexpr ReservedMember kReservedMemberDefault = ReservedMember::abort;
#endif
// What problem_json does about a reserved extension name in this process (tests set it).
void set_reserved_member_policy(ReservedMember policy);

}  // namespace satstore::api
