// satstore client — browser edges beyond web_platform.hpp: opening a carrier's tracking page,
// writing to the clipboard (wallet backup, recovery codes), events for the page embedding us.
#pragma once

#include <string>

namespace satstore::client::platform {

// Opens `url` in a new tab (carrier tracking pages), without giving it a handle on this page.
void open_url(const std::string& url);

// navigator.clipboard.writeText(text); failures are logged to the console (nothing to recover).
void copy_to_clipboard(const std::string& text);

// When the store runs inside the embed widget (web/widget.js put `?embed_origin=<host origin>` in
// the iframe's URL), posts {source: "satstore", type, detail} to the host page, addressed to that
// origin only, so no other page can read it. `detail_json` is a JSON object. No-op otherwise.
void notify_host(const char* type, const std::string& detail_json);

}  // namespace satstore::client::platform
