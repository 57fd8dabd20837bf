#include "core/fulfilment.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/enum_json.hpp"
#include "core/order.hpp"

namespace satstore {
namespace {
__extension__ typedef __int128 int128;
}

std::optional<RefundStatus> refund_transition(RefundStatus from, RefundStatus to) {
    if (from == RefundStatus::pending && to == RefundStatus::succeeded) return to;
    return std::nullopt;
}

const std::vector<Carrier>& carriers() {
    static const std::vector<Carrier> list = {
        {"sf", "SF Express", "顺丰速运", "https://www.sf-express.com/chn/en/waybill/waybill-detail/"},
        {"ems", "China Post EMS", "中国邮政 EMS", "https://www.ems.com.cn/qps/yjcx?mailNum="},
        {"jd", "JD Logistics", "京东物流", "https://www.jdl.com/orderSearch/?waybillCodes="},
        {"ups", "UPS", "UPS", "https://www.ups.com/track?tracknum="},
        {"dhl", "DHL Express", "DHL 国际快递", "https://www.dhl.com/en/express/tracking.html?AWB="},
    };
    return list;
}

std::optional<Carrier> find_carrier(const std::string& code) {
    for (const auto& c : carriers())
        if (c.code == code) return c;
    return std::nullopt;
}

const std::string& carrier_name(const Carrier& carrier, Lang lang) {
    return lang == Lang::zh_CN && !carrier.name_zh.empty() ? carrier.name_zh : carrier.name;
}

std::string carrier_display_name(const std::string& code, Lang lang) {
    const auto carrier = find_carrier(code);
    return carrier ? carrier_name(*carrier, lang) : code;
}

std::string tracking_url(const Carrier& carrier, const std::string& tracking_number) {
    return carrier.tracking_url_prefix + tracking_number;
}

bool is_valid_tracking_number(const std::string& n) {
    return n.size() >= 6 && n.size() <= 40 && std::all_of(n.begin(), n.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
           });
}

std::int64_t line_refund_amount(const Order& o, std::int64_t paid, const OrderLine& line, std::int64_t qty) {
    const auto& t = o.totals;
    if (t.total_minor <= 0 || t.subtotal_minor <= 0 || qty <= 0) return 0;
    const int128 goods_after_discount = t.subtotal_minor - t.discount_minor;
    const int128 value = static_cast<int128>(line.unit_price_minor) * qty * goods_after_discount;
    return static_cast<std::int64_t>(static_cast<int128>(paid) * value / (static_cast<int128>(t.subtotal_minor) * t.total_minor));
}

void to_json(nlohmann::json& j, const Shipment& s) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : s.events)
        events.push_back({{"at", rfc3339(e.at_unix_s)}, {"status", e.status}, {"location", e.location},
                          {"description", e.description}});
    const auto carrier = find_carrier(s.carrier);
    j = {{"id", s.id},
         {"carrier", s.carrier},
         {"carrier_name", carrier ? carrier->name : s.carrier},
         {"tracking_number", s.tracking_number},
         {"tracking_url", carrier ? tracking_url(*carrier, s.tracking_number) : ""},
         {"status", s.status},
         {"created_at", rfc3339(s.created_at_unix_s)},
         {"events", events}};
}

void from_json(const nlohmann::json& j, Shipment& s) {
    s.id = j.at("id").get<std::string>();
    s.carrier = j.at("carrier").get<std::string>();
    s.tracking_number = j.at("tracking_number").get<std::string>();
    s.status = enum_at<TrackingStatus>(j, "status");
    s.created_at_unix_s = parse_rfc3339(j.at("created_at").get<std::string>()).value_or(0);
    s.events.clear();
    for (const auto& e : j.at("events"))
        s.events.push_back({parse_rfc3339(e.at("at").get<std::string>()).value_or(0), enum_at<TrackingStatus>(e, "status"),
                            e.at("location").get<std::string>(), e.at("description").get<std::string>()});
}

void to_json(nlohmann::json& j, const Refund& r) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : r.lines) lines.push_back({{"line_id", l.line_id}, {"qty", l.qty}});
    j = {{"id", r.id},
         {"payer", r.payer},
         {"amount", {{"amount", amount_to_string(r.amount)}, {"currency", r.currency}}},
         {"status", r.status},
         {"reason", r.reason},
         {"lines", lines},
         {"actor", r.actor},
         {"created_at", rfc3339(r.created_at_unix_s)},
         {"succeeded_at", r.succeeded_at_unix_s ? nlohmann::json(rfc3339(r.succeeded_at_unix_s)) : nlohmann::json()},
         {"expected_arrival", {{"earliest", rfc3339(r.created_at_unix_s)},
                               {"latest", rfc3339(r.created_at_unix_s + kRefundWindowS)}}}};
}

void from_json(const nlohmann::json& j, Refund& r) {
    r.id = j.at("id").get<std::string>();
    r.payer = j.at("payer").get<std::string>();
    const Money amount = j.at("amount").get<Money>();
    r.amount = amount.amount_minor;
    r.currency = amount.currency;
    r.status = enum_at<RefundStatus>(j, "status");
    r.reason = j.at("reason").get<std::string>();
    r.lines.clear();
    for (const auto& l : j.at("lines")) r.lines.push_back({l.at("line_id").get<std::string>(), l.at("qty").get<std::int64_t>()});
    r.actor = j.at("actor").get<std::string>();
    r.created_at_unix_s = parse_rfc3339(j.at("created_at").get<std::string>()).value_or(0);
    r.succeeded_at_unix_s = j.at("succeeded_at").is_string() ? parse_rfc3339(j.at("succeeded_at").get<std::string>()).value_or(0) : 0;
}

PaymentStatus payment_status_after(std::int64_t paid, std::int64_t refunded) {
    if (refunded <= 0) return PaymentStatus::paid;
    return refunded >= paid ? PaymentStatus::refunded : PaymentStatus::partially_refunded;
}

}  // namespace satstore
