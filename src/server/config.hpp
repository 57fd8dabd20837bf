// satstore server — configuration: one struct with defaults, overridable by environment
// variables (SATSTORE_*) and then by command-line flags; printed at start-up without secrets.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/account.hpp"
#include "core/help_center.hpp"
#include "core/money.hpp"
#include "core/pricing.hpp"

namespace satstore::server {

struct Config {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string db = "sqlite:var/satstore.db";
    std::string web_root = "build/wasm/web";  // the static bundle (index.html, js, wasm, fonts)
    std::string assets_root = "assets";       // product images (/assets/…) and demo data
    bool demo = false;                         // demo catalog, accounts and faucet
    unsigned threads = 2;
    // How long an encoded catalog response may be served again (catalog_cache.hpp): stock
    // changed by another process on the same database shows within this time. 0 = no cache.
    std::chrono::milliseconds catalog_cache_max_age{1000};
    std::vector<std::string> cors_origins;     // exact origins allowed to call the API
    std::string store_id = "demo-store";
    std::string store_name = "satstore";
    std::string support_email = "support@satstore.test";
    std::string support_phone = "+86 400 000 0000";
    std::string support_hours = "Mon–Fri 09:00–18:00 (UTC+8)";
    Currency fiat = Currency::CNY;
    // Price of one whole crypto unit in fiat minor units (see core convert_ceil).
    std::map<Currency, std::int64_t> rates = {{Currency::BTC, 65'000'000}, {Currency::USDT, 720}};
    ShippingRules shipping;                    // ¥12.00, free from ¥299.00
    std::int64_t session_ttl_s = 30 * 24 * 3600;
    int lock_after_failures = 5;               // failed logins in a row before the account locks …
    std::int64_t lock_s = 15 * 60;             // … for this long
    int login_attempts_per_ip_per_minute = 30;
    int reset_requests_per_ip_per_minute = 5;
    std::int64_t password_reset_ttl_s = 30 * 60;
    std::int64_t invitation_ttl_s = 7 * 24 * 3600;  // staff invitations (issue 20)
    // Per-carrier webhook secrets (HMAC-SHA256 keys). Secret: never printed or logged.
    std::map<std::string, std::string> carrier_secrets;
    std::int64_t webhook_tolerance_s = 300;
    std::int64_t unpaid_order_ttl_s = 30 * 60;  // unpaid orders are cancelled after this
    int sweep_period_s = 30;                   // how often unpaid orders are checked for expiry
    std::size_t max_json_body_bytes = 64 * 1024;
    // Support tickets (issue 6): contact hours in Chinese (support_hours above is English), the
    // first-response SLA of new tickets, and the help center read from
    // <assets_root>/support/faq.json at start (not a flag).
    std::string support_hours_zh = "周一至周五 09:00–18:00（北京时间）";
    std::int64_t ticket_first_response_s = 24 * 3600;
    std::vector<FaqEntry> faq;
    // Account security (issue 7): the origin links in mail point to ("https://shop.example"), when
    // the server is reached under another name than host:port (proxy, static hosting). Empty:
    // the request's Origin if it is this server's or an allowed CORS origin, else host:port.
    std::string public_url;
};

// The arguments of `satstore catalog import FILE.csv [--dry-run]` / `satstore catalog export` (issue 20).
struct CatalogArgs {
    std::string action;  // "import" or "export"
    std::string file;    // the CSV file to import
    bool dry_run = false;
};

// The arguments of `satstore create-user` (issue 20); the password comes from standard input.
struct CreateUserArgs {
    std::string email;                // normalized
    std::vector<Role> roles;          // staff roles, at least one
    std::string display_name;
};

// Result of parsing the command line: the sub-command and the final configuration.
struct Invocation {
    std::string command;  // "serve", "migrate", "seed-demo", "audit", "verify-payment", "catalog", "create-user", "help"
    Config config;
    CatalogArgs catalog;         // for "catalog"
    CreateUserArgs create_user;  // for "create-user"
};

// Applies SATSTORE_* environment variables, then flags (`--port 8080` or `--port=8080`).
// Throws std::invalid_argument with a user-facing message for unknown flags or bad values.
Invocation parse_invocation(int argc, char** argv);

// Usage text for --help.
std::string usage();

// A human-readable dump of the configuration for the start-up log (no secrets in Config yet;
// any added later must be masked here).
std::string describe(const Config& config);
// The database URL as it may be logged: a password in it (user:PASSWORD@, password=…) is ***.
std::string redacted_db_url(std::string url);

}  // namespace satstore::server
