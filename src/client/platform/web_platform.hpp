// satstore client — the browser platform layer (the only code that knows it runs in a browser).
//
// Everything here is a thin edge over Emscripten/JS: the WebGL2 context, input, HTTP through
// fetch(), images, localStorage, the URL fragment, frame scheduling and the accessibility DOM.
// Results of asynchronous work (HTTP replies, loaded images) are queued and taken by the app
// loop; nothing here calls into app code except the per-frame callback.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace satstore::client::platform {

// --- [SECTION] Boot and frames ------------------------------------------------------------------

// Creates the WebGL2 context on `#canvas`, binds input callbacks and observes the canvas size.
// Returns false (and sets *error) when WebGL2 is unavailable. Call once, before anything else.
bool init(std::string* error);

// Called for each frame that is drawn (from requestAnimationFrame). Set before the first request.
using FrameFn = void (*)();
void set_frame_callback(FrameFn fn);

// Asks for a frame now plus `follow_up_frames` more, so ImGui can settle after an event
// (hover states, layout that depends on the previous frame). Cheap to call repeatedly.
void request_frame(int follow_up_frames = 3);
// Asks for a frame `delay_ms` from now (toast expiry, countdowns).
void request_frame_after(double delay_ms);

// Marks the end of a drawn frame: bumps window.satstore.framesDrawn, sets firstDrawMs on the first
// frame and, on the first frame that shows data (`has_data`), window.satstore.ready and
// firstFrameMs (both in ms since navigation start). `work_ms` is the time the frame took to
// build and render (window.satstore.lastFrameMs, and maxFrameMs until a test resets it);
// `items_submitted` the frame's ImGui items, clipped ones included (itemsSubmitted).
void frame_done(bool has_data, double work_ms, int items_submitted);

// Milliseconds since page load (performance.now()).
double now_ms();

// window.satstore.atlas = {width, height, glyphs, browserGlyphs, buildMs, builds}: the font
// atlas after its last build (printed by the budget test).
void report_atlas(int width, int height, int glyphs, int browser_glyphs, double build_ms, int builds);

// Canvas size in CSS px and the device pixel ratio; the backing store is css × dpr.
struct Viewport {
    float css_width = 1;
    float css_height = 1;
    float dpr = 1;
};
Viewport viewport();

// Called once when the boot data below has arrived (before any frame that uses it), so the app
// can start its requests while the first frame is still being prepared.
using BootFn = void (*)();
void set_boot_callback(BootFn fn);

// Boot data fetched by index.html while the wasm compiled: the UI font and config.json.
// ready() turns true once both settled (the font may still be empty on failure).
bool boot_ready();
const std::vector<std::uint8_t>& font_bytes();
// The full font (all of GB 2312), fetched once the first page with data is drawn: its bytes the
// first call after it arrived, empty otherwise.
std::vector<std::uint8_t> take_full_font();
// config.json's api_origin ("" = same origin), without a trailing slash.
const std::string& api_origin();

// --- [SECTION] HTTP -------------------------------------------------------------------------------

struct HttpReply {
    int request_id = 0;
    int status = 0;        // 0 when the request never got a response (network error, CORS)
    std::string body;      // response text
    std::string error;     // non-empty when status == 0
};

// Starts fetch(method, url) with a JSON body (empty = none), an optional bearer token and an
// optional `Idempotency-Key` header (POST /orders, payments, tickets). Returns the request id
// its reply will carry. Never blocks; replies are queued.
int http_request(const std::string& method, const std::string& url, const std::string& body,
                 const std::string& bearer_token, const std::string& idempotency_key = {});
// Replies that arrived since the last call, oldest first.
std::vector<HttpReply> take_http_replies();

// --- [SECTION] Images -----------------------------------------------------------------------------

struct ImageReply {
    int request_id = 0;
    std::uint32_t texture_id = 0;  // GL texture name usable as ImTextureID; 0 when loading failed
    int width = 0;
    int height = 0;
};

// Loads an image (SVG/PNG/JPEG) in JS, rasterises it at up to `scale`× its natural size and
// uploads it as an RGBA WebGL texture with mipmaps. Returns the request id of its reply.
int load_image(const std::string& url, float scale);
std::vector<ImageReply> take_image_replies();

// --- [SECTION] Storage, location, language -------------------------------------------------------

// localStorage; get returns "" for a missing key or when storage is unavailable.
std::string storage_get(const std::string& key);
void storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// The URL fragment without '#' (e.g. "/products/prd_1"). set_hash adds a history entry.
std::string location_hash();
void set_location_hash(const std::string& hash);
// True once after each hashchange event (back/forward, typed URL, set_location_hash).
bool take_hash_changed();

// navigator.language, e.g. "zh-CN" or "en-US".
std::string navigator_language();
// Sets the canvas's CSS cursor ("default", "pointer", "text").
void set_cursor(const char* css_cursor);
// Sets <html lang> and the document title.
void set_document_language(const std::string& bcp47, const std::string& title);

// --- [SECTION] Accessibility DOM ------------------------------------------------------------------

// Replaces the items of the #a11y layer with `items_json` (see a11y/mirror.hpp for the shape).
void a11y_sync(const std::string& items_json);

// --- [SECTION] Input (web_input.cpp) ---------------------------------------------------------------

// Binds mouse/wheel/touch/key/focus callbacks to the canvas. Called by init().
void bind_input();
// Feeds queued input into ImGui's io for this frame, at most one change per button or key so a
// press and release that arrived together span two frames. Returns true if events remain.
bool apply_input_to_imgui();
// True while events are queued (the loop keeps drawing until they are consumed).
bool input_pending();
// Focuses the hidden IME textarea (at ImGui's caret) while a text field is active
// (io.WantTextInput) and gives focus back to the canvas afterwards. Call after each frame.
void sync_text_input(bool active);

}  // namespace satstore::client::platform
