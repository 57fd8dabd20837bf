// satstore client — font atlas building (see fonts.hpp).
#include "render/fonts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "platform/glyph_raster.hpp"
#include "platform/web_platform.hpp"
#include "render/font_cmap.hpp"
#include "render/renderer.hpp"

// stb_truetype from the ImGui sources (its builder uses the same copy, also compiled static).
#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include <imstb_truetype.h>

namespace satstore::client::render {
namespace {

constexpr std::array<float, 5> kSizesPx = {14.0f, 16.0f, 20.0f, 24.0f, 30.0f};

// Always in every size: ASCII, Latin-1, general punctuation, arrows, box drawing and dingbats
// (✓ ✕ ☰). Characters the font lacks in these ranges are skipped.
constexpr ImWchar kBaseRanges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x2000, 0x206F,
                                   0x2190, 0x21FF, 0x2500, 0x27BF};

struct FontState {
    std::vector<std::uint8_t> ttf;
    FontCoverage coverage;
    stbtt_fontinfo info{};
    float em = 1.0f;  // the font's em per pixel of ImGui size (browser glyphs match it)
    std::set<std::uint32_t> used;    // drawn at body and small size
    std::set<std::uint32_t> noted;   // also drawn at heading sizes
    std::array<ImFont*, kSizesPx.size()> fonts{};
    // Glyph bitmaps at the built DPR, by (code point, size index); nullopt = nothing drawn.
    std::map<std::pair<std::uint32_t, std::size_t>, std::optional<platform::RasterGlyph>> raster;
    AtlasStats stats;
    float built_dpr = 0;
    bool dirty = true;
} g;

bool heading_size(std::size_t i) { return i >= static_cast<std::size_t>(FontSize::h20); }

bool drawable(std::uint32_t cp) {
    return cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && !(cp >= 0xD800 && cp <= 0xDFFF) &&
           cp != 0xFEFF && !(cp >= 0xFE00 && cp <= 0xFE0F) && cp != 0x200D && cp <= 0x10FFFF;
}

unsigned hex4(std::string_view s, std::size_t at) {
    unsigned v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
        const char c = s[k];
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return 0xFFFFFFFF;
        v = v << 4 | static_cast<unsigned>(d);
    }
    return v;
}

// Calls f(cp) for every code point of UTF-8 text, decoding JSON \uXXXX escapes (with surrogate
// pairs) too; malformed bytes are skipped.
template <class F>
void each_codepoint(std::string_view s, F f) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\\' && i + 6 <= s.size() && s[i + 1] == 'u') {
            unsigned cp = hex4(s, i + 2);
            i += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                const unsigned lo = hex4(s, i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp != 0xFFFFFFFF) f(cp);
            continue;
        }
        ++i;
        if (c < 0x80) {
            f(c);
            continue;
        }
        const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
        if (extra < 0) continue;
        unsigned cp = c & (0x3F >> extra);
        bool ok = true;
        for (int k = 0; k < extra && ok; ++k) {
            ok = i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
            if (ok) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
        }
        if (ok) f(cp);
    }
}

bool in_base(std::uint32_t cp) {
    for (std::size_t i = 0; i < std::size(kBaseRanges); i += 2)
        if (cp >= kBaseRanges[i] && cp <= kBaseRanges[i + 1]) return true;
    return false;
}

// Adds cp to `set` when it needs a place in the atlas. True when it was new.
bool add(std::set<std::uint32_t>& set, std::uint32_t cp) {
    if (!drawable(cp) || cp < 0x7F) return false;
    if (in_base(cp) && (g.ttf.empty() || g.coverage.covers(cp))) return false;
    if (!set.insert(cp).second) return false;
    g.dirty = true;
    return true;
}

