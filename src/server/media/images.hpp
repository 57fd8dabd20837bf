// satstore server — product images with libvips: decoding an upload, refusing what is not an
// image or too large to decode safely, and encoding its WebP renditions (core/media.hpp says
// which widths). The only code that links libvips.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/media.hpp"

namespace satstore::server::media {

// Starts libvips once per process, before any request: VIPS_INIT, no operation cache (every
// upload is a different image), `threads` worker threads per operation, and only the PNG, JPEG
// and WebP loaders allowed. `argv0` is the program's argv[0]. Returns false with a message on
// stderr when libvips cannot start.
bool init(const char* argv0, int threads);

struct Rendition {
    int width = 0;
    int height = 0;
    std::string webp;  // the encoded file
};

struct ProcessedImage {
    int width = 0;   // the original, after EXIF rotation
    int height = 0;
    std::vector<Rendition> renditions;  // ascending widths: satstore::media::rendition_widths(width)
};

enum class ImageError {
    undecodable,      // the signature says PNG/JPEG/WebP but the file does not decode (cut short, corrupt)
    too_many_pixels,  // its header asks for more than media::kMaxPixels or a side above media::kMaxSide
};

struct ProcessResult {
    std::optional<ProcessedImage> image;  // set on success
    ImageError error = ImageError::undecodable;
    std::string detail;  // what was wrong, for the problem's detail (no libvips internals)
};

// Decodes `bytes` (of the sniffed `type`) and makes its renditions: rotated upright by its EXIF
// orientation, metadata stripped, never upscaled. The pixel bound is checked from the header,
// before anything is decoded. Thread-safe; takes ~0.1–1 s for a photo.
ProcessResult process_image(std::string_view bytes, satstore::media::ImageType type);

// The content hash an image is stored under: SHA-256 of its bytes, lowercase hex.
std::string content_hash(std::string_view bytes);

}  // namespace satstore::server::media
