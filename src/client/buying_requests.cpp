// satstore client — checkout, payment and orders requests (see buying_requests.hpp).
//
// Index: [SECTION] helpers · [SECTION] preview and checkout · [SECTION] payment ·
//        [SECTION] orders · [SECTION] entry points
#include "buying_requests.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "api/client.hpp"
#include "app_requests.hpp"
#include "core/authorization.hpp"
#include "core/enum_json.hpp"
#include "core/hex.hpp"
#include "core/payment.hpp"
#include "i18n/strings.hpp"
#include "platform/web_extra.hpp"
#include "view_helpers.hpp"
#include "wallet/vault.hpp"

namespace satstore::client {
namespace {

using nlohmann::json;

constexpr int kOrdersPage = 50;  // My Orders loads this many at a time, more as the list scrolls

// --- [SECTION] helpers -------------------------------------------------------------------------

void navigate(const std::string& fragment) { platform::set_location_hash(fragment); }

// Keeps the wallet detour in step with what the server says of its order: the latest quote while
// it awaits payment; no detour once it is paid or cancelled.
void note_detour(AppState& s, const Order& order) {
    PayDetour& d = s.buy.detour;
    if (d.order_id.empty() || d.order_id != order.id) return;
    if (order.status != OrderStatus::pending_payment || !order.quote) {
        d = PayDetour{};
        return;
    }
    d.number = order.number;
    d.total = Money{order.totals.total_minor, order.fiat};
    d.due = Money{order.quote->amount, order.quote->currency};
    d.expires_at_unix_s = order.quote->expires_at_unix_s;
}

// --- [SECTION] preview and checkout ------------------------------------------------------------

json order_body(const AppState& s, bool for_preview) {
    const CheckoutState& c = s.buy.checkout;
    OrderRequest req;
    for (const CartLine& l : s.cart) req.lines.push_back({l.product_id, l.variant_id, l.qty});
    req.ship_to = c.address;
    req.coupon = c.coupon;
    req.pay_currency = c.pay_currency;
    req.lang = s.lang;
    // Points that are not a whole number in range are not sent: the points field says why and
    // checkout waits (points_error_text in screens/buy_common.cpp).
    if (const auto pts = parse_points_text(c.points_input); pts && *pts > 0) req.use_points = *pts;
    // The cart prices before an address is typed: shipping does not depend on it.
    return to_request_json(req, for_preview && !validate_address(c.address).empty());
}

void request_preview(AppState& s, bool force) {
    CheckoutState& c = s.buy.checkout;
    if (s.cart.empty()) {
        c.preview = {};
        c.preview_sent.clear();
        c.preview_load = BuyLoad::idle;
        return;
    }
    const std::string body = order_body(s, true).dump();
    if (!force && body == c.preview_sent && c.preview_load != BuyLoad::failed) return;
    c.preview_sent = body;
    c.preview_load = BuyLoad::loading;
    api::send(s, BuyRequest::preview, "POST", "/orders/preview", body);
}

void apply_preview(AppState& s, const platform::HttpReply& r) {
    CheckoutState& c = s.buy.checkout;
    std::optional<Preview> preview = r.status == 200 ? api::ok_value<Preview>(r, "preview") : std::nullopt;
    if (!preview) {
        c.preview_load = BuyLoad::failed;
        return;
    }
    c.preview = std::move(*preview);
    c.preview_load = BuyLoad::ok;
    // A refused coupon leaves the request (the next preview prices without it); its reason stays
    // with the coupon field until the buyer edits it.
    for (const PreviewProblem& p : c.preview.problems) {
        if (p.field != "coupon" || c.coupon.empty()) continue;
        c.coupon_refused = c.coupon;
        c.coupon_refused_reason = p.reason.value_or("coupon_unknown");
        c.coupon.clear();
    }
}

void apply_saved_addresses(AppState& s, const platform::HttpReply& r) {
    CheckoutState& c = s.buy.checkout;
    std::optional<std::vector<SavedAddress>> saved = api::ok_items<SavedAddress>(r, "addresses");
    if (!saved) {
        c.saved_load = BuyLoad::failed;
        return;
    }
    c.saved = std::move(*saved);
    c.saved_load = BuyLoad::ok;
    // A returning buyer starts from their latest address (still to be confirmed).
    if (!c.saved.empty() && c.address == Address{} && !c.address_confirmed) c.address = c.saved.front().address;
}

void confirm_address(AppState& s) {
    CheckoutState& c = s.buy.checkout;
    c.address_errors = validate_address(c.address);
    c.focus_first_error = !c.address_errors.empty();
    if (!c.address_errors.empty()) return;
    c.address_confirmed = true;
    c.error.clear();
    api::send(s, BuyRequest::save_address, "POST", "/me/addresses", json(c.address).dump());
    request_preview(s, false);
}

void apply_save_address(AppState& s, const platform::HttpReply& r) {
    if (r.status == 200 || r.status == 201) {
        if (std::optional<SavedAddress> a = api::ok_value<SavedAddress>(r, "address")) {
            auto& saved = s.buy.checkout.saved;
            if (std::none_of(saved.begin(), saved.end(), [&](const SavedAddress& x) { return x.id == a->id; }))
                saved.insert(saved.begin(), std::move(*a));
        }
        return;
    }
    if (r.status == 422) {  // the server's rules disagree with ours: show its words per field
        CheckoutState& c = s.buy.checkout;
        for (const auto& [field, msg] : api::problem(r).errors) c.address_errors["ship_to." + field] = msg;
        c.address_confirmed = false;
        c.focus_first_error = true;
    }
    // Saving is a convenience: other failures leave the confirmed address in place.
}

void place_order(AppState& s) {
    CheckoutState& c = s.buy.checkout;
    if (!c.address_confirmed || s.cart.empty() || c.placing) return;
    const std::string body = order_body(s, false).dump();
    // One key per attempt: a retry after a network failure sends the same body with the same key
    // (the server replays the order); a changed order is a new attempt.
    if (c.idempotency_key.empty() || c.idempotency_body != body) {
        c.idempotency_key = buying::random_hex(16);
        c.idempotency_body = body;
    }
    c.placing = true;
    c.error.clear();
    api::send(s, BuyRequest::place_order, "POST", "/orders", body, {.idempotency_key = c.idempotency_key});
}

void apply_place_order(AppState& s, const platform::HttpReply& r) {
    CheckoutState& c = s.buy.checkout;
    c.placing = false;
    if (r.status == 201 || r.status == 200) {
        std::optional<Order> order = api::ok_value<Order>(r, "order");
        if (!order) {
            c.error = tr(s.lang, S::request_failed);
            return;
        }
        s.cart.clear();
        save_cart(s);
        c.idempotency_key.clear();
        c.idempotency_body.clear();
        c.address_confirmed = false;
        c.coupon.clear();
        c.coupon_input.clear();
        c.coupon_refused.clear();
        c.coupon_refused_reason.clear();
        c.points_input.clear();
        c.qty_text.clear();
        c.preview = {};
        c.preview_sent.clear();
        s.buy.payment = PaymentState{};
        s.buy.orders.list_load = BuyLoad::idle;  // the list is stale now
        s.buy.orders.detail = std::move(order);
        s.buy.orders.detail_load = BuyLoad::ok;
        navigate("/orders/" + s.buy.orders.detail->id + "/placed");  // the confirmation, then Pay now
        return;
    }
    if (r.status == 0) {
        c.error = tr(s.lang, S::order_network_failed);
        return;
    }
    const api::Problem p = api::problem(r);
    if (p.is(api::ProblemCode::out_of_stock)) {
        c.error = tr(s.lang, S::out_of_stock_error);
        request_preview(s, true);  // problems appear next to the lines
        return;
    }
    bool address_error = false;
    for (const auto& [field, msg] : p.errors) {
        if (field.rfind("ship_to", 0) == 0) {
            c.address_errors[field] = msg;
            address_error = true;
        }
    }
    if (address_error) {
        c.address_confirmed = false;
        c.focus_first_error = true;
        c.error = tr(s.lang, S::fix_address);
    } else if (p.is(api::ProblemCode::invalid_coupon) || p.errors.count("coupon") != 0) {
        // Refused since the cart was priced (used in another tab, expired): back to the cart's
        // coupon field, and the review re-prices without it.
        c.coupon_refused = c.coupon;
        c.coupon_refused_reason.clear();  // the answer names no reason: "cannot be used"
        c.coupon.clear();
        c.error = tr(s.lang, S::problem_coupon);  // in the UI language; the cart's field says more
    } else {
        c.error = p.detail.empty() ? tr(s.lang, S::request_failed) : p.detail;
    }
}

// --- [SECTION] payment -------------------------------------------------------------------------

void request_order(AppState& s, const std::string& id) {
    OrdersState& o = s.buy.orders;
    if (!o.detail || o.detail->id != id) {
        o.detail.reset();
        o.detail_load = BuyLoad::loading;
    }
    api::send(s, BuyRequest::order, "GET", "/orders/" + id);
}

void apply_order(AppState& s, const platform::HttpReply& r) {
    OrdersState& o = s.buy.orders;
    o.action_busy = false;
    std::optional<Order> order = r.status == 200 ? api::ok_value<Order>(r, "order") : std::nullopt;
    if (!order) {
        o.detail_load = BuyLoad::failed;
        return;
    }
    o.detail = std::move(order);
    o.detail_load = BuyLoad::ok;
    // Keep the list in step with what the detail shows.
    for (Order& listed : o.list) {
        if (listed.id == o.detail->id) listed = *o.detail;
    }
    // Back from the wallet detour: a rate lock that ran out meanwhile is renewed at once (the
    // order as loaded here, so a renewal is never overtaken by this older answer).
    const bool returning = s.buy.detour.returning && s.buy.detour.order_id == o.detail->id;
    note_detour(s, *o.detail);
    if (returning) {
        s.buy.detour.returning = false;
        const Order& d = *o.detail;
        if (d.status == OrderStatus::pending_payment && d.quote && d.quote->expires_at_unix_s <= unix_now_s() &&
            !s.buy.payment.renewing) {
            s.buy.payment.renewing = true;
            s.buy.orders.action_busy = true;
            api::send(s, BuyRequest::renew_quote, "POST", "/orders/" + d.id + "/quote", "{}");
        }
    }
}

// Signs the order as fetched from the server (never as the client priced it) with the key from
// the vault. Sets the field error and signs nothing when the password is wrong.
void sign_and_pay(AppState& s) {
    PaymentState& p = s.buy.payment;
    const std::optional<Order>& order = s.buy.orders.detail;
    p.busy = false;
    if (!order || order->id != p.order_id || !order->quote) return;
    std::string error;
    std::optional<payment::Bytes32> opened = buying::open_vault(s, p.password, error);
    if (!opened) {
        p.password.clear();
        p.password_error = error;
        return;
    }
    payment::Bytes32 key = *opened;
    wallet::wipe(*opened);
    const std::optional<std::string> payer = payment::xonly_pubkey_hex(key);
    const std::optional<Authorization> a = payer ? authorization_for(*order, *payer, buying::random_hex(16)) : std::nullopt;
    payment::Bytes32 aux{};
    wallet::random_bytes(aux.data(), aux.size());
    const std::optional<std::string> sig = a ? sign_authorization(*a, key, aux) : std::nullopt;
    wallet::wipe(key);
    p.password.clear();
    if (!sig) {
        p.error = tr(s.lang, S::request_failed);
        return;
    }
    p.signed_body = json(satstore::api::PaymentRequest{*a, *sig}).dump();
    p.busy = true;
    api::send(s, BuyRequest::pay, "POST", "/orders/" + order->id + "/payments", p.signed_body);
}

void apply_pay(AppState& s, const platform::HttpReply& r) {
    PaymentState& p = s.buy.payment;
    p.busy = false;
    p.error.clear();
    p.failure = PayFailure::none;
    if (r.status == 201 || r.status == 200) {
        p.signed_body.clear();
        if (s.buy.detour.order_id == p.order_id) s.buy.detour = PayDetour{};
        show_toast(s, tr(s.lang, S::payment_done));
        platform::notify_host("order_paid", json{{"order_id", p.order_id}}.dump());
        navigate("/orders/" + p.order_id);  // the order page loads the paid order and the wallet once
        return;
    }
    if (r.status == 0) {  // keep signed_body: "Retry" resends the same authorization
        p.failure = PayFailure::network;
        p.error = tr(s.lang, S::pay_network_failed);
        return;
    }
    p.signed_body.clear();
    const api::Problem pr = api::problem(r);
    using api::ProblemCode;
    if (pr.is(ProblemCode::insufficient_balance)) {
        p.failure = PayFailure::insufficient_balance;
        p.balance = pr.extra.balance_minor.value_or(0);
        p.shortfall = pr.extra.shortfall_minor.value_or(0);
        p.error = tr(s.lang, S::insufficient_balance);
    } else if (pr.is(ProblemCode::quote_expired)) {
        p.failure = PayFailure::quote_expired;
        p.error = tr(s.lang, S::quote_expired);
    } else if (pr.is(ProblemCode::signature_invalid)) {
        p.failure = PayFailure::other;
        p.error = tr(s.lang, S::signature_invalid);
    } else if (pr.is(ProblemCode::payer_not_registered)) {
        p.failure = PayFailure::payer_not_registered;
        p.error = tr(s.lang, S::payer_not_registered);
    } else if (pr.is(ProblemCode::already_paid) || pr.is(ProblemCode::order_not_payable)) {
        p.failure = PayFailure::settled;
        p.error = tr(s.lang, S::already_paid);
        request_order(s, p.order_id);
    } else if (pr.is(ProblemCode::authorization_mismatch) || pr.is(ProblemCode::nonce_reused)) {
        p.failure = PayFailure::other;
        p.error = tr(s.lang, S::order_changed_pay_again);
        request_order(s, p.order_id);
    } else {
        p.failure = PayFailure::other;
        p.error = pr.detail.empty() ? tr(s.lang, S::request_failed) : pr.detail;
    }
}

// --- [SECTION] orders --------------------------------------------------------------------------

// One page of My Orders, newest first, of the chosen status; `cursor` continues a list.
void request_orders(AppState& s, const std::string& cursor) {
    OrdersState& o = s.buy.orders;
    std::string path = "/orders?limit=" + std::to_string(kOrdersPage);
    if (!o.filter.empty()) path += "&status=" + o.filter;
    if (!cursor.empty()) path += "&cursor=" + cursor;
    if (cursor.empty()) {
        if (o.list_load != BuyLoad::ok) o.list_load = BuyLoad::loading;
        api::send(s, BuyRequest::orders, "GET", path);
    } else {
        o.loading_more = true;
        api::send(s, BuyRequest::orders_more, "GET", path);
    }
}

void apply_orders(AppState& s, const platform::HttpReply& r, bool more) {
    OrdersState& o = s.buy.orders;
    if (more) o.loading_more = false;
    const std::optional<json> j = r.status == 200 ? api::json_body(r) : std::nullopt;
    if (!j || !j->is_object() || !j->contains("items") || !(*j)["items"].is_array()) {
        if (!more) o.list_load = BuyLoad::failed;
        return;
    }
    if (!more) o.list.clear();
    for (const json& item : (*j)["items"]) {
        if (std::optional<Order> order = api::decode<Order>(item, "order")) o.list.push_back(std::move(*order));
    }
    const json& next = (*j)["next_cursor"];
    o.next_cursor = next.is_string() ? next.get<std::string>() : "";
    o.list_load = BuyLoad::ok;
}

void apply_order_action(AppState& s, BuyRequest kind, const platform::HttpReply& r) {
    OrdersState& o = s.buy.orders;
    o.action_busy = false;
    o.cancel_dialog = false;
    o.receipt_dialog = false;
    if (r.status == 200) {
        if (std::optional<Order> order = api::ok_value<Order>(r, "order")) {
            o.detail = std::move(order);
            for (Order& listed : o.list) {
                if (listed.id == o.detail->id) listed = *o.detail;
            }
            note_detour(s, *o.detail);
        }
        if (kind == BuyRequest::cancel) show_toast(s, tr(s.lang, S::order_cancelled));
        else if (kind == BuyRequest::confirm_receipt) show_toast(s, tr(s.lang, S::receipt_confirmed));
        else if (kind == BuyRequest::renew_quote) {
            s.buy.payment.error.clear();
            s.buy.payment.failure = PayFailure::none;
            show_toast(s, tr(s.lang, S::new_quote_ready));
        }
        if (kind == BuyRequest::cancel) buying::request_wallet(s);
        return;
    }
    const api::Problem p = api::problem(r);
    show_toast(s, r.status == 0 ? tr(s.lang, S::network_failed)
                                : (p.detail.empty() ? tr(s.lang, S::request_failed) : p.detail), true);
    if (o.detail) request_order(s, o.detail->id);
}

void apply_reorder(AppState& s, const platform::HttpReply& r) {
    s.buy.orders.action_busy = false;
    const std::optional<satstore::api::Reorder> back = r.status == 200 ? api::ok_value<satstore::api::Reorder>(r, "reorder") : std::nullopt;
    if (!back) {
        show_toast(s, tr(s.lang, r.status == 0 ? S::network_failed : S::request_failed), true);
        return;
    }
    for (const auto& l : back->lines) {
        if (l.product_id.empty() || l.qty <= 0) continue;
        auto it = std::find_if(s.cart.begin(), s.cart.end(),
                               [&](const CartLine& c) { return c.product_id == l.product_id && c.variant_id == l.variant_id; });
        if (it == s.cart.end()) s.cart.push_back(CartLine{l.product_id, std::min<std::int64_t>(l.qty, 99), l.variant_id});
        else it->qty = std::min<std::int64_t>(99, it->qty + l.qty);
    }
    save_cart(s);
    const std::size_t missing = back->unavailable.size();
    show_toast(s, missing > 0 ? trf(s.lang, S::reorder_partial_d, static_cast<int>(missing)) : tr(s.lang, S::reorder_done));
    navigate("/cart");
}

void post_action(AppState& s, BuyRequest kind, const std::string& id, const char* suffix, const std::string& body = "{}") {
    s.buy.orders.action_busy = true;
    api::send(s, kind, "POST", "/orders/" + id + suffix, body);
}

}  // namespace

// --- [SECTION] entry points ------------------------------------------------------------------------

void enter_buying_route(AppState& s) {
    BuyingState& b = s.buy;
    b.wallet.backup_secret.clear();  // shown once: leaving the page hides it for good
    b.wallet.password.clear();
    b.wallet.password2.clear();
    b.wallet.current_password.clear();
    // The top bar shows the wallet balance on every buying page.
    if (!s.session_token.empty() && b.wallet.server_load == BuyLoad::idle && s.route.route != Route::wallet &&
        s.route.route != Route::order && s.route.route != Route::pay) {
        buying::request_wallet(s);
    }
    switch (s.route.route) {
        case Route::cart: request_preview(s, false); break;
        case Route::checkout:
            request_preview(s, false);
            if (!s.session_token.empty() && b.checkout.saved_load == BuyLoad::idle) {
                b.checkout.saved_load = BuyLoad::loading;
                api::send(s, BuyRequest::saved_addresses, "GET", "/me/addresses");
            }
            break;
        case Route::orders:
            if (!s.session_token.empty()) request_orders(s, "");
            break;
        case Route::pay:
            if (b.payment.order_id != s.route.order_id) b.payment = PaymentState{};
            b.payment.order_id = s.route.order_id;
            if (b.detour.order_id == s.route.order_id) {
                // Back from the wallet: what sent the buyer there (no wallet, not registered, too
                // little balance) is shown afresh from the wallet as it is now.
                b.detour.returning = true;
                if (b.payment.failure != PayFailure::network) {
                    b.payment.error.clear();
                    b.payment.failure = PayFailure::none;
                    b.payment.shortfall = 0;
                }
            }
            [[fallthrough]];
        case Route::order:
        case Route::order_placed:
            if (s.session_token.empty()) break;
            request_order(s, s.route.order_id);
            buying::request_wallet(s);
            break;
        case Route::wallet:
            if (!s.session_token.empty()) buying::request_wallet(s);
            break;
        default: break;
    }
}

void perform_buying(AppState& s, const Intent& in) {
    BuyingState& b = s.buy;
    const auto action = static_cast<BuyAction>(in.number);
    switch (action) {
        case BuyAction::refresh_preview: request_preview(s, true); break;
        case BuyAction::apply_coupon: {
            CheckoutState& c = b.checkout;
            const std::string code = normalize_coupon_code(c.coupon_input);
            c.coupon_refused.clear();
            c.coupon_refused_reason.clear();
            c.coupon.clear();
            if (!code.empty() && !valid_coupon_code(code)) {  // the API would refuse the whole request
                c.coupon_refused = code;
                c.coupon_refused_reason = "malformed";
            } else {
                c.coupon = code;
            }
            request_preview(s, false);
            break;
        }
        case BuyAction::start_checkout:
            if (s.session_token.empty()) b.return_to = "/checkout";
            navigate(s.session_token.empty() ? in.text : "/checkout");
            break;
        case BuyAction::pick_address: {
            const std::size_t i = static_cast<std::size_t>(std::atoi(in.text.c_str()));
            if (i < b.checkout.saved.size()) {
                b.checkout.address = b.checkout.saved[i].address;
                b.checkout.address_errors.clear();
                b.checkout.address_confirmed = false;
            }
            break;
        }
        case BuyAction::confirm_address: confirm_address(s); break;
        case BuyAction::edit_address: b.checkout.address_confirmed = false; break;
        case BuyAction::set_currency:
            if (auto c = parse_currency(in.text); c && !is_fiat(*c)) b.checkout.pay_currency = *c;
            request_preview(s, false);
            break;
        case BuyAction::place_order: place_order(s); break;
        case BuyAction::renew_quote:
            b.payment.renewing = true;
            post_action(s, BuyRequest::renew_quote, in.text, "/quote");
            break;
        case BuyAction::pay:
            if (b.payment.busy || b.payment.work_pending) break;
            b.payment.password_error.clear();
            b.payment.error.clear();
            b.payment.failure = PayFailure::none;
            if (b.payment.password.empty()) {
                b.payment.password_error = tr(s.lang, S::required_field);
                break;
            }
            b.payment.order_id = in.text;
            b.payment.busy = true;
            b.payment.work_pending = true;  // the spinner shows first; sign_and_pay runs next frame
            break;
        case BuyAction::retry_payment:
            if (b.payment.signed_body.empty() || b.payment.busy) break;
            b.payment.busy = true;
            b.payment.error.clear();
            b.payment.failure = PayFailure::none;
            api::send(s, BuyRequest::pay, "POST", "/orders/" + b.payment.order_id + "/payments", b.payment.signed_body);
            break;
        case BuyAction::copy_text:
            platform::copy_to_clipboard(in.text);
            show_toast(s, tr(s.lang, S::copied));
            break;
        case BuyAction::open_url:
            if (in.text.rfind("https://", 0) == 0) platform::open_url(in.text);
            break;
        case BuyAction::orders_filter:
            if (b.orders.filter == in.text) break;
            b.orders.filter = in.text;
            b.orders.list.clear();
            b.orders.list_load = BuyLoad::loading;
            request_orders(s, "");
            break;
        case BuyAction::orders_more:
            if (!b.orders.loading_more && !b.orders.next_cursor.empty()) request_orders(s, b.orders.next_cursor);
            break;
        case BuyAction::open_cancel: b.orders.cancel_dialog = true; break;
        case BuyAction::close_cancel: b.orders.cancel_dialog = false; break;
        case BuyAction::cancel_order:
            post_action(s, BuyRequest::cancel, in.text, "/cancel", json{{"reason", "Cancelled by the buyer"}}.dump());
            break;
        case BuyAction::open_receipt:
            b.orders.receipt_dialog = true;
            b.orders.receipt_before_delivery = in.text == "before_delivery";
            break;
        case BuyAction::close_receipt: b.orders.receipt_dialog = false; break;
        case BuyAction::confirm_receipt:
            // Before the carrier reports delivery the server completes the order only when told
            // the buyer has the parcel (the "I received it" dialog).
            post_action(s, BuyRequest::confirm_receipt, in.text, "/confirm-receipt",
                        b.orders.receipt_before_delivery ? json{{"before_delivery", true}}.dump() : "{}");
            break;
        case BuyAction::wallet_detour:
            b.detour = PayDetour{};
            b.detour.order_id = in.text;
            if (b.orders.detail) note_detour(s, *b.orders.detail);
            navigate("/wallet");
            break;
        case BuyAction::return_to_order:
            if (!b.detour.order_id.empty()) navigate("/orders/" + b.detour.order_id + "/pay");
            break;
        case BuyAction::reorder: post_action(s, BuyRequest::reorder, in.text, "/reorder"); break;
        default: buying::perform_wallet(s, action, in.text); break;
    }
}

void handle_buying_reply(AppState& s, BuyRequest kind, const platform::HttpReply& r) {
    switch (kind) {
        case BuyRequest::preview: apply_preview(s, r); break;
        case BuyRequest::saved_addresses: apply_saved_addresses(s, r); break;
        case BuyRequest::save_address: apply_save_address(s, r); break;
        case BuyRequest::place_order: apply_place_order(s, r); break;
        case BuyRequest::order: apply_order(s, r); break;
        case BuyRequest::orders: apply_orders(s, r, false); break;
        case BuyRequest::orders_more: apply_orders(s, r, true); break;
        case BuyRequest::pay: apply_pay(s, r); break;
        case BuyRequest::renew_quote:
            s.buy.payment.renewing = false;
            apply_order_action(s, kind, r);
            break;
        case BuyRequest::cancel:
        case BuyRequest::confirm_receipt: apply_order_action(s, kind, r); break;
        case BuyRequest::reorder: apply_reorder(s, r); break;
        case BuyRequest::wallet:
        case BuyRequest::ledger:
        case BuyRequest::put_wallet:
        case BuyRequest::top_up: buying::apply_wallet_reply(s, kind, r); break;
    }
}

void process_buying(AppState& s) {
    BuyingState& b = s.buy;
    if (b.payment.work_pending) {
        b.payment.work_pending = false;
        sign_and_pay(s);
        platform::request_frame();
    }
    buying::sync_vault(s);
    buying::run_wallet_work(s);
    // The cart changed (stepper, remove, add): re-price what the cart or checkout shows.
    if ((s.route.route == Route::cart || s.route.route == Route::checkout) && b.checkout.preview_load != BuyLoad::loading) {
        request_preview(s, false);
    }
    // A visible quote countdown ticks once a second.
    const bool quote_visible = (s.route.route == Route::pay || s.route.route == Route::order || s.route.route == Route::order_placed) &&
                               b.orders.detail &&
                               b.orders.detail->status == OrderStatus::pending_payment && b.orders.detail->quote;
    const bool detour_visible = s.route.route == Route::wallet && !b.detour.order_id.empty() &&
                                b.detour.expires_at_unix_s > unix_now_s();
    if (quote_visible || detour_visible) platform::request_frame_after(1000.0 - static_cast<double>(static_cast<long long>(s.now_ms) % 1000));
}

namespace buying {

std::string random_hex(std::size_t n) {
    std::vector<std::uint8_t> bytes(n);
    wallet::random_bytes(bytes.data(), n);
    return hex::encode(bytes.data(), n);
}

}  // namespace buying
}  // namespace satstore::client
