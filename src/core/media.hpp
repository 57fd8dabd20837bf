// satstore core — product images: the rendition widths the server makes, media references and
// the URL of the rendition to draw at a size, and image type sniffing. No I/O.
//
// A media reference is what a product's `images` holds for an uploaded image:
//   "/media/<hash>-<widest>.webp"
// <hash> is the SHA-256 of the original file (64 lowercase hex digits), <widest> the width of
// its widest rendition. The reference is itself the URL of that rendition, and names every
// other one: the renditions of an image are rendition_widths(widest), each served at
// "/media/<hash>-<width>.webp". So the client picks a size with no request of its own.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace satstore::media {

// The widths (physical px) renditions are made at. They cover what the client draws at device
// pixel ratios 1–3: cart thumbnails (72–96 CSS px), catalog cards (~220–300) and the product
// page's main image (~480–600).
inline constexpr std::array<int, 6> kImageWidths = {160, 320, 640, 960, 1280, 1920};
inline constexpr int kMaxRenditionWidth = kImageWidths.back();

// What an upload may be: the file's size, and (read from its header before decoding) its pixel
// count and either side. Past these the server refuses it (decompression bombs).
inline constexpr std::size_t kMaxUploadBytes = 10 * 1024 * 1024;
inline constexpr std::int64_t kMaxPixels = 40'000'000;
inline constexpr int kMaxSide = 12'000;

enum class ImageType { png, jpeg, webp };

// The type of an image file from its first bytes (PNG, JPEG and WebP signatures); nullopt for
// anything else. Whether the rest of the file decodes is not checked.
std::optional<ImageType> sniff_image_type(std::string_view bytes);
// "image/png", "image/jpeg", "image/webp".
const char* mime_type(ImageType type);

// The widths of the renditions of an image `original_width` px wide (after EXIF rotation):
// every kImageWidths entry narrower than the original, then the original's own width capped at
// kMaxRenditionWidth — never wider than the original (no upscaling). Ascending; empty for a
// width below 1.
std::vector<int> rendition_widths(int original_width);
// The height of a rendition `width` px wide of a `original_width` × `original_height` image
// (rounded, at least 1).
int rendition_height(int original_width, int original_height, int width);

struct MediaRef {
    std::string hash;  // 64 lowercase hex digits
    int widest = 0;    // width of the widest rendition
};

// True when `image` is a well-formed media reference (see the top of this file).
bool is_media_ref(std::string_view image);
// The parts of a media reference; nullopt for anything else.
std::optional<MediaRef> parse_media_ref(std::string_view image);
// The reference of the image with this hash whose widest rendition is `widest` px wide.
std::string media_ref(std::string_view hash, int widest);
// The URL path of one rendition: "/media/<hash>-<width>.webp".
std::string rendition_url(std::string_view hash, int width);

// The file name a rendition is served under, "<hash>-<width>.webp", parsed; nullopt when it is
// not one (the server answers 404). The width is not checked against what exists.
std::optional<std::pair<std::string, int>> parse_rendition_file(std::string_view file);

// What to load to draw `image` (a product image string) `physical_px` device pixels wide: for a
// media reference, the URL of its narrowest rendition at least that wide (the widest when none
// is); any other string (an /assets/… path) unchanged.
std::string image_url_for(std::string_view image, float physical_px);

}  // namespace satstore::media
