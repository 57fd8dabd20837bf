#include "server/config.hpp"

#include "core/api/staff.hpp"
#include "core/fulfilment.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>
#include <stdexcept>

namespace satstore::server {
namespace {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

bool parse_bool(const std::string& name, const std::string& v) {
    if (v == "1" || v == "true" || v == "yes" || v.empty()) return true;
    if (v == "0" || v == "false" || v == "no") return false;
    throw std::invalid_argument(name + ": expected true or false, got '" + v + "'");
}

// A whole number from 1 to 604800 (a week of seconds; also bounds the per-minute rates).
std::int64_t parse_seconds(const std::string& name, const std::string& v) {
    char* end = nullptr;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1 || n > 7 * 24 * 3600)
        throw std::invalid_argument(name + ": expected a whole number from 1 to 604800, got '" + v + "'");
    return n;
}

// An http(s) URL without query or fragment ("https://shop.example", "https://x.example/shop");
// a trailing slash is dropped.
std::string parse_public_url(std::string v) {
    if (!v.empty() && v.back() == '/') v.pop_back();
    const bool scheme = v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0;
    const std::size_t host_at = v.find("://") + 3;
    if (!scheme || v.size() <= host_at || v.find_first_of("?# ", host_at) != std::string::npos)
        throw std::invalid_argument("public-url: expected a URL such as https://shop.example, got '" + v + "'");
    return v;
}

// A comma-separated list of origins ("https://shop.example,http://localhost:5173"): each a scheme,
// a host and an optional port, nothing after. "*" is refused: the list is also the page's
// frame-ancestors, and a wildcard would let any site frame the pay and wallet screens.
std::vector<std::string> parse_origins(const std::string& text) {
    std::vector<std::string> out;
    for (std::string origin : split_list(text)) {
        if (origin == "*" || origin == "null")
            throw std::invalid_argument("cors-origins: '" + origin +
                                        "' is not allowed; list each origin explicitly, e.g. https://shop.example");
        if (!origin.empty() && origin.back() == '/') origin.pop_back();
        const bool scheme = origin.rfind("http://", 0) == 0 || origin.rfind("https://", 0) == 0;
        const std::size_t host_at = scheme ? origin.find("://") + 3 : 0;
        if (!scheme || origin.size() <= host_at || origin.find_first_of("/?#*@ ", host_at) != std::string::npos)
            throw std::invalid_argument("cors-origins: expected origins such as https://shop.example, got '" + origin + "'");
        out.push_back(origin);
    }
    return out;
}

// Milliseconds from 0 to 60000 (0 turns the catalog cache off).
std::chrono::milliseconds parse_cache_ms(const std::string& name, const std::string& v) {
    char* end = nullptr;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 0 || n > 60000)
        throw std::invalid_argument(name + ": expected milliseconds from 0 to 60000, got '" + v + "'");
    return std::chrono::milliseconds(n);
}

std::uint16_t parse_port(const std::string& v) {
    char* end = nullptr;
    const long port = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || port < 0 || port > 65535)
        throw std::invalid_argument("port: expected 0-65535, got '" + v + "'");
    return static_cast<std::uint16_t>(port);
}

