#include "server/media/images.hpp"

#include <array>
#include <cstdio>
#include <memory>

#include <sodium.h>
#include <vips/vips.h>

#include "core/hex.hpp"

namespace satstore::server::media {
namespace {

namespace core = satstore::media;

// WebP quality of the renditions: visually lossless for product photos at about a tenth of the
// PNG's size.
constexpr int kWebpQuality = 82;

struct ImageUnref {
    void operator()(VipsImage* image) const { g_object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageUnref>;

// libvips reports failures in a per-thread buffer: empty it so the next call starts clean.
void clear_vips_error() { vips_error_clear(); }

ProcessResult failure(ImageError error, std::string detail) {
    clear_vips_error();
    return {std::nullopt, error, std::move(detail)};
}

// The header only: pixels are decoded later, once the size is known to be safe.
ImagePtr load_header(std::string_view bytes, core::ImageType type) {
    void* buf = const_cast<char*>(bytes.data());  // libvips reads it only
    VipsImage* out = nullptr;
    int rc = -1;
    switch (type) {
        case core::ImageType::png: rc = vips_pngload_buffer(buf, bytes.size(), &out, "access", VIPS_ACCESS_SEQUENTIAL, nullptr); break;
        case core::ImageType::jpeg: rc = vips_jpegload_buffer(buf, bytes.size(), &out, "access", VIPS_ACCESS_SEQUENTIAL, nullptr); break;
        case core::ImageType::webp: rc = vips_webpload_buffer(buf, bytes.size(), &out, "access", VIPS_ACCESS_SEQUENTIAL, nullptr); break;
    }
    return ImagePtr(rc == 0 ? out : nullptr);
}

// Drops what a camera or editor wrote about the picture (EXIF with its GPS position and serial
// numbers, XMP, IPTC) — the WebP saver's own `strip` keeps EXIF in libvips 8.14. The colour
// profile stays: the colours depend on it.
void strip_metadata(VipsImage* image) {
    std::vector<std::string> names;
    vips_image_map(image, [](VipsImage*, const char* name, GValue*, void* out) -> void* {
        const std::string_view n = name;
        if (n.starts_with("exif-") || n == VIPS_META_XMP_NAME || n == VIPS_META_IPTC_NAME || n == VIPS_META_ORIENTATION)
            static_cast<std::vector<std::string>*>(out)->emplace_back(n);
        return nullptr;
    }, &names);
    for (const auto& name : names) vips_image_remove(image, name.c_str());
}

std::optional<std::string> encode_webp(VipsImage* image) {
    void* buf = nullptr;
    size_t size = 0;
    if (vips_webpsave_buffer(image, &buf, &size, "Q", kWebpQuality, "strip", TRUE, nullptr) != 0) return std::nullopt;
    std::string out(static_cast<const char*>(buf), size);
    g_free(buf);
    return out;
}

}  // namespace

bool init(const char* argv0, int threads) {
    if (VIPS_INIT(argv0) != 0) {
        std::fprintf(stderr, "satstore: libvips failed to start: %s\n", vips_error_buffer());
        return false;
    }
    // Every upload is a new image: caching operations would only hold memory.
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_concurrency_set(threads);
    // Untrusted input: no loader beyond the three image types we accept (libvips also reads
    // SVG, PDF, TIFF, … — code we never want to run on an upload).
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (const char* allowed : {"VipsForeignLoadPngBuffer", "VipsForeignLoadJpegBuffer", "VipsForeignLoadWebpBuffer"})
        vips_operation_block_set(allowed, FALSE);
    return true;
}

ProcessResult process_image(std::string_view bytes, core::ImageType type) {
    const ImagePtr header = load_header(bytes, type);
    if (!header) return failure(ImageError::undecodable, "The file's header cannot be read.");
    const int raw_w = vips_image_get_width(header.get()), raw_h = vips_image_get_height(header.get());
    if (raw_w > core::kMaxSide || raw_h > core::kMaxSide ||
        static_cast<std::int64_t>(raw_w) * raw_h > core::kMaxPixels)
        return failure(ImageError::too_many_pixels,
                       "The image is " + std::to_string(raw_w) + " × " + std::to_string(raw_h) + " pixels; at most " +
                           std::to_string(core::kMaxPixels / 1'000'000) + " megapixels and " +
                           std::to_string(core::kMaxSide) + " pixels a side are accepted.");
    const bool swap = vips_image_get_orientation_swap(header.get());
    ProcessedImage result;
    result.width = swap ? raw_h : raw_w;
    result.height = swap ? raw_w : raw_h;
    const std::vector<int> widths = core::rendition_widths(result.width);

    // The widest rendition straight from the file (JPEG and WebP shrink while decoding), rotated
    // upright and in sRGB; decoded to memory here, so a file cut short fails now. The narrower
    // ones are made from it.
    VipsImage* widest_lazy = nullptr;
    if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &widest_lazy, widths.back(), "height",
                              VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "option_string", "fail_on=truncated", nullptr) != 0)
        return failure(ImageError::undecodable, "The image data cannot be decoded (damaged or cut short).");
    const ImagePtr widest_owner(widest_lazy);
    const ImagePtr widest(vips_image_copy_memory(widest_lazy));
    if (!widest) return failure(ImageError::undecodable, "The image data cannot be decoded (damaged or cut short).");
    strip_metadata(widest.get());

    for (const int width : widths) {
        ImagePtr scaled;
        VipsImage* source = widest.get();
        if (width != widths.back()) {
            VipsImage* out = nullptr;
            if (vips_thumbnail_image(widest.get(), &out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, nullptr) != 0)
                return failure(ImageError::undecodable, "The image cannot be resized.");
            scaled.reset(out);
            source = out;
        }
        auto webp = encode_webp(source);
        if (!webp) return failure(ImageError::undecodable, "The image cannot be encoded.");
        result.renditions.push_back({width, vips_image_get_height(source), std::move(*webp)});
    }
    return {std::move(result), ImageError::undecodable, {}};
}

std::string content_hash(std::string_view bytes) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex::encode(digest.data(), digest.size());
}

}  // namespace satstore::server::media
