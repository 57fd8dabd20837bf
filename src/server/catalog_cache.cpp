#include "server/catalog_cache.hpp"

#include <mutex>
#include <unordered_map>

#include <sodium.h>

#include "core/hex.hpp"

namespace satstore::server::catalog_cache {
namespace {

using Clock = std::chrono::steady_clock;

// Bodies kept at most: a listing is ~20 KB (100 products ~80 KB), and search texts make keys
// without end, so past this everything goes and the cache refills with what is asked now.
constexpr std::size_t kMaxBytes = 8 * 1024 * 1024;

struct Slot {
    std::shared_ptr<const Entry> entry;
    Clock::time_point built_at;  // when the build started: the data is at least this fresh
};

std::mutex g_mutex;
std::unordered_map<std::string, Slot> g_slots;
std::size_t g_bytes = 0;
// Bumped by catalog_changed(): an entry whose build began before a change is not stored.
std::uint64_t g_generation = 0;

}  // namespace

std::shared_ptr<const Entry> get_or_build(const std::string& key, std::chrono::milliseconds max_age,
                                          const std::function<std::string()>& build) {
    auto make = [&build] {
        auto entry = std::make_shared<Entry>();
        entry->body = build();
        entry->etag = etag_of(entry->body);
        return entry;
    };
    if (max_age.count() <= 0) return make();

    const auto started = Clock::now();
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(g_mutex);
        if (auto it = g_slots.find(key); it != g_slots.end() && started - it->second.built_at < max_age)
            return it->second.entry;
        generation = g_generation;
    }
    std::shared_ptr<const Entry> entry = make();
    const std::size_t size = key.size() + entry->body.size();
    std::lock_guard lock(g_mutex);
    if (generation != g_generation || size > kMaxBytes) return entry;
    if (auto it = g_slots.find(key); it != g_slots.end()) {
        g_bytes -= key.size() + it->second.entry->body.size();
        g_slots.erase(it);
    }
    if (g_bytes + size > kMaxBytes) {
        g_slots.clear();
        g_bytes = 0;
    }
    g_slots.emplace(key, Slot{entry, started});
    g_bytes += size;
    return entry;
}

void catalog_changed() {
    std::lock_guard lock(g_mutex);
    g_slots.clear();
    g_bytes = 0;
    ++g_generation;
}

std::string etag_of(const std::string& body) {
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                       nullptr, 0);
    return "\"" + hex::encode(digest, sizeof digest) + "\"";
}

}  // namespace satstore::server::catalog_cache
