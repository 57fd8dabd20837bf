// satstore — the API server. `main` only wires: configuration, store, route table, HTTP.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include <termios.h>
#include <unistd.h>

#include "server/auth/secrets.hpp"
#include "server/catalog_cache.hpp"
#include "server/commands.hpp"
#include "server/config.hpp"
#include "server/demo/seed.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/server.hpp"
#include "server/jobs.hpp"
#include "server/media/images.hpp"
#include "server/routes.hpp"
#include "server/store/store.hpp"

using namespace satstore::server;

namespace {

std::int64_t now_unix_s() { return static_cast<std::int64_t>(std::time(nullptr)); }

// How often each process looks for catalog changes made by another (catalog_watch).
constexpr int kCatalogWatchMs = 250;

// Creates the parent folder of a SQLite file so "var/satstore.db" works on a fresh clone.
void ensure_db_folder(const Config& config) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (config.db.rfind(kSqlite, 0) != 0) return;
    const std::filesystem::path file(config.db.substr(kSqlite.size()));
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
}

void migrate(Store& store) {
    for (const auto& version : store.migrate()) std::fprintf(stderr, "migrated: %s\n", version.c_str());
}

void seed_demo(Store& store, const Config& config) {
    const auto r = demo::seed(store, config.assets_root, now_unix_s());
    std::fprintf(stderr, "demo data: %d categories, %d products (%d new), %d new accounts\n", r.categories,
                 r.products_total, r.products_added, r.accounts_added);
}

// create-user reads the password from standard input: when that is a terminal, what is typed
// is not echoed. Returns true when echo was turned off (show_typing turns it back on).
bool hide_typing() {
    termios t{};
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &t) != 0) return false;
    std::fprintf(stderr, "password: ");
    t.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    return tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0;
}

void show_typing() {
    termios t{};
    if (tcgetattr(STDIN_FILENO, &t) != 0) return;
    t.c_lflag |= ECHO;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &t);
    std::fprintf(stderr, "\n");
}

void print_ready(const Config& config) {
    std::printf("\nsatstore is running: http://%s:%u/\n", config.host.c_str(), config.port);
    if (config.demo) {
        std::printf("demo accounts (password: %s):\n", demo::kDemoPassword);
        for (const auto& a : demo::kDemoAccounts) std::printf("  %-9s %s\n", a.role, a.email);
    }
    std::printf("press Ctrl+C to stop\n\n");
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    Invocation inv;
    try {
        inv = parse_invocation(argc, argv);
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "satstore: %s\n\n%s", e.what(), usage().c_str());
        return 2;
    }
    if (inv.command == "help") {
        std::printf("%s", usage().c_str());
        return 0;
    }
    if (inv.command == "verify-payment") return verify_payment_command(std::cin, std::cout);
    // Support tickets (issue 6): the help center entries, read once.
    if (inv.command == "serve") {
        try {
            inv.config.faq = handlers::load_faq_file(inv.config.assets_root + "/support/faq.json");
        } catch (const std::exception& e) {
            std::fprintf(stderr, "satstore: %s\n", e.what());
            return 1;
        }
    }
    const Config& config = inv.config;
    if (!secrets::init()) {
        std::fprintf(stderr, "satstore: libsodium failed to initialize\n");
        return 1;
    }
    std::fprintf(stderr, "%s\n", describe(config).c_str());
    try {
        ensure_db_folder(config);
        auto store = open_store(config.db, catalog_cache::catalog_changed);
        migrate(*store);
        if (inv.command == "migrate") return 0;
        if (inv.command == "audit") return audit_command(*store, std::cout);
        if (inv.command == "catalog" && inv.catalog.action == "export") return catalog_export_command(*store, std::cout);
        if (inv.command == "catalog") return catalog_import_command(*store, config, inv.catalog, now_unix_s(), std::cout);
        if (inv.command == "create-user") {
            const bool typed = hide_typing();
            const int rc = create_user_command(*store, inv.create_user, std::cin, std::cout, std::cerr, now_unix_s());
            if (typed) show_typing();
            return rc;
        }
        if (inv.command == "seed-demo" || config.demo) seed_demo(*store, config);
        if (inv.command == "seed-demo") return 0;
        // Uploads are decoded on the request threads; each libvips operation may use as many.
        if (!media::init(argv[0], static_cast<int>(std::clamp<unsigned>(config.threads, 1, 4)))) return 1;
        if (!config.demo && !store->has_enabled_admin())
            std::printf("no admin account yet: create one with  satstore create-user --email YOU@EXAMPLE.COM --role admin "
                        "--db %s  (it reads the password from standard input)\n",
                        redacted_db_url(config.db).c_str());
        HttpApp app(config, *store, Router(api_routes()));
        const PeriodicJob sweep = sweeper(*store, config.sweep_period_s);
        const PeriodicJob watch = catalog_watch(*store, kCatalogWatchMs);
        return serve(config, app, print_ready);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "satstore: %s\n", e.what());
        return 1;
    }
}
