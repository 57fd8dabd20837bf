// satstore client — API requests and reply handling (see app_requests.hpp).
#include "app_requests.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/json_text.hpp"
#include "account_requests.hpp"
#include "core/url.hpp"
#include "i18n/strings.hpp"
#include "platform/web_extra.hpp"

namespace satstore::client {
namespace {

using nlohmann::json;

constexpr double kToastMs = 3500;
constexpr const char* kApiBase = "/api/v1";

std::string api_url(const std::string& path) { return platform::api_origin() + kApiBase + path; }

int send(AppState& s, RequestKind kind, std::string key, const char* method, const std::string& path,
         const std::string& body = {}, bool auth = false) {
    const int id = platform::http_request(method, api_url(path), body, auth ? s.session_token : std::string());
    s.pending[id] = PendingRequest{kind, std::move(key)};
    return id;
}

// Parses a body as JSON; nullopt (with a console note) when it is not JSON.
std::optional<json> parse_body(const platform::HttpReply& r) {
    json j = json_text::parse(r.body).value;  // discarded when malformed or too deep
    if (j.is_discarded()) {
        std::fprintf(stderr, "satstore: reply %d (HTTP %d) is not JSON\n", r.request_id, r.status);
        return std::nullopt;
    }
    return j;
}

// Problem details (RFC 9457) fields the client switches on.
struct Problem {
    std::string code;
    std::map<std::string, std::string> errors;
};

Problem parse_problem(const platform::HttpReply& r) {
    Problem p;
    const std::optional<json> j = parse_body(r);
    if (!j || !j->is_object()) return p;
    if (auto it = j->find("code"); it != j->end() && it->is_string()) p.code = it->get<std::string>();
    if (auto it = j->find("errors"); it != j->end() && it->is_object()) {
        for (const auto& [field, msg] : it->items()) {
            if (msg.is_string()) p.errors[field] = msg.get<std::string>();
        }
    }
    return p;
}

std::string string_or(const json& j, const char* key, std::string fallback = {}) {
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? it->get<std::string>() : fallback;
}

// Reads a Product, or nullopt when the JSON does not match the shape (logged).
std::optional<Product> parse_product(const json& j) {
    try {
        return j.get<Product>();
    } catch (const nlohmann::json::exception& e) {
        std::fprintf(stderr, "satstore: malformed product: %s\n", e.what());
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "satstore: malformed product: %s\n", e.what());
    }
    return std::nullopt;
}

bool unreachable(const platform::HttpReply& r) { return r.status == 0 || r.status >= 500; }

void apply_store(AppState& s, const platform::HttpReply& r) {
    const std::optional<json> j = r.status == 200 ? parse_body(r) : std::nullopt;
    if (!j || !j->is_object()) {
        s.store_load = Load::failed;
        s.api_unreachable = true;
        return;
    }
    StoreInfo info;
    info.id = string_or(*j, "id");
    info.name = string_or(*j, "name", tr(s.lang, S::store_default_name));
    if (auto sup = j->find("support"); sup != j->end() && sup->is_object()) {
        info.support_email = string_or(*sup, "email");
        info.support_phone = string_or(*sup, "phone");
        info.support_hours = string_or(*sup, "hours");
    }
    if (auto cats = j->find("categories"); cats != j->end() && cats->is_array()) {
        for (const json& c : *cats) {
            if (!c.is_object()) continue;
            Category cat{string_or(c, "slug"), string_or(c, "title"), {}};
            if (auto i18n = c.find("i18n"); i18n != c.end() && i18n->is_object()) {
                if (auto zh = i18n->find("zh-CN"); zh != i18n->end() && zh->is_object()) cat.title_zh = string_or(*zh, "title");
            }
            if (!cat.slug.empty()) info.categories.push_back(std::move(cat));
        }
    }
    s.store = std::move(info);
    s.store_load = Load::ok;
}

void apply_catalog(AppState& s, const PendingRequest& req, const platform::HttpReply& r) {
    if (req.key != s.catalog_key) return;  // the route moved on
    const std::optional<json> j = r.status == 200 ? parse_body(r) : std::nullopt;
    if (!j || !j->is_object() || !j->contains("items") || !(*j)["items"].is_array()) {
        s.catalog_load = Load::failed;
        if (unreachable(r) || r.status == 200) s.api_unreachable = true;
        return;
    }
    s.catalog_ids.clear();
    for (const json& item : (*j)["items"]) {
        if (std::optional<Product> p = parse_product(item)) {
            s.catalog_ids.push_back(p->id);
            s.products[p->id] = std::move(*p);
        }
    }
    s.catalog_load = Load::ok;
}

void apply_product(AppState& s, const PendingRequest& req, const platform::HttpReply& r, bool for_detail) {
    const std::optional<json> j = r.status == 200 ? parse_body(r) : std::nullopt;
    std::optional<Product> p = j ? parse_product(*j) : std::nullopt;
    if (p) {
        s.products[p->id] = std::move(*p);
    }
    if (!for_detail || req.key != s.route.product_id) return;
    if (p) {
        s.product_load = Load::ok;
    } else {
        s.product_load = Load::failed;
        if (unreachable(r)) s.api_unreachable = true;
    }
}

void apply_rates(AppState& s, const platform::HttpReply& r) {
    const std::optional<json> j = r.status == 200 ? parse_body(r) : std::nullopt;
    if (!j || !j->is_object() || !j->contains("rates") || !(*j)["rates"].is_array()) return;
    for (const json& rate : (*j)["rates"]) {
        if (!rate.is_object() || string_or(rate, "currency") != "BTC") continue;
        if (std::optional<std::int64_t> v = parse_amount_minor(string_or(rate, "rate")); v && *v > 0) s.btc_rate_minor = v;
    }
}

std::optional<User> parse_user(const json& j) {
    if (!j.is_object()) return std::nullopt;
    User u{string_or(j, "id"), string_or(j, "email"), string_or(j, "display_name"), {}};
    if (auto roles = j.find("roles"); roles != j.end() && roles->is_array())
        for (const json& r : *roles)
            if (r.is_string()) u.roles.push_back(r.get<std::string>());
    if (u.id.empty() && u.email.empty()) return std::nullopt;
    return u;
}

void apply_login(AppState& s, const platform::HttpReply& r) {
    s.login.busy = false;
    if (r.status == 201 || r.status == 200) {
        const std::optional<json> j = parse_body(r);
        std::optional<User> user = (j && j->is_object() && j->contains("user")) ? parse_user((*j)["user"]) : std::nullopt;
        const std::string token = j && j->is_object() ? string_or(*j, "token") : std::string();
        if (token.empty() || !user) {
            s.login.general_error = tr(s.lang, S::request_failed);
            return;
        }
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
    const Problem p = parse_problem(r);
    s.login.field_errors = p.errors;
    // Two-factor (issue 7): the password was right and a code is needed, or the code was wrong.
    if (p.code == "totp_required") {
        s.login.field_errors.erase("totp");
        s.login.totp_needed = true;
        s.login.focus_totp = true;
        return;
    }
    if (p.code == "invalid_credentials" && p.errors.count("totp")) {
        s.login.field_errors["totp"] = tr(s.lang, S::wrong_code);
        s.login.totp.clear();
        s.login.focus_totp = true;
        return;
    }
    if (p.code == "invalid_credentials") s.login.general_error = tr(s.lang, S::invalid_credentials);
    else if (p.code == "account_locked") {
        const std::optional<json> j = parse_body(r);
        std::int64_t retry = 900;  // the lock's length when the reply does not say
        if (j && j->is_object()) {
            if (auto it = j->find("retry_after"); it != j->end() && it->is_number_integer()) retry = it->get<std::int64_t>();
        }
        s.login.general_error = trf(s.lang, S::account_locked_minutes_d, locked_minutes(retry));
    } else if (p.code == "rate_limited") s.login.general_error = tr(s.lang, S::rate_limited);
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
    const Problem p = parse_problem(r);
    s.login.field_errors = p.errors;
    if (p.code == "email_taken") s.login.field_errors["email"] = tr(s.lang, S::email_taken);
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
        lines.push_back({{"product_id", l.product_id}, {"qty", l.qty}});
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
    send(s, RequestKind::store, {}, "GET", "/store");
}

void request_rates(AppState& s) { send(s, RequestKind::rates, {}, "GET", "/rates"); }

void request_catalog(AppState& s) {
    s.catalog_key = catalog_key(s.route);
    s.catalog_load = Load::loading;
    std::string path = "/products?limit=48";
    if (!s.route.query.empty()) path += "&q=" + percent_encode(s.route.query);
    if (!s.route.category.empty()) path += "&category=" + percent_encode(s.route.category);
    send(s, RequestKind::catalog, s.catalog_key, "GET", path);
}

void request_product(AppState& s, const std::string& id, bool for_detail) {
    if (for_detail) s.product_load = Load::loading;
    send(s, for_detail ? RequestKind::product : RequestKind::cart_product, id, "GET", "/products/" + percent_encode(id));
}

void request_me(AppState& s) { send(s, RequestKind::me, {}, "GET", "/me", {}, true); }

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
    send(s, RequestKind::login, {}, "POST", "/sessions", body.dump());
}

void request_register(AppState& s) {
    s.login.busy = true;
    s.login.general_error.clear();
    json body = {{"email", s.login.email}, {"password", s.login.password}};
    if (!s.login.display_name.empty()) body["display_name"] = s.login.display_name;
    send(s, RequestKind::register_, {}, "POST", "/users", body.dump());
}

void request_logout(AppState& s) { send(s, RequestKind::logout, {}, "DELETE", "/sessions/current", {}, true); }

void request_image(AppState& s, const std::string& url) {
    s.images[url];  // reserve the slot: one load per URL
    const std::string abs = (!url.empty() && url[0] == '/') ? platform::api_origin() + url : url;
    const int id = platform::load_image(abs, 2.0f);
    s.pending[id] = PendingRequest{RequestKind::image, url};
}

void handle_reply(AppState& s, const platform::HttpReply& r) {
    auto it = s.pending.find(r.request_id);
    if (it == s.pending.end()) return;
    const PendingRequest req = it->second;
    s.pending.erase(it);
    switch (req.kind) {
        case RequestKind::store: apply_store(s, r); break;
        case RequestKind::rates: apply_rates(s, r); break;
        case RequestKind::catalog: apply_catalog(s, req, r); break;
        case RequestKind::product: apply_product(s, req, r, true); break;
        case RequestKind::cart_product: apply_product(s, req, r, false); break;
        case RequestKind::me:
            if (r.status == 200) {
                const std::optional<json> j = parse_body(r);
                s.user = j ? parse_user(*j) : std::nullopt;
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
            save_session(s);
            show_toast(s, tr(s.lang, S::logged_out));
            break;
        case RequestKind::image: break;  // images arrive through handle_image
    }
}

void handle_image(AppState& s, const platform::ImageReply& r) {
    auto it = s.pending.find(r.request_id);
    if (it == s.pending.end()) return;
    ImageSlot& slot = s.images[it->second.key];
    slot.texture = r.texture_id;
    slot.width = r.width;
    slot.height = r.height;
    slot.failed = r.texture_id == 0;
    s.pending.erase(it);
}

}  // namespace satstore::client
