#include "core/order.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <stdexcept>

#include "core/enum_json.hpp"

namespace satstore {

std::optional<std::int64_t> whole_number(const nlohmann::json& v) {
    if (v.is_number_unsigned())
        return v.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX)
                   ? std::optional<std::int64_t>(static_cast<std::int64_t>(v.get<std::uint64_t>())) : std::nullopt;
    if (v.is_number_integer()) return v.get<std::int64_t>();
    return std::nullopt;
}

namespace {

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

Money fiat(std::int64_t minor, Currency c) { return Money{minor, c}; }

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

bool valid_coupon_code(std::string_view code) {
    if (code.empty() || code.size() > 32) return false;
    for (char c : code)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

std::string normalize_coupon_code(std::string_view typed) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!typed.empty() && space(typed.front())) typed.remove_prefix(1);
    while (!typed.empty() && space(typed.back())) typed.remove_suffix(1);
    return upper(std::string(typed));
}

bool points_in_range(std::int64_t points) { return points >= 0 && points <= kMaxPointsPerOrder; }

std::optional<std::int64_t> parse_points_text(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    if (text.empty()) return 0;
    if (text.size() > 10) return std::nullopt;  // more digits than kMaxPointsPerOrder has, and no overflow below
    std::int64_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return points_in_range(n) ? std::optional<std::int64_t>(n) : std::nullopt;
}

std::int64_t max_line_qty(std::int64_t stock) { return std::clamp<std::int64_t>(stock, 0, kMaxLineQty); }

ParsedOrderRequest parse_order_request(const nlohmann::json& body, bool address_optional) {
    ParsedOrderRequest out;
    FieldErrors& errors = out.errors;
    OrderRequest& req = out.request;
    if (!body.is_object()) {
        errors["body"] = "Expected a JSON object.";
        return out;
    }

    const auto lines = body.find("lines");
    if (lines == body.end() || !lines->is_array()) {
        errors["lines"] = "Add at least one product.";
    } else if (lines->empty()) {
        errors["lines"] = "Add at least one product.";
    } else if (lines->size() > kMaxOrderLines) {
        errors["lines"] = "An order can have at most 50 different products.";
    } else {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < lines->size(); ++i) {
            const auto& line = (*lines)[i];
            const std::string key = "lines[" + std::to_string(i) + "]";
            if (!line.is_object()) {
                errors[key] = "Each line needs product_id and qty.";
                continue;
            }
            LineRequest lr;
            const auto pid = line.find("product_id");
            const auto vid = line.find("variant_id");
            const bool variant_ok = vid == line.end() || vid->is_null() ||
                                    (vid->is_string() && vid->get_ref<const std::string&>().size() <= 64);
            if (!variant_ok) errors[key + ".variant_id"] = "Unknown variant.";
            else if (vid != line.end() && vid->is_string()) lr.variant_id = vid->get<std::string>();
            if (pid == line.end() || !pid->is_string() || pid->get_ref<const std::string&>().empty() ||
                pid->get_ref<const std::string&>().size() > 64) {
                errors[key + ".product_id"] = "Unknown product.";
            } else {
                lr.product_id = pid->get<std::string>();
                if (variant_ok && !seen.insert(lr.product_id + "\n" + lr.variant_id).second)
                    errors[key + ".product_id"] = "This product is listed twice: combine the quantities.";
            }
            const auto qty = line.find("qty");
            const auto value = qty != line.end() ? whole_number(*qty) : std::nullopt;
            if (!value || *value < 1 || *value > kMaxLineQty) errors[key + ".qty"] = "Quantity must be a whole number from 1 to 99.";
            else lr.qty = *value;
            req.lines.push_back(std::move(lr));
        }
    }

    const auto ship_to = body.find("ship_to");
    if (address_optional && ship_to != body.end() && ship_to->is_null()) {
        // priced without an address (a cart before checkout): shipping does not depend on it
    } else if (address_optional && ship_to == body.end()) {
        errors["ship_to"] = "Give a shipping address, or null to price without one.";
    } else if (ship_to == body.end() || !ship_to->is_object()) {
        errors["ship_to"] = "A shipping address is required.";
    } else {
        req.ship_to = ship_to->get<Address>();
        for (auto& [k, v] : validate_address(req.ship_to)) errors[k] = v;
    }

    const auto pay = body.find("pay_currency");
    const auto pay_currency = pay != body.end() && pay->is_string() ? parse_currency(pay->get<std::string>()) : std::nullopt;
    if (!pay_currency || is_fiat(*pay_currency)) errors["pay_currency"] = "Choose BTC or USDT.";
    else req.pay_currency = *pay_currency;

    if (const auto lang = body.find("lang"); lang != body.end() && !lang->is_null()) {
        if (lang->is_string() && *lang == "zh-CN") req.lang = Lang::zh_CN;
        else if (lang->is_string() && *lang == "en") req.lang = Lang::en;
        else errors["lang"] = "Language must be en or zh-CN.";
    }

    if (const auto coupon = body.find("coupon"); coupon != body.end() && !coupon->is_null()) {
        const std::string code = coupon->is_string() ? upper(coupon->get<std::string>()) : std::string("?");
        if (!code.empty() && !valid_coupon_code(code)) errors["coupon"] = "This coupon code is not valid.";
        else req.coupon = code;
    }

    if (const auto points = body.find("use_points"); points != body.end() && !points->is_null()) {
        const auto value = whole_number(*points);
        if (!value || !points_in_range(*value)) errors["use_points"] = "Points must be a whole number, zero or more.";
        else req.use_points = *value;
    }
    return out;
}

