#include "core/api/problem.hpp"

#include <cstdlib>

#include "core/enum_json.hpp"

namespace satstore::api {
namespace {

template <typename T>
void read(const nlohmann::json& j, const char* name, std::optional<T>& out) {
    const auto it = j.find(name);
    if (it == j.end()) return;
    if constexpr (std::is_same_v<T, std::string>) {
        if (it->is_string()) out = it->get<std::string>();
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        if (it->is_number_integer()) out = it->get<std::int64_t>();
    } else if (it->is_string()) {
        out = parse_enum<T>(it->get<std::string>());
    }
}

void read_amount(const nlohmann::json& j, const char* name, std::optional<std::int64_t>& out) {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string()) return;
    const std::string text = it->get<std::string>();
    const bool negative = !text.empty() && text[0] == '-';
    if (const auto v = parse_amount_minor(negative ? text.substr(1) : text)) out = negative ? -*v : *v;
}

ReservedMember g_reserved_policy = kReservedMemberDefault;

}  // namespace

void set_reserved_member_policy(ReservedMember policy) { g_reserved_policy = policy; }

nlohmann::json problem_json(const ProblemHead& head, const nlohmann::json& extension_members) {
    nlohmann::json body = extension_members.is_object() ? extension_members : nlohmann::json::object();
    for (std::string_view reserved : kReservedProblemMembers) {
        if (body.contains(std::string(reserved)) && g_reserved_policy == ReservedMember::abort) std::abort();
    }
    const std::string code = problem_code_name(head.code);
    body["type"] = "urn:satstore:problem:" + code;
    body["title"] = head.title;
    body["status"] = head.status;
    body["detail"] = head.detail;
    body["code"] = code;
    if (!head.row_errors.empty()) body["errors"] = head.row_errors;
    else if (head.errors.empty()) body.erase("errors");
    else body["errors"] = head.errors;
    body.erase("instance");
    return body;
}

std::string problem_code_name(ProblemCode code) { return enum_name(code); }

std::optional<ProblemCode> parse_problem_code(std::string_view name) { return parse_enum<ProblemCode>(name); }

void to_json(nlohmann::json& j, const ProblemExtras& e) {
    if (!j.is_object()) j = nlohmann::json::object();
    if (e.retry_after_s) j["retry_after"] = *e.retry_after_s;
    if (e.order_status) j["order_status"] = *e.order_status;
    if (e.currency) j["currency"] = *e.currency;
    if (e.balance_minor) j["balance"] = amount_to_string(*e.balance_minor);
    if (e.amount_minor) j["amount"] = amount_to_string(*e.amount_minor);
    if (e.shortfall_minor) j["shortfall"] = amount_to_string(*e.shortfall_minor);
    if (e.refundable_minor) j["refundable"] = amount_to_string(*e.refundable_minor);
    if (e.product_id) j["product_id"] = *e.product_id;
    if (e.variant_id) j["variant_id"] = *e.variant_id;
    if (e.available) j["available"] = *e.available;
    if (e.secret_kind) j["secret_kind"] = *e.secret_kind;
}

void from_json(const nlohmann::json& j, ProblemExtras& e) {
    e = ProblemExtras{};
    if (!j.is_object()) return;
    read(j, "retry_after", e.retry_after_s);
    read(j, "order_status", e.order_status);
    read(j, "currency", e.currency);
    read_amount(j, "balance", e.balance_minor);
    read_amount(j, "amount", e.amount_minor);
    read_amount(j, "shortfall", e.shortfall_minor);
    read_amount(j, "refundable", e.refundable_minor);
    read(j, "product_id", e.product_id);
    read(j, "variant_id", e.variant_id);
    read(j, "available", e.available);
    read(j, "secret_kind", e.secret_kind);
}

}  // namespace satstore::api
