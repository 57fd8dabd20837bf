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

// Whether `user`, who does not own an upload, may read it through what it is attached to (`uses`):
// the buyer of the ticket or order, agents for ticket attachments, merchants for return evidence;
// admins hold both roles' rights. An upload attached to nothing is its owner's alone.
bool others_may_read(const User& user, const std::vector<UploadUse>& uses) {
    const bool admin = has_role(user.roles, Role::admin);
    for (const UploadUse& use : uses) {
        if (use.owner_id == user.id || admin) return true;
        const Role staff = use.kind == UploadUse::Kind::ticket ? Role::agent : Role::merchant;
        if (has_role(user.roles, staff)) return true;
    }
    return false;
}

}  // namespace

Response create_upload(Context& ctx) {
    const std::string& bytes = ctx.request.body;
    const auto mime = sniff_image(bytes);
    if (!mime)
        throw ApiError(415, ProblemCode::unsupported_media_type, "Unsupported file type",
                       "Upload a PNG, JPEG or WebP image (the type is read from the file itself).");
    const Upload upload{secrets::new_id("upl"), ctx.current_user().id, *mime, bytes, ctx.now_unix_s};
    ctx.store.save_upload(upload);
    return json_response(201, {{"id", upload.id}, {"type", upload.mime}, {"size", bytes.size()}});
}

Response get_upload(Context& ctx) {
    const auto upload = ctx.store.upload(ctx.request.params.at("id"));
    const User& user = ctx.current_user();
    if (!upload || (upload->user_id != user.id && !others_may_read(user, ctx.store.upload_uses(upload->id))))
        throw not_found("No upload you may see has this id.");
    Response r;
    r.header("Content-Type", upload->mime).header("Content-Security-Policy", "default-src 'none'");
    r.body = upload->data;
    return r;
}

}  // namespace satstore::server::handlers
