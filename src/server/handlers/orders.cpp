// Orders: preview, checkout with idempotency and stock reservation, listing, detail, quote
// renewal and buyer cancellation (SPEC §1 buying and cancelling, §3 money, §5 orders).
#include <algorithm>

#include "core/api/bodies.hpp"
#include "core/enum_json.hpp"
#include "core/order.hpp"
#include "server/auth/secrets.hpp"
#include "server/handlers/handlers.hpp"
#include "server/handlers/common.hpp"
#include "server/jobs.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr std::size_t kMaxReasonBytes = 500;

// A checkout request priced against the current catalog.
struct Priced {
    std::vector<OrderLine> lines;
    Totals totals;
    std::optional<Coupon> coupon;
    std::optional<Quote> quote;
    FieldErrors errors;          // problems that make the request invalid (422 on create)
    std::vector<api::PreviewProblem> problems;  // everything the buyer should know
    std::string out_of_stock_product;
    std::string out_of_stock_variant;
    std::int64_t out_of_stock_available = 0;
};

std::string coupon_message(const std::string& reason) {
    if (reason == "coupon_expired") return "This coupon has expired.";
    if (reason == "coupon_min_spend") return "Spend more to use this coupon.";
    if (reason == "coupon_used") return "You have already used this coupon.";
    return "This coupon code is not valid.";
}

Priced price_request(Context& ctx, const OrderRequest& req, const User* user) {
    Priced p;
    std::vector<LinePrice> prices;
    for (std::size_t i = 0; i < req.lines.size(); ++i) {
        const auto& want = req.lines[i];
        const std::string field = "lines[" + std::to_string(i) + "]";
        const auto product = ctx.store.product(want.product_id);
        const Variant* variant = product ? line_variant(*product, want.variant_id) : nullptr;
        if (product && product->status == ProductStatus::active && !variant && want.variant_id.empty()) {
            const std::string message = "Choose one of this product's options.";
            p.errors[field + ".variant_id"] = message;
            p.problems.push_back({ProblemCode::product_unavailable, field + ".variant_id", message, want.product_id, {}, {}, {}});
            continue;
        }
        if (!variant || product->status != ProductStatus::active || variant->price.currency != ctx.config.fiat) {
            const std::string key = field + (product && !variant ? ".variant_id" : ".product_id");
            p.errors[key] = "This product is no longer available.";
            p.problems.push_back({ProblemCode::product_unavailable, key, "This product is no longer available.",
                                  want.product_id, {}, {}, want.variant_id.empty() ? std::nullopt : std::optional(want.variant_id)});
            continue;
        }
        if (want.qty > variant->stock) {
            if (p.out_of_stock_product.empty()) {
                p.out_of_stock_product = product->id;
                p.out_of_stock_variant = variant->id;
                p.out_of_stock_available = variant->stock;
            }
            p.problems.push_back({ProblemCode::out_of_stock, field + ".qty",
                                  variant->stock == 0 ? "Sold out." : "Only " + std::to_string(variant->stock) + " left.",
                                  product->id, variant->stock, {}, variant->id});
        }
        OrderLine line{secrets::new_id("ln"), product->id, variant->sku, product_title(*product, req.lang),
                       want.qty, variant->price.amount_minor, variant->price.amount_minor * want.qty, variant->id,
                       variant_label(*product, *variant, req.lang)};
        prices.push_back({line.unit_price_minor, line.qty});
        p.lines.push_back(std::move(line));
    }

    std::int64_t subtotal = 0;
    for (const auto& l : prices) subtotal += l.unit_price_minor * l.qty;
    if (!req.coupon.empty()) {
        auto coupon = ctx.store.coupon(req.coupon);
        std::optional<std::string> reason = coupon ? coupon_problem(*coupon, subtotal, ctx.now_unix_s)
                                                   : std::optional<std::string>("coupon_unknown");
        if (!reason && user && ctx.store.coupon_used_by(req.coupon, user->id)) reason = "coupon_used";
        if (reason) {
            p.errors["coupon"] = coupon_message(*reason);
            p.problems.push_back({ProblemCode::invalid_coupon, "coupon", coupon_message(*reason), {}, {}, *reason});
        } else {
            p.coupon = coupon;
        }
    }
    if (req.use_points > 0) {
        const std::int64_t available = user ? user->points : 0;
        if (req.use_points > available) {
            const std::string message = user ? "You have " + std::to_string(available) + " points."
                                             : "Log in to use points.";
            p.errors["use_points"] = message;
            p.problems.push_back({ProblemCode::insufficient_points, "use_points", message, {}, available, {}});
        }
    }
    p.totals = price_order(prices, ctx.config.shipping, p.coupon ? &*p.coupon : nullptr,
                           p.errors.count("use_points") ? 0 : req.use_points);
    const auto rate = ctx.config.rates.find(req.pay_currency);
    if (rate != ctx.config.rates.end())
        p.quote = make_quote(secrets::new_id("q"), p.totals.total_minor, req.pay_currency, rate->second, ctx.now_unix_s);
    if (!p.quote) p.errors["pay_currency"] = "This currency cannot be used right now.";
    return p;
}

