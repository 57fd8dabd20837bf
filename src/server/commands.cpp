#include "server/commands.hpp"

#include <fstream>
#include <istream>
#include <ostream>
#include <string>

#include "core/account.hpp"
#include "core/authorization.hpp"
#include "core/json_text.hpp"
#include "server/catalog_csv.hpp"
#include "server/auth/secrets.hpp"

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

int catalog_import_command(Store& store, const Config& config, const CatalogArgs& args, std::int64_t now,
                           std::ostream& out) {
    std::ifstream file(args.file, std::ios::binary);
    if (!file) {
        out << "cannot read " << args.file << "\n";
        return 1;
    }
    // One byte past the bound is enough to refuse a file that is too large.
    std::string text(kMaxCsvBytes + 1, '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(file.gcount()));
    const CatalogImportReport report = import_catalog_csv(store, text, config.fiat, {"cli", ""}, now, args.dry_run);
    for (const CsvError& e : report.errors)
        out << "row " << e.row << ", column " << (e.column.empty() ? "-" : e.column) << ": " << e.message << "\n";
    if (!report.errors.empty()) {
        out << report.errors.size() << (report.errors.size() == 1 ? " error" : " errors") << ": nothing imported\n";
        return 1;
    }
    out << (args.dry_run ? "dry run: would create " : "created ") << report.created << " and "
        << (args.dry_run ? "update " : "updated ") << report.updated << " products\n";
    return 0;
}

int catalog_export_command(Store& store, std::ostream& out) {
    out << export_catalog_csv(store);
    out.flush();
    return out ? 0 : 1;
}

int create_user_command(Store& store, const CreateUserArgs& args, std::istream& in, std::ostream& out, std::ostream& err,
                        std::int64_t now) {
    std::string password;
    std::getline(in, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (auto problem = password_problem(password)) {
        err << "satstore: create-user: the password (the first line of standard input) is refused: " << *problem << "\n";
        return 1;
    }
    NewStaffUser n;
    n.user.id = secrets::new_id("usr");
    n.user.email = args.email;
    n.user.display_name = args.display_name;
    n.user.password_hash = secrets::hash_password(password);
    n.user.roles = args.roles;
    n.user.created_at_unix_s = now;
    n.actor = {"cli", ""};
    n.now_unix_s = now;
    if (store.create_staff_user(n).outcome == StaffOutcome::email_taken) {
        err << "satstore: create-user: an account with the email " << args.email << " already exists\n";
        return 1;
    }
    std::string roles;
    for (Role r : args.roles) roles += (roles.empty() ? "" : ",") + nlohmann::json(r).get<std::string>();
    out << "created " << roles << " account " << n.user.id << " <" << args.email << ">: log in with this email and password\n";
    return 0;
}

}  // namespace satstore::server
