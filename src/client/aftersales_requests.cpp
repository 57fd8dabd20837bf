// satstore client — after-sales requests (see aftersales_requests.hpp).
//
// Index: [SECTION] helpers · [SECTION] staff order console · [SECTION] staff returns ·
//        [SECTION] buyer returns · [SECTION] entry points
#include "aftersales_requests.hpp"

#include <algorithm>
#include <cstdio>

#include "api/client.hpp"
#include "app_requests.hpp"
#include "buying_requests.hpp"
#include "core/enum_json.hpp"
#include "core/fulfilment.hpp"
#include "i18n/strings.hpp"

namespace satstore::client {
namespace {

using nlohmann::json;

// --- [SECTION] helpers -------------------------------------------------------------------------

// The words for a failed action: the API's detail (English) or, in Chinese, a sentence per code.
std::string problem_words(const AppState& s, const platform::HttpReply& r, const api::Problem& p) {
    if (r.status == 0) return tr(s.lang, S::network_failed);
    if (r.status == 409) {
        if (p.is(api::ProblemCode::order_not_shippable)) return tr(s.lang, S::as_err_not_shippable);
        if (p.is(api::ProblemCode::order_not_cancellable)) return tr(s.lang, S::as_err_not_cancellable);
        if (p.is(api::ProblemCode::order_not_reshippable)) return tr(s.lang, S::as_err_not_reshippable);
        if (p.is(api::ProblemCode::not_returnable)) return tr(s.lang, S::as_err_not_returnable);
        if (p.is(api::ProblemCode::order_not_paid)) return tr(s.lang, S::as_err_not_paid);
        return tr(s.lang, S::as_err_state);
    }
    if (s.lang == Lang::en && !p.detail.empty()) return p.detail;
    return tr(s.lang, S::request_failed);
}

// Per-field errors of a 422 in the UI language (core and API messages are English).
std::map<std::string, std::string> field_words(const AppState& s, const api::Problem& p) {
    std::map<std::string, std::string> out;
    for (const auto& [field, msg] : p.errors) {
        if (s.lang == Lang::en) {
            out[field] = msg;
            continue;
        }
        if (field == "carrier") out[field] = tr(s.lang, S::as_err_carrier);
        else if (field == "tracking_number") out[field] = tr(s.lang, S::as_err_tracking);
        else if (field == "reason") out[field] = tr(s.lang, S::as_err_reason);
        else if (field == "amount") out[field] = tr(s.lang, S::as_err_amount);
        else out[field] = tr(s.lang, S::as_err_field);
    }
    return out;
}

// Folds "lines[0].qty"-style keys into "lines" (the forms show one error for the line list).
void fold_line_errors(std::map<std::string, std::string>& errors) {
    for (auto it = errors.begin(); it != errors.end();) {
        if (it->first.rfind("lines[", 0) == 0) {
            if (!errors.count("lines")) errors["lines"] = it->second;
            it = errors.erase(it);
        } else {
            ++it;
        }
    }
}

std::string carrier_code(int index) {
    const auto& all = carriers();
    return index >= 0 && index < static_cast<int>(all.size()) ? all[static_cast<std::size_t>(index)].code : std::string();
}

void reload_buyer_order(AppState& s, const std::string& order_id) {
    api::send(s, BuyRequest::order, "GET", "/orders/" + order_id);
}

// --- [SECTION] staff order console -------------------------------------------------------------

void request_staff_orders(AppState& s) {
    StaffOrdersState& st = s.after.staff;
    if (st.list_load != Load::ok) st.list_load = Load::loading;
    std::string path = "/staff/orders?limit=50";
    if (!st.filter.empty()) path += "&status=" + st.filter;
    api::send(s, AfterRequest::staff_orders, "GET", path);
}

void request_staff_order(AppState& s, const std::string& id) {
    StaffOrdersState& st = s.after.staff;
    if (!st.detail || st.detail->id != id) {
        st.detail.reset();
        st.detail_load = Load::loading;
        st.ship = {};
        st.reship = {};
        st.lost_open = false;
        st.refund_qty.clear();
        st.refund_amount.clear();
        st.refund_reason.clear();
        st.refund_errors.clear();
        st.cancel_dialog = false;
        st.error.clear();
    }
    api::send(s, AfterRequest::staff_order, "GET", "/staff/orders/" + id);
}

void apply_staff_orders(AppState& s, const platform::HttpReply& r) {
    StaffOrdersState& st = s.after.staff;
    const std::optional<json> j = r.status == 200 ? api::json_body(r) : std::nullopt;
    if (!j || !j->is_object() || !j->contains("items") || !(*j)["items"].is_array()) {
        st.list_load = Load::failed;
        return;
    }
    st.list.clear();
    for (const json& o : (*j)["items"])
        if (auto order = api::decode<Order>(o, "order")) st.list.push_back(std::move(*order));
    // Oldest paid orders first: they have waited longest to ship (the API lists newest first).
    if (st.filter == "paid") std::reverse(st.list.begin(), st.list.end());
    st.list_load = Load::ok;
}

void apply_staff_order(AppState& s, const platform::HttpReply& r) {
    StaffOrdersState& st = s.after.staff;
    std::optional<satstore::api::StaffOrder> answer =
        r.status == 200 ? api::ok_value<satstore::api::StaffOrder>(r, "staff order") : std::nullopt;
    if (!answer) {
        st.detail_load = Load::failed;
        return;
    }
    st.refundable = answer->refundable;
    st.refundable_units = std::move(answer->refundable_units);
    st.detail = std::move(answer->order);
    st.detail_load = Load::ok;
}

// The reply of a console action: the updated order (then reloaded for the refundable amounts), or
// a problem shown next to the form's fields / above it.
void apply_staff_action(AppState& s, AfterRequest kind, const platform::HttpReply& r) {
    StaffOrdersState& st = s.after.staff;
    ShipForm* form = kind == AfterRequest::staff_ship ? &st.ship : kind == AfterRequest::staff_reship ? &st.reship : nullptr;
    if (form) form->busy = false;
    st.cancel_busy = false;
    st.refund_busy = false;
    st.lost_busy = false;
    if (r.status == 200) {
        st.error.clear();
        st.refund_errors.clear();
        if (form) *form = {};
        if (kind == AfterRequest::staff_cancel) {
            st.cancel_dialog = false;
            st.cancel_reason.clear();
            show_toast(s, tr(s.lang, S::as_cancelled_toast));
        } else if (kind == AfterRequest::staff_ship) {
            show_toast(s, tr(s.lang, S::as_shipped_toast));
        } else if (kind == AfterRequest::staff_reship) {
            show_toast(s, tr(s.lang, S::as_reshipped_toast));
        } else {
            st.refund_qty.clear();
            st.refund_amount.clear();
            st.refund_reason.clear();
            show_toast(s, tr(s.lang, S::as_refunded_toast));
        }
        if (st.detail) request_staff_order(s, st.detail->id);
        return;
    }
    const api::Problem p = api::problem(r);
    if (r.status == 422 && !p.errors.empty()) {
        auto errors = field_words(s, p);
        fold_line_errors(errors);
        if (kind == AfterRequest::staff_cancel) {
            st.cancel_error = errors.count("reason") ? errors["reason"] : problem_words(s, r, p);
        } else if (form) {
            form->errors = errors;
        } else {
            st.refund_errors = errors;
            // Over-refund: the server names what can still be refunded.
            if (p.is(api::ProblemCode::over_refund) && st.detail && st.detail->payment) {
                if (const auto left = p.extra.refundable_minor) {
                    st.refundable = Money{*left, st.detail->payment->currency};
                    st.refund_errors["amount"] = trf(s.lang, S::as_over_refund_s, format_money(*st.refundable).c_str());
                }
            }
        }
        return;
    }
    if (r.status == 409 && form && p.is(api::ProblemCode::tracking_number_used)) {
        form->errors["tracking_number"] = tr(s.lang, S::as_err_tracking_used);
        return;
    }
    const std::string words = problem_words(s, r, p);
    if (kind == AfterRequest::staff_cancel) st.cancel_error = words;
    else st.error = words;
    if (r.status == 409 && st.detail) request_staff_order(s, st.detail->id);  // show the status that refused it
}

void staff_ship(AppState& s, AfterRequest kind) {
    StaffOrdersState& st = s.after.staff;
    if (!st.detail) return;
    ShipForm& f = kind == AfterRequest::staff_ship ? st.ship : st.reship;
    f.errors.clear();
    if (!is_valid_tracking_number(f.tracking_number)) f.errors["tracking_number"] = tr(s.lang, S::as_err_tracking);
    if (kind == AfterRequest::staff_reship && f.reason.empty()) f.errors["reason"] = tr(s.lang, S::as_err_reason);
    if (!f.errors.empty()) return;
    json body = {{"carrier", carrier_code(f.carrier)}, {"tracking_number", f.tracking_number}};
    if (kind == AfterRequest::staff_reship) body["reason"] = f.reason;
    f.busy = true;
    api::send(s, kind, "POST",
         "/staff/orders/" + st.detail->id + (kind == AfterRequest::staff_ship ? "/shipments" : "/reshipments"), body.dump());
}

void staff_refund(AppState& s) {
    StaffOrdersState& st = s.after.staff;
    if (!st.detail || !st.detail->payment) return;
    st.refund_errors.clear();
    json body = {{"reason", st.refund_reason}};
    if (st.refund_by_amount) {
        const auto minor = parse_major_amount(st.refund_amount, currency_decimals(st.detail->payment->currency));
        if (!minor) st.refund_errors["amount"] = tr(s.lang, S::as_err_amount);
        else body["amount"] = Money{*minor, st.detail->payment->currency};
    } else {
        json lines = json::array();
        for (const auto& [line, qty] : st.refund_qty)
            if (qty > 0) lines.push_back({{"line_id", line}, {"qty", qty}});
        if (lines.empty()) st.refund_errors["lines"] = tr(s.lang, S::as_err_pick_lines);
        body["lines"] = lines;
    }
    if (st.refund_reason.empty()) st.refund_errors["reason"] = tr(s.lang, S::as_err_reason);
    if (!st.refund_errors.empty()) return;
    st.refund_busy = true;
    api::send(s, AfterRequest::staff_refund, "POST", "/staff/orders/" + st.detail->id + "/refunds", body.dump());
}

// --- [SECTION] staff returns -------------------------------------------------------------------

void request_staff_returns(AppState& s) {
    StaffReturnsState& rs = s.after.returns;
    if (rs.list_load != Load::ok) rs.list_load = Load::loading;
    std::string path = "/staff/returns?limit=50";
    if (!rs.filter.empty()) path += "&status=" + rs.filter;
    api::send(s, AfterRequest::staff_returns, "GET", path);
}

void apply_staff_returns(AppState& s, const platform::HttpReply& r) {
    StaffReturnsState& rs = s.after.returns;
    const std::optional<json> j = r.status == 200 ? api::json_body(r) : std::nullopt;
    if (!j || !j->is_object() || !j->contains("items") || !(*j)["items"].is_array()) {
        rs.list_load = Load::failed;
        return;
    }
    rs.list.clear();
    for (const json& item : (*j)["items"]) {
        try {
            rs.list.push_back(item.get<ReturnRequest>());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "satstore: malformed return: %s\n", e.what());
        }
    }
    rs.list_load = Load::ok;
    // The orders, for line titles and order numbers.
    for (const ReturnRequest& ret : rs.list)
        if (!rs.orders.count(ret.order_id)) api::send(s, AfterRequest::staff_return_order, "GET", "/staff/orders/" + ret.order_id);
}

void apply_return_decision(AppState& s, const platform::HttpReply& r, const std::string& return_id) {
    StaffReturnsState& rs = s.after.returns;
    rs.busy.clear();
    if (r.status == 200) {
        rs.errors.erase(return_id);
        rs.rejecting.clear();
        rs.reject_reason.clear();
        try {
            const ReturnRequest updated = api::json_body(r).value_or(json()).get<ReturnRequest>();
            for (ReturnRequest& listed : rs.list)
                if (listed.id == updated.id) listed = updated;
            if (updated.status == ReturnStatus::approved)
                show_toast(s, trf(s.lang, S::as_rma_issued_s, updated.number.c_str()));
            else if (updated.status == ReturnStatus::refunded)
                show_toast(s, tr(s.lang, S::as_return_refunded_toast));
            else
                show_toast(s, tr(s.lang, S::as_return_updated_toast));
            rs.orders.erase(updated.order_id);  // refunds changed it
            api::send(s, AfterRequest::staff_return_order, "GET", "/staff/orders/" + updated.order_id);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "satstore: malformed return: %s\n", e.what());
            request_staff_returns(s);
        }
        return;
    }
    const api::Problem p = api::problem(r);
    if (r.status == 422 && !p.errors.empty()) rs.errors[return_id] = field_words(s, p).begin()->second;
    else rs.errors[return_id] = problem_words(s, r, p);
}

