// satstore client — Canvas 2D glyphs (see glyph_raster.hpp).
#include "platform/glyph_raster.hpp"

#include <cstdlib>
#include <cstring>

#include <emscripten.h>

namespace satstore::client::platform {
namespace {

// Draws the character in white on a transparent canvas sized to its ink box (one pixel of margin)
// and returns a malloc'd block: int32 width, height, then float advance, left, top, then the
// coverage bytes. Colour glyphs (emoji) keep their shading: coverage is alpha × (1 − ¾ luminance),
// so they read as a drawing in the text colour rather than a solid blot. 0 = nothing drawn.
EM_JS(void*, js_raster_glyph, (unsigned codepoint, float px), {
    if (typeof document === "undefined") return 0;
    var c = Module.satstoreGlyphCanvas;
    if (!c) c = Module.satstoreGlyphCanvas = document.createElement("canvas");
    var ctx = c.getContext("2d", { willReadFrequently: true });
    var font = px + 'px system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", ' +
        '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
    var ch = String.fromCodePoint(codepoint);
    ctx.font = font;
    var m = ctx.measureText(ch);
    var left = Math.ceil(m.actualBoundingBoxLeft || 0) + 1, right = Math.ceil(m.actualBoundingBoxRight || 0) + 1;
    var ascent = Math.ceil(m.actualBoundingBoxAscent || 0) + 1, descent = Math.ceil(m.actualBoundingBoxDescent || 0) + 1;
    var w = left + right, h = ascent + descent;
    if (!(m.width > 0) || w <= 2 || h <= 2 || w > 4 * px || h > 4 * px) return 0;
    c.width = w;
    c.height = h;  // resizing resets the context
    ctx.font = font;
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = "#fff";
    ctx.fillText(ch, left, ascent);
    var rgba = ctx.getImageData(0, 0, w, h).data;
    var out = _malloc(20 + w * h);
    HEAP32[out >> 2] = w;
    HEAP32[(out >> 2) + 1] = h;
    HEAPF32[(out >> 2) + 2] = m.width;
    HEAPF32[(out >> 2) + 3] = -left;
    HEAPF32[(out >> 2) + 4] = -ascent;
    var colour = false;
    for (var i = 0; i < w * h && !colour; i++) {
        var r = rgba[4 * i], g = rgba[4 * i + 1], b = rgba[4 * i + 2];
        colour = rgba[4 * i + 3] > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 32;
    }
    var ink = 0;
    for (var i = 0; i < w * h; i++) {
        var a = rgba[4 * i + 3];
        if (colour) a = Math.round(a * (1 - 0.75 * (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255));
        HEAPU8[out + 20 + i] = a;
        ink += a;
    }
    if (ink === 0) { _free(out); return 0; }
    return out;
});

}  // namespace

std::optional<RasterGlyph> raster_glyph(std::uint32_t codepoint, float px) {
    auto* block = static_cast<unsigned char*>(js_raster_glyph(codepoint, px));
    if (block == nullptr) return std::nullopt;
    RasterGlyph g;
    std::int32_t size[2];
    float metrics[3];
    std::memcpy(size, block, sizeof size);
    std::memcpy(metrics, block + 8, sizeof metrics);
    g.width = size[0];
    g.height = size[1];
    g.advance = metrics[0];
    g.left = metrics[1];
    g.top = metrics[2];
    g.alpha.assign(block + 20, block + 20 + static_cast<std::size_t>(g.width) * g.height);
    std::free(block);
    return g;
}

}  // namespace satstore::client::platform
