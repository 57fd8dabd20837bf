// satstore client — private files of the API in a new tab (see private_files.hpp).
#include "platform/private_files.hpp"

#include <emscripten.h>

namespace satstore::client::platform {

// The tab opens synchronously (inside the click, so no popup blocker objects) and is pointed at
// the blob once the authorised fetch completes.
EM_JS(void, js_open_private_file, (const char* url, const char* token), {
    var u = UTF8ToString(url);
    var t = UTF8ToString(token);
    var tab = window.open("", "_blank");
    fetch(u, { headers: t ? { "Authorization": "Bearer " + t } : {} })
        .then(function(r) {
            if (!r.ok) throw new Error("HTTP " + r.status);
            return r.blob();
        })
        .then(function(b) {
            var blobUrl = URL.createObjectURL(b);
            if (tab) tab.location.href = blobUrl;
            else window.open(blobUrl, "_blank");
        })
        .catch(function(e) {
            console.warn("satstore: cannot open the file", e);
            if (tab) tab.close();
        });
});

void open_private_file(const std::string& url, const std::string& bearer_token) {
    js_open_private_file(url.c_str(), bearer_token.c_str());
}

}  // namespace satstore::client::platform