// The font's own glyph at `px` (ImGui's size: ascent − descent), rasterised by stb_truetype as
// ImGui's builder would; a blank 1×1 bitmap for an empty glyph (a space).
std::optional<platform::RasterGlyph> font_glyph(std::uint32_t cp, float px) {
    const float scale = stbtt_ScaleForPixelHeight(&g.info, px);
    int advance = 0, lsb = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetCodepointHMetrics(&g.info, static_cast<int>(cp), &advance, &lsb);
    stbtt_GetCodepointBitmapBox(&g.info, static_cast<int>(cp), scale, scale, &x0, &y0, &x1, &y1);
    platform::RasterGlyph r;
    r.advance = static_cast<float>(advance) * scale;
    if (x1 <= x0 || y1 <= y0) {
        r.width = r.height = 1;
        r.alpha = {0};
        return r;
    }
    r.width = x1 - x0;
    r.height = y1 - y0;
    r.left = static_cast<float>(x0);
    r.top = static_cast<float>(y0);
    r.alpha.resize(static_cast<std::size_t>(r.width) * r.height);
    stbtt_MakeCodepointBitmap(&g.info, r.alpha.data(), r.width, r.height, r.width, scale, scale, static_cast<int>(cp));
    // WenQuanYi draws ‘ ’ “ ” an em wide with the mark at one side, which leaves half an em of gap
    // before an opening quote ("Results for “xyzzy”"). They get the mark's width plus a little on
    // each side, as proportional fonts draw them.
    const bool quote = cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D;
    if (quote && r.advance >= px * 0.8f) {
        const float side = std::round(px * 0.08f);
        r.left = side;
        r.advance = static_cast<float>(r.width) + 2 * side;
    }
    return r;
}

// Glyph bitmaps are cached across rebuilds by (code point, size): a rebuild packs rectangles and
// copies pixels, and a new character costs only its own rasterisation.
const platform::RasterGlyph* bitmap(std::uint32_t cp, std::size_t size, float px) {
    auto [it, fresh] = g.raster.try_emplace({cp, size});
    if (fresh) it->second = g.coverage.covers(cp) ? font_glyph(cp, px) : platform::raster_glyph(cp, px * g.em);
    return it->second ? &*it->second : nullptr;
}

struct PlacedGlyph {
    int rect;
    std::size_t font;
    std::uint32_t cp;
    const platform::RasterGlyph* bitmap;
};

// Registers an atlas rectangle for every character font `size` needs: the base ranges the font
// covers, and the recorded characters (from the font or the browser).
void add_glyphs(ImFontAtlas* atlas, std::size_t size, float px, std::vector<PlacedGlyph>& out) {
    std::vector<std::uint32_t> chars;
    for (std::size_t r = 0; r < std::size(kBaseRanges); r += 2)
        for (std::uint32_t cp = kBaseRanges[r]; cp <= kBaseRanges[r + 1]; ++cp)
            if (cp != ' ' && g.coverage.covers(cp)) chars.push_back(cp);
    const std::set<std::uint32_t>& recorded = heading_size(size) ? g.noted : g.used;
    chars.insert(chars.end(), recorded.begin(), recorded.end());
    for (std::uint32_t cp : chars) {
        const platform::RasterGlyph* b = bitmap(cp, size, px);
        if (b == nullptr) continue;
        const int rect = atlas->AddCustomRectFontGlyph(g.fonts[size], static_cast<ImWchar>(cp), b->width, b->height,
                                                       std::round(b->advance), ImVec2(b->left, b->top));
        out.push_back({rect, size, cp, b});
    }
}

// ImGui sizes the texture by its own glyphs only (here just the spaces): pick the width from
// the rectangles' area with the same rule, so the atlas stays square-ish and within 4096.
int texture_width(const std::vector<PlacedGlyph>& glyphs, int padding) {
    double area = 0;
    for (const PlacedGlyph& p : glyphs) area += double(p.bitmap->width + padding) * (p.bitmap->height + padding);
    const double side = std::sqrt(area) + 1;
    return side >= 4096 * 0.7 ? 4096 : side >= 2048 * 0.7 ? 2048 : side >= 1024 * 0.7 ? 1024 : 512;
}

