// satstore client — API requests and reply handling (see app_requests.hpp).
#include "app_requests.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "account_requests.hpp"
#include "api/client.hpp"
#include "core/url.hpp"
#include "i18n/strings.hpp"
#include "platform/web_extra.hpp"

namespace satstore::client {
namespace {

using nlohmann::json;

constexpr double kToastMs = 3500;
const api::Options kPublic{.with_session = false};  // catalog reads and logging in carry no session

void apply_store(AppState& s, const platform::HttpReply& r) {
    std::optional<StoreInfo> info = api::ok_value<StoreInfo>(r, "store");
    if (!info) {
        s.store_load = Load::failed;
        s.api_unreachable = true;
        return;
    }
    if (info->name.empty()) info->name = tr(s.lang, S::store_default_name);
    s.store = std::move(*info);
    s.store_load = Load::ok;
}

void apply_catalog(AppState& s, const api::Call& call, const platform::HttpReply& r) {
    if (call.key != s.catalog_key) return;  // the route moved on
    const std::optional<json> j = r.status == 200 ? api::json_body(r) : std::nullopt;
    if (!j || !j->is_object() || !j->contains("items") || !(*j)["items"].is_array()) {
        s.catalog_load = Load::failed;
        if (api::unreachable(r) || r.status == 200) s.api_unreachable = true;
        return;
    }
    s.catalog_ids.clear();
    for (const json& item : (*j)["items"]) {
        if (std::optional<Product> p = api::decode<Product>(item, "product")) {
            s.catalog_ids.push_back(p->id);
            s.products[p->id] = std::move(*p);
        }
    }
    s.catalog_load = Load::ok;
}

void apply_product(AppState& s, const api::Call& call, const platform::HttpReply& r, bool for_detail) {
    std::optional<Product> p = r.status == 200 ? api::ok_value<Product>(r, "product") : std::nullopt;
    if (p) {
        s.products[p->id] = std::move(*p);
    }
    if (!for_detail || call.key != s.route.product_id) return;
    if (p) {
        s.product_load = Load::ok;
    } else {
        s.product_load = Load::failed;
        if (api::unreachable(r)) s.api_unreachable = true;
    }
}

void apply_rates(AppState& s, const platform::HttpReply& r) {
    const std::optional<satstore::api::Rates> rates = api::ok_value<satstore::api::Rates>(r, "rates");
    const std::optional<std::int64_t> btc = rates ? rates->rate_of(Currency::BTC) : std::nullopt;
    if (btc && *btc > 0) s.btc_rate_minor = btc;
}

void apply_login(AppState& s, const platform::HttpReply& r) {
    s.login.busy = false;
    if (r.status == 201 || r.status == 200) {
        std::optional<satstore::api::Session> session = api::ok_value<satstore::api::Session>(r, "session");
        if (!session || session->token.empty()) {
            s.login.general_error = tr(s.lang, S::request_failed);
            return;
        }
        const std::string token = session->token;
        std::optional<User> user = std::move(session->user);
        s.session_token = token;
        s.user = std::move(user);
        save_session(s);
        s.login.password.clear();
        s.login.field_errors.clear();
        s.login.general_error.clear();
        s.login.totp_needed = false;
        s.login.use_recovery = false;
        s.login.totp.clear();
        const std::string& name = s.user->display_name.empty() ? s.user->email : s.user->display_name;
        show_toast(s, trf(s.lang, S::welcome_s, name.c_str()));
        platform::set_location_hash(s.buy.return_to.empty() ? "/" : s.buy.return_to);  // e.g. back to checkout
        s.buy.return_to.clear();
        return;
    }
    if (r.status == 0) {
        s.login.general_error = tr(s.lang, S::network_failed);
        return;
    }
    const api::Problem p = api::problem(r);
    s.login.field_errors = p.errors;
    // Two-factor (issue 7): the password was right and a code is needed, or the code was wrong.
    if (p.is(api::ProblemCode::totp_required)) {
        s.login.field_errors.erase("totp");
        s.login.totp_needed = true;
        s.login.focus_totp = true;
        return;
    }
    if (p.is(api::ProblemCode::invalid_credentials) && p.errors.count("totp")) {
        s.login.field_errors["totp"] = tr(s.lang, S::wrong_code);
        s.login.totp.clear();
        s.login.focus_totp = true;
        return;
    }
    if (p.is(api::ProblemCode::invalid_credentials)) s.login.general_error = tr(s.lang, S::invalid_credentials);
    else if (p.is(api::ProblemCode::account_locked)) {
        // the lock's length when the reply does not say
        s.login.general_error = trf(s.lang, S::account_locked_minutes_d, locked_minutes(p.extra.retry_after_s.value_or(900)));
    } else if (p.is(api::ProblemCode::rate_limited)) s.login.general_error = tr(s.lang, S::rate_limited);
    else if (p.is(api::ProblemCode::account_disabled)) s.login.general_error = tr(s.lang, S::st_account_disabled);
    else if (p.errors.empty()) s.login.general_error = tr(s.lang, S::request_failed);
    s.login.focus_first_error = true;
}

void apply_register(AppState& s, const platform::HttpReply& r) {
    if (r.status == 201 || r.status == 200) {
        request_login(s);  // keeps busy until the session arrives
        return;
    }
    s.login.busy = false;
    if (r.status == 0) {
        s.login.general_error = tr(s.lang, S::network_failed);
        return;
    }
    const api::Problem p = api::problem(r);
    s.login.field_errors = p.errors;
    if (p.is(api::ProblemCode::email_taken)) s.login.field_errors["email"] = tr(s.lang, S::email_taken);
    else if (p.errors.empty()) s.login.general_error = tr(s.lang, S::request_failed);
    s.login.focus_first_error = true;
}

}  // namespace

std::string catalog_key(const RouteState& r) { return r.query + "|" + r.category; }

void show_toast(AppState& s, std::string text, bool error) {
    s.toasts.push_back(Toast{std::move(text), error, s.now_ms + kToastMs});
    platform::request_frame_after(kToastMs + 50);
}

void save_cart(const AppState& s) {
    json lines = json::array();
    std::int64_t items = 0;
    for (const CartLine& l : s.cart) {
        lines.push_back({{"product_id", l.product_id}, {"variant_id", l.variant_id}, {"qty", l.qty}, {"price", l.seen_price_minor}});
        items += l.qty;
    }
    platform::storage_set("satstore.cart", lines.dump());
    platform::notify_host("cart_changed", json{{"items", items}, {"lines", lines}}.dump());
}

void save_session(const AppState& s) {
    if (s.session_token.empty()) platform::storage_remove("satstore.token");
    else platform::storage_set("satstore.token", s.session_token);
}

void request_store(AppState& s) {
    s.store_load = Load::loading;
    api::send(s, RequestKind::store, "GET", "/store", {}, kPublic);
}

void request_rates(AppState& s) { api::send(s, RequestKind::rates, "GET", "/rates", {}, kPublic); }

void request_catalog(AppState& s) {
    s.catalog_key = catalog_key(s.route);
    s.catalog_load = Load::loading;
    std::string path = "/products?limit=48";
    if (!s.route.query.empty()) path += "&q=" + percent_encode(s.route.query);
    if (!s.route.category.empty()) path += "&category=" + percent_encode(s.route.category);
    api::send(s, RequestKind::catalog, "GET", path, {}, {.key = s.catalog_key, .with_session = false});
}

void request_product(AppState& s, const std::string& id, bool for_detail) {
    if (for_detail) s.product_load = Load::loading;
    api::send(s, for_detail ? RequestKind::product : RequestKind::cart_product, "GET", "/products/" + percent_encode(id), {},
              {.key = id, .with_session = false});
}

// A stored session that expired is forgotten quietly: the page may not need one.
void request_me(AppState& s) { api::send(s, RequestKind::me, "GET", "/me", {}, {.handles_401 = true}); }

void request_login(AppState& s) {
    s.login.busy = true;
    s.login.general_error.clear();
    json body = {{"email", s.login.email}, {"password", s.login.password}};
    if (s.login.totp_needed && !s.login.totp.empty()) {
        std::string code;
        for (char c : s.login.totp) {
            if (c != ' ') code += c;
        }
        body["totp"] = code;
    }
    api::send(s, RequestKind::login, "POST", "/sessions", body.dump(), kPublic);
}

void request_register(AppState& s) {
    s.login.busy = true;
    s.login.general_error.clear();
    json body = {{"email", s.login.email}, {"password", s.login.password}};
    if (!s.login.display_name.empty()) body["display_name"] = s.login.display_name;
    api::send(s, RequestKind::register_, "POST", "/users", body.dump(), kPublic);
}

// Logging out ends the session here whatever the server answers (an expired one included).
void request_logout(AppState& s) { api::send(s, RequestKind::logout, "DELETE", "/sessions/current", {}, {.handles_401 = true}); }

void handle_reply(AppState& s, const api::Call& call, const platform::HttpReply& r) {
    switch (static_cast<RequestKind>(call.kind)) {
        case RequestKind::store: apply_store(s, r); break;
        case RequestKind::rates: apply_rates(s, r); break;
        case RequestKind::catalog: apply_catalog(s, call, r); break;
        case RequestKind::product: apply_product(s, call, r, true); break;
        case RequestKind::cart_product: apply_product(s, call, r, false); break;
        case RequestKind::me:
            if (r.status == 200) {
                s.user = api::ok_value<User>(r, "user");
            } else if (r.status == 401) {
                s.session_token.clear();
                s.user.reset();
                save_session(s);
            }
            break;
        case RequestKind::login: apply_login(s, r); break;
        case RequestKind::register_: apply_register(s, r); break;
        case RequestKind::logout:
            s.session_token.clear();
            s.user.reset();
            s.buy = BuyingState{};  // orders, wallet balances and saved addresses were this user's
            s.account = AccountState{};
            s.staff = StaffAccountsState{};  // staff accounts and the audit log were for this admin
            save_session(s);
            show_toast(s, tr(s.lang, S::logged_out));
            break;
        case RequestKind::image: break;  // images arrive through handle_image
    }
}

void handle_image(AppState& s, const platform::ImageReply& r) {
    const std::optional<api::Call> call = api::take(s, r.request_id);
    if (!call) return;
    ImageSlot& slot = s.images[call->key];
    slot.texture = r.texture_id;
    slot.width = r.width;
    slot.height = r.height;
    slot.failed = r.texture_id == 0;
}

}  // namespace satstore::client
