// Uploads: images for return evidence and ticket screenshots. The type is sniffed from the
// bytes (PNG, JPEG, WebP); the client's Content-Type is ignored.
#include "server/auth/secrets.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

std::optional<std::string> sniff_image(const std::string& b) {
    auto starts = [&](std::string_view magic, std::size_t at = 0) { return b.size() >= at + magic.size() && b.compare(at, magic.size(), magic) == 0; };
    if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
    if (starts("\xFF\xD8\xFF")) return "image/jpeg";
    if (starts("RIFF") && starts("WEBP", 8)) return "image/webp";
    return std::nullopt;
}

bool is_staff(const User& u) {
    return has_role(u.roles, Role::merchant) || has_role(u.roles, Role::agent);
}

}  // namespace

Response create_upload(Context& ctx) {
    const std::string& bytes = ctx.request.body;
    const auto mime = sniff_image(bytes);
    if (!mime)
        throw ApiError(415, "unsupported_media_type", "Unsupported file type",
                       "Upload a PNG, JPEG or WebP image (the type is read from the file itself).");
    const Upload upload{secrets::new_id("upl"), ctx.current_user().id, *mime, bytes, ctx.now_unix_s};
    ctx.store.save_upload(upload);
    return json_response(201, {{"id", upload.id}, {"type", upload.mime}, {"size", bytes.size()}});
}

Response get_upload(Context& ctx) {
    const auto upload = ctx.store.upload(ctx.request.params.at("id"));
    const User& user = ctx.current_user();
    if (!upload || (upload->user_id != user.id && !is_staff(user))) throw not_found("No upload of yours has this id.");
    Response r;
    r.header("Content-Type", upload->mime).header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, max-age=3600").header("Content-Security-Policy", "default-src 'none'");
    r.body = upload->data;
    return r;
}

}  // namespace satstore::server::handlers