OrderRequest parse_or_throw(const nlohmann::json& body, bool address_optional = false) {
    auto parsed = parse_order_request(body, address_optional);
    if (!parsed.errors.empty()) throw validation_error(std::move(parsed.errors));
    return std::move(parsed.request);
}

// An order the caller may see: their own (others get 404, as if it did not exist).
Order own_order(Context& ctx) {
    auto order = order_expiring_if_overdue(ctx.store, ctx.request.params.at("id"), ctx.now_unix_s);
    if (!order || order->user_id != ctx.current_user().id) throw not_found("No order of yours has this id.");
    return *order;
}

}  // namespace

Response preview_order(Context& ctx) {
    const OrderRequest req = parse_or_throw(ctx.json_body(), /*address_optional=*/true);
    std::optional<User> user;
    if (!ctx.session_hash.empty()) user = ctx.store.session_user(ctx.session_hash, ctx.now_unix_s);
    const Priced p = price_request(ctx, req, user ? &*user : nullptr);
    const Currency fiat = ctx.config.fiat;
    api::Preview preview;
    for (const auto& l : p.lines)
        preview.lines.push_back({l.product_id, l.sku, l.title, l.qty, Money{l.unit_price_minor, fiat}, Money{l.line_total_minor, fiat},
                                 l.variant_id, l.variant});
    if (p.coupon) preview.coupon = p.coupon->code;
    preview.subtotal = Money{p.totals.subtotal_minor, fiat};
    preview.shipping = Money{p.totals.shipping_minor, fiat};
    preview.coupon_discount = Money{p.totals.coupon_discount_minor, fiat};
    preview.points_used = p.totals.points_used;
    preview.discount = Money{p.totals.discount_minor, fiat};
    preview.total = Money{p.totals.total_minor, fiat};
    if (p.quote)
        preview.quote = api::PreviewQuote{p.quote->currency, p.quote->amount, p.quote->rate_minor_per_unit, p.quote->expires_at_unix_s};
    preview.problems = std::move(p.problems);
    preview.points_available = user ? user->points : 0;
    return json_response(200, preview);
}