void return_decision(AppState& s, const std::string& id, const char* what, const json& body) {
    StaffReturnsState& rs = s.after.returns;
    if (!rs.busy.empty()) return;
    rs.busy = id;
    rs.errors.erase(id);
    api::send(s, AfterRequest::return_decision, "POST", "/staff/returns/" + id + "/" + what, body.dump(), {.key = id});
}

// --- [SECTION] buyer returns -------------------------------------------------------------------

void submit_return(AppState& s, const std::string& order_id) {
    BuyerReturnState& b = s.after.buyer;
    b.errors.clear();
    b.error.clear();
    json lines = json::array();
    for (const auto& [line, qty] : b.qty)
        if (qty > 0) lines.push_back({{"line_id", line}, {"qty", qty}});
    if (lines.empty()) b.errors["lines"] = tr(s.lang, S::as_err_pick_lines);
    if (b.reason.empty()) b.errors["reason"] = tr(s.lang, S::as_err_reason);
    if (b.evidence.uploading()) b.errors["evidence"] = tr(s.lang, S::as_err_uploading);
    if (!b.errors.empty()) return;
    const json body = {{"lines", lines}, {"reason", b.reason}, {"evidence", b.evidence.upload_ids()}};
    b.busy = true;
    api::send(s, AfterRequest::buyer_return, "POST", "/orders/" + order_id + "/returns", body.dump(), {.key = order_id});
}

