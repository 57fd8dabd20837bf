// satstore server — renditions kept in memory for GET /media/…, shared by the worker threads.
//
// Why: a catalog page draws 24 images and a product page a gallery; each would otherwise be a
// database read of a blob. A rendition's bytes never change (its URL names the content hash),
// so an entry never goes stale and needs no invalidation, across processes too.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace satstore::server::media::rendition_cache {

// The bytes under `key` ("<hash>-<width>"): from memory, else from `load` (nullopt: nothing is
// stored, so an unknown rendition is asked for again next time). Thread-safe. Memory is bounded
// (kMaxBytes of renditions): past the bound, every entry is dropped.
std::shared_ptr<const std::string> get_or_load(const std::string& key,
                                               const std::function<std::optional<std::string>()>& load);

inline constexpr std::size_t kMaxBytes = 64 * 1024 * 1024;

}  // namespace satstore::server::media::rendition_cache