Response create_order(Context& ctx) {
    const auto body = ctx.json_body();
    const std::string key = idempotency_key(ctx, true);
    const OrderRequest req = parse_or_throw(body);
    const User& user = ctx.current_user();
    Priced p = price_request(ctx, req, &user);
    if (!p.errors.empty()) {
        if (p.errors.count("coupon") && p.errors.size() == 1)
            throw ApiError(422, ProblemCode::invalid_coupon, "Coupon not accepted", p.errors.at("coupon"), p.errors);
        throw validation_error(std::move(p.errors));
    }

    NewOrder in;
    Order& o = in.order;
    o.id = secrets::new_id("ord");
    o.user_id = user.id;
    o.store = ctx.config.store_id;
    o.fiat = ctx.config.fiat;
    o.lang = req.lang;
    o.lines = std::move(p.lines);
    o.totals = p.totals;
    o.ship_to = req.ship_to;
    o.coupon = p.coupon ? p.coupon->code : "";
    o.pay_currency = req.pay_currency;
    o.quote = p.quote;
    o.created_at_unix_s = ctx.now_unix_s;
    o.pay_by_unix_s = ctx.now_unix_s + ctx.config.unpaid_order_ttl_s;
    o.timeline = {{ctx.now_unix_s, "pending_payment", "buyer", "Order placed"}};
    in.idempotency_key = key;
    in.request_hash = request_hash(body);
    in.encode_response = [](const Order& order) { return nlohmann::json(order).dump(); };

    // An out-of-stock line is reported only now, after an idempotent replay had its chance.
    const PlaceResult result = p.out_of_stock_product.empty()
                                   ? ctx.store.place_order(in)
                                   : PlaceResult{PlaceOutcome::out_of_stock, "", p.out_of_stock_product,
                                                 p.out_of_stock_available, p.out_of_stock_variant};
    switch (result.outcome) {
        case PlaceOutcome::created:
        case PlaceOutcome::replayed:
            return json_text_response(201, result.response_body);
        case PlaceOutcome::key_reused:
            throw ApiError(409, ProblemCode::idempotency_key_reused, "Idempotency key reused",
                           "This Idempotency-Key was used for a different order. Use a new key for a new order.");
        case PlaceOutcome::out_of_stock: {
            ApiError e(409, ProblemCode::out_of_stock, "Not enough stock",
                       result.available == 0 ? "A product in your cart is sold out."
                                             : "Only " + std::to_string(result.available) + " left of a product in your cart.");
            e.extra.product_id = result.product_id;
            e.extra.variant_id = result.variant_id;
            e.extra.available = result.available;
            throw e;
        }
        case PlaceOutcome::price_changed: {
            ApiError e(409, ProblemCode::price_changed, "Prices changed", "A product changed while you were checking out. Review the cart and try again.");
            e.extra.product_id = result.product_id;
            e.extra.variant_id = result.variant_id;
            throw e;
        }
        case PlaceOutcome::coupon_unavailable:
            throw ApiError(422, ProblemCode::invalid_coupon, "Coupon not accepted", coupon_message("coupon_used"),
                           {{"coupon", coupon_message("coupon_used")}});
        case PlaceOutcome::points_insufficient:
            throw validation_error({{"use_points", "You no longer have enough points."}});
    }
    throw std::logic_error("unhandled place_order outcome");
}

Response list_orders(Context& ctx) {
    OrderQuery q;
    q.user_id = ctx.current_user().id;
    q.limit = parse_page_limit(ctx, 20);
    q.after_seq = parse_cursor(ctx);
    if (auto it = ctx.request.query.find("status"); it != ctx.request.query.end() && !it->second.empty()) {
        q.status = parse_enum<OrderStatus>(it->second);
        if (!q.status) throw validation_error({{"status", "Unknown order status."}});
    }
    expire_overdue_orders(ctx.store, ctx.now_unix_s);
    const OrderPage page = ctx.store.orders(q);
    return json_response(200, page_json(page.items, page.next_seq));
}

Response get_order(Context& ctx) { return json_response(200, own_order(ctx)); }

Response renew_quote(Context& ctx) {
    const Order order = own_order(ctx);
    const auto body = ctx.request.body.empty() ? nlohmann::json::object() : ctx.json_body();
    Currency currency = order.pay_currency;
    if (auto c = body.find("pay_currency"); c != body.end() && !c->is_null()) {
        const auto parsed = c->is_string() ? parse_currency(c->get<std::string>()) : std::nullopt;
        if (!parsed || is_fiat(*parsed) || !ctx.config.rates.count(*parsed))
            throw validation_error({{"pay_currency", "Choose BTC or USDT."}});
        currency = *parsed;
    }
    if (order.status != OrderStatus::pending_payment)
        throw ApiError(409, ProblemCode::order_not_payable, "Order cannot be paid", "Only orders awaiting payment get a new quote.");
    const auto quote = make_quote(secrets::new_id("q"), order.totals.total_minor, currency,
                                  ctx.config.rates.at(currency), ctx.now_unix_s);
    if (!quote) throw ApiError(503, ProblemCode::rate_unavailable, "Rate unavailable", "This currency cannot be quoted right now.");
    auto updated = ctx.store.renew_quote(order.id, *quote);
    if (!updated)
        throw ApiError(409, ProblemCode::order_not_payable, "Order cannot be paid", "Only orders awaiting payment get a new quote.");
    return json_response(200, *updated);
}

