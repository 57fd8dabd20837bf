#include "server/media/rendition_cache.hpp"

#include <mutex>
#include <unordered_map>

namespace satstore::server::media::rendition_cache {
namespace {

struct Cache {
    std::mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<const std::string>> entries;
    std::size_t bytes = 0;
};

Cache& cache() {
    static Cache c;
    return c;
}

}  // namespace

std::shared_ptr<const std::string> get_or_load(const std::string& key,
                                               const std::function<std::optional<std::string>()>& load) {
    Cache& c = cache();
    {
        std::lock_guard lock(c.mutex);
        if (const auto it = c.entries.find(key); it != c.entries.end()) return it->second;
    }
    // Loaded outside the lock: two threads may both load a rendition once; both get equal bytes.
    auto loaded = load();
    if (!loaded) return nullptr;
    auto entry = std::make_shared<const std::string>(std::move(*loaded));
    std::lock_guard lock(c.mutex);
    if (c.bytes + entry->size() > kMaxBytes) {
        c.entries.clear();
        c.bytes = 0;
    }
    if (c.entries.emplace(key, entry).second) c.bytes += entry->size();
    return entry;
}

}  // namespace satstore::server::media::rendition_cache
