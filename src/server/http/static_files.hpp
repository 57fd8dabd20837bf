// satstore server — the web bundle and product images as static files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/config.hpp"
#include "server/http/message.hpp"

namespace satstore::server {

// Serves GET/HEAD for a non-API path: "/" is index.html of config.web_root, "/assets/…" are
// image files under config.assets_root, anything else a file of the web root. Picks a
// precompressed ".br"/".gz" sibling when the client accepts it, sets the content type
// (application/wasm for .wasm) and cache headers: content-hashed names are immutable,
// index.html and config.json are revalidated every time. Returns nullopt when no file matches
// (including any attempt to leave the served folders).
std::optional<Response> serve_static(const Request& request, const Config& config);

// The Content-Security-Policy of the app page `html`: only same-origin scripts, styles, images,
// fonts and API calls, wasm compilation, the page's own inline <script>/<style> blocks by hash,
// and framing by this origin and `embedding_origins` (pages that embed the store widget).
std::string page_security_policy(const std::string& html, const std::vector<std::string>& embedding_origins);

// Percent-decodes a URL path or query component ('+' → space when `plus_is_space`).
// Returns nullopt for malformed escapes or an encoded NUL.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace satstore::server
