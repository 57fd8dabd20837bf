// satstore client — the loop's side of the support screens (issue 6): performs SupportAction
// intents, starts the API requests of the help center, tickets and the agent console, and
// applies their replies (SPEC §5; shapes at the top of src/server/handlers/tickets.cpp). Draw
// code never calls these; app.cpp does.
#pragma once

#include <array>
#include <vector>

#include "app_state.hpp"
#include "core/secret_scan.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client {

// Loads what a support route shows. Call when the route is entered.
void enter_support_route(AppState& s);

// Performs one Intent::Kind::support intent.
void perform_support(AppState& s, const Intent& intent);

// Applies the reply of one of this feature's requests (app.cpp routes it here by its api::Call;
// a 401 to a request with the session never arrives: api::session_expired handled it).
void handle_support_reply(AppState& s, SupportRequest kind, const platform::HttpReply& reply);

// Per-frame upkeep, before drawing: while the agent console shows SLA countdowns, asks for the
// next frame at the next whole second (and only then: nothing redraws while it is not visible).
void process_support(AppState& s);

// The attachment fields of the support screens, for dispatching upload events
// (ui::dispatch_upload_events in app.cpp).
std::vector<ui::Attachments*> support_attachment_fields(AppState& s);

}  // namespace satstore::client
