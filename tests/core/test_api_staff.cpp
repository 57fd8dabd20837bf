// Staff accounts (issue 20): reading invitation, update and acceptance bodies, and the codecs of
// a staff account and an audit entry.
#include <doctest/doctest.h>

#include "core/api/staff.hpp"

using namespace satstore;
using namespace satstore::api;
using nlohmann::json;

TEST_CASE("an invitation needs an email and staff roles") {
    StaffInvite invite;
    CHECK(parse_staff_invite({{"email", "  Mei@Shop.Example "}, {"roles", {"merchant", "agent", "merchant"}}}, invite).empty());
    CHECK(invite.email == "mei@shop.example");
    CHECK(invite.roles == std::vector<Role>{Role::merchant, Role::agent});  // duplicates dropped

    auto errors = parse_staff_invite(json::object(), invite);
    CHECK(errors.count("email"));
    CHECK(errors.count("roles"));
    errors = parse_staff_invite({{"email", "nope"}, {"roles", json::array()}}, invite);
    CHECK(errors.count("email"));
    CHECK(errors.count("roles"));
    errors = parse_staff_invite({{"email", "a@b.co"}, {"roles", {"admin", "buyer"}}}, invite);
    CHECK(errors.count("roles[1]"));  // buyers register themselves
    errors = parse_staff_invite({{"email", "a@b.co"}, {"roles", {"admin", 7}}}, invite);
    CHECK(errors.count("roles[1]"));
    errors = parse_staff_invite({{"email", "a@b.co"}, {"roles", "admin"}}, invite);
    CHECK(errors.count("roles"));
    errors = parse_staff_invite({{"email", "a@b.co"}, {"roles", {"admin"}}, {"display_name", std::string(81, 'x')}}, invite);
    CHECK(errors.count("display_name"));
}

TEST_CASE("an update changes roles, the disabled flag, or both") {
    StaffUpdate update;
    CHECK(parse_staff_update({{"disabled", true}}, update).empty());
    CHECK(update.disabled == true);
    CHECK_FALSE(update.roles);
    CHECK(parse_staff_update({{"roles", {"agent"}}}, update).empty());
    CHECK(*update.roles == std::vector<Role>{Role::agent});
    CHECK(parse_staff_update(json::object(), update).count("body"));
    CHECK(parse_staff_update({{"disabled", "yes"}}, update).count("disabled"));
    CHECK(parse_staff_update({{"roles", json::array()}}, update).count("roles"));
    CHECK(parse_staff_update({{"roles", {"owner"}}}, update).count("roles[0]"));
    CHECK(json(StaffUpdate{std::nullopt, false}) == json{{"disabled", false}});
}

TEST_CASE("accepting an invitation checks the password by the registration rule") {
    InvitationAcceptance a;
    CHECK(parse_invitation_acceptance({{"token", "t0k"}, {"password", "a long passphrase"}}, a).empty());
    CHECK_FALSE(a.display_name);
    auto errors = parse_invitation_acceptance({{"password", "short"}}, a);
    CHECK(errors.count("token"));
    CHECK(errors.count("password"));
    CHECK(parse_invitation_acceptance({{"token", "t"}, {"password", "password1234"}}, a).count("password"));  // too common
    CHECK(parse_invitation_acceptance({{"token", "t"}, {"password", "a long passphrase"}, {"display_name", "Mei"}}, a).empty());
    CHECK(a.display_name == "Mei");
}

TEST_CASE("a staff account and an audit entry round-trip; unknown roles are skipped") {
    const StaffUser u{"usr_1", "mei@shop.example", "Mei", {Role::merchant, Role::admin}, true, false, 1796400000};
    const json j = u;
    CHECK(j.at("created_at") == "2026-12-04T16:00:00Z");
    CHECK_FALSE(j.contains("password_hash"));
    const auto back = j.get<StaffUser>();
    CHECK(back.roles == u.roles);
    CHECK(back.disabled);
    json newer = j;
    newer["roles"] = {"merchant", "owner"};
    CHECK(newer.get<StaffUser>().roles == std::vector<Role>{Role::merchant});

    const AuditItem e{3, 1796400000, "cli", "", "user.create", "usr_1", nullptr, j};
    const auto e2 = json(e).get<AuditItem>();
    CHECK(e2.seq == 3);
    CHECK(e2.before.is_null());
    CHECK(e2.after.at("email") == "mei@shop.example");
    CHECK(is_staff_role(Role::admin));
    CHECK_FALSE(is_staff_role(Role::buyer));
}
