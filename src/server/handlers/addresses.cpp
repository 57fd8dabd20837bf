// Saved shipping addresses of the logged-in buyer.
#include "core/address.hpp"
#include "core/api/bodies.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr std::size_t kMaxSavedAddresses = 20;

api::SavedAddress wire(const SavedAddress& a) { return {a.id, a.address}; }

}  // namespace

Response list_addresses(Context& ctx) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : ctx.store.addresses(ctx.current_user().id)) items.push_back(wire(a));
    return json_response(200, {{"items", items}});
}

Response create_address(Context& ctx) {
    const Address address = ctx.json_body().get<Address>();
    if (auto errors = validate_address(address, ""); !errors.empty()) throw validation_error(std::move(errors));
    const auto& user = ctx.current_user();
    const auto existing = ctx.store.addresses(user.id);
    for (const auto& a : existing)
        if (a.address == address) return json_response(200, wire(a));  // already saved
    if (existing.size() >= kMaxSavedAddresses)
        throw ApiError(409, ProblemCode::too_many_addresses, "Too many saved addresses", "Delete an address before saving another.");
    const SavedAddress saved{secrets::new_id("adr"), address, ctx.now_unix_s};
    ctx.store.save_address(user.id, saved);
    return json_response(201, wire(saved));
}

Response delete_address(Context& ctx) {
    if (!ctx.store.delete_address(ctx.current_user().id, ctx.request.params.at("id")))
        throw not_found("No saved address of yours has this id.");
    return empty_response(204);
}

}  // namespace satstore::server::handlers
