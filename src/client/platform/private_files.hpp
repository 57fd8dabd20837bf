// satstore client — opening private files of the API (ticket screenshots) in a new tab. Uploads
// need the session's bearer token, which a plain link cannot carry, so JS fetches the file with
// it and opens the bytes as a blob: URL.
#pragma once

#include <string>

namespace satstore::client::platform {

// Opens `url` (absolute) fetched with the bearer token in a new tab. Call while handling a click
// (the tab opens at once and receives the image when it has arrived). Failures are logged.
void open_private_file(const std::string& url, const std::string& bearer_token);

}  // namespace satstore::client::platform