nlohmann::json to_request_json(const OrderRequest& r, bool without_address) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : r.lines) {
        nlohmann::json line = {{"product_id", l.product_id}, {"qty", l.qty}};
        if (!l.variant_id.empty()) line["variant_id"] = l.variant_id;
        lines.push_back(std::move(line));
    }
    nlohmann::json j = {{"lines", lines},
                        {"ship_to", without_address ? nlohmann::json(nullptr) : nlohmann::json(r.ship_to)},
                        {"pay_currency", r.pay_currency},
                        {"lang", r.lang}};
    if (!r.coupon.empty()) j["coupon"] = r.coupon;
    if (r.use_points > 0) j["use_points"] = r.use_points;
    return j;
}

std::optional<Quote> make_quote(std::string id, std::int64_t fiat_total_minor, Currency crypto,
                                std::int64_t rate_minor_per_unit, std::int64_t now) {
    const auto amount = convert_ceil(fiat_total_minor, rate_minor_per_unit, crypto);
    if (!amount) return std::nullopt;
    return Quote{std::move(id), crypto, *amount, rate_minor_per_unit, now, now + kQuoteValidityS};
}

std::string line_name(const OrderLine& l) { return l.variant.empty() ? l.title : l.title + " (" + l.variant + ")"; }

nlohmann::json order_summary(const Order& o) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : o.lines)
        lines.push_back({{"sku", l.sku}, {"title", l.title}, {"qty", l.qty},
                         {"unit_price", amount_to_string(l.unit_price_minor)},
                         {"line_total", amount_to_string(l.line_total_minor)}});
    return {
        {"store", o.store},
        {"order", o.id},
        {"currency", o.fiat},
        {"lines", lines},
        {"subtotal", amount_to_string(o.totals.subtotal_minor)},
        {"shipping", amount_to_string(o.totals.shipping_minor)},
        {"discount", amount_to_string(o.totals.discount_minor)},
        {"total", amount_to_string(o.totals.total_minor)},
        {"ship_to", o.ship_to},
    };
}

void to_json(nlohmann::json& j, const Quote& q) {
    j = {{"id", q.id},
         {"currency", q.currency},
         {"amount", amount_to_string(q.amount)},
         {"rate", amount_to_string(q.rate_minor_per_unit)},
         {"created_at", rfc3339(q.created_at_unix_s)},
         {"expires_at", rfc3339(q.expires_at_unix_s)}};
}

void from_json(const nlohmann::json& j, Quote& q) {
    q.id = j.at("id").get<std::string>();
    q.currency = enum_at<Currency>(j, "currency");
    const auto amount = parse_amount_minor(j.at("amount").get<std::string>());
    const auto rate = parse_amount_minor(j.at("rate").get<std::string>());
    const auto created = parse_rfc3339(j.value("created_at", rfc3339(0)));
    const auto expires = parse_rfc3339(j.at("expires_at").get<std::string>());
    if (!amount || !rate || !created || !expires) throw std::invalid_argument("malformed quote");
    q.amount = *amount;
    q.rate_minor_per_unit = *rate;
    q.created_at_unix_s = *created;
    q.expires_at_unix_s = *expires;
}

