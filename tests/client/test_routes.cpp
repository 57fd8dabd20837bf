// URL fragment routes of the after-sales screens (routes.hpp): parse and print round trip, and
// malformed paths are not found.
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
