// Font table facts (render/font_cmap): which characters a TrueType font covers, from a small
// hand-built font (offset table + 'cmap' with a format 4 subtable) and from broken bytes.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "render/font_cmap.hpp"

using satstore::client::render::FontCoverage;
using satstore::client::render::em_fraction;

namespace {

void u16(std::vector<std::uint8_t>& b, unsigned v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}
void u32(std::vector<std::uint8_t>& b, unsigned v) {
    u16(b, v >> 16);
    u16(b, v & 0xFFFF);
}

// A font whose only table is a cmap (3,1) format 4 with segments: 'A'..'C' by delta, U+6D66 (浦)
// through glyphIdArray, U+6D67 mapped to glyph 0 (not covered), and the 0xFFFF terminator.
std::vector<std::uint8_t> tiny_font() {
    std::vector<std::uint8_t> cmap;
    u16(cmap, 0);  // version
    u16(cmap, 1);  // one encoding record
    u16(cmap, 3);
    u16(cmap, 1);
    u32(cmap, 12);  // subtable offset
    const unsigned segs = 3;
    u16(cmap, 4);                     // format
    u16(cmap, 16 + 8 * segs + 2 * 2);  // length: header, 4 arrays, glyphIdArray of 2
    u16(cmap, 0);                     // language
    u16(cmap, segs * 2);
    u16(cmap, 4);
    u16(cmap, 1);
    u16(cmap, 2);
    for (unsigned end : {0x43u, 0x6D67u, 0xFFFFu}) u16(cmap, end);
    u16(cmap, 0);  // reservedPad
    for (unsigned start : {0x41u, 0x6D66u, 0xFFFFu}) u16(cmap, start);
    for (unsigned delta : {(0x10000u - 0x40u) & 0xFFFF, 0u, 1u}) u16(cmap, delta);  // 'A' → glyph 1
    // idRangeOffset of segment 1: glyphIdArray[0] sits 4 bytes after its own slot.
    for (unsigned ro : {0u, 4u, 0u}) u16(cmap, ro);
    u16(cmap, 7);  // 浦 → glyph 7
    u16(cmap, 0);  // U+6D67 → .notdef
    std::vector<std::uint8_t> font;
    u32(font, 0x00010000);
    u16(font, 1);  // numTables
    u16(font, 16);
    u16(font, 0);
    u16(font, 0);
    for (char c : {'c', 'm', 'a', 'p'}) font.push_back(static_cast<std::uint8_t>(c));
    u32(font, 0);                          // checksum (not checked)
    u32(font, 12 + 16);                    // offset
    u32(font, static_cast<unsigned>(cmap.size()));
    font.insert(font.end(), cmap.begin(), cmap.end());
    return font;
}

}  // namespace

TEST_CASE("font coverage: format 4 segments, delta and glyph-array mappings, .notdef excluded") {
    const std::vector<std::uint8_t> font = tiny_font();
    const FontCoverage c(font);
    CHECK(c.covers('A'));
    CHECK(c.covers('C'));
    CHECK_FALSE(c.covers('D'));
    CHECK(c.covers(0x6D66));
    CHECK_FALSE(c.covers(0x6D67));
    CHECK_FALSE(c.covers(0xFFFF));
    CHECK(c.count() == 4);
    CHECK(em_fraction(font) == 1.0f);  // no head/hhea: the neutral answer
}

TEST_CASE("font coverage: truncated or garbage bytes cover nothing and read nothing out of bounds") {
    const std::vector<std::uint8_t> font = tiny_font();
    for (std::size_t n = 0; n < font.size(); ++n) {
        const std::vector<std::uint8_t> cut(font.begin(), font.begin() + static_cast<std::ptrdiff_t>(n));
        const FontCoverage c(cut);
        CHECK(c.count() <= 4);
    }
    const std::vector<std::uint8_t> junk(64, 0xFF);
    CHECK(FontCoverage(junk).count() == 0);
}