void apply_buyer_return(AppState& s, const platform::HttpReply& r, const std::string& order_id) {
    BuyerReturnState& b = s.after.buyer;
    b.busy = false;
    if (r.status == 201 || r.status == 200) {
        b = BuyerReturnState{};
        show_toast(s, tr(s.lang, S::as_return_requested_toast));
        reload_buyer_order(s, order_id);
        platform::set_location_hash("/orders/" + order_id);
        return;
    }
    const api::Problem p = api::problem(r);
    if (r.status == 422 && !p.errors.empty()) {
        b.errors = field_words(s, p);
        fold_line_errors(b.errors);
        return;
    }
    b.error = problem_words(s, r, p);
}

void ship_return(AppState& s, const std::string& return_id) {
    ShipForm& f = s.after.buyer.ship[return_id];
    f.errors.clear();
    if (!is_valid_tracking_number(f.tracking_number)) f.errors["tracking_number"] = tr(s.lang, S::as_err_tracking);
    if (!f.errors.empty()) return;
    f.busy = true;
    const json body = {{"carrier", carrier_code(f.carrier)}, {"tracking_number", f.tracking_number}};
    api::send(s, AfterRequest::buyer_return_ship, "POST", "/returns/" + return_id + "/shipment", body.dump(), {.key = return_id});
}