void to_json(nlohmann::json& j, const PaymentRecord& p) {
    j = {{"id", p.id},
         {"order", p.order_id},
         {"status", "settled"},
         {"payer", p.payer},
         {"currency", p.currency},
         {"amount", amount_to_string(p.amount)},
         {"authorization", p.authorization},
         {"sig", p.sig},
         {"created_at", rfc3339(p.created_at_unix_s)}};
}

void from_json(const nlohmann::json& j, PaymentRecord& p) {
    p.id = j.at("id").get<std::string>();
    p.order_id = j.at("order").get<std::string>();
    p.payer = j.at("payer").get<std::string>();
    p.currency = enum_at<Currency>(j, "currency");
    const auto amount = parse_amount_minor(j.at("amount").get<std::string>());
    const auto created = parse_rfc3339(j.at("created_at").get<std::string>());
    if (!amount || !created) throw std::invalid_argument("malformed payment");
    p.amount = *amount;
    p.authorization = j.at("authorization");
    p.sig = j.at("sig").get<std::string>();
    p.created_at_unix_s = *created;
}

void to_json(nlohmann::json& j, const Order& o) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : o.lines)
        lines.push_back({{"id", l.id}, {"product_id", l.product_id}, {"variant_id", l.variant_id}, {"sku", l.sku},
                         {"title", l.title}, {"variant", l.variant}, {"qty", l.qty},
                         {"unit_price", fiat(l.unit_price_minor, o.fiat)}, {"line_total", fiat(l.line_total_minor, o.fiat)}});
    nlohmann::json timeline = nlohmann::json::array();
    for (const auto& t : o.timeline)
        timeline.push_back({{"at", rfc3339(t.at_unix_s)}, {"status", t.status}, {"actor", t.actor}, {"note", t.note}});
    j = {
        {"id", o.id},
        {"number", o.number},
        {"store", o.store},
        {"status", o.status},
        {"payment_status", o.payment_status},
        {"lang", o.lang},
        {"lines", lines},
        {"subtotal", fiat(o.totals.subtotal_minor, o.fiat)},
        {"shipping", fiat(o.totals.shipping_minor, o.fiat)},
        {"coupon_discount", fiat(o.totals.coupon_discount_minor, o.fiat)},
        {"points_used", o.totals.points_used},
        {"discount", fiat(o.totals.discount_minor, o.fiat)},
        {"total", fiat(o.totals.total_minor, o.fiat)},
        {"coupon", o.coupon.empty() ? nlohmann::json() : nlohmann::json(o.coupon)},
        {"ship_to", o.ship_to},
        {"pay_currency", o.pay_currency},
        {"quote", o.quote ? nlohmann::json(*o.quote) : nlohmann::json()},
        {"created_at", rfc3339(o.created_at_unix_s)},
        {"pay_by", rfc3339(o.pay_by_unix_s)},
        {"delivered_at", o.delivered_at_unix_s ? nlohmann::json(rfc3339(o.delivered_at_unix_s)) : nlohmann::json()},
        {"timeline", timeline},
        {"payment", o.payment ? nlohmann::json(*o.payment) : nlohmann::json()},
        {"shipments", o.shipments},
        {"refunds", o.refunds},
        {"returns", o.returns},
    };
}