// After Build: moves the glyphs from baseline- to line-relative and copies their pixels.
void finish_glyphs(ImFontAtlas* atlas, const std::vector<PlacedGlyph>& glyphs) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    for (const PlacedGlyph& p : glyphs) {
        ImFont* f = g.fonts[p.font];
        if (auto* glyph = const_cast<ImFontGlyph*>(f->FindGlyphNoFallback(static_cast<ImWchar>(p.cp)))) {
            glyph->Y0 += f->Ascent;
            glyph->Y1 += f->Ascent;
        }
        const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(p.rect);
        if (r == nullptr || !r->IsPacked()) continue;
        for (int y = 0; y < p.bitmap->height && r->Y + y < height; ++y)
            std::copy_n(p.bitmap->alpha.data() + static_cast<std::size_t>(y) * p.bitmap->width,
                        std::min(p.bitmap->width, width - r->X), pixels + static_cast<std::size_t>(r->Y + y) * width + r->X);
    }
}

}  // namespace

void set_font_data(std::vector<std::uint8_t> ttf) {
    g.ttf = std::move(ttf);
    g.coverage = FontCoverage(g.ttf);
    g.em = em_fraction(g.ttf);
    if (g.coverage.count() == 0 || !stbtt_InitFont(&g.info, g.ttf.data(), stbtt_GetFontOffsetForIndex(g.ttf.data(), 0)))
        g.ttf.clear();  // not a usable font: ImGui's built-in one
    g.raster.clear();
    g.dirty = true;
}

bool use_codepoint(std::uint32_t cp) { return add(g.used, cp); }

bool use_text(std::string_view utf8) {
    bool added = false;
    each_codepoint(utf8, [&](std::uint32_t cp) { added |= add(g.used, cp); });
    return added;
}

bool note_text(std::string_view utf8) {
    bool added = false;
    each_codepoint(utf8, [&](std::uint32_t cp) {
        const bool body = add(g.used, cp);
        const bool heading = add(g.noted, cp);
        added = added || body || heading;
    });
    return added;
}

bool rebuild_if_needed(float dpr) {
    dpr = std::clamp(dpr, 1.0f, 4.0f);
    if (!g.dirty && dpr == g.built_dpr) return false;
    const double started = platform::now_ms();
    if (dpr != g.built_dpr) g.raster.clear();
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->TexGlyphPadding = 1;
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    std::vector<PlacedGlyph> placed;
    for (std::size_t i = 0; i < kSizesPx.size(); ++i) {
        ImFontConfig cfg;
        cfg.SizePixels = kSizesPx[i] * dpr;
        cfg.OversampleH = dpr >= 2 ? 1 : 2;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        if (g.ttf.empty()) {
            g.fonts[i] = atlas->AddFontDefault(&cfg);
            continue;
        }
        // ImGui builds the space itself (and the font's metrics); every other glyph is ours.
        static constexpr ImWchar kSpace[] = {0x20, 0x20, 0};
        cfg.FontDataOwnedByAtlas = false;  // g.ttf outlives the atlas
        g.fonts[i] = atlas->AddFontFromMemoryTTF(g.ttf.data(), static_cast<int>(g.ttf.size()), cfg.SizePixels, &cfg, kSpace);
        add_glyphs(atlas, i, cfg.SizePixels, placed);
    }
    atlas->TexDesiredWidth = texture_width(placed, atlas->TexGlyphPadding);
    atlas->Build();
    finish_glyphs(atlas, placed);
    g.stats.width = atlas->TexWidth;
    g.stats.height = atlas->TexHeight;
    g.stats.glyphs = g.stats.browser_glyphs = 0;
    for (const PlacedGlyph& p : placed) ++(g.coverage.covers(p.cp) ? g.stats.glyphs : g.stats.browser_glyphs);
    upload_font_atlas(atlas);
    io.FontGlobalScale = 1.0f / dpr;
    io.FontDefault = g.fonts[1];
    g.built_dpr = dpr;
    g.dirty = false;
    g.stats.build_ms = platform::now_ms() - started;
    ++g.stats.builds;
    return true;
}

bool atlas_dirty() { return g.dirty; }

ImFont* font(FontSize size) { return g.fonts[static_cast<std::size_t>(size)]; }

float font_px(FontSize size) { return kSizesPx[static_cast<std::size_t>(size)]; }

const AtlasStats& atlas_stats() { return g.stats; }

}  // namespace satstore::client::render
