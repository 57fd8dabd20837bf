// Uploads: images for return evidence and ticket screenshots. The type is sniffed from the
// bytes (PNG, JPEG, WebP); the client's Content-Type is ignored.
#include "core/media.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

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
    const auto type = satstore::media::sniff_image_type(bytes);
    if (!type)
        throw ApiError(415, ProblemCode::unsupported_media_type, "Unsupported file type",
                       "Upload a PNG, JPEG or WebP image (the type is read from the file itself).");
    const Upload upload{secrets::new_id("upl"), ctx.current_user().id, satstore::media::mime_type(*type), bytes, ctx.now_unix_s};
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