// Sets one option by its flag name (without dashes). Returns false for an unknown name.
bool set_option(Config& c, const std::string& name, const std::string& value) {
    if (name == "host") c.host = value;
    else if (name == "port") c.port = parse_port(value);
    else if (name == "db") c.db = value.find(':') == std::string::npos ? "sqlite:" + value : value;
    else if (name == "web-root") c.web_root = value;
    else if (name == "assets-root") c.assets_root = value;
    else if (name == "demo") c.demo = parse_bool(name, value);
    else if (name == "threads") {
        const int n = std::atoi(value.c_str());
        if (n < 1 || n > 64) throw std::invalid_argument("threads: expected 1-64, got '" + value + "'");
        c.threads = static_cast<unsigned>(n);
    } else if (name == "catalog-cache-ms") c.catalog_cache_max_age = parse_cache_ms(name, value);
    else if (name == "cors-origins") c.cors_origins = parse_origins(value);
    else if (name == "unpaid-order-ttl-s") c.unpaid_order_ttl_s = parse_seconds(name, value);
    else if (name == "sweep-period-s") c.sweep_period_s = static_cast<int>(parse_seconds(name, value));
    else if (name == "carrier-secrets") {
        c.carrier_secrets.clear();
        for (const auto& item : split_list(value)) {
            const auto eq = item.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
                throw std::invalid_argument("carrier-secrets: expected carrier=secret pairs separated by commas");
            c.carrier_secrets[item.substr(0, eq)] = item.substr(eq + 1);
        }
    } else if (name == "login-rate-per-minute") {
        c.login_attempts_per_ip_per_minute = static_cast<int>(parse_seconds(name, value));
    } else if (name == "reset-rate-per-minute") {
        c.reset_requests_per_ip_per_minute = static_cast<int>(parse_seconds(name, value));
    } else if (name == "store-id") c.store_id = value;
    else if (name == "store-name") c.store_name = value;
    // Support tickets (issue 6)
    else if (name == "support-email") c.support_email = value;
    else if (name == "support-phone") c.support_phone = value;
    else if (name == "support-hours") c.support_hours = value;
    else if (name == "support-hours-zh") c.support_hours_zh = value;
    else if (name == "ticket-first-response-s") c.ticket_first_response_s = parse_seconds(name, value);
    // Account security (issue 7)
    else if (name == "public-url") c.public_url = parse_public_url(value);
    else return false;
    return true;
}

constexpr const char* kOptions[] = {"host", "port", "db", "web-root", "assets-root", "demo", "threads",
                                    "catalog-cache-ms", "cors-origins", "store-id", "store-name", "unpaid-order-ttl-s", "sweep-period-s",
                                    "carrier-secrets", "login-rate-per-minute", "reset-rate-per-minute",
                                    // Support tickets (issue 6)
                                    "support-email", "support-phone", "support-hours", "support-hours-zh",
                                    "ticket-first-response-s",
                                    // Account security (issue 7)
                                    "public-url"};

// The options only `create-user` takes. Returns false for another name.
bool set_create_user_option(CreateUserArgs& a, const std::string& name, const std::string& value) {
    if (name == "email") {
        a.email = normalize_email(value);
        if (!is_valid_email(a.email)) throw std::invalid_argument("email: expected an email address, got '" + value + "'");
    } else if (name == "role") {
        const auto role = parse_role(value);
        if (!role || !api::is_staff_role(*role))
            throw std::invalid_argument("role: expected merchant, agent or admin, got '" + value + "'");
        if (std::find(a.roles.begin(), a.roles.end(), *role) == a.roles.end()) a.roles.push_back(*role);
    } else if (name == "display-name") {
        if (value.size() > kMaxDisplayNameBytes) throw std::invalid_argument("display-name: at most 80 bytes");
        a.display_name = value;
    } else {
        return false;
    }
    return true;
}

}  // namespace

