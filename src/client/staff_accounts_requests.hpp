// satstore client — the loop's side of the admin's staff screens (issue 20): performs
// StaffAction intents, starts their API requests (GET/POST /staff/users, PATCH
// /staff/users/{id}, GET /staff/audit, POST /invitations/complete) and applies the replies.
// Draw code never calls these; app.cpp does.
#pragma once

#include "app_state.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client {

// Loads what a staff-accounts route (staff_users, staff_audit, accept_invite) shows. Call on
// entering it.
void enter_staff_accounts_route(AppState& s);

// Performs one Intent::Kind::staff intent.
void perform_staff_accounts(AppState& s, const Intent& intent);

// Applies the reply of one of this feature's requests (app.cpp routes it here by its api::Call).
void handle_staff_accounts_reply(AppState& s, StaffRequest kind, const platform::HttpReply& reply);

}  // namespace satstore::client
