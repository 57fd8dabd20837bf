// satstore server — helpers shared by the buyer's (tickets.cpp) and the agent's
// (staff_tickets.cpp) ticket handlers. Defined in tickets.cpp.
#pragma once

#include <string>
#include <vector>

#include "core/ticket.hpp"
#include "server/http/router.hpp"

namespace satstore::server::handlers {

// Throws 422 `secret_detected` (errors.<field>, secret_kind) when `text` holds a wallet secret.
void refuse_secrets(const std::string& field, const std::string& text);

// The ids when every one is an upload of the caller, listed once; otherwise sets errors[field]
// and returns an empty list.
std::vector<std::string> own_uploads(Context& ctx, const std::vector<std::string>& ids, const char* field,
                                     FieldErrors& errors);

// The ticket with its thread as JSON.
Response ticket_response(int status, const Ticket& ticket, std::int64_t now_unix_s);

// A follow-up on `t` by the caller as `author` (body and their own uploads), named by their display
// name or `fallback_name`. 409 ticket_closed on a closed ticket; 422 with per-field errors.
TicketMessage new_message(Context& ctx, const Ticket& t, const nlohmann::json& body, Actor author,
                          const char* fallback_name);

// Applies `change` to `t` in the store and answers with the updated ticket and `status`; throws the
// problem when the store refuses it (404, 409 ticket_closed, …).
Response apply_change(Context& ctx, const Ticket& t, const TicketChange& change, int status);

}  // namespace satstore::server::handlers
