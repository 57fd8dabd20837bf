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

// Records characters shown in the heading sizes (20/24/30 carry only characters seen, to keep a
// DPR-3 atlas small; 14/16 carry the whole subset). Returns true when a character was new, which
// makes the next rebuild_if_needed() rebuild the atlas.
bool note_text(std::string_view utf8);

// (Re)builds the atlas when the DPR changed, data arrived or note_text() found new characters, and
// uploads it through the renderer. Sets io.FontGlobalScale = 1/dpr. Returns true if it rebuilt.
// Call between frames (never between NewFrame and Render).
bool rebuild_if_needed(float dpr);

// The font for `size`; valid after the first rebuild_if_needed().
ImFont* font(FontSize size);

// CSS px size of `size`.
float font_px(FontSize size);

}  // namespace satstore::client::render
