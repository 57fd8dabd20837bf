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

// Applies a reply that belongs to a buying request; false when the id is not one of ours.
bool handle_buying_reply(AppState& s, const platform::HttpReply& reply);

// Per-frame upkeep, before drawing: runs deferred heavy work (key derivation, signing) one frame
// after its spinner was drawn, re-prices the cart when it changed, and schedules the next frame
// while a quote countdown is visible.
void process_buying(AppState& s);

// Wall-clock unix seconds (quotes expire by the server's clock, which is the same UTC).
std::int64_t unix_now_s();

// --- shared by buying_requests.cpp and wallet_requests.cpp ----------------------------------
namespace buying {

// Starts a request of `kind` (bearer token attached when logged in) and records it.
int send(AppState& s, BuyRequest kind, const char* method, const std::string& path,
         const std::string& body = {}, const std::string& idempotency_key = {});

// Problem details (RFC 9457) as the client switches on them.
struct Problem {
    std::string code;
    std::string detail;
    std::map<std::string, std::string> errors;
    nlohmann::json body;  // the whole object (extra members such as balance, shortfall)
};
Problem parse_problem(const platform::HttpReply& r);
std::optional<nlohmann::json> parse_json(const platform::HttpReply& r);
// An order from the API's JSON (nullopt, logged, when malformed).
std::optional<Order> parse_order(const nlohmann::json& j);

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
