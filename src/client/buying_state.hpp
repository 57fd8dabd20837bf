// satstore client — state of the buying flow and the wallet: cart preview, checkout, payment,
// wallet, My Orders and order detail. Plain data, part of AppState (app_state.hpp); screens draw
// from it and record BuyAction intents; buying_requests.cpp performs them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "load.hpp"
#include "core/api/bodies.hpp"
#include "core/address.hpp"
#include "core/money.hpp"
#include "core/order.hpp"

namespace satstore::client {

// What the buying screens ask the loop to do (Intent::Kind::buying, Intent::number).
enum class BuyAction : std::int64_t {
    refresh_preview,    // re-price the cart / checkout (POST /orders/preview)
    apply_coupon,       // checkout.coupon_input → checkout.coupon, re-price
    start_checkout,     // text = fragment to return to after logging in
    pick_address,       // number2 (text) = index into checkout.saved
    confirm_address,    // validate locally, then save it and show the review
    edit_address,
    set_currency,       // text = "BTC" | "USDT"
    place_order,
    renew_quote,        // text = order id
    pay,                // text = order id
    retry_payment,      // resend the same signed authorization
    top_up,             // text = currency, demo faucet for the shortfall (or a default amount)
    wallet_create,
    wallet_import,
    wallet_register,    // bind the local key to the account (needs the password)
    wallet_reveal,      // decrypt and show the secret once (backup)
    wallet_hide,
    wallet_change_password,
    wallet_mode,        // text = "create" | "import" | "password" | "backup" | ""
    copy_text,          // text = what to copy
    open_url,           // text = URL (carrier tracking page)
    orders_filter,      // text = status name or "" for all
    open_cancel,        // confirm dialog
    close_cancel,
    cancel_order,       // text = order id
    confirm_receipt,    // text = order id (the dialog's before_delivery choice goes with it)
    reorder,            // text = order id
    orders_more,        // load the next page of My Orders
    // The wallet detour (issue 19): from the payment page to the wallet and back in one step.
    wallet_detour,      // text = order id: remember the order awaiting payment, open the wallet
    return_to_order,    // back to the payment page of that order (requoted there if its lock lapsed)
    open_receipt,       // text = "before_delivery" for "I received it" on a shipped order, else ""
    close_receipt,
};

// POST /orders/preview and the saved addresses as the wire contract types them (core/api/bodies.hpp).
using PreviewLine = satstore::api::PreviewLine;
using PreviewProblem = satstore::api::PreviewProblem;
using Preview = satstore::api::Preview;
using SavedAddress = satstore::api::SavedAddress;

using BuyLoad = Load;  // load.hpp

struct CheckoutState {
    // Cart and review pricing.
    BuyLoad preview_load = BuyLoad::idle;
    std::string preview_sent;  // request body of the preview shown (re-price when it changes)
    Preview preview;

    std::string coupon_input;
    std::string coupon;  // the code sent with the preview and the order ("" = none)
    // The code last refused, and why: "malformed" (not sent), or the preview's invalid_coupon
    // reason ("coupon_expired", "coupon_min_spend", "coupon_used", "coupon_unknown", …). A
    // refused code is dropped from `coupon`, so the error stays with the coupon field in the cart
    // and does not follow the buyer into checkout. Cleared when the field is edited.
    std::string coupon_refused;
    std::string coupon_refused_reason;
    std::string points_input;  // as typed; core parse_points_text reads it
    // A cart line's quantity as typed, by product id, while its field is being edited.
    std::map<std::string, std::optional<std::string>> qty_text;

    Address address;
    std::map<std::string, std::string> address_errors;  // keyed "ship_to.x"
    bool address_confirmed = false;
    bool focus_first_error = false;
    BuyLoad saved_load = BuyLoad::idle;
    std::vector<SavedAddress> saved;

    Currency pay_currency = Currency::BTC;
    std::string idempotency_key;  // once per attempt; reused on retry after a network failure
    std::string idempotency_body; // the body the key was used with
    bool placing = false;
    std::string error;  // general error above "Place order"
};

// How the last payment attempt failed, as the payment screen offers a way out.
enum class PayFailure {
    none,
    network,               // no answer: Retry resends the same signed authorization
    insufficient_balance,  // top up (balance and shortfall shown)
    payer_not_registered,  // go to the wallet
    settled,               // paid already (or no longer payable): view the order
    quote_expired,         // get a new quote
    other,
};

struct PaymentState {
    std::string order_id;
    std::string password;
    std::string password_error;
    std::string error;           // what went wrong, in words
    PayFailure failure = PayFailure::none;  // drives the way out
    std::string signed_body;     // the authorization request last sent; resent on network failure
    bool busy = false;
    bool work_pending = false;   // KDF + signing run on the next frame, after the spinner shows
    bool renewing = false;
    std::int64_t balance = 0;    // from 402
    std::int64_t shortfall = 0;
};

using Balance = satstore::api::Balance;       // GET /wallet (core/api/bodies.hpp)
using LedgerEntry = satstore::api::LedgerItem;  // GET /wallet/ledger

struct WalletState {
    std::string blob;          // the account's vault in localStorage ("" = no wallet on this device)
    std::string blob_user;     // the account `blob` was loaded for ("" = logged out)
    std::string local_pubkey;  // from the blob
    BuyLoad server_load = BuyLoad::idle;
    std::string registered_pubkey;  // "" = none bound to the account
    std::vector<Balance> balances;
    bool faucet = false;
    BuyLoad ledger_load = BuyLoad::idle;
    std::vector<LedgerEntry> ledger;

    std::string mode;  // "", "create", "import", "password", "backup"
    std::string password, password2, current_password, import_hex;
    std::map<std::string, std::string> errors;  // "password", "password2", "current_password", "import_hex"
    std::string backup_secret;  // shown once after creation or on reveal; cleared on leave
    bool busy = false;
    std::string work;  // deferred heavy work ("create", "import", …) run on the next frame
};

struct OrdersState {
    BuyLoad list_load = BuyLoad::idle;
    std::vector<Order> list;
    std::string filter;  // status name, "" = all (the server filters)
    std::string next_cursor;  // "" = no more pages
    bool loading_more = false;
    BuyLoad detail_load = BuyLoad::idle;
    std::optional<Order> detail;
    bool cancel_dialog = false;
    bool receipt_dialog = false;           // "Confirm receipt" / "I received it" asks first
    bool receipt_before_delivery = false;  // the dialog is the "I received it" one (order shipped)
    bool action_busy = false;
};

// The order a buyer left the payment page for, to set up or top up the wallet (issue 19): the
// wallet page leads back to it in one step, with its quote's countdown, while it awaits payment.
struct PayDetour {
    std::string order_id;  // "" = no detour
    std::string number;
    Money total;           // the order's fiat total
    Money due;             // the quote's crypto amount
    std::int64_t expires_at_unix_s = 0;  // the quote's
    bool returning = false;  // back on its payment page: requote once loaded if the lock lapsed
};

// Requests of the buying flow in flight (by platform request id).
enum class BuyRequest {
    preview, saved_addresses, save_address, place_order, order, orders, renew_quote, pay, wallet,
    ledger, put_wallet, top_up, cancel, confirm_receipt, reorder, orders_more,
};

struct BuyingState {
    CheckoutState checkout;
    PaymentState payment;
    WalletState wallet;
    OrdersState orders;
    PayDetour detour;
    std::string return_to;  // fragment to open after logging in at checkout
};

}  // namespace satstore::client
