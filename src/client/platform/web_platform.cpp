// satstore client — browser platform: WebGL2 context, fetch, images, storage, frames, a11y DOM.
// JS lives in EM_JS blocks; JS calls back into the exported client_on_* functions below.
#include "platform/web_platform.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include <emscripten.h>
#include <emscripten/html5.h>

namespace satstore::client::platform {
namespace {

FrameFn g_frame_fn = nullptr;
BootFn g_boot_fn = nullptr;
int g_frames_left = 0;
bool g_raf_pending = false;
Viewport g_viewport;
bool g_boot_ready = false;
std::vector<std::uint8_t> g_font;
std::vector<std::uint8_t> g_full_font;  // arrived, not yet taken
std::string g_api_origin;
std::vector<HttpReply> g_http_replies;
std::vector<ImageReply> g_image_replies;
int g_next_request_id = 1;
bool g_hash_changed = false;
bool g_first_data_frame_reported = false;

EM_BOOL on_animation_frame(double /*time*/, void* /*user*/);

void schedule_raf() {
    if (!g_raf_pending) {
        g_raf_pending = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
}

EM_BOOL on_animation_frame(double /*time*/, void* /*user*/) {
    g_raf_pending = false;
    if (g_frames_left > 0) {
        --g_frames_left;
        if (g_frame_fn != nullptr) g_frame_fn();
    }
    // Keep going while ImGui settles or queued input still has to be fed in, then stop: an idle
    // page draws nothing (TOOLCHAIN.md: a free-running loop costs ~35% CPU).
    if (input_pending()) g_frames_left = std::max(g_frames_left, 2);
    if (g_frames_left > 0) schedule_raf();
    return EM_FALSE;
}

void on_timer(void* /*user*/) { request_frame(); }

}  // namespace

// --- JS side ---------------------------------------------------------------------------------------

EM_JS(void, js_boot, (), {
    var s = window.satstore;
    var send = function(fontBuf, origin) {
        var fontPtr = 0, fontLen = 0;
        if (fontBuf) {
            var bytes = new Uint8Array(fontBuf);
            fontLen = bytes.length;
            fontPtr = _malloc(fontLen);
            HEAPU8.set(bytes, fontPtr);
        }
        var o = String(origin || "");
        while (o.length && o.charAt(o.length - 1) === "/") o = o.slice(0, -1);
        var n = lengthBytesUTF8(o) + 1;
        var op = _malloc(n);
        stringToUTF8(o, op, n);
        _client_on_boot(fontPtr, fontLen, op);
        _free(op);
        if (fontPtr) _free(fontPtr);
    };
    Promise.all([
        s.configPromise || Promise.resolve({}),
        (s.fontPromise || Promise.reject(new Error("no font"))).catch(function(e) {
            console.error("satstore: font download failed:", e);
            return null;
        })
    ]).then(function(r) { send(r[1], (r[0] || {}).api_origin); });

    var canvas = document.getElementById("canvas");
    var report = function() {
        var dpr = window.devicePixelRatio || 1;
        var rect = canvas.getBoundingClientRect();
        var w = Math.max(1, rect.width), h = Math.max(1, rect.height);
        var bw = Math.max(1, Math.round(w * dpr)), bh = Math.max(1, Math.round(h * dpr));
        if (canvas.width !== bw) canvas.width = bw;
        if (canvas.height !== bh) canvas.height = bh;
        _client_on_resize(w, h, dpr);
    };
    if (window.ResizeObserver) new ResizeObserver(report).observe(canvas);
    window.addEventListener("resize", report);
    report();
    window.addEventListener("hashchange", function() { _client_on_hashchange(); });
});

EM_JS(void, js_http_request, (int id, const char* method, const char* url, const char* body,
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

EM_JS(void, js_load_image, (int id, const char* url, float scale), {
    // Images in flight, for tests that wait for a settled page.
    var s = window.satstore;
    s.imagesLoading = (s.imagesLoading | 0) + 1;
    var img = new Image();
    img.crossOrigin = "anonymous";
    var upload = function(source, w, h) {
        var gl = GLctx;
        var tex = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, tex);
        gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
        gl.generateMipmap(gl.TEXTURE_2D);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        var name = GL.getNewId(GL.textures);
        tex.name = name;
        GL.textures[name] = tex;
        s.imagesLoading--;
        _client_on_image(id, name, w, h);
    };
    img.onload = function() {
        var w = img.naturalWidth || 480, h = img.naturalHeight || 360;
        // Rasterise vector images above their natural size so they stay sharp at DPR 2-3.
        // createImageBitmap decodes straight to a bitmap: no 2D canvas (which would cost a GPU
        // surface per image in Chromium) is involved.
        createImageBitmap(img, { resizeWidth: Math.max(1, Math.round(w * scale)),
                                 resizeHeight: Math.max(1, Math.round(h * scale)),
                                 resizeQuality: "high" })
            .then(function(bitmap) { upload(bitmap, w, h); bitmap.close(); })
            .catch(function(e) {
                console.warn("satstore: createImageBitmap failed, uploading the image as is: " + e);
                upload(img, w, h);
            });
    };
    img.onerror = function() {
        console.error("satstore: image failed to load: " + img.src);
        s.imagesLoading--;
        _client_on_image(id, 0, 0, 0);
    };
    img.src = UTF8ToString(url);
});

EM_JS(char*, js_string_result, (int what, const char* arg), {
    var v = "";
    // Storage can throw (disabled cookies, sandboxed iframes): behave as if it were empty.
    try {
        if (what === 0) v = window.localStorage.getItem(UTF8ToString(arg)) || "";
        else if (what === 1) v = decodeURIComponent(window.location.hash.replace(/^#/, ""));
        else if (what === 2) v = navigator.language || "en";
    } catch (e) {
        console.warn("satstore: " + e);
        v = "";
    }
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_storage_write, (const char* key, const char* value, int remove), {
    try {
        if (remove) window.localStorage.removeItem(UTF8ToString(key));
        else window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
    } catch (e) {
        console.warn("satstore: localStorage unavailable: " + e);
    }
});

EM_JS(void, js_set_hash, (const char* hash), {
    var h = "#" + UTF8ToString(hash);
    if (window.location.hash !== h) window.location.hash = h;
});

EM_JS(void, js_set_document_language, (const char* lang, const char* title), {
    document.documentElement.lang = UTF8ToString(lang);
    document.title = UTF8ToString(title);
});

EM_JS(void, js_set_cursor, (const char* cursor), {
    var c = document.getElementById("canvas");
    if (c) c.style.cursor = UTF8ToString(cursor);
});

EM_JS(void, js_frame_done, (int report_ready, double work_ms, int items), {
    var s = window.satstore;
    s.framesDrawn = (s.framesDrawn | 0) + 1;
    s.itemsSubmitted = items;
    s.lastFrameMs = work_ms;
    s.maxFrameMs = Math.max(s.maxFrameMs || 0, work_ms);
    if (!s.firstDrawMs) {
        s.firstDrawMs = performance.now();
        var boot = document.getElementById("boot");  // the loading progress of index.html
        if (boot) boot.parentNode.removeChild(boot);
    }
    if (report_ready && !s.ready) {
        s.ready = true;
        s.firstFrameMs = performance.now();
        // The first page is up: now fetch the full font (index.html waited for the UI font only).
        if (s.fullFontUrl) fetch(s.fullFontUrl).then(function(r) {
            if (!r.ok) throw new Error(s.fullFontUrl + ": HTTP " + r.status);
            return r.arrayBuffer();
        }).then(function(buf) {
            var bytes = new Uint8Array(buf);
            var p = _malloc(bytes.length);
            HEAPU8.set(bytes, p);
            _client_on_full_font(p, bytes.length);
            _free(p);
            s.fullFontMs = performance.now();
        }).catch(function(e) {
            console.warn("satstore: full font download failed; the browser draws what the UI font lacks:", e);
        });
    }
});

EM_JS(void, js_set_metric, (const char* name, double value), {
    window.satstore[UTF8ToString(name)] = value;
});

EM_JS(void, js_a11y_sync, (const char* json), {
    var layer = document.getElementById("a11y");
    if (!layer) return;
    var items = JSON.parse(UTF8ToString(json));
    var kids = layer.children;
    var focused = null;
    for (var i = 0; i < items.length; i++) {
        var it = items[i];
        var isInput = it.role === "textbox";
        var tag = isInput ? "INPUT" : "DIV";
        var el = kids[i];
        if (!el || el.tagName !== tag) {
            var fresh = document.createElement(tag);
            if (isInput) { fresh.type = "text"; fresh.readOnly = true; fresh.tabIndex = -1; }
            if (el) layer.replaceChild(fresh, el); else layer.appendChild(fresh);
            el = fresh;
        }
        var role = it.role === "password" ? "textbox" : it.role;
        if (role === "text") el.removeAttribute("role"); else el.setAttribute("role", role);
        el.setAttribute("aria-label", it.name);
        if (isInput) { if (el.value !== it.value) el.value = it.value; }
        else if (el.textContent !== it.name) el.textContent = it.name;
        var set = function(attr, v) {
            if (v === undefined || v === null) el.removeAttribute(attr); else el.setAttribute(attr, v);
        };
        set("aria-checked", it.checked);
        set("aria-selected", it.selected);
        set("aria-level", it.level);
        set("aria-disabled", it.disabled ? "true" : null);
        set("data-value", it.value === undefined || isInput ? null : it.value);
        el.style.left = it.x + "px";
        el.style.top = it.y + "px";
        el.style.width = it.w + "px";
        el.style.height = it.h + "px";
        el.id = "a11y-" + i;
        if (it.focused) focused = el.id;
    }
    while (kids.length > items.length) layer.removeChild(layer.lastChild);
    // Keyboard focus stays on the canvas (or the text-input textarea); assistive technology
    // follows ImGui's focus through aria-activedescendant.
    ["canvas", "ime"].forEach(function(id) {
        var host = document.getElementById(id);
        if (!host) return;
        if (focused) host.setAttribute("aria-activedescendant", focused);
        else host.removeAttribute("aria-activedescendant");
    });
});

// --- Callbacks from JS -----------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE void client_on_boot(const std::uint8_t* font, int font_len, const char* origin) {
    g_font.assign(font, font + (font != nullptr ? font_len : 0));
    g_api_origin = origin;
    g_boot_ready = true;
    if (g_boot_fn != nullptr) g_boot_fn();
    request_frame();
}

EMSCRIPTEN_KEEPALIVE void client_on_full_font(const std::uint8_t* font, int font_len) {
    g_full_font.assign(font, font + font_len);
    request_frame();
}

EMSCRIPTEN_KEEPALIVE void client_on_resize(double css_w, double css_h, double dpr) {
    g_viewport = Viewport{static_cast<float>(css_w), static_cast<float>(css_h),
                          static_cast<float>(dpr > 0 ? dpr : 1)};
    request_frame();
}

EMSCRIPTEN_KEEPALIVE void client_on_hashchange() {
    g_hash_changed = true;
    request_frame();
}

EMSCRIPTEN_KEEPALIVE void client_on_http(int id, int status, const char* body, const char* error) {
    g_http_replies.push_back(HttpReply{id, status, body, error});
    request_frame();
}

EMSCRIPTEN_KEEPALIVE void client_on_image(int id, int texture, int width, int height) {
    g_image_replies.push_back(ImageReply{id, static_cast<std::uint32_t>(texture), width, height});
    request_frame();
}

}  // extern "C"

// --- Public API --------------------------------------------------------------------------------------

bool init(std::string* error) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.premultipliedAlpha = EM_TRUE;
    const double t0 = now_ms();
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context("#canvas", &attrs);
    js_set_metric("glContextMs", now_ms() - t0);  // reported by the budget test
    if (ctx <= 0) {
        *error = "WebGL2 is not available in this browser";
        return false;
    }
    emscripten_webgl_make_context_current(ctx);
    bind_input();
    js_boot();
    return true;
}

void set_frame_callback(FrameFn fn) { g_frame_fn = fn; }
void set_boot_callback(BootFn fn) { g_boot_fn = fn; }

void request_frame(int follow_up_frames) {
    g_frames_left = std::max(g_frames_left, 1 + follow_up_frames);
    schedule_raf();
}

void request_frame_after(double delay_ms) {
    emscripten_set_timeout(on_timer, std::max(0.0, delay_ms), nullptr);
}

EM_JS(void, js_report_atlas, (int width, int height, int glyphs, int browser_glyphs, double build_ms, int builds), {
    window.satstore.atlas = { width: width, height: height, glyphs: glyphs, browserGlyphs: browser_glyphs,
                              buildMs: build_ms, builds: builds };
});

void report_atlas(int width, int height, int glyphs, int browser_glyphs, double build_ms, int builds) {
    js_report_atlas(width, height, glyphs, browser_glyphs, build_ms, builds);
}

void frame_done(bool has_data, double work_ms, int items_submitted) {
    const bool report = has_data && !g_first_data_frame_reported;
    if (report) g_first_data_frame_reported = true;
    js_frame_done(report ? 1 : 0, work_ms, items_submitted);
}

double now_ms() { return emscripten_get_now(); }

Viewport viewport() { return g_viewport; }

bool boot_ready() { return g_boot_ready; }
const std::vector<std::uint8_t>& font_bytes() { return g_font; }
std::vector<std::uint8_t> take_full_font() { return std::exchange(g_full_font, {}); }
const std::string& api_origin() { return g_api_origin; }

int http_request(const std::string& method, const std::string& url, const std::string& body,
                 const std::string& bearer_token, const std::string& idempotency_key) {
    const int id = g_next_request_id++;
    js_http_request(id, method.c_str(), url.c_str(), body.c_str(), bearer_token.c_str(), idempotency_key.c_str());
    return id;
}

std::vector<HttpReply> take_http_replies() { return std::exchange(g_http_replies, {}); }

int load_image(const std::string& url, float scale) {
    const int id = g_next_request_id++;
    js_load_image(id, url.c_str(), scale);
    return id;
}

std::vector<ImageReply> take_image_replies() { return std::exchange(g_image_replies, {}); }

namespace {
std::string take_js_string(char* p) {
    std::string s(p);
    free(p);
    return s;
}
}  // namespace

std::string storage_get(const std::string& key) { return take_js_string(js_string_result(0, key.c_str())); }
void storage_set(const std::string& key, const std::string& value) {
    js_storage_write(key.c_str(), value.c_str(), 0);
}
void storage_remove(const std::string& key) { js_storage_write(key.c_str(), "", 1); }

std::string location_hash() { return take_js_string(js_string_result(1, "")); }
void set_location_hash(const std::string& hash) { js_set_hash(hash.c_str()); }
bool take_hash_changed() { return std::exchange(g_hash_changed, false); }

std::string navigator_language() { return take_js_string(js_string_result(2, "")); }
void set_document_language(const std::string& bcp47, const std::string& title) {
    js_set_document_language(bcp47.c_str(), title.c_str());
}

void set_cursor(const char* css_cursor) {
    static std::string current;
    if (current == css_cursor) return;
    current = css_cursor;
    js_set_cursor(css_cursor);
}

void a11y_sync(const std::string& items_json) { js_a11y_sync(items_json.c_str()); }

}  // namespace satstore::client::platform
