// Product images (issue 20): staff upload PNG/JPEG/WebP files; libvips makes WebP renditions at
// the widths of core/media.hpp, stored under the SHA-256 of the original; anyone loads them at
// content-hash URLs that never change, so browsers and proxies keep them for a year.
//
//   POST /api/v1/staff/images   raw image body → 201 (200 for bytes stored already)
//     {"id": "/media/<hash>-<widest>.webp", "width", "height", "renditions": [{"width", "url"}]}
//   GET /media/<hash>-<width>.webp → image/webp, immutable, ETag "<hash>-<width>"
#include <chrono>

#include "core/media.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"
#include "server/media/images.hpp"
#include "server/media/rendition_cache.hpp"

namespace satstore::server::handlers {
namespace {

namespace core = satstore::media;

nlohmann::json image_answer(const MediaImage& image) {
    nlohmann::json renditions = nlohmann::json::array();
    for (const int width : core::rendition_widths(image.width))
        renditions.push_back({{"width", width}, {"url", core::rendition_url(image.hash, width)}});
    return {{"id", core::media_ref(image.hash, image.widest)},
            {"width", image.width},
            {"height", image.height},
            {"renditions", std::move(renditions)}};
}

}  // namespace

Response upload_image(Context& ctx) {
    const std::string& bytes = ctx.request.body;
    const auto type = core::sniff_image_type(bytes);
    if (!type)
        throw ApiError(415, ProblemCode::unsupported_media_type, "Unsupported file type",
                       "Upload a PNG, JPEG or WebP image (the type is read from the file itself).");
    const std::string hash = server::media::content_hash(bytes);
    // The same bytes again: the stored answer, without decoding anything.
    if (const auto stored = ctx.store.media_image(hash)) return json_response(200, image_answer(*stored));

    const auto processed = server::media::process_image(bytes, *type);
    if (!processed.image) {
        if (processed.error == server::media::ImageError::too_many_pixels)
            throw ApiError(422, ProblemCode::image_too_many_pixels, "The image has too many pixels", processed.detail);
        throw ApiError(422, ProblemCode::image_undecodable, "The image cannot be read", processed.detail);
    }
    const User& user = ctx.current_user();
    NewMedia media;
    media.image = {hash,
                   core::mime_type(*type),
                   processed.image->width,
                   processed.image->height,
                   processed.image->renditions.back().width,
                   static_cast<std::int64_t>(bytes.size()),
                   user.id,
                   ctx.now_unix_s};
    media.original = bytes;
    for (const auto& r : processed.image->renditions) media.renditions.push_back({r.width, r.height, r.webp});
    media.actor_email = user.email;
    // Stored meanwhile by another request with the same bytes: the same image, so its answer.
    const bool created = ctx.store.save_media(media);
    return json_response(created ? 201 : 200, image_answer(media.image));
}

Response get_media(Context& ctx) {
    const auto file = core::parse_rendition_file(ctx.request.params.at("file"));
    if (!file) throw not_found("No image at " + ctx.request.path + ".");
    const auto& [hash, width] = *file;
    const std::string key = hash + "-" + std::to_string(width);
    const auto webp = server::media::rendition_cache::get_or_load(key, [&] { return ctx.store.media_rendition(hash, width); });
    if (!webp) throw not_found("No image at " + ctx.request.path + ".");
    // The URL names the content: the answer never changes, so the tag is the name.
    const std::string etag = "\"" + key + "\"";
    const auto if_none_match = ctx.request.header("if-none-match");
    Response r;
    if (!if_none_match.empty() && (if_none_match == etag || if_none_match == "W/" + etag || if_none_match == "*")) {
        r = empty_response(304);
    } else {
        r.header("Content-Type", "image/webp");
        r.body = *webp;
    }
    r.header("ETag", etag).header("Cache-Control", "public, max-age=31536000, immutable");
    return r;
}

}  // namespace satstore::server::handlers
