// satstore client — input from emscripten/html5.h callbacks bound to the canvas, queued and fed to
// ImGui 1.86's io fields (1.86 has no event queue of its own, so a press and a release arriving
// between two frames would be lost without the trickling below).
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <deque>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "platform/web_extra.hpp"
#include "platform/web_platform.hpp"

namespace satstore::client::platform {
namespace {

constexpr const char* kCanvas = "#canvas";
// ImGui scrolls 5 × font size (80 px at 16 px) per wheel unit; browsers send ~100 px per notch.
constexpr float kWheelPixelsPerUnit = 80.0f;
constexpr float kTapSlopPx = 10.0f;

// Key codes are DOM keyCode values; KeysDown[] is indexed by them.
constexpr int kKeyPadEnter = 300;

struct InputEvent {
    enum class Kind { mouse_pos, mouse_button, wheel, key, character, reset } kind;
    float x = 0, y = 0;
    int code = 0;  // mouse button, key code or UTF-16 unit
    bool down = false;
    bool ctrl = false, shift = false, alt = false, super = false;
};

std::deque<InputEvent> g_queue;
// Frames to wait before feeding more events: Tab moves focus over the next two frames (tabbing
// request, then activation), and text typed meanwhile would land in no field.
int g_hold_frames = 0;
constexpr int kTabSettleFrames = 2;

// Touch: a tap becomes a click where the finger lifted; a drag becomes wheel scrolling.
struct TouchTrack {
    bool active = false;
    long id = -1;
    float start_x = 0, start_y = 0, last_x = 0, last_y = 0;
    bool scrolling = false;
} g_touch;

void push(const InputEvent& e) {
    g_queue.push_back(e);
    request_frame();
}

void push_mouse_pos(float x, float y) {
    InputEvent e{InputEvent::Kind::mouse_pos};
    e.x = x;
    e.y = y;
    push(e);
}

void push_button(int button, bool down) {
    InputEvent e{InputEvent::Kind::mouse_button};
    e.code = button;
    e.down = down;
    push(e);
}

void push_wheel(float dx_units, float dy_units) {
    InputEvent e{InputEvent::Kind::wheel};
    e.x = dx_units;
    e.y = dy_units;
    push(e);
}

int imgui_button(unsigned short dom_button) {
    switch (dom_button) {
        case 0: return 0;  // left
        case 2: return 1;  // right
        case 1: return 2;  // middle
        default: return -1;
    }
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* /*user*/) {
    const float x = static_cast<float>(e->targetX), y = static_cast<float>(e->targetY);
    switch (type) {
        case EMSCRIPTEN_EVENT_MOUSEMOVE:
            push_mouse_pos(x, y);
            return EM_FALSE;
        case EMSCRIPTEN_EVENT_MOUSEDOWN:
        case EMSCRIPTEN_EVENT_MOUSEUP: {
            const int b = imgui_button(e->button);
            if (b < 0) return EM_FALSE;
            push_mouse_pos(x, y);
            push_button(b, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
            // Not prevented: the default action of mousedown focuses the canvas (tabindex=0).
            return EM_FALSE;
        }
        case EMSCRIPTEN_EVENT_MOUSELEAVE:
            push_mouse_pos(-FLT_MAX, -FLT_MAX);
            return EM_FALSE;
        default:
            return EM_FALSE;
    }
}

EM_BOOL on_wheel(int /*type*/, const EmscriptenWheelEvent* e, void* /*user*/) {
    float scale = 1.0f / kWheelPixelsPerUnit;  // DOM_DELTA_PIXEL
    if (e->deltaMode == DOM_DELTA_LINE) scale = 16.0f / kWheelPixelsPerUnit;
    if (e->deltaMode == DOM_DELTA_PAGE) scale = viewport().css_height / kWheelPixelsPerUnit;
    // DOM: positive deltaY scrolls down; ImGui: positive MouseWheel scrolls up.
    push_wheel(static_cast<float>(-e->deltaX) * scale, static_cast<float>(-e->deltaY) * scale);
    return EM_TRUE;
}

const EmscriptenTouchPoint* changed_touch(const EmscriptenTouchEvent* e) {
    for (int i = 0; i < e->numTouches; ++i) {
        if (e->touches[i].isChanged) return &e->touches[i];
    }
    return nullptr;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void* /*user*/) {
    const EmscriptenTouchPoint* t = changed_touch(e);
    if (t == nullptr) return EM_TRUE;
    const float x = static_cast<float>(t->targetX), y = static_cast<float>(t->targetY);
    switch (type) {
        case EMSCRIPTEN_EVENT_TOUCHSTART:
            if (!g_touch.active) {
                g_touch = TouchTrack{true, t->identifier, x, y, x, y, false};
                push_mouse_pos(x, y);  // hover feedback under the finger
            }
            break;
        case EMSCRIPTEN_EVENT_TOUCHMOVE:
            if (g_touch.active && t->identifier == g_touch.id) {
                if (std::hypot(x - g_touch.start_x, y - g_touch.start_y) > kTapSlopPx) g_touch.scrolling = true;
                if (g_touch.scrolling) {
                    push_wheel((x - g_touch.last_x) / kWheelPixelsPerUnit, (y - g_touch.last_y) / kWheelPixelsPerUnit);
                }
                g_touch.last_x = x;
                g_touch.last_y = y;
            }
            break;
        case EMSCRIPTEN_EVENT_TOUCHEND:
        case EMSCRIPTEN_EVENT_TOUCHCANCEL:
            if (g_touch.active && t->identifier == g_touch.id) {
                if (!g_touch.scrolling && type == EMSCRIPTEN_EVENT_TOUCHEND) {
                    push_mouse_pos(x, y);
                    push_button(0, true);
                    push_button(0, false);
                }
                push_mouse_pos(-FLT_MAX, -FLT_MAX);  // no hover left behind on touch screens
                g_touch.active = false;
            }
            break;
        default:
            break;
    }
    // Prevented so the browser neither scrolls the page nor synthesises mouse events.
    return EM_TRUE;
}

bool is_navigation_key(int code) {
    return code == 8 || code == 9 || code == 13 || code == 27 || (code >= 33 && code <= 40) || code == 46;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void* /*user*/) {
    if (type == EMSCRIPTEN_EVENT_KEYPRESS) {
        const unsigned long c = e->charCode;
        if (c >= 32 && c != 127 && !e->ctrlKey && !e->metaKey) {
            InputEvent ev{InputEvent::Kind::character};
            ev.code = static_cast<int>(c);
            push(ev);
            return EM_TRUE;
        }
        return EM_FALSE;
    }
    int code = static_cast<int>(e->keyCode);
    if (code == 13 && e->location == DOM_KEY_LOCATION_NUMPAD) code = kKeyPadEnter;
    if (code <= 0 || code >= 512) return EM_FALSE;
    InputEvent ev{InputEvent::Kind::key};
    ev.code = code;
    ev.down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    ev.ctrl = e->ctrlKey;
    ev.shift = e->shiftKey;
    ev.alt = e->altKey;
    ev.super = e->metaKey;
    push(ev);
    // Printable keys must not be prevented, or the browser sends no keypress (the text).
    const bool shortcut = (e->ctrlKey || e->metaKey) && (code == 65 || code == 89 || code == 90);
    return (is_navigation_key(code) || code == kKeyPadEnter || shortcut) ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_blur(int /*type*/, const EmscriptenFocusEvent* /*e*/, void* /*user*/) {
    push(InputEvent{InputEvent::Kind::reset});
    return EM_FALSE;
}

// Where ImGui wants the IME caret (CSS px), from io.ImeSetInputScreenPosFn.
float g_ime_x = 0, g_ime_y = 0;
bool g_text_input_active = false;

void on_ime_pos(int x, int y) {
    g_ime_x = static_cast<float>(x);
    g_ime_y = static_cast<float>(y);
}

// A hidden <textarea> receives text while an ImGui text field is active: IME composition
// (Chinese input), mobile keyboards, paste and typed characters all arrive as `input` or
// `compositionend` events there. Keys (Backspace, arrows, Enter) still come as keydown/keyup.
EM_JS(void, js_ime_setup, (), {
    var ta = document.createElement("textarea");
    ta.id = "ime";
    ta.setAttribute("aria-hidden", "true");
    ta.setAttribute("autocomplete", "off");
    ta.setAttribute("autocapitalize", "off");
    ta.spellcheck = false;
    ta.style.cssText = "position:absolute;left:0;top:0;width:2px;height:18px;opacity:0;" +
        "pointer-events:none;border:0;padding:0;margin:0;resize:none;overflow:hidden;font-size:16px;";
    (document.getElementById("app") || document.body).appendChild(ta);
    var send = function(text) {
        for (var i = 0; i < text.length; i++) _client_on_text_unit(text.charCodeAt(i));
    };
    ta.addEventListener("input", function(e) {
        if (e.isComposing) return;
        var text = (e.data !== null && e.data !== undefined) ? e.data : ta.value;
        if (text) send(text);
        ta.value = "";
    });
    ta.addEventListener("compositionend", function(e) {
        if (e.data) send(e.data);
        ta.value = "";
    });
});

EM_JS(void, js_ime_focus, (int active, float x, float y), {
    var ta = document.getElementById("ime");
    var canvas = document.getElementById("canvas");
    if (!ta || !canvas) return;
    if (active) {
        ta.style.left = Math.max(0, x) + "px";
        ta.style.top = Math.max(0, y) + "px";
        if (document.activeElement !== ta) ta.focus({ preventScroll: true });
    } else if (document.activeElement === ta) {
        canvas.focus({ preventScroll: true });
    }
});

void set_key_map(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = 9;
    io.KeyMap[ImGuiKey_LeftArrow] = 37;
    io.KeyMap[ImGuiKey_RightArrow] = 39;
    io.KeyMap[ImGuiKey_UpArrow] = 38;
    io.KeyMap[ImGuiKey_DownArrow] = 40;
    io.KeyMap[ImGuiKey_PageUp] = 33;
    io.KeyMap[ImGuiKey_PageDown] = 34;
    io.KeyMap[ImGuiKey_Home] = 36;
    io.KeyMap[ImGuiKey_End] = 35;
    io.KeyMap[ImGuiKey_Insert] = 45;
    io.KeyMap[ImGuiKey_Delete] = 46;
    io.KeyMap[ImGuiKey_Backspace] = 8;
    io.KeyMap[ImGuiKey_Space] = 32;
    io.KeyMap[ImGuiKey_Enter] = 13;
    io.KeyMap[ImGuiKey_Escape] = 27;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kKeyPadEnter;
    io.KeyMap[ImGuiKey_A] = 65;
    io.KeyMap[ImGuiKey_C] = 67;
    io.KeyMap[ImGuiKey_V] = 86;
    io.KeyMap[ImGuiKey_X] = 88;
    io.KeyMap[ImGuiKey_Y] = 89;
    io.KeyMap[ImGuiKey_Z] = 90;
}

}  // namespace

void bind_input() {
    js_ime_setup();
    emscripten_set_mousemove_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseup_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, on_wheel);
    emscripten_set_touchstart_callback(kCanvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback(kCanvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback(kCanvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_keydown_callback(kCanvas, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(kCanvas, nullptr, EM_TRUE, on_key);
    emscripten_set_keypress_callback(kCanvas, nullptr, EM_TRUE, on_key);
    emscripten_set_blur_callback(kCanvas, nullptr, EM_TRUE, on_blur);
    // While a field is active the textarea has focus: its keys count, its text comes via input.
    emscripten_set_keydown_callback("#ime", nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback("#ime", nullptr, EM_TRUE, on_key);
    ImGuiIO& io = ImGui::GetIO();
    set_key_map(io);
    io.ImeSetInputScreenPosFn = on_ime_pos;
    // Copy and cut go to the system clipboard. Paste arrives as text in the hidden textarea
    // (the browser's own paste), so ImGui's Ctrl+V finds nothing of its own to insert.
    io.SetClipboardTextFn = [](void*, const char* text) { copy_to_clipboard(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
}

bool input_pending() { return !g_queue.empty(); }

void sync_text_input(bool active) {
    if (active == g_text_input_active && !active) return;
    g_text_input_active = active;
    js_ime_focus(active ? 1 : 0, g_ime_x, g_ime_y);
}

}  // namespace satstore::client::platform

extern "C" EMSCRIPTEN_KEEPALIVE void client_on_text_unit(int utf16_unit) {
    using namespace satstore::client::platform;
    InputEvent ev{InputEvent::Kind::character};
    ev.code = utf16_unit;
    push(ev);
}

namespace satstore::client::platform {

namespace {

void apply_key(ImGuiIO& io, const InputEvent& e) {
    io.KeysDown[e.code] = e.down;
    io.KeyCtrl = e.ctrl;
    io.KeyShift = e.shift;
    io.KeyAlt = e.alt;
    io.KeySuper = e.super;
}

}  // namespace

bool apply_input_to_imgui() {
    ImGuiIO& io = ImGui::GetIO();
    bool button_changed[5] = {};
    bool any_button_changed = false;
    std::uint8_t key_changed[512] = {};
    bool applied = false;      // an event went in this frame
    bool chars_added = false;  // text went in this frame
    if (g_hold_frames > 0) {
        --g_hold_frames;
        // Releases go in at once: a key held down over slow frames would repeat (Tab would tab on).
        while (!g_queue.empty() && g_queue.front().kind == InputEvent::Kind::key && !g_queue.front().down) {
            apply_key(io, g_queue.front());
            g_queue.pop_front();
        }
        return !g_queue.empty();
    }
    while (!g_queue.empty()) {
        const InputEvent& e = g_queue.front();
        switch (e.kind) {
            case InputEvent::Kind::mouse_pos:
                // A move after a press/release waits a frame so the click happens where it was.
                if (any_button_changed) return true;
                io.MousePos = ImVec2(e.x, e.y);
                break;
            case InputEvent::Kind::mouse_button:
                if (button_changed[e.code]) return true;
                io.MouseDown[e.code] = e.down;
                button_changed[e.code] = true;
                any_button_changed = true;
                break;
            case InputEvent::Kind::wheel:
                io.MouseWheelH += e.x;
                io.MouseWheel += e.y;
                break;
            case InputEvent::Kind::key:
                if (key_changed[e.code]) return true;
                // ImGui drops a frame's characters if Ctrl ends up held: a key with Ctrl (the
                // release of Ctrl+V after the pasted text, say) waits for the next frame.
                if (chars_added && (e.ctrl || e.super)) return true;
                apply_key(io, e);
                key_changed[e.code] = 1;
                if (e.code == 9 && e.down) {
                    g_queue.pop_front();
                    g_hold_frames = kTabSettleFrames;
                    return true;
                }
                break;
            case InputEvent::Kind::character:
                // Text committed by the browser (paste, IME) can arrive while Ctrl is still held;
                // ImGui drops characters typed with Ctrl, so it goes in a frame of its own with
                // the modifiers lifted (the next key event brings back the real state).
                if (io.KeyCtrl || io.KeySuper) {
                    if (applied) return true;
                    io.KeyCtrl = io.KeySuper = false;
                }
                io.AddInputCharacterUTF16(static_cast<ImWchar16>(e.code));
                chars_added = true;
                break;
            case InputEvent::Kind::reset:
                // Keys only: focus also moves to our own IME textarea while a button is held.
                for (bool& k : io.KeysDown) k = false;
                io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
                break;
        }
        g_queue.pop_front();
        applied = true;
    }
    return false;
}

}  // namespace satstore::client::platform
