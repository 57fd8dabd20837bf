// satstore client — pieces shared by the list screens (my orders, the staff order and return
// queues, my tickets, the agent queue): the placeholders before a list can be drawn, filter chips
// over values, and the head of an order's or a ticket's card.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app_state.hpp"

namespace satstore::client::screens {

// What a list screen draws before its items. While the first page loads: `rows` grey placeholder
// cards of `row_height` (waiting). When it failed: "Request failed" with a Retry button (retry
// when pressed, else waiting). Otherwise nothing (ready: draw the list).
enum class ListGate { ready, waiting, retry };
ListGate list_gate(AppState& s, Load load, bool empty, int rows, float row_height, float width);

// Filter chips over (value, label) pairs, the chip of `value` selected; true when another chip
// was chosen (`value` updated).
bool filter_chips(const char* id, const std::vector<std::pair<std::string, std::string>>& chips, std::string& value,
                  float width);

// The head of an order's card (inside ui::card_begin): "Order SO-001001" as a link to `route`
// with the order's id, `meta` below it in grey, the status chip on the right and the lines
// ("Title × 2, …") on one line. `inner` is the card's inner width.
void order_card_head(AppState& s, const Order& o, Route route, const std::string& meta, float inner);

// The head of a ticket's card: "Ticket T-000123" as a link to `route` with the ticket's id, the
// status chip on the right and the subject on one line.
void ticket_card_head(AppState& s, const TicketView& t, Route route, float inner);

}  // namespace satstore::client::screens