void from_json(const nlohmann::json& j, Order& o) {
    o.id = j.at("id").get<std::string>();
    o.number = j.at("number").get<std::string>();
    o.store = j.at("store").get<std::string>();
    o.status = enum_at<OrderStatus>(j, "status");
    o.payment_status = enum_at<PaymentStatus>(j, "payment_status");
    o.lang = enum_at<Lang>(j, "lang");
    const Money total = j.at("total").get<Money>();
    o.fiat = total.currency;
    o.lines.clear();
    for (const auto& l : j.at("lines"))
        o.lines.push_back({l.at("id").get<std::string>(), l.at("product_id").get<std::string>(),
                           l.at("sku").get<std::string>(), l.at("title").get<std::string>(), l.at("qty").get<std::int64_t>(),
                           l.at("unit_price").get<Money>().amount_minor, l.at("line_total").get<Money>().amount_minor,
                           l.value("variant_id", std::string()), l.value("variant", std::string())});
    o.totals.subtotal_minor = j.at("subtotal").get<Money>().amount_minor;
    o.totals.shipping_minor = j.at("shipping").get<Money>().amount_minor;
    o.totals.coupon_discount_minor = j.at("coupon_discount").get<Money>().amount_minor;
    o.totals.points_used = j.at("points_used").get<std::int64_t>();
    o.totals.discount_minor = j.at("discount").get<Money>().amount_minor;
    o.totals.total_minor = total.amount_minor;
    o.coupon = j.at("coupon").is_string() ? j.at("coupon").get<std::string>() : "";
    o.ship_to = j.at("ship_to").get<Address>();
    o.pay_currency = enum_at<Currency>(j, "pay_currency");
    o.quote = j.at("quote").is_null() ? std::nullopt : std::optional<Quote>(j.at("quote").get<Quote>());
    const auto created = parse_rfc3339(j.at("created_at").get<std::string>());
    const auto pay_by = parse_rfc3339(j.at("pay_by").get<std::string>());
    if (!created || !pay_by) throw std::invalid_argument("malformed order time");
    o.created_at_unix_s = *created;
    o.pay_by_unix_s = *pay_by;
    o.shipments = j.at("shipments").get<std::vector<Shipment>>();
    o.refunds = j.at("refunds").get<std::vector<Refund>>();
    o.returns = j.at("returns").get<std::vector<ReturnRequest>>();
    o.payment = j.at("payment").is_null() ? std::nullopt
                                          : std::optional<PaymentRecord>(j.at("payment").get<PaymentRecord>());
    o.timeline.clear();
    for (const auto& t : j.at("timeline")) {
        const auto at = parse_rfc3339(t.at("at").get<std::string>());
        if (!at) throw std::invalid_argument("malformed timeline time");
        o.timeline.push_back({*at, t.at("status").get<std::string>(), t.at("actor").get<std::string>(),
                              t.at("note").get<std::string>()});
    }
}

std::int64_t refunded_total(const Order& order) {
    std::int64_t sum = 0;
    for (const auto& r : order.refunds) sum += r.amount;
    return sum;
}

std::string rfc3339(std::int64_t unix_s) {
    std::int64_t days = unix_s / 86400, secs = unix_s % 86400;
    if (secs < 0) { secs += 86400; --days; }
    // civil_from_days (H. Hinnant)
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    char buf[32];
    const int h = static_cast<int>(secs / 3600), mi = static_cast<int>(secs / 60 % 60), s = static_cast<int>(secs % 60);
    std::string out = std::to_string(y);
    auto two = [&](unsigned v) { buf[0] = static_cast<char>('0' + v / 10); buf[1] = static_cast<char>('0' + v % 10); return std::string(buf, 2); };
    out += "-" + two(m) + "-" + two(d) + "T" + two(static_cast<unsigned>(h)) + ":" + two(static_cast<unsigned>(mi)) + ":" +
           two(static_cast<unsigned>(s)) + "Z";
    return out;
}

std::optional<std::int64_t> parse_rfc3339(const std::string& t) {
    // RFC 3339 §5.6 date-time: full-date "T" full-time, where full-time is
    // HH:MM:SS[.frac](Z | ±HH:MM); "t" and "z" are allowed too (§5.6 note). Carriers send
    // offsets ("+08:00") and fractions; both are folded into whole UTC seconds.
    auto digits = [&](std::size_t pos, std::size_t len) -> std::int64_t {
        if (pos + len > t.size()) return -1;
        std::int64_t v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    auto at = [&](std::size_t pos, char c) { return pos < t.size() && t[pos] == c; };
    if (t.size() < 20 || !at(4, '-') || !at(7, '-') || !(at(10, 'T') || at(10, 't')) || !at(13, ':') || !at(16, ':'))
        return std::nullopt;
    const auto y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2), h = digits(11, 2), mi = digits(14, 2),
               s = digits(17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
        return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[mo - 1] + (mo == 2 && leap ? 1 : 0)) return std::nullopt;
    std::size_t pos = 19;
    if (at(pos, '.')) {
        const std::size_t first = ++pos;
        while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
        if (pos == first) return std::nullopt;
    }
    std::int64_t offset_s = 0;
    if (at(pos, 'Z') || at(pos, 'z')) {
        ++pos;
    } else if (at(pos, '+') || at(pos, '-')) {
        const auto oh = digits(pos + 1, 2), om = digits(pos + 4, 2);
        if (oh < 0 || oh > 23 || !at(pos + 3, ':') || om < 0 || om > 59) return std::nullopt;
        offset_s = (t[pos] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != t.size()) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s -
           offset_s;
}

}  // namespace satstore
