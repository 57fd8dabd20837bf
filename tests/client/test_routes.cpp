// URL fragment routes of the account-security screens (issue 7): parse and back (routes.hpp).
#include <doctest/doctest.h>

#include "routes.hpp"

using namespace satstore::client;

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
