// URL fragment routes (routes.hpp): the after-sales and account-security screens parse and print
// back, and malformed paths are not found.
#include <doctest/doctest.h>

#include "routes.hpp"

using namespace satstore::client;

TEST_CASE("after-sales routes parse and print back") {
    const RouteState queue = parse_route("/staff/orders");
    CHECK(queue.route == Route::staff_orders);
    CHECK(route_fragment(queue) == "/staff/orders");

    const RouteState console = parse_route("/staff/orders/ord_abc123");
    CHECK(console.route == Route::staff_order);
    CHECK(console.order_id == "ord_abc123");
    CHECK(route_fragment(console) == "/staff/orders/ord_abc123");

    const RouteState returns = parse_route("/staff/returns/");
    CHECK(returns.route == Route::staff_returns);
    CHECK(route_fragment(returns) == "/staff/returns");

    const RouteState ret = parse_route("/orders/ord_abc123/return");
    CHECK(ret.route == Route::order_return);
    CHECK(ret.order_id == "ord_abc123");
    CHECK(route_fragment(ret) == "/orders/ord_abc123/return");

    // Neighbours keep their meaning.
    CHECK(parse_route("/orders/ord_abc123").route == Route::order);
    CHECK(parse_route("/orders/ord_abc123/pay").route == Route::pay);
}

TEST_CASE("malformed after-sales paths are not found") {
    CHECK(parse_route("/staff/orders/ord_a/b").route == Route::not_found);
    CHECK(parse_route("/orders/a/b/return").route == Route::not_found);
    CHECK(parse_route("/orders//return").route == Route::not_found);
    CHECK(parse_route("/staff").route == Route::not_found);
}

TEST_CASE("account, forgot-password and reset-password routes parse and round-trip") {
    CHECK(parse_route("/account").route == Route::account);
    CHECK(parse_route("/account/").route == Route::account);
    CHECK(parse_route("/forgot-password").route == Route::forgot_password);

    const RouteState reset = parse_route("/reset-password?token=Ab-_09xyz");
    CHECK(reset.route == Route::reset_password);
    CHECK(reset.reset_token == "Ab-_09xyz");
    CHECK(parse_route(route_fragment(reset)) == reset);

    // A link without its token still opens the screen, which then asks for a new link.
    const RouteState bare = parse_route("/reset-password");
    CHECK(bare.route == Route::reset_password);
    CHECK(bare.reset_token.empty());

    for (Route r : {Route::account, Route::forgot_password}) CHECK(parse_route(route_fragment(route_of(r))).route == r);
    CHECK(parse_route("/account/x").route == Route::not_found);
}

TEST_CASE("the order confirmation route parses and prints back") {
    const RouteState placed = parse_route("/orders/ord_abc123/placed");
    CHECK(placed.route == Route::order_placed);
    CHECK(placed.order_id == "ord_abc123");
    CHECK(route_fragment(placed) == "/orders/ord_abc123/placed");
    CHECK(parse_route("/orders/ord_abc123/placed/").route == Route::order_placed);
    CHECK(parse_route("/orders/a/b/placed").route == Route::not_found);
    CHECK(parse_route("/orders/placed").route == Route::order);  // an order id, not the suffix
    CHECK(parse_route("/orders/ord_abc123/pay/placed").route == Route::not_found);
}
