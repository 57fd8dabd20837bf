// satstore client — entry point: wires the platform, renderer, fonts, mirror and app together.
// No logic lives here; see app.cpp for the loop and screens/ for the UI.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "a11y/mirror.hpp"
#include "app.hpp"
#include "i18n/strings.hpp"
#include "platform/web_platform.hpp"
#include "render/fonts.hpp"
#include "render/renderer.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace {

using namespace satstore::client;

AppState g_state;
bool g_started = false;
double g_last_frame_ms = 0;
std::string g_last_a11y_json;

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_TextInput: return "text";
        default: return "default";
    }
}

// Font and config are in: start the API requests now, before the first frame builds the atlas.
void boot() {
    render::set_font_data(platform::font_bytes());
    render::use_text(all_strings());
    app_start(g_state);
    g_started = true;
}

void rebuild_atlas(float dpr) {
    if (!render::rebuild_if_needed(dpr)) return;
    const render::AtlasStats& a = render::atlas_stats();
    platform::report_atlas(a.width, a.height, a.glyphs, a.browser_glyphs, a.build_ms, a.builds);
}

void draw_app() {
    ImGui::NewFrame();
    a11y::begin_frame();
    ui::reset_animating();
    app_draw(g_state);
}

void frame() {
    const platform::Viewport vp = platform::viewport();
    float clear[4];
    ui::to_float4(ui::color::page, clear);
    const int fb_w = static_cast<int>(vp.css_width * vp.dpr + 0.5f);
    const int fb_h = static_cast<int>(vp.css_height * vp.dpr + 0.5f);
    if (!g_started) {
        render::render(nullptr, fb_w, fb_h, clear);
        return;
    }
    app_process_events(g_state);
    if (std::vector<std::uint8_t> full = platform::take_full_font(); !full.empty()) render::set_font_data(std::move(full));

    ImGuiIO& io = ImGui::GetIO();
    const double now = platform::now_ms();
    io.DeltaTime = g_last_frame_ms > 0 ? static_cast<float>(std::max(1.0, now - g_last_frame_ms) / 1000.0) : 1.0f / 60.0f;
    g_last_frame_ms = now;
    io.DisplaySize = ImVec2(vp.css_width, vp.css_height);
    io.DisplayFramebufferScale = ImVec2(vp.dpr, vp.dpr);
    g_state.width_css = vp.css_width;
    g_state.height_css = vp.css_height;
    const bool more_input = platform::apply_input_to_imgui();
    // Typed, pasted and IME-committed characters get their glyphs in the frame that shows them.
    for (const ImWchar c : io.InputQueueCharacters) render::use_codepoint(c);
    rebuild_atlas(vp.dpr);
    draw_app();
    if (render::atlas_dirty()) {
        // Headings met characters without glyphs at their size: build those and draw the frame
        // again, so no frame shows a missing glyph. The second pass sees no new input (its
        // clicks and keys were handled by the first), only the state the first pass left.
        ImGui::EndFrame();
        rebuild_atlas(vp.dpr);
        io.DeltaTime = 1e-4f;
        draw_app();
    }
    platform::set_cursor(css_cursor(ImGui::GetMouseCursor()));
    platform::sync_text_input(io.WantTextInput);
    ImGui::Render();
    render::render(ImGui::GetDrawData(), fb_w, fb_h, clear);

    std::string json = a11y::end_frame_json();
    if (json != g_last_a11y_json) {
        // A safety net: any text the frame drew that no reply or keystroke brought in.
        render::use_text(json);
        platform::a11y_sync(json);
        g_last_a11y_json = std::move(json);
    }
    app_perform_intents(g_state);
    platform::frame_done(app_has_data(g_state), platform::now_ms() - now, a11y::items_submitted());
    // Text the mirror found without glyphs (the safety net above): the next frame draws it.
    if (render::atlas_dirty()) platform::request_frame();
    if (ui::animating() || more_input) platform::request_frame(0);
}

}  // namespace

int main() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to persist: the page is not a window layout
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames forever
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ui::apply_theme();

    std::string error;
    if (!platform::init(&error) || !render::init(&error)) {
        std::fprintf(stderr, "satstore: cannot start: %s\n", error.c_str());
        return 1;
    }
    platform::set_frame_callback(frame);
    platform::set_boot_callback(boot);
    platform::request_frame();
    return 0;
}
