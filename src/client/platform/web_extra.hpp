// satstore client — browser edges the buying flow needs beyond web_platform.hpp: requests with an
// Idempotency-Key header (POST /orders, payments) and writing to the clipboard (wallet backup).
#pragma once

#include <string>

namespace satstore::client::platform {

// Like http_request() (web_platform.hpp), plus an `Idempotency-Key: key` header when `key` is not
// empty. The reply arrives through take_http_replies() under the returned id (ids never collide
// with http_request's).
int http_request_keyed(const std::string& method, const std::string& url, const std::string& body,
                       const std::string& bearer_token, const std::string& idempotency_key);

// Opens `url` in a new tab (carrier tracking pages), without giving it a handle on this page.
void open_url(const std::string& url);

// navigator.clipboard.writeText(text); failures are logged to the console (nothing to recover).
void copy_to_clipboard(const std::string& text);

}  // namespace satstore::client::platform
