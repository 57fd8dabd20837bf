// satstore client — browser edges beyond web_platform (see web_extra.hpp).
#include "platform/web_extra.hpp"

#include <emscripten.h>

namespace satstore::client::platform {

EM_JS(void, js_copy_to_clipboard, (const char* text), {
    var t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(t).catch(function(e) { console.warn("satstore: copy failed", e); });
    }
});

EM_JS(void, js_open_url, (const char* url), {
    window.open(UTF8ToString(url), "_blank", "noopener,noreferrer");
});

EM_JS(void, js_notify_host, (const char* type, const char* detail), {
    if (window.parent === window) return;
    var host = new URLSearchParams(window.location.search).get("embed_origin");
    if (!host) return;
    try {
        if (new URL(host).origin !== host) return;  // exactly an origin, nothing more
    } catch (e) {
        return;
    }
    window.parent.postMessage({ source: "satstore", type: UTF8ToString(type), detail: JSON.parse(UTF8ToString(detail)) }, host);
});

void copy_to_clipboard(const std::string& text) { js_copy_to_clipboard(text.c_str()); }

void open_url(const std::string& url) { js_open_url(url.c_str()); }

void notify_host(const char* type, const std::string& detail_json) { js_notify_host(type, detail_json.c_str()); }

}  // namespace satstore::client::platform
