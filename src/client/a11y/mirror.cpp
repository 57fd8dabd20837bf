// satstore client — accessibility mirror (see mirror.hpp) and the ImGui test-engine hooks.
#include "a11y/mirror.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <vector>

#include <imgui_internal.h>

namespace satstore::client::a11y {
namespace {

struct Item {
    ImGuiID id = 0;
    Role role = Role::button;
    std::string name;
    std::string value;
    bool has_value = false;
    int checked = -1;
    int selected = -1;
    int level = 0;
    bool disabled = false;
    ImRect rect;
};

struct Collector {
    std::vector<Item> items;
    ImGuiID last_added_id = 0;
    ImRect last_added_rect;  // clipped to the window
    bool last_added_visible = false;
    int submitted = 0;  // items submitted this frame (ImGui's and add()'s), on screen or not
} g;

const char* role_name(Role r) {
    switch (r) {
        case Role::button: return "button";
        case Role::link: return "link";
        case Role::textbox: return "textbox";
        case Role::password: return "password";
        case Role::checkbox: return "checkbox";
        case Role::tab: return "tab";
        case Role::menuitem: return "menuitem";
        case Role::heading: return "heading";
        case Role::img: return "img";
        case Role::option: return "option";
        case Role::status: return "status";
        case Role::alert: return "alert";
        case Role::text: return "text";
    }
    return "generic";
}

// ImGui labels carry ids after "##" (kept out of the visible text); the name is what is shown.
std::string visible_label(std::string_view label) {
    const std::size_t hash = label.find("##");
    return std::string(label.substr(0, hash));
}

ImRect clip_to_window(const ImRect& bb) {
    ImRect r = bb;
    if (const ImGuiWindow* w = ImGui::GetCurrentContext()->CurrentWindow) r.ClipWithFull(w->ClipRect);
    return r;
}

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    out += '"';
}

void append_number(std::string& out, float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(std::round(v * 10.0f) / 10.0f));
    out += buf;
}

Item* find_item(ImGuiID id) {
    for (auto it = g.items.rbegin(); it != g.items.rend(); ++it) {
        if (it->id == id) return &*it;
    }
    return nullptr;
}

}  // namespace

void begin_frame() {
    g.items.clear();
    g.last_added_id = 0;
    g.submitted = 0;
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void annotate_last(Role role, std::string_view value, int checked, int selected, bool disabled) {
    Item* item = find_item(ImGui::GetItemID());
    if (item == nullptr) return;  // clipped: not on screen this frame
    item->role = role;
    item->has_value = role == Role::textbox;
    item->value = role == Role::textbox ? std::string(value) : std::string();
    item->checked = checked;
    item->selected = selected;
    item->disabled = disabled;
}

void rename_last(std::string_view name) {
    if (Item* item = find_item(ImGui::GetItemID())) item->name = std::string(name);
}

void add(Role role, std::string_view name, const ImRect& rect, int level) {
    ++g.submitted;
    const ImRect r = clip_to_window(rect);
    if (r.GetWidth() <= 0 || r.GetHeight() <= 0 || name.empty()) return;
    Item item;
    item.role = role;
    item.name = std::string(name);
    item.level = level;
    item.rect = r;
    g.items.push_back(std::move(item));
}

int items_submitted() { return g.submitted; }

std::string end_frame_json() {
    std::string out = "[";
    bool first = true;
    // ImGui's focus: the item being used (a text field being edited, a button held), else the
    // keyboard-navigation item while its highlight shows (after Tab).
    const ImGuiContext& ctx = *ImGui::GetCurrentContext();
    const ImGuiID focus = ctx.ActiveId != 0 ? ctx.ActiveId : (ctx.NavDisableHighlight ? 0 : ctx.NavId);
    for (const Item& it : g.items) {
        if (it.name.empty()) continue;  // unnamed: nothing a reader or a test could use
        if (!first) out += ',';
        first = false;
        out += "{\"role\":";
        append_json_string(out, role_name(it.role));
        out += ",\"name\":";
        append_json_string(out, it.name);
        if (it.has_value) {
            out += ",\"value\":";
            append_json_string(out, it.value);
        }
        if (it.checked >= 0) out += it.checked ? ",\"checked\":\"true\"" : ",\"checked\":\"false\"";
        if (it.selected >= 0) out += it.selected ? ",\"selected\":\"true\"" : ",\"selected\":\"false\"";
        if (it.level > 0) out += ",\"level\":" + std::to_string(it.level);
        if (it.disabled) out += ",\"disabled\":true";
        if (focus != 0 && it.id == focus) out += ",\"focused\":true";
        out += ",\"x\":";
        append_number(out, it.rect.Min.x);
        out += ",\"y\":";
        append_number(out, it.rect.Min.y);
        out += ",\"w\":";
        append_number(out, it.rect.GetWidth());
        out += ",\"h\":";
        append_number(out, it.rect.GetHeight());
        out += '}';
    }
    out += ']';
    return out;
}

// --- Hooks called by ImGui (declared in imgui_internal.h under IMGUI_ENABLE_TEST_ENGINE) ---------

void on_item_add(const ImRect& bb, ImGuiID id) {
    ++g.submitted;
    g.last_added_id = id;
    g.last_added_rect = clip_to_window(bb);
    g.last_added_visible = g.last_added_rect.GetWidth() > 0 && g.last_added_rect.GetHeight() > 0;
}

void on_item_info(ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (id != g.last_added_id || !g.last_added_visible || label == nullptr) return;
    // An empty name ("##id" labels) is kept: the wrapper names the item with rename_last().
    const std::string name = visible_label(label);
    Item item;
    item.id = id;
    item.name = name;
    item.rect = g.last_added_rect;
    if (flags & ImGuiItemStatusFlags_Checkable) {
        item.role = Role::checkbox;
        item.checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
    }
    item.disabled = (ImGui::GetCurrentContext()->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    if (Item* existing = find_item(id)) {
        *existing = std::move(item);  // same id twice in a frame: keep the latest
    } else {
        g.items.push_back(std::move(item));
    }
}

}  // namespace satstore::client::a11y

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* /*ctx*/, const ImRect& bb, ImGuiID id) {
    satstore::client::a11y::on_item_add(bb, id);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* /*ctx*/, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    satstore::client::a11y::on_item_info(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext* /*ctx*/, const char* /*fmt*/, ...) {
    // ImGui's debug log is not mirrored anywhere.
}
