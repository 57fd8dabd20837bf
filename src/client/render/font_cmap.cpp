// satstore client — TrueType cmap coverage (see font_cmap.hpp). Table layouts: the OpenType
// specification, 'cmap' subtable formats 4 (segment mapping to delta values) and 12 (segmented
// coverage).
#include "render/font_cmap.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

namespace satstore::client::render {
namespace {

constexpr std::uint32_t kMaxCodePoint = 0x10FFFF;

// Big-endian reads that fail (nullopt) past the end instead of reading out of bounds.
struct Reader {
    std::span<const std::uint8_t> b;
    std::optional<std::uint32_t> u16(std::size_t at) const {
        if (at + 2 > b.size()) return std::nullopt;
        return static_cast<std::uint32_t>(b[at] << 8 | b[at + 1]);
    }
    std::optional<std::uint32_t> u32(std::size_t at) const {
        if (at + 4 > b.size()) return std::nullopt;
        return static_cast<std::uint32_t>(b[at]) << 24 | static_cast<std::uint32_t>(b[at + 1]) << 16 |
               static_cast<std::uint32_t>(b[at + 2]) << 8 | b[at + 3];
    }
};

// Offset of table `tag`, or nullopt.
std::optional<std::size_t> find_table(const Reader& r, std::string_view tag) {
    const auto tables = r.u16(4);
    if (!tables) return std::nullopt;
    for (std::uint32_t i = 0; i < *tables; ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        if (rec + 16 > r.b.size()) return std::nullopt;
        if (std::string_view(reinterpret_cast<const char*>(r.b.data() + rec), 4) == tag) {
            const auto off = r.u32(rec + 8);
            return off ? std::optional<std::size_t>(*off) : std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace

void FontCoverage::add(std::uint32_t cp) {
    if (cp > kMaxCodePoint) return;
    if (cp >= bits_.size()) bits_.resize(std::max<std::size_t>(cp + 1, bits_.size() * 2));
    if (!bits_[cp]) {
        bits_[cp] = true;
        ++count_;
    }
}

FontCoverage::FontCoverage(std::span<const std::uint8_t> ttf) {
    const Reader r{ttf};
    const auto cmap = find_table(r, "cmap");
    if (!cmap) return;
    const auto subtables = r.u16(*cmap + 2);
    if (!subtables) return;
    // Prefer a full-repertoire subtable (format 12) over the BMP one (format 4).
    std::optional<std::size_t> fmt4, fmt12;
    for (std::uint32_t i = 0; i < *subtables; ++i) {
        const std::size_t rec = *cmap + 4 + 8 * static_cast<std::size_t>(i);
        const auto platform = r.u16(rec), encoding = r.u16(rec + 2), off = r.u32(rec + 4);
        if (!platform || !encoding || !off) return;
        const bool unicode = *platform == 0 || (*platform == 3 && (*encoding == 1 || *encoding == 10));
        if (!unicode) continue;
        const auto format = r.u16(*cmap + *off);
        if (format == 12u && !fmt12) fmt12 = *cmap + *off;
        if (format == 4u && !fmt4) fmt4 = *cmap + *off;
    }
    if (fmt12) {
        const auto groups = r.u32(*fmt12 + 12);
        if (!groups) return;
        for (std::uint32_t g = 0; g < *groups; ++g) {
            const std::size_t at = *fmt12 + 16 + 12 * static_cast<std::size_t>(g);
            const auto first = r.u32(at), last = r.u32(at + 4), glyph = r.u32(at + 8);
            if (!first || !last || !glyph || *last > kMaxCodePoint || *first > *last) return;
            for (std::uint32_t cp = *first; cp <= *last; ++cp)
                if (*glyph + (cp - *first) != 0) add(cp);
        }
        return;
    }
    if (!fmt4) return;
    const auto seg_x2 = r.u16(*fmt4 + 6);
    if (!seg_x2) return;
    const std::size_t ends = *fmt4 + 14, starts = ends + *seg_x2 + 2, deltas = starts + *seg_x2,
                      range_offsets = deltas + *seg_x2;
    for (std::size_t s = 0; s < *seg_x2 / 2; ++s) {
        const auto end = r.u16(ends + 2 * s), start = r.u16(starts + 2 * s), delta = r.u16(deltas + 2 * s),
                   range_offset = r.u16(range_offsets + 2 * s);
        if (!end || !start || !delta || !range_offset) return;
        for (std::uint32_t cp = *start; cp <= *end && cp != 0xFFFF; ++cp) {
            std::uint32_t glyph;
            if (*range_offset == 0) {
                glyph = (cp + *delta) & 0xFFFF;
            } else {
                const auto g = r.u16(range_offsets + 2 * s + *range_offset + 2 * (cp - *start));
                if (!g) return;
                glyph = *g == 0 ? 0 : (*g + *delta) & 0xFFFF;
            }
            if (glyph != 0) add(cp);
        }
    }
}

float em_fraction(std::span<const std::uint8_t> ttf) {
    const Reader r{ttf};
    const auto head = find_table(r, "head"), hhea = find_table(r, "hhea");
    if (!head || !hhea) return 1.0f;
    const auto upem = r.u16(*head + 18), ascent = r.u16(*hhea + 4), descent = r.u16(*hhea + 6);
    if (!upem || !ascent || !descent) return 1.0f;
    const int height = static_cast<int>(*ascent) - static_cast<std::int16_t>(*descent);
    return height > 0 && *upem > 0 ? static_cast<float>(*upem) / static_cast<float>(height) : 1.0f;
}

}  // namespace satstore::client::render
