// satstore client — the font atlas: five sizes of one CJK font, rasterised at size × DPR, built
// on demand from the characters the client actually shows.
//
// The bundle (scripts/bundle_web.py) has two subsets of one font: the UI font (every UI string's,
// catalog and help character), which the first frame waits for, and the full font (all of GB 2312
// as well), fetched once the first page is drawn. A character the font in use lacks (before the
// full font arrives; a rare name, a Traditional character, an emoji) is drawn by the browser's
// fonts into the atlas (platform/glyph_raster.hpp). Neither is rasterised before it is needed:
// the atlas holds ASCII, Latin-1 and common punctuation, plus the characters that reached the
// client — UI strings, API replies, typed or pasted text — so the first frame never waits for
// glyphs it does not show and a DPR-3 atlas stays small. Glyph bitmaps are cached, so adding a
// character rebuilds the atlas by packing and copying (≈25 ms at DPR 3), not by rasterising all.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace satstore::client::render {

// CSS pixel sizes from UI.md: 14 small, 16 body, 20/24/30 headings.
enum class FontSize { small14, body16, h20, h24, h30 };

// Gives the TTF bytes (a subset of WenQuanYi Micro Hei: first the UI font, then the full one with
// all of GB 2312); the next rebuild draws every glyph from it. Empty = use ImGui's built-in font
// (Latin only) so the page still works when the font download failed.
void set_font_data(std::vector<std::uint8_t> ttf);

// Records characters that may be drawn at body and small size (every input field, list and
// paragraph): UI strings, API reply bodies (JSON \uXXXX escapes are decoded), typed text. Returns
// true when a character was new; the next rebuild_if_needed() then adds it.
bool use_text(std::string_view utf8);
bool use_codepoint(std::uint32_t cp);

// Records characters shown in heading sizes (20/24/30 px) too; call with the heading's text.
// Returns true when a character was new.
bool note_text(std::string_view utf8);

// True when recorded characters or new font data await a rebuild.
bool atlas_dirty();

// (Re)builds the atlas when the DPR changed, data arrived or new characters were recorded, and
// uploads it through the renderer. Sets io.FontGlobalScale = 1/dpr. Returns true if it rebuilt.
// Call between frames (never between NewFrame and Render).
bool rebuild_if_needed(float dpr);

// The font for `size`; valid after the first rebuild_if_needed().
ImFont* font(FontSize size);

// CSS px size of `size`.
float font_px(FontSize size);

// Figures of the last build (window.satstore.atlas, printed by the budget test).
struct AtlasStats {
    int width = 0, height = 0;
    int glyphs = 0;          // TrueType glyphs over all sizes
    int browser_glyphs = 0;  // drawn by the browser (platform/glyph_raster)
    double build_ms = 0;
    int builds = 0;
};
const AtlasStats& atlas_stats();

}  // namespace satstore::client::render
