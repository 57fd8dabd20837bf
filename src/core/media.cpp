#include "core/media.hpp"

#include <algorithm>
#include <cmath>

#include "core/hex.hpp"

namespace satstore::media {
namespace {

constexpr std::string_view kPrefix = "/media/";
constexpr std::string_view kSuffix = ".webp";
constexpr std::size_t kHashChars = 64;

// A width as written in a reference or file name: decimal, no leading zero, 1..kMaxRenditionWidth.
std::optional<int> parse_width(std::string_view digits) {
    if (digits.empty() || digits.size() > 4 || digits.front() == '0') return std::nullopt;
    int width = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        width = width * 10 + (c - '0');
    }
    if (width > kMaxRenditionWidth) return std::nullopt;
    return width;
}

}  // namespace

std::optional<ImageType> sniff_image_type(std::string_view b) {
    auto at = [&](std::size_t offset, std::string_view magic) { return b.size() >= offset + magic.size() && b.substr(offset, magic.size()) == magic; };
    if (at(0, "\x89PNG\r\n\x1a\n")) return ImageType::png;
    if (at(0, "\xFF\xD8\xFF")) return ImageType::jpeg;
    if (at(0, "RIFF") && at(8, "WEBP")) return ImageType::webp;
    return std::nullopt;
}

const char* mime_type(ImageType type) {
    switch (type) {
        case ImageType::png: return "image/png";
        case ImageType::jpeg: return "image/jpeg";
        case ImageType::webp: return "image/webp";
    }
    return "application/octet-stream";
}

std::vector<int> rendition_widths(int original_width) {
    std::vector<int> out;
    if (original_width < 1) return out;
    for (const int w : kImageWidths)
        if (w < original_width) out.push_back(w);
    const int top = std::min(original_width, kMaxRenditionWidth);
    if (out.empty() || out.back() != top) out.push_back(top);
    return out;
}

int rendition_height(int original_width, int original_height, int width) {
    const double h = static_cast<double>(original_height) * width / std::max(1, original_width);
    return std::max(1, static_cast<int>(std::lround(h)));
}

std::optional<MediaRef> parse_media_ref(std::string_view image) {
    if (image.size() <= kPrefix.size() || image.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    const auto file = parse_rendition_file(image.substr(kPrefix.size()));
    if (!file) return std::nullopt;
    return MediaRef{file->first, file->second};
}

bool is_media_ref(std::string_view image) { return parse_media_ref(image).has_value(); }

std::string rendition_url(std::string_view hash, int width) {
    return std::string(kPrefix).append(hash).append("-").append(std::to_string(width)).append(kSuffix);
}

std::string media_ref(std::string_view hash, int widest) { return rendition_url(hash, widest); }

std::optional<std::pair<std::string, int>> parse_rendition_file(std::string_view file) {
    // "<64 hex>-<width>.webp"
    if (file.size() < kHashChars + 2 + kSuffix.size() || file[kHashChars] != '-') return std::nullopt;
    if (file.substr(file.size() - kSuffix.size()) != kSuffix) return std::nullopt;
    const std::string_view hash = file.substr(0, kHashChars);
    if (!hex::is_lower_hex(hash, kHashChars)) return std::nullopt;
    const auto width = parse_width(file.substr(kHashChars + 1, file.size() - kHashChars - 1 - kSuffix.size()));
    if (!width) return std::nullopt;
    return std::pair{std::string(hash), *width};
}

std::string image_url_for(std::string_view image, float physical_px) {
    const auto ref = parse_media_ref(image);
    if (!ref) return std::string(image);
    const std::vector<int> widths = rendition_widths(ref->widest);
    const double want = std::ceil(std::max(1.0f, physical_px));
    const auto it = std::find_if(widths.begin(), widths.end(), [&](int w) { return w >= want; });
    return rendition_url(ref->hash, it == widths.end() ? widths.back() : *it);
}

}  // namespace satstore::media
