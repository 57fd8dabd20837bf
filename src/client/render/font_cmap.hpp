// satstore client — facts from a TrueType font's tables: which characters it maps to a glyph (its
// 'cmap'), so the atlas knows which ones the browser must draw instead (platform/glyph_raster.hpp),
// and its em size ('head', 'hhea'), so the browser draws them at the same size.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace satstore::client::render {

// Coverage of a font: covers(cp) is true when the font's best Unicode cmap subtable (format 12,
// else format 4) maps cp to a glyph other than .notdef. Malformed or truncated tables give an
// empty coverage rather than reading out of bounds.
class FontCoverage {
public:
    FontCoverage() = default;
    explicit FontCoverage(std::span<const std::uint8_t> ttf);
    bool covers(std::uint32_t cp) const { return cp < bits_.size() && bits_[cp]; }
    std::size_t count() const { return count_; }

private:
    void add(std::uint32_t cp);
    std::vector<bool> bits_;
    std::size_t count_ = 0;
};

// The font's em as a fraction of the pixel height ImGui sizes it by (hhea ascent − descent):
// ImGui's 16 px font has an em of 16 × this. 1 when the tables are missing or malformed.
float em_fraction(std::span<const std::uint8_t> ttf);

}  // namespace satstore::client::render
