// satstore client — the browser file chooser and uploads (see file_picker.hpp).
#include "platform/file_picker.hpp"

#include <emscripten.h>

#include "platform/web_platform.hpp"

namespace satstore::client::platform {
namespace {

int g_next_pick_id = 1;
std::vector<UploadEvent> g_events;

}  // namespace

EM_JS(void, js_pick_and_upload, (int pick, const char* url, const char* token, int max_files, double max_bytes), {
    var u = UTF8ToString(url), tok = UTF8ToString(token);
    var str = function(s) {
        var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
        stringToUTF8(s, p, n);
        return p;
    };
    var report = function(index, file, state, status, id, err) {
        var np = str(String(file.name || "")), ip = str(String(id || "")), ep = str(String(err || ""));
        _client_on_upload(pick, index, np, file.size || 0, state, status, ip, ep);
        _free(np);
        _free(ip);
        _free(ep);
    };
    var input = document.createElement("input");
    input.type = "file";
    input.accept = "image/png,image/jpeg,image/webp";
    input.multiple = max_files > 1;
    input.style.display = "none";
    var done = function() { if (input.parentNode) input.parentNode.removeChild(input); };
    input.addEventListener("cancel", done);
    input.addEventListener("change", function() {
        var files = Array.prototype.slice.call(input.files || []);
        done();
        files.forEach(function(file, i) {
            if (i >= max_files) { report(i, file, 2, 0, "", "too_many_files"); return; }
            if (file.size > max_bytes) { report(i, file, 2, 0, "", "too_large"); return; }
            report(i, file, 0, 0, "", "");
            var headers = { "Accept": "application/json", "Content-Type": file.type || "application/octet-stream" };
            if (tok.length) headers["Authorization"] = "Bearer " + tok;
            fetch(u, { method: "POST", headers: headers, body: file })
                .then(function(r) {
                    return r.json().catch(function() { return {}; }).then(function(j) {
                        // 200: the product image endpoint already had these bytes (same answer).
                        if ((r.status === 201 || r.status === 200) && j && j.id) report(i, file, 1, r.status, j.id, "");
                        else report(i, file, 2, r.status, "", (j && j.code) || ("http_" + r.status));
                    });
                })
                .catch(function() { report(i, file, 2, 0, "", "network"); });
        });
    });
    document.body.appendChild(input);
    input.click();
});

extern "C" {

EMSCRIPTEN_KEEPALIVE void client_on_upload(int pick, int index, const char* name, double size, int state,
                                           int status, const char* upload_id, const char* error) {
    g_events.push_back(UploadEvent{pick, index, name, size, static_cast<UploadEvent::State>(state),
                                   upload_id, status, error});
    request_frame();
}

}  // extern "C"

int pick_and_upload_images(const std::string& upload_url, const std::string& bearer_token, int max_files) {
    const int id = g_next_pick_id++;
    js_pick_and_upload(id, upload_url.c_str(), bearer_token.c_str(), max_files, max_upload_bytes);
    return id;
}

std::vector<UploadEvent> take_upload_events() {
    std::vector<UploadEvent> out;
    out.swap(g_events);
    return out;
}

}  // namespace satstore::client::platform
