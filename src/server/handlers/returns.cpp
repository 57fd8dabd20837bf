// Returns (RMA): the buyer requests and ships back; staff approve, reject and receive, which
// refunds the returned lines to the paying wallet.
#include "core/enum_json.hpp"
#include "core/returns.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr std::size_t kMaxEvidence = 5;
constexpr std::size_t kMaxReasonBytes = 1000;

std::string text_of(const nlohmann::json& body, const char* key) {
    return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : "";
}

[[noreturn]] void refuse(const ReturnResult& r, const char* what) {
    if (r.outcome == ReturnOutcome::not_found) throw not_found("No return has this id.");
    throw ApiError(409, ProblemCode::return_not_allowed, "Not possible now", std::string("The return cannot be ") + what + " in its current state.");
}

Response advance(Context& ctx, ReturnEvent event, const char* what, const std::string& note = "",
                 const std::string& carrier = "", const std::string& tracking = "") {
    const auto r = ctx.store.advance_return(ctx.request.params.at("id"), event, note, carrier, tracking, ctx.now_unix_s);
    if (r.outcome != ReturnOutcome::done) refuse(r, what);
    return json_response(200, *r.ret);
}

}  // namespace

Response create_return(Context& ctx) {
    const auto order = ctx.store.order(ctx.request.params.at("id"));
    const User& user = ctx.current_user();
    if (!order || order->user_id != user.id) throw not_found("No order of yours has this id.");
    const auto body = ctx.json_body();
    FieldErrors errors;
    ReturnRequest ret{secrets::new_id("ret"), "", order->id, ReturnStatus::requested, {}, text_of(body, "reason"), {}, "", "", "",
                      ctx.now_unix_s, ctx.now_unix_s};
    const auto lines = body.find("lines");
    if (lines == body.end() || !lines->is_array() || lines->empty()) errors["lines"] = "Choose what to return.";
    else
        for (std::size_t i = 0; i < lines->size(); ++i) {
            const auto& l = (*lines)[i];
            const std::string key = "lines[" + std::to_string(i) + "]";
            const std::string id = l.is_object() ? text_of(l, "line_id") : "";
            const auto line = std::find_if(order->lines.begin(), order->lines.end(), [&](const OrderLine& x) { return x.id == id; });
            const bool qty_ok = l.is_object() && l.contains("qty") && l["qty"].is_number_integer() && l["qty"].get<std::int64_t>() > 0;
            if (line == order->lines.end()) errors[key + ".line_id"] = "Not a line of this order.";
            else if (!qty_ok || l["qty"].get<std::int64_t>() > line->qty) errors[key + ".qty"] = "From 1 to the quantity ordered.";
            else ret.lines.push_back({id, l["qty"].get<std::int64_t>()});
        }
    if (ret.reason.empty()) errors["reason"] = "Tell us what is wrong.";
    else if (ret.reason.size() > kMaxReasonBytes) errors["reason"] = "At most 1000 bytes.";
    if (const auto evidence = body.find("evidence"); evidence != body.end() && !evidence->is_null()) {
        if (!evidence->is_array() || evidence->size() > kMaxEvidence) errors["evidence"] = "Up to 5 photos.";
        else
            for (const auto& e : *evidence) {
                const auto upload = e.is_string() ? ctx.store.upload(e.get<std::string>()) : std::nullopt;
                if (!upload || upload->user_id != user.id) errors["evidence"] = "Unknown photo: upload it first.";
                else ret.evidence.push_back(upload->id);
            }
    }
    if (!errors.empty()) throw validation_error(std::move(errors));
    if (order->status == OrderStatus::delivered || order->status == OrderStatus::completed) {
        if (order->delivered_at_unix_s && ctx.now_unix_s - order->delivered_at_unix_s > kReturnWindowS)
            throw ApiError(409, ProblemCode::not_returnable, "Return window closed", "Returns are possible for 30 days after delivery.");
    }
    const auto r = ctx.store.create_return(ret);
    if (r.outcome == ReturnOutcome::not_allowed)
        throw ApiError(409, ProblemCode::not_returnable, "Not returnable yet",
                       "Returns are possible once the order is delivered. For a parcel that never arrived, contact support.");
    if (r.outcome == ReturnOutcome::too_many_units)
        throw ApiError(409, ProblemCode::not_returnable, "Already returned", "These units are already in another return.");
    return json_response(201, *r.ret);
}

Response ship_return(Context& ctx) {
    const auto ret = ctx.store.return_by_id(ctx.request.params.at("id"));
    const auto order = ret ? ctx.store.order(ret->order_id) : std::nullopt;
    if (!order || order->user_id != ctx.current_user().id) throw not_found("No return of yours has this id.");
    const auto body = ctx.json_body();
    FieldErrors errors;
    const std::string carrier = text_of(body, "carrier"), number = text_of(body, "tracking_number");
    if (!find_carrier(carrier)) errors["carrier"] = "Choose a carrier.";
    if (!is_valid_tracking_number(number)) errors["tracking_number"] = "6–40 letters, digits or dashes.";
    if (!errors.empty()) throw validation_error(std::move(errors));
    return advance(ctx, ReturnEvent::ship_back, "shipped back (it must be approved first)", "", carrier, number);
}

Response staff_list_returns(Context& ctx) {
    std::optional<ReturnStatus> status;
    if (const auto s = query_param(ctx, "status"); !s.empty()) {
        status = parse_enum<ReturnStatus>(s);
        if (!status) throw validation_error({{"status", "Unknown return status."}});
    }
    return json_response(200, {{"items", ctx.store.returns_with_status(status, parse_page_limit(ctx, 50))}});
}

Response staff_approve_return(Context& ctx) { return advance(ctx, ReturnEvent::approve, "approved"); }

Response staff_reject_return(Context& ctx) {
    const auto body = ctx.json_body();
    const std::string reason = text_of(body, "reason");
    if (reason.empty() || reason.size() > kMaxReasonBytes) throw validation_error({{"reason", "Tell the buyer why (at most 1000 bytes)."}});
    return advance(ctx, ReturnEvent::reject, "rejected", reason);
}

Response staff_receive_return(Context& ctx) { return advance(ctx, ReturnEvent::receive, "received"); }

}  // namespace satstore::server::handlers
