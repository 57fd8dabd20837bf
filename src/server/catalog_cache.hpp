// satstore server — the catalog's encoded responses (GET /products, GET /products/{id}), shared
// by the worker threads for a short time.
//
// Why: a listing page costs a query, ~24 product decodings, ~20 KB of JSON encoding and a hash
// for the ETag — nearly all of a catalog request's CPU — and every visitor asks for the same
// few pages.
//
// Freshness: an entry is served for at most `max_age` (Config::catalog_cache_ms) after it was
// built. That bound is what keeps several server processes on one database correct: stock
// changed by another process shows here within `max_age`. Stock changed by this process
// (orders placed or cancelled, by a request or the sweeper) drops every entry at once: the store
// calls catalog_changed() after such commits (open_store's on_stock_change). Checkout re-checks stock in the database, so a listing that lags
// can never oversell.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace satstore::server::catalog_cache {

// One encoded response body and its ETag (quoted, as sent).
struct Entry {
    std::string body;
    std::string etag;
};

// Returns the entry under `key` if it was built less than `max_age` ago and after the last
// catalog_changed(); otherwise calls `build` (which may throw: nothing is stored then), keeps
// its result under `key` and returns it. `max_age` 0 disables the cache (always builds).
// Thread-safe. Memory is bounded (8 MiB of bodies): past the bound, every entry is dropped.
std::shared_ptr<const Entry> get_or_build(const std::string& key, std::chrono::milliseconds max_age,
                                          const std::function<std::string()>& build);

// Drops every entry: call after this process changed what the catalog shows (stock).
void catalog_changed();

// The weak validator of a body: equal bodies give equal tags on every process.
std::string etag_of(const std::string& body);

}  // namespace satstore::server::catalog_cache