Invocation parse_invocation(int argc, char** argv) {
    Invocation inv;
    inv.command = "serve";
    for (const char* name : kOptions) {
        std::string env = "SATSTORE_";
        for (const char* p = name; *p; ++p) env += *p == '-' ? '_' : static_cast<char>(std::toupper(*p));
        if (const char* v = std::getenv(env.c_str())) set_option(inv.config, name, v);
    }
    int i = 1;
    if (i < argc && argv[i][0] != '-') inv.command = argv[i++];
    for (; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") { inv.command = "help"; continue; }
        if (inv.command == "catalog" && arg.rfind("--", 0) != 0) {  // catalog import FILE.csv
            if (inv.catalog.action.empty()) inv.catalog.action = arg;
            else if (inv.catalog.file.empty() && inv.catalog.action == "import") inv.catalog.file = arg;
            else throw std::invalid_argument("unexpected argument '" + arg + "'");
            continue;
        }
        if (inv.command == "catalog" && arg == "--dry-run") { inv.catalog.dry_run = true; continue; }
        if (arg.rfind("--", 0) != 0) throw std::invalid_argument("unexpected argument '" + arg + "'");
        std::string name = arg.substr(2), value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        } else if (name == "demo") {
            value = "true";
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            throw std::invalid_argument("--" + name + " needs a value");
        }
        if (inv.command == "create-user" && set_create_user_option(inv.create_user, name, value)) continue;
        if (!set_option(inv.config, name, value)) throw std::invalid_argument("unknown option --" + name);
    }
    static const std::set<std::string> commands = {"serve", "migrate", "seed-demo", "audit", "verify-payment", "catalog",
                                                   "create-user", "help"};
    if (inv.config.demo && inv.config.carrier_secrets.empty())
        for (const auto& carrier : carriers()) inv.config.carrier_secrets[carrier.code] = "demo-secret-" + carrier.code;
    if (!commands.count(inv.command))
        throw std::invalid_argument("unknown command '" + inv.command + "'");
    if (inv.command == "catalog" && !(inv.catalog.action == "export" || (inv.catalog.action == "import" && !inv.catalog.file.empty())))
        throw std::invalid_argument("expected catalog import FILE.csv [--dry-run] or catalog export");
    if (inv.command == "catalog" && inv.catalog.dry_run && inv.catalog.action != "import")
        throw std::invalid_argument("--dry-run goes with catalog import");
    if (inv.command == "create-user" && (inv.create_user.email.empty() || inv.create_user.roles.empty()))
        throw std::invalid_argument("create-user needs --email and at least one --role");
    return inv;
}

std::string usage() {
    return "usage: satstore [serve|migrate|seed-demo|audit|verify-payment] [options]\n"
           "       satstore catalog import FILE.csv [--dry-run] [options]   |   satstore catalog export [options] > FILE.csv\n"
           "       satstore create-user --email EMAIL --role admin|merchant|agent [--role …] [--display-name NAME]\n"
           "                            [options] < password\n"
           "  serve           apply migrations and serve the API and the web bundle (default)\n"
           "  migrate         apply database migrations and exit\n"
           "  seed-demo       load the demo catalog and demo accounts and exit\n"
           "  audit           re-verify every stored payment signature and the ledger; exit 1 on a violation\n"
           "  verify-payment  read JSON lines {pubkey, fields, sig} on stdin, print valid / invalid: reason\n"
           "  catalog import  import products and variants from a CSV file, all or nothing (--dry-run: check\n"
           "                  only); prints every error as 'row N, column C: message' and exits 1 when any\n"
           "  catalog export  write the whole catalog as CSV (the import's format) to standard output\n"
           "  create-user     create a staff account (e.g. the first admin); its password is the first line\n"
           "                  of standard input; exit 1 when the email is taken or the password is weak\n"
           "options (environment variable in brackets):\n"
           "  --host ADDR          listen address [SATSTORE_HOST] (127.0.0.1)\n"
           "  --port N             listen port [SATSTORE_PORT] (8080)\n"
           "  --db URL             sqlite:PATH or postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?host=SOCKET_DIR]\n"
           "                       [SATSTORE_DB] (sqlite:var/satstore.db)\n"
           "  --web-root DIR       static web bundle [SATSTORE_WEB_ROOT] (build/wasm/web)\n"
           "  --assets-root DIR    product images and demo data [SATSTORE_ASSETS_ROOT] (assets)\n"
           "  --demo               demo mode: seed demo data at start, enable the faucet [SATSTORE_DEMO]\n"
           "  --threads N          HTTP worker threads [SATSTORE_THREADS] (2)\n"
           "  --catalog-cache-ms N catalog responses are reused for up to N ms; stock changed by another\n"
           "                       process on the same database shows within it, 0 = off [SATSTORE_CATALOG_CACHE_MS] (1000)\n"
           "  --cors-origins LIST  comma-separated origins allowed to call the API and to frame the app, each\n"
           "                       https://host[:port] (no '*') [SATSTORE_CORS_ORIGINS]\n"
           "  --store-id ID        store id signed into payments [SATSTORE_STORE_ID] (demo-store)\n"
           "  --store-name NAME    [SATSTORE_STORE_NAME] (satstore)\n"
           "  --unpaid-order-ttl-s N  cancel unpaid orders after N seconds [SATSTORE_UNPAID_ORDER_TTL_S] (1800)\n"
           "  --carrier-secrets LIST  carrier=secret pairs for the tracking webhook [SATSTORE_CARRIER_SECRETS]\n"
           "                       (demo mode: demo-secret-<carrier> unless set)\n"
           "  --login-rate-per-minute N  login attempts per client IP per minute [SATSTORE_LOGIN_RATE_PER_MINUTE] (30)\n"
           "  --reset-rate-per-minute N  password-reset requests per client IP per minute [SATSTORE_RESET_RATE_PER_MINUTE] (5)\n"
           "  --sweep-period-s N   check for overdue unpaid orders every N seconds [SATSTORE_SWEEP_PERIOD_S] (30)\n"
           "  --support-email ADDR, --support-phone TEXT, --support-hours TEXT, --support-hours-zh TEXT\n"
           "                       contact channels shown in the help center [SATSTORE_SUPPORT_EMAIL, …]\n"
           "  --ticket-first-response-s N  first-response SLA of new tickets [SATSTORE_TICKET_FIRST_RESPONSE_S] (86400)\n"
           "  --public-url ORIGIN  origin of links in mail, e.g. https://shop.example [SATSTORE_PUBLIC_URL]\n"
           "                       (default: the request's Origin if it is this server or a CORS origin, else host:port)\n";
}

