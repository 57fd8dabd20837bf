// satstore client — the application loop: events in, intents out, screens drawn in between.
#pragma once

#include "app_state.hpp"

namespace satstore::client {

// Restores language, cart and session from localStorage, reads the route from the URL and starts
// the first requests. Call once, when the boot data (font, config) is ready.
void app_start(AppState& s);

// Applies what happened since the last frame: HTTP replies, loaded images, hash changes, expired
// toasts. Call before NewFrame.
void app_process_events(AppState& s);

// Draws the whole page from `s` (between ImGui::NewFrame and ImGui::Render). Records intents.
void app_draw(AppState& s);

// Performs the intents recorded while drawing (navigation, storage, requests). Call after Render.
void app_perform_intents(AppState& s);

// True once the current screen shows real data (drives window.satstore.ready).
bool app_has_data(const AppState& s);

}  // namespace satstore::client
