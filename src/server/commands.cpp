#include "server/commands.hpp"

#include <istream>
#include <ostream>
#include <string>

#include "core/authorization.hpp"
#include "core/json_text.hpp"

namespace satstore::server {
namespace {

// "" when the payment verifies, else the reason.
std::string check(const nlohmann::json& fields, const std::string& sig, const std::string& pubkey) {
    const auto parsed = parse_authorization(fields);
    if (!parsed.errors.empty()) return "malformed " + parsed.errors.begin()->first;
    if (parsed.authorization.payer != pubkey) return "payer is not the given public key";
    if (!verify_authorization(parsed.authorization, sig)) return "signature does not verify";
    return "";
}

}  // namespace

int verify_payment_command(std::istream& in, std::ostream& out) {
    std::string line;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto [j, error] = json_text::parse(line);
        std::string reason;
        if (error == json_text::ParseError::too_deep) reason = "nested too deeply";
        else if (error || !j.is_object()) reason = "not a JSON object";
        else if (!j.contains("pubkey") || !j["pubkey"].is_string()) reason = "missing pubkey";
        else if (!j.contains("sig") || !j["sig"].is_string()) reason = "missing sig";
        else if (!j.contains("fields")) reason = "missing fields";
        else reason = check(j["fields"], j["sig"].get<std::string>(), j["pubkey"].get<std::string>());
        out << (reason.empty() ? "valid" : "invalid: " + reason) << "\n";
    }
    out.flush();
    return 0;
}

int audit_command(Store& store, std::ostream& out) {
    int violations = 0;
    const auto payments = store.all_payments();
    for (const auto& p : payments) {
        std::string reason = check(p.authorization, p.sig, p.payer);
        const auto parsed = parse_authorization(p.authorization);
        if (reason.empty() && (parsed.authorization.amount != p.amount || parsed.authorization.currency != p.currency ||
                               parsed.authorization.order != p.order_id))
            reason = "stored amount, currency or order differs from the signed authorization";
        if (!reason.empty()) {
            out << "payment " << p.id << " (order " << p.order_id << "): " << reason << "\n";
            ++violations;
        }
    }
    for (const auto& v : store.ledger_violations()) {
        out << v << "\n";
        ++violations;
    }
    out << "audit: " << payments.size() << " payments checked, " << violations << " violations\n";
    return violations == 0 ? 0 : 1;
}

}  // namespace satstore::server
