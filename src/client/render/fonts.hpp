// satstore client — the font atlas: five sizes of one CJK font, rasterised at size × DPR.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace satstore::client::render {

// CSS pixel sizes from UI.md: 14 small, 16 body, 20/24/30 headings.
enum class FontSize { small14, body16, h20, h24, h30 };

// Gives the TTF bytes (the build's subset of WenQuanYi Micro Hei). Empty = use ImGui's built-in
// font (Latin only) so the page still works when the font download failed.
void set_font_data(std::vector<std::uint8_t> ttf);

// Records characters shown in sizes other than body16. Body text (16 px, also every input field)
// carries the whole font subset; the other sizes carry ASCII plus the characters noted here, which
// keeps a DPR-3 atlas small. Returns true when a character was new: the next
// rebuild_if_needed() then rebuilds the atlas (atlas_dirty() tells the loop to draw again).
bool note_text(std::string_view utf8);

// True when noted characters or new font data await a rebuild.
bool atlas_dirty();

// (Re)builds the atlas when the DPR changed, data arrived or note_text() found new characters, and
// uploads it through the renderer. Sets io.FontGlobalScale = 1/dpr. Returns true if it rebuilt.
// Call between frames (never between NewFrame and Render).
bool rebuild_if_needed(float dpr);

// The font for `size`; valid after the first rebuild_if_needed().
ImFont* font(FontSize size);

// CSS px size of `size`.
float font_px(FontSize size);

}  // namespace satstore::client::render
