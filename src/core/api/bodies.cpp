#include "core/api/bodies.hpp"

#include <stdexcept>

#include "core/api/json_read.hpp"
#include "core/enum_json.hpp"
#include "core/order.hpp"

namespace satstore::api {
namespace {

using nlohmann::json;
using json_read::optional_at;
using json_read::text_or;

std::int64_t amount_at(const json& j, const char* key) {
    const auto v = parse_amount_minor(j.at(key).get<std::string>());
    if (!v) throw std::invalid_argument(std::string("malformed amount ") + key);
    return *v;
}

std::int64_t time_at(const json& j, const char* key) {
    const auto v = parse_rfc3339(j.at(key).get<std::string>());
    if (!v) throw std::invalid_argument(std::string("malformed time ") + key);
    return *v;
}

}  // namespace

void to_json(json& j, const StoreInfo& s) {
    json categories = json::array();
    for (const auto& c : s.categories)
        categories.push_back({{"slug", c.slug}, {"title", c.title_en}, {"i18n", {{"zh-CN", {{"title", c.title_zh}}}}}});
    j = {{"id", s.id},
         {"name", s.name},
         {"currencies", {s.fiat}},
         {"pay_currencies", s.pay_currencies},
         {"support", {{"email", s.support_email},
                      {"phone", s.support_phone},
                      {"hours", s.support_hours},
                      {"i18n", {{"zh-CN", {{"hours", s.support_hours_zh}}}}}}},
         {"categories", categories},
         {"demo", s.demo}};
}

void from_json(const json& j, StoreInfo& s) {
    s = StoreInfo{};
    s.id = j.at("id").get<std::string>();
    s.name = text_or(j, "name");
    if (auto c = j.find("currencies"); c != j.end() && c->is_array() && !c->empty() && (*c)[0].is_string())
        s.fiat = parse_currency((*c)[0].get<std::string>()).value_or(Currency::CNY);
    if (auto pay = j.find("pay_currencies"); pay != j.end() && pay->is_array())
        for (const json& c : *pay)
            if (auto cur = c.is_string() ? parse_currency(c.get<std::string>()) : std::nullopt) s.pay_currencies.push_back(*cur);
    if (auto sup = j.find("support"); sup != j.end() && sup->is_object()) {
        s.support_email = text_or(*sup, "email");
        s.support_phone = text_or(*sup, "phone");
        s.support_hours = text_or(*sup, "hours");
        if (auto zh = sup->find("i18n"); zh != sup->end() && zh->is_object() && zh->contains("zh-CN") && (*zh)["zh-CN"].is_object())
            s.support_hours_zh = text_or((*zh)["zh-CN"], "hours");
    }
    if (auto cats = j.find("categories"); cats != j.end() && cats->is_array()) {
        for (const json& c : *cats) {
            StoreCategory cat{text_or(c, "slug"), text_or(c, "title"), {}};
            if (auto zh = c.find("i18n"); zh != c.end() && zh->is_object() && zh->contains("zh-CN") && (*zh)["zh-CN"].is_object())
                cat.title_zh = text_or((*zh)["zh-CN"], "title");
            if (!cat.slug.empty()) s.categories.push_back(std::move(cat));
        }
    }
    s.demo = j.value("demo", false);
}

std::optional<std::int64_t> Rates::rate_of(Currency c) const {
    for (const Rate& r : rates)
        if (r.currency == c) return r.rate_minor;
    return std::nullopt;
}

void to_json(json& j, const Rates& r) {
    json rates = json::array();
    for (const Rate& rate : r.rates)
        rates.push_back({{"currency", rate.currency}, {"rate", amount_to_string(rate.rate_minor)}, {"decimals", rate.decimals}});
    j = {{"fiat", r.fiat}, {"rates", rates}};
}

void from_json(const json& j, Rates& r) {
    r = Rates{};
    r.fiat = enum_at<Currency>(j, "fiat");
    for (const json& rate : j.at("rates")) {
        const auto currency = parse_currency(text_or(rate, "currency"));
        if (!currency) continue;  // a coin this build does not know
        r.rates.push_back({*currency, amount_at(rate, "rate"), rate.value("decimals", currency_decimals(*currency))});
    }
}

void to_json(json& j, const UserInfo& u) {
    j = {{"id", u.id},       {"email", u.email},   {"display_name", u.display_name}, {"roles", u.roles},
         {"twofa_enabled", u.twofa_enabled}, {"points", u.points}, {"created_at", rfc3339(u.created_at_unix_s)}};
}

void from_json(const json& j, UserInfo& u) {
    u = UserInfo{};
    u.id = j.at("id").get<std::string>();
    u.email = j.at("email").get<std::string>();
    u.display_name = text_or(j, "display_name");
    if (auto roles = j.find("roles"); roles != j.end() && roles->is_array())
        for (const json& r : *roles)
            if (auto role = r.is_string() ? parse_role(r.get<std::string>()) : std::nullopt) u.roles.push_back(*role);
    u.twofa_enabled = j.value("twofa_enabled", false);
    u.points = j.value("points", std::int64_t{0});
    if (j.contains("created_at")) u.created_at_unix_s = time_at(j, "created_at");
}

void to_json(json& j, const Session& s) { j = {{"token", s.token}, {"user", s.user}, {"expires_in", s.expires_in_s}}; }

void from_json(const json& j, Session& s) {
    s.token = j.at("token").get<std::string>();
    s.user = j.at("user").get<UserInfo>();
    s.expires_in_s = j.value("expires_in", std::int64_t{0});
}

void to_json(json& j, const LoginEvent& e) {
    j = {{"at", rfc3339(e.at_unix_s)}, {"ip", e.ip}, {"user_agent", e.user_agent}, {"success", e.success}, {"reason", e.reason}};
}

void from_json(const json& j, LoginEvent& e) {
    e.at_unix_s = time_at(j, "at");
    e.ip = text_or(j, "ip");
    e.user_agent = text_or(j, "user_agent");
    e.success = j.value("success", false);
    e.reason = text_or(j, "reason");
}

void to_json(json& j, const TwoFactorEnrolment& e) { j = {{"secret", e.secret}, {"otpauth_uri", e.otpauth_uri}}; }

void from_json(const json& j, TwoFactorEnrolment& e) {
    e.secret = j.at("secret").get<std::string>();
    e.otpauth_uri = j.at("otpauth_uri").get<std::string>();
}

void to_json(json& j, const RecoveryCodes& r) { j = {{"recovery_codes", r.codes}}; }

void from_json(const json& j, RecoveryCodes& r) { r.codes = j.at("recovery_codes").get<std::vector<std::string>>(); }

void to_json(json& j, const Reorder& r) {
    json lines = json::array(), gone = json::array();
    for (const auto& l : r.lines) {
        json entry = {{"product_id", l.product_id}, {"variant_id", l.variant_id}, {"qty", l.qty}, {"unit_price", l.unit_price}};
        if (!l.note.empty()) entry["note"] = l.note;
        lines.push_back(std::move(entry));
    }
    for (const auto& g : r.unavailable)
        gone.push_back({{"product_id", g.product_id}, {"sku", g.sku}, {"title", g.title}, {"reason", g.reason}});
    j = {{"lines", lines}, {"unavailable", gone}};
}

void from_json(const json& j, Reorder& r) {
    r = Reorder{};
    for (const json& l : j.at("lines"))
        r.lines.push_back({l.at("product_id").get<std::string>(), l.at("qty").get<std::int64_t>(),
                           l.at("unit_price").get<Money>(), text_or(l, "note"), text_or(l, "variant_id")});
    for (const json& g : j.at("unavailable"))
        r.unavailable.push_back({text_or(g, "product_id"), text_or(g, "sku"), text_or(g, "title"), text_or(g, "reason")});
}

void to_json(json& j, const SupportChannels& c) {
    j = {{"ticket", {{"available", c.tickets}, {"first_response_s", c.first_response_s}}},
         {"email", c.email},
         {"phone", c.phone},
         {"hours", {{"en", c.hours_en}, {"zh-CN", c.hours_zh}}}};
}

void from_json(const json& j, SupportChannels& c) {
    c = SupportChannels{};
    if (auto t = j.find("ticket"); t != j.end() && t->is_object()) {
        c.tickets = t->value("available", true);
        c.first_response_s = t->value("first_response_s", std::int64_t{0});
    }
    c.email = text_or(j, "email");
    c.phone = text_or(j, "phone");
    if (auto h = j.find("hours"); h != j.end() && h->is_object()) {
        c.hours_en = text_or(*h, "en");
        c.hours_zh = text_or(*h, "zh-CN");
    }
}

void to_json(json& j, const SavedAddress& a) {
    j = a.address;
    j["id"] = a.id;
}

void from_json(const json& j, SavedAddress& a) {
    a.id = j.at("id").get<std::string>();
    a.address = j.get<Address>();
}

void to_json(json& j, const PreviewProblem& p) {
    j = {{"code", p.code ? json(*p.code) : json(nullptr)}, {"field", p.field}, {"message", p.message}};
    if (p.product_id) j["product_id"] = *p.product_id;
    if (p.available) j["available"] = *p.available;
    if (p.reason) j["reason"] = *p.reason;
    if (p.variant_id) j["variant_id"] = *p.variant_id;
}

void from_json(const json& j, PreviewProblem& p) {
    p = PreviewProblem{};
    p.code = parse_problem_code(text_or(j, "code"));
    p.field = text_or(j, "field");
    p.message = text_or(j, "message");
    p.product_id = optional_at<std::string>(j, "product_id");
    p.available = optional_at<std::int64_t>(j, "available");
    p.reason = optional_at<std::string>(j, "reason");
    p.variant_id = optional_at<std::string>(j, "variant_id");
}

void to_json(json& j, const Preview& p) {
    json lines = json::array();
    for (const auto& l : p.lines)
        lines.push_back({{"product_id", l.product_id}, {"variant_id", l.variant_id}, {"sku", l.sku}, {"title", l.title},
                         {"variant", l.variant}, {"qty", l.qty}, {"unit_price", l.unit_price}, {"line_total", l.line_total}});
    json quote = nullptr;
    if (p.quote)
        quote = {{"currency", p.quote->currency}, {"amount", amount_to_string(p.quote->amount)},
                 {"rate", amount_to_string(p.quote->rate_minor)}, {"expires_at", rfc3339(p.quote->expires_at_unix_s)}};
    j = {{"lines", lines},        {"coupon", p.coupon.empty() ? json(nullptr) : json(p.coupon)},
         {"subtotal", p.subtotal},    {"shipping", p.shipping},
         {"coupon_discount", p.coupon_discount}, {"points_used", p.points_used}, {"discount", p.discount},
         {"total", p.total},      {"quote", quote},               {"problems", p.problems},
         {"points_available", p.points_available}};
}

void from_json(const json& j, Preview& p) {
    p = Preview{};
    for (const json& l : j.at("lines"))
        p.lines.push_back({l.at("product_id").get<std::string>(), text_or(l, "sku"), text_or(l, "title"),
                           l.at("qty").get<std::int64_t>(), l.at("unit_price").get<Money>(), l.at("line_total").get<Money>(),
                           text_or(l, "variant_id"), text_or(l, "variant")});
    p.coupon = text_or(j, "coupon");
    p.subtotal = j.at("subtotal").get<Money>();
    p.shipping = j.at("shipping").get<Money>();
    if (j.contains("coupon_discount")) p.coupon_discount = j.at("coupon_discount").get<Money>();
    p.points_used = j.value("points_used", std::int64_t{0});
    p.discount = j.at("discount").get<Money>();
    p.total = j.at("total").get<Money>();
    if (auto q = j.find("quote"); q != j.end() && q->is_object())
        p.quote = PreviewQuote{enum_at<Currency>(*q, "currency"), amount_at(*q, "amount"), amount_at(*q, "rate"),
                               time_at(*q, "expires_at")};
    if (auto probs = j.find("problems"); probs != j.end() && probs->is_array())
        for (const json& pr : *probs)
            if (pr.is_object()) p.problems.push_back(pr.get<PreviewProblem>());
    p.points_available = j.value("points_available", std::int64_t{0});
}

void to_json(json& j, const WalletInfo& w) {
    json balances = json::array();
    for (const Balance& b : w.balances) balances.push_back({{"currency", b.currency}, {"amount", amount_to_string(b.amount)}});
    j = {{"pubkey", w.pubkey.empty() ? json(nullptr) : json(w.pubkey)}, {"balances", balances}, {"faucet", w.faucet}};
}

void from_json(const json& j, WalletInfo& w) {
    w = WalletInfo{};
    w.pubkey = text_or(j, "pubkey");
    for (const json& b : j.at("balances")) {
        const auto currency = parse_currency(text_or(b, "currency"));
        if (currency) w.balances.push_back({*currency, amount_at(b, "amount")});
    }
    w.faucet = j.value("faucet", false);
}

void to_json(json& j, const LedgerItem& e) {
    j = {{"id", e.id}, {"currency", e.currency}, {"amount", amount_to_string(e.amount)},
         {"kind", e.kind}, {"ref", e.ref}, {"at", rfc3339(e.at_unix_s)}};
}

void from_json(const json& j, LedgerItem& e) {
    e.id = j.at("id").get<std::string>();
    e.currency = enum_at<Currency>(j, "currency");
    const std::string amount = j.at("amount").get<std::string>();
    const bool negative = !amount.empty() && amount[0] == '-';
    const auto v = parse_amount_minor(negative ? amount.substr(1) : amount);
    if (!v) throw std::invalid_argument("malformed amount");
    e.amount = negative ? -*v : *v;
    e.kind = text_or(j, "kind");
    e.ref = text_or(j, "ref");
    e.at_unix_s = time_at(j, "at");
}

void to_json(json& j, const StaffOrder& o) {
    j = o.order;
    if (o.refundable) {
        j["refundable"] = *o.refundable;
        j["refundable_units"] = o.refundable_units;
    }
}

void from_json(const json& j, StaffOrder& o) {
    o = StaffOrder{};
    o.order = j.get<Order>();
    if (j.contains("refundable")) o.refundable = j.at("refundable").get<Money>();
    if (auto u = j.find("refundable_units"); u != j.end() && u->is_object())
        o.refundable_units = u->get<std::map<std::string, std::int64_t>>();
}

void to_json(json& j, const PaymentRequest& p) { j = {{"authorization", to_json_fields(p.authorization)}, {"sig", p.sig}}; }

}  // namespace satstore::api
