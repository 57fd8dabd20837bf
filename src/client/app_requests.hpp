// satstore client — API requests and how their replies change the state (SPEC §5).
#pragma once

#include <string>

#include "app_state.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client {

// Each starts one request (api/client.hpp); the reply is applied by handle_reply().
void request_store(AppState& s);
void request_rates(AppState& s);
void request_catalog(AppState& s);                       // for s.route's query and category
void request_product(AppState& s, const std::string& id, bool for_detail);
void request_me(AppState& s);
void request_login(AppState& s);                         // from s.login
void request_register(AppState& s);                      // from s.login; logs in on success
void request_logout(AppState& s);

// Applies the reply of one of the requests above (app.cpp routes it here by its api::Call).
void handle_reply(AppState& s, const api::Call& call, const platform::HttpReply& reply);
void handle_image(AppState& s, const platform::ImageReply& reply);

// "q|category": identifies the catalog list a route needs.
std::string catalog_key(const RouteState& r);

// Adds a toast that disappears after a few seconds.
void show_toast(AppState& s, std::string text, bool error = false);

// Persists the cart / session / language to localStorage.
void save_cart(const AppState& s);
void save_session(const AppState& s);

}  // namespace satstore::client
