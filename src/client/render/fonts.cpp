// satstore client — font atlas building (see fonts.hpp).
#include "render/fonts.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "render/renderer.hpp"

namespace satstore::client::render {
namespace {

constexpr std::array<float, 5> kSizesPx = {14.0f, 16.0f, 20.0f, 24.0f, 30.0f};

// Everything the subset may hold; glyphs the font lacks are skipped by ImGui's builder.
const ImWchar kFullRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF,
    0x2200, 0x22FF, 0x2500, 0x27BF, 0x3000, 0x303F, 0x4E00, 0x9FFF, 0xFF00, 0xFFEF, 0,
};

struct FontState {
    std::vector<std::uint8_t> ttf;
    std::set<ImWchar> seen;            // non-ASCII characters shown in sizes other than body16
    std::vector<ImWchar> seen_ranges;
    std::array<ImFont*, kSizesPx.size()> fonts{};
    float built_dpr = 0;
    bool dirty = true;
} g;

// Decodes one UTF-8 sequence; returns the code point (U+FFFD on malformed input) and advances i.
unsigned decode_utf8(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    unsigned cp = c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

void build_seen_ranges() {
    g.seen_ranges = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x2000, 0x206F, 0x2190, 0x21FF, 0x2500, 0x27BF};
    ImWchar start = 0, prev = 0;
    bool open = false;
    for (ImWchar c : g.seen) {
        if (open && c == prev + 1) {
            prev = c;
            continue;
        }
        if (open) g.seen_ranges.insert(g.seen_ranges.end(), {start, prev});
        start = prev = c;
        open = true;
    }
    if (open) g.seen_ranges.insert(g.seen_ranges.end(), {start, prev});
    g.seen_ranges.push_back(0);
}

}  // namespace

void set_font_data(std::vector<std::uint8_t> ttf) {
    g.ttf = std::move(ttf);
    g.dirty = true;
}

bool note_text(std::string_view utf8) {
    bool added = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned cp = decode_utf8(utf8, i);
        if (cp >= 0x100 && cp <= 0xFFFF && g.seen.insert(static_cast<ImWchar>(cp)).second) added = true;
    }
    if (added) g.dirty = true;
    return added;
}

bool rebuild_if_needed(float dpr) {
    dpr = std::clamp(dpr, 1.0f, 4.0f);
    if (!g.dirty && dpr == g.built_dpr) return false;
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->TexGlyphPadding = 1;
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    build_seen_ranges();
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
        const ImWchar* ranges = i == static_cast<std::size_t>(FontSize::body16) ? kFullRanges : g.seen_ranges.data();
        g.fonts[i] = atlas->AddFontFromMemoryTTF(g.ttf.data(), static_cast<int>(g.ttf.size()),
                                                 cfg.SizePixels, &cfg, ranges);
    }
    atlas->Build();
    upload_font_atlas(atlas);
    io.FontGlobalScale = 1.0f / dpr;
    io.FontDefault = g.fonts[1];
    g.built_dpr = dpr;
    g.dirty = false;
    return true;
}

bool atlas_dirty() { return g.dirty; }

ImFont* font(FontSize size) { return g.fonts[static_cast<std::size_t>(size)]; }

float font_px(FontSize size) { return kSizesPx[static_cast<std::size_t>(size)]; }

}  // namespace satstore::client::render
