// satstore client — characters the bundled font lacks, drawn by the browser's own fonts (Canvas
// 2D): rare surnames and place names, Traditional characters of HK/TW addresses, emoji. The font
// atlas (render/fonts.cpp) packs the bitmaps beside the TrueType glyphs.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace satstore::client::platform {

// One character as the browser draws it at a pixel size: an alpha bitmap and its metrics, in
// pixels relative to the pen position on the baseline (y down).
struct RasterGlyph {
    int width = 0;
    int height = 0;
    float advance = 0;  // pen advance
    float left = 0;     // bitmap's left edge from the pen (usually <= 0)
    float top = 0;      // bitmap's top edge from the baseline (negative: above it)
    std::vector<std::uint8_t> alpha;  // width × height coverage
};

// Rasterises `codepoint` at `px` pixels with the page's sans-serif stack. Empty when the browser
// draws nothing for it (an unassigned or invisible code point) or outside a browser.
std::optional<RasterGlyph> raster_glyph(std::uint32_t codepoint, float px);

}  // namespace satstore::client::platform