void apply_return_ship(AppState& s, const platform::HttpReply& r, const std::string& return_id) {
    ShipForm& f = s.after.buyer.ship[return_id];
    f.busy = false;
    if (r.status == 200) {
        s.after.buyer.ship.erase(return_id);
        show_toast(s, tr(s.lang, S::as_return_shipped_toast));
        if (s.buy.orders.detail) reload_buyer_order(s, s.buy.orders.detail->id);
        return;
    }
    const api::Problem p = api::problem(r);
    if (r.status == 422 && !p.errors.empty()) f.errors = field_words(s, p);
    else f.errors["tracking_number"] = problem_words(s, r, p);
}

}  // namespace

// --- [SECTION] entry points ----------------------------------------------------------------------

void process_aftersales(AppState& s) {
    constexpr double kPollMs = 4000;
    const auto& d = s.buy.orders.detail;
    const bool waiting =
        s.route.route == Route::order && d && d->id == s.route.order_id && !s.session_token.empty() &&
        (d->status == OrderStatus::shipped ||
         std::any_of(d->returns.begin(), d->returns.end(), [](const ReturnRequest& r) {
             return r.status == ReturnStatus::requested || r.status == ReturnStatus::in_transit || r.status == ReturnStatus::received;
         }));
    if (!waiting) {
        s.after.tracking_poll_at_ms = 0;
        return;
    }
    // One timer per deadline: frames drawn in between (input, replies) schedule nothing.
    if (s.after.tracking_poll_at_ms == 0) {
        s.after.tracking_poll_at_ms = s.now_ms + kPollMs;
        platform::request_frame_after(kPollMs + 1);
    } else if (s.now_ms >= s.after.tracking_poll_at_ms) {
        if (!api::in_flight(s, BuyRequest::order))
            reload_buyer_order(s, d->id);
        s.after.tracking_poll_at_ms = s.now_ms + kPollMs;
        platform::request_frame_after(kPollMs + 1);
    }
}

