// satstore client — the loop's side of the buying flow and the wallet: performs BuyAction intents,
// starts the API requests of checkout, payment, wallet and orders, and applies their replies
// (SPEC §5, PAYMENT.md). Draw code never calls these; app.cpp does.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app_state.hpp"
#include "core/payment.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client {

// Loads what a buying route (cart, checkout, orders, order, pay, wallet) shows. Call when the
// route is entered.
void enter_buying_route(AppState& s);

// Performs one Intent::Kind::buying intent.
void perform_buying(AppState& s, const Intent& intent);

// Applies the reply of one of this feature's requests (app.cpp routes it here by its api::Call;
// a 401 to a request with the session never arrives: api::session_expired handled it).
void handle_buying_reply(AppState& s, BuyRequest kind, const platform::HttpReply& reply);

// Per-frame upkeep, before drawing: runs deferred heavy work (key derivation, signing) one frame
// after its spinner was drawn, re-prices the cart when it changed, and schedules the next frame
// while a quote countdown is visible.
void process_buying(AppState& s);

// --- shared by buying_requests.cpp and wallet_requests.cpp ----------------------------------
namespace buying {

// Wallet requests (wallet_requests.cpp).
void request_wallet(AppState& s);
void perform_wallet(AppState& s, BuyAction action, const std::string& arg);
void apply_wallet_reply(AppState& s, BuyRequest kind, const platform::HttpReply& r);
void run_wallet_work(AppState& s);
// Reloads the vault when the logged-in account changed (login, logout, the /me reply).
void sync_vault(AppState& s);
// Opens the logged-in account's vault with `password`; a v1 vault is sealed again as this
// account's v2 vault. nullopt, with the message to show in `error`, when it does not open.
std::optional<payment::Bytes32> open_vault(AppState& s, const std::string& password, std::string& error);

// Hex of n random bytes (nonces, idempotency keys).
std::string random_hex(std::size_t n);

}  // namespace buying
}  // namespace satstore::client