// A database URL without its password (user:PASSWORD@ and password=… are replaced by ***).
std::string redacted_db_url(std::string url) {
    const auto scheme = url.find("://");
    if (scheme != std::string::npos) {
        const auto at = url.find('@', scheme + 3);
        const auto colon = url.find(':', scheme + 3);
        if (at != std::string::npos && colon < at) url.replace(colon + 1, at - colon - 1, "***");
    }
    for (auto p = url.find("password="); p != std::string::npos; p = url.find("password=", p + 1)) {
        const auto end = url.find('&', p);
        url.replace(p + 9, (end == std::string::npos ? url.size() : end) - p - 9, "***");
    }
    return url;
}

std::string describe(const Config& c) {
    std::ostringstream out;
    out << "config: host=" << c.host << " port=" << c.port << " db=" << redacted_db_url(c.db) << " web_root=" << c.web_root
        << " assets_root=" << c.assets_root << " demo=" << (c.demo ? "true" : "false")
        << " threads=" << c.threads << " catalog_cache_ms=" << c.catalog_cache_max_age.count() << " store_id=" << c.store_id << " unpaid_order_ttl_s=" << c.unpaid_order_ttl_s
        << " cors_origins=";
    for (std::size_t i = 0; i < c.cors_origins.size(); ++i) out << (i ? "," : "") << c.cors_origins[i];
    if (c.cors_origins.empty()) out << "(none)";
    out << " carrier_secrets=";
    bool first = true;
    for (const auto& [carrier, secret] : c.carrier_secrets) {
        out << (first ? "" : ",") << carrier << "=***";  // secrets are never printed
        first = false;
    }
    if (c.carrier_secrets.empty()) out << "(none)";
    out << " support_email=" << c.support_email << " ticket_first_response_s=" << c.ticket_first_response_s;
    out << " public_url=" << (c.public_url.empty() ? "(from request)" : c.public_url);
    return out.str();
}

}  // namespace satstore::server
