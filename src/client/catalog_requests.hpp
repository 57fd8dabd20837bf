// satstore client — the loop's side of the staff console's Catalog screens (catalog_state.hpp):
// performs CatalogAction intents, starts the staff product and stock requests (SPEC §5,
// /staff/products…, /staff/variants/{id}/stock) and applies their replies. Draw code never
// calls these; app.cpp does.
#pragma once

#include <string>
#include <vector>

#include "app_state.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client {

// Loads what a Catalog route (staff_products, staff_product) shows. Call when the route is entered.
void enter_catalog_route(AppState& s);

// Performs one Intent::Kind::catalog intent.
void perform_catalog(AppState& s, const Intent& intent);

// Applies the reply of one of this feature's requests (app.cpp routes it here by its api::Call).
void handle_catalog_reply(AppState& s, CatalogRequest kind, const std::string& key, const platform::HttpReply& reply);

// Per-frame upkeep: gallery uploads that finished join the editor's images.
void process_catalog(AppState& s);

// Whether leaving the editor for `next` must wait for the unsaved-changes dialog: true opens it
// (the caller puts the address bar back); the dialog's Discard then navigates to `next`.
bool catalog_holds_leaving(AppState& s, const RouteState& next);

// The editor's gallery upload field (app.cpp lists every attachment field).
ui::Attachments* catalog_attachment_field(AppState& s);

}  // namespace satstore::client