void enter_aftersales_route(AppState& s) {
    if (s.session_token.empty()) return;
    switch (s.route.route) {
        case Route::staff_orders: request_staff_orders(s); break;
        case Route::staff_order: request_staff_order(s, s.route.order_id); break;
        case Route::staff_returns: request_staff_returns(s); break;
        case Route::order_return:
            if (s.after.buyer.order_id != s.route.order_id) {
                s.after.buyer = BuyerReturnState{};
                s.after.buyer.order_id = s.route.order_id;
            }
            api::send(s, BuyRequest::order, "GET", "/orders/" + s.route.order_id);
            break;
        default: break;
    }
}

void perform_aftersales(AppState& s, const Intent& in) {
    StaffOrdersState& st = s.after.staff;
    switch (static_cast<AfterAction>(in.number)) {
        case AfterAction::staff_filter:
            st.filter = in.text;
            st.list_load = Load::idle;
            request_staff_orders(s);
            break;
        case AfterAction::staff_reload: enter_aftersales_route(s); break;
        case AfterAction::staff_ship: staff_ship(s, AfterRequest::staff_ship); break;
        case AfterAction::staff_open_cancel:
            st.cancel_dialog = true;
            st.cancel_error.clear();
            break;
        case AfterAction::staff_close_cancel: st.cancel_dialog = false; break;
        case AfterAction::staff_cancel:
            if (!st.detail || st.cancel_busy) break;
            if (st.cancel_reason.empty()) {
                st.cancel_error = tr(s.lang, S::as_err_reason);
                break;
            }
            st.cancel_busy = true;
            api::send(s, AfterRequest::staff_cancel, "POST", "/staff/orders/" + st.detail->id + "/cancel",
                 json{{"reason", st.cancel_reason}}.dump());
            break;
        case AfterAction::staff_refund: staff_refund(s); break;
        case AfterAction::staff_reship: staff_ship(s, AfterRequest::staff_reship); break;
        case AfterAction::staff_refund_lost:
            if (!st.detail || !st.refundable || st.refundable->amount_minor <= 0 || st.lost_busy) break;
            st.lost_busy = true;
            api::send(s, AfterRequest::staff_refund_lost, "POST", "/staff/orders/" + st.detail->id + "/refunds",
                 json{{"amount", *st.refundable}, {"reason", st.reship.reason.empty() ? "Lost package" : st.reship.reason}}.dump());
            break;
        case AfterAction::returns_filter:
            s.after.returns.filter = in.text;
            s.after.returns.list_load = Load::idle;
            request_staff_returns(s);
            break;
        case AfterAction::return_approve: return_decision(s, in.text, "approve", json::object()); break;
        case AfterAction::return_open_reject:
            s.after.returns.rejecting = in.text;
            s.after.returns.reject_reason.clear();
            break;
        case AfterAction::return_reject:
            if (s.after.returns.reject_reason.empty()) {
                s.after.returns.errors[in.text] = tr(s.lang, S::as_err_reason);
                break;
            }
            return_decision(s, in.text, "reject", json{{"reason", s.after.returns.reject_reason}});
            break;
        case AfterAction::return_receive: return_decision(s, in.text, "receive", json::object()); break;
        case AfterAction::buyer_submit_return: submit_return(s, in.text); break;
        case AfterAction::buyer_ship_return: ship_return(s, in.text); break;
    }
}

void handle_aftersales_reply(AppState& s, AfterRequest kind, const std::string& key, const platform::HttpReply& r) {
    switch (kind) {
        case AfterRequest::staff_orders: apply_staff_orders(s, r); break;
        case AfterRequest::staff_order: apply_staff_order(s, r); break;
        case AfterRequest::staff_ship:
        case AfterRequest::staff_cancel:
        case AfterRequest::staff_refund:
        case AfterRequest::staff_reship:
        case AfterRequest::staff_refund_lost: apply_staff_action(s, kind, r); break;
        case AfterRequest::staff_returns: apply_staff_returns(s, r); break;
        case AfterRequest::staff_return_order:
            if (r.status == 200)
                if (auto o = api::ok_value<Order>(r, "order")) s.after.returns.orders[o->id] = std::move(*o);
            break;
        case AfterRequest::return_decision: apply_return_decision(s, r, key); break;
        case AfterRequest::buyer_return: apply_buyer_return(s, r, key); break;
        case AfterRequest::buyer_return_ship: apply_return_ship(s, r, key); break;
    }
}

}  // namespace satstore::client
