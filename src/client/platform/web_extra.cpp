// satstore client — browser edges of the buying flow (see web_extra.hpp).
#include "platform/web_extra.hpp"

#include <emscripten.h>

namespace satstore::client::platform {
namespace {

// web_platform.cpp counts from 1; this range keeps the two id spaces apart.
int g_next_keyed_id = 1'000'000'000;

}  // namespace

EM_JS(void, js_http_request_keyed, (int id, const char* method, const char* url, const char* body,
                                    const char* token, const char* key), {
    var deliver = function(status, text, err) {
        var t = String(text || ""), e = String(err || "");
        var tn = lengthBytesUTF8(t) + 1, en = lengthBytesUTF8(e) + 1;
        var tp = _malloc(tn), ep = _malloc(en);
        stringToUTF8(t, tp, tn);
        stringToUTF8(e, ep, en);
        _client_on_http(id, status, tp, ep);
        _free(tp);
        _free(ep);
    };
    var init = { method: UTF8ToString(method), headers: { "Accept": "application/json" } };
    var b = UTF8ToString(body), tok = UTF8ToString(token), k = UTF8ToString(key);
    if (b.length) { init.body = b; init.headers["Content-Type"] = "application/json"; }
    if (tok.length) init.headers["Authorization"] = "Bearer " + tok;
    if (k.length) init.headers["Idempotency-Key"] = k;
    fetch(UTF8ToString(url), init)
        .then(function(r) { return r.text().then(function(t) { deliver(r.status, t, ""); }); })
        .catch(function(e) { deliver(0, "", String(e && e.message || e)); });
});

EM_JS(void, js_copy_to_clipboard, (const char* text), {
    var t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(t).catch(function(e) { console.warn("satstore: copy failed", e); });
    }
});

EM_JS(void, js_open_url, (const char* url), {
    window.open(UTF8ToString(url), "_blank", "noopener,noreferrer");
});

int http_request_keyed(const std::string& method, const std::string& url, const std::string& body,
                       const std::string& bearer_token, const std::string& idempotency_key) {
    const int id = g_next_keyed_id++;
    js_http_request_keyed(id, method.c_str(), url.c_str(), body.c_str(), bearer_token.c_str(), idempotency_key.c_str());
    return id;
}

void copy_to_clipboard(const std::string& text) { js_copy_to_clipboard(text.c_str()); }

void open_url(const std::string& url) { js_open_url(url.c_str()); }

}  // namespace satstore::client::platform