Response cancel_order(Context& ctx) {
    const Order order = own_order(ctx);
    const auto body = ctx.request.body.empty() ? nlohmann::json::object() : ctx.json_body();
    std::string reason;
    if (auto r = body.find("reason"); r != body.end() && !r->is_null()) {
        if (!r->is_string() || r->get_ref<const std::string&>().size() > kMaxReasonBytes)
            throw validation_error({{"reason", "The reason must be text of at most 500 bytes."}});
        reason = r->get<std::string>();
    }
    auto updated = ctx.store.cancel_order(order.id, OrderEvent::cancel, Actor::buyer,
                                          reason.empty() ? "Cancelled by the buyer" : reason, ctx.now_unix_s);
    if (!updated) {
        const bool shipped = order.status == OrderStatus::shipped || order.status == OrderStatus::delivered;
        ApiError e(409, ProblemCode::order_not_cancellable, "Order cannot be cancelled",
                   shipped ? "The order has shipped. Contact support about a return or a lost parcel."
                           : "This order can no longer be cancelled.");
        e.extra.order_status = order.status;
        throw e;
    }
    return json_response(200, *updated);
}

Response confirm_receipt(Context& ctx) {
    const Order order = own_order(ctx);
    const auto body = ctx.request.body.empty() ? nlohmann::json::object() : ctx.json_body();
    bool before_delivery = false;
    if (auto b = body.find("before_delivery"); b != body.end() && !b->is_null()) {
        if (!b->is_boolean()) throw validation_error({{"before_delivery", "Send true or false."}});
        before_delivery = b->get<bool>();
    }
    // Until the carrier reports delivery only the buyer's explicit "it has arrived" completes the
    // order (core transition(): confirm_receipt needs `delivered`).
    const OrderEvent event = before_delivery && order.status == OrderStatus::shipped ? OrderEvent::confirm_receipt_before_delivery
                                                                                      : OrderEvent::confirm_receipt;
    auto updated = ctx.store.complete_order(order.id, event, Actor::buyer, ctx.now_unix_s);
    if (!updated) {
        ApiError e(409, ProblemCode::order_not_receivable, "Receipt cannot be confirmed",
                   order.status == OrderStatus::shipped
                       ? "The carrier has not reported delivery yet. If the parcel has arrived, confirm with before_delivery: true."
                       : "Only delivered orders can be confirmed.");
        e.extra.order_status = order.status;
        throw e;
    }
    return json_response(200, *updated);
}

Response reorder(Context& ctx) {
    const Order order = own_order(ctx);
    if (order.status != OrderStatus::cancelled && order.status != OrderStatus::completed)
        throw ApiError(409, ProblemCode::order_not_reorderable, "Cannot reorder yet", "Cancelled or completed orders can be ordered again.");
    api::Reorder answer;
    for (const auto& line : order.lines) {
        const auto product = ctx.store.product(line.product_id);
        const Variant* variant = product ? find_variant(*product, line.variant_id) : nullptr;
        if (!variant || product->status != ProductStatus::active || variant->stock == 0) {
            const bool sold_out = variant && product->status == ProductStatus::active;
            answer.unavailable.push_back({line.product_id, line.sku, line.title, sold_out ? "out_of_stock" : "discontinued"});
            continue;
        }
        const std::int64_t qty = std::min(line.qty, variant->stock);
        answer.lines.push_back({product->id, qty, variant->price,
                                qty < line.qty ? "Only " + std::to_string(variant->stock) + " left" : std::string(), variant->id});
    }
    return json_response(200, answer);
}


}  // namespace satstore::server::handlers
