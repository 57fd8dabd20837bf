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

namespace satstore::client::render {
namespace {

constexpr std::array<float, 5> kSizesPx = {14.0f, 16.0f, 20.0f, 24.0f, 30.0f};

// Always in every size: ASCII, Latin-1, general punctuation, arrows, box drawing and dingbats
// (✓ ✕ ☰). Characters the font lacks in these ranges are skipped by ImGui's builder.
constexpr ImWchar kBaseRanges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x2000, 0x206F,
                                   0x2190, 0x21FF, 0x2500, 0x27BF};

struct FontState {
    std::vector<std::uint8_t> ttf;
    FontCoverage coverage;
    float em = 1.0f;  // the font's em per pixel of ImGui size (browser glyphs match it)
    std::set<std::uint32_t> used;    // drawn at body and small size
    std::set<std::uint32_t> noted;   // also drawn at heading sizes
    std::array<ImFont*, kSizesPx.size()> fonts{};
    std::array<std::vector<ImWchar>, kSizesPx.size()> ranges;
    // Browser-drawn glyphs at the built DPR, by (code point, size index); nullopt = nothing drawn.
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

// ImGui glyph ranges: the base ranges plus `chars` (covered by the font), zero-terminated.
std::vector<ImWchar> ranges_of(const std::set<std::uint32_t>& chars) {
    std::vector<ImWchar> out(std::begin(kBaseRanges), std::end(kBaseRanges));
    bool open = false;
    std::uint32_t start = 0, prev = 0;
    for (std::uint32_t c : chars) {
        if (!g.coverage.covers(c)) continue;
        if (open && c == prev + 1) {
            prev = c;
            continue;
        }
        if (open) out.insert(out.end(), {static_cast<ImWchar>(start), static_cast<ImWchar>(prev)});
        start = prev = c;
        open = true;
    }
    if (open) out.insert(out.end(), {static_cast<ImWchar>(start), static_cast<ImWchar>(prev)});
    out.push_back(0);
    return out;
}

struct BrowserGlyph {
    int rect;
    std::size_t font;
    std::uint32_t cp;
    const platform::RasterGlyph* bitmap;
};

// Registers a custom atlas rectangle for every character of font i the TTF lacks.
void add_browser_glyphs(ImFontAtlas* atlas, std::size_t i, float px, std::vector<BrowserGlyph>& out) {
    const std::set<std::uint32_t>& chars = heading_size(i) ? g.noted : g.used;
    for (std::uint32_t cp : chars) {
        if (g.coverage.covers(cp)) continue;
        auto [it, fresh] = g.raster.try_emplace({cp, i});
        if (fresh) it->second = platform::raster_glyph(cp, px * g.em);
        if (!it->second) continue;
        const platform::RasterGlyph& r = *it->second;
        const int rect = atlas->AddCustomRectFontGlyph(g.fonts[i], static_cast<ImWchar>(cp), r.width, r.height,
                                                       std::round(r.advance), ImVec2(r.left, r.top));
        out.push_back({rect, i, cp, &r});
    }
}

// After Build: moves browser glyphs from baseline- to line-relative and copies their pixels.
void finish_browser_glyphs(ImFontAtlas* atlas, const std::vector<BrowserGlyph>& glyphs) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    for (const BrowserGlyph& b : glyphs) {
        ImFont* f = g.fonts[b.font];
        if (auto* glyph = const_cast<ImFontGlyph*>(f->FindGlyphNoFallback(static_cast<ImWchar>(b.cp)))) {
            glyph->Y0 += f->Ascent;
            glyph->Y1 += f->Ascent;
        }
        const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(b.rect);
        if (r == nullptr || !r->IsPacked()) continue;
        for (int y = 0; y < b.bitmap->height && r->Y + y < height; ++y)
            std::copy_n(b.bitmap->alpha.data() + static_cast<std::size_t>(y) * b.bitmap->width,
                        std::min(b.bitmap->width, width - r->X), pixels + static_cast<std::size_t>(r->Y + y) * width + r->X);
    }
}

}  // namespace

void set_font_data(std::vector<std::uint8_t> ttf) {
    g.ttf = std::move(ttf);
    g.coverage = FontCoverage(g.ttf);
    g.em = em_fraction(g.ttf);
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
    std::vector<BrowserGlyph> browser;
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
        cfg.FontDataOwnedByAtlas = false;  // g.ttf outlives the atlas
        g.ranges[i] = ranges_of(heading_size(i) ? g.noted : g.used);
        g.fonts[i] = atlas->AddFontFromMemoryTTF(g.ttf.data(), static_cast<int>(g.ttf.size()), cfg.SizePixels, &cfg,
                                                 g.ranges[i].data());
        add_browser_glyphs(atlas, i, cfg.SizePixels, browser);
    }
    atlas->Build();
    finish_browser_glyphs(atlas, browser);
    g.stats.width = atlas->TexWidth;
    g.stats.height = atlas->TexHeight;
    g.stats.glyphs = 0;
    for (ImFont* f : g.fonts) g.stats.glyphs += f->Glyphs.Size;
    g.stats.browser_glyphs = static_cast<int>(browser.size());
    g.stats.glyphs -= g.stats.browser_glyphs;
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
