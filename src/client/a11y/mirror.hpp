// satstore client — accessibility mirror: the ImGui items of the last drawn frame, described for a
// DOM layer over the canvas (#a11y). Built on ImGui 1.86's test-engine item hooks
// (IMGUI_ENABLE_TEST_ENGINE): ItemAdd gives every item's rectangle, ItemInfo the label of
// buttons, fields, checkboxes, selectables, tabs and menu items. Plain text (headings, product
// titles) has no label hook, so the widget wrappers register it with add().
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>

namespace satstore::client::a11y {

enum class Role { button, link, textbox, password, checkbox, tab, menuitem, heading, img, option, status, alert, text };

// Starts collecting for a new frame. Also turns the ImGui item hooks on. Call after NewFrame.
void begin_frame();

// Items submitted this frame (ImGui's with an id, and add()'s texts), clipped ones included:
// what list clipping saves (window.satstore.itemsSubmitted, read by the long-list tests).
int items_submitted();

// Describes the item ImGui submitted last (ImGui::GetItemID()): its role, value (text fields;
// pass "" for passwords, which never expose a value), checked/selected state and whether it is
// disabled. Call right after the widget call.
void annotate_last(Role role, std::string_view value = {}, int checked = -1, int selected = -1,
                   bool disabled = false);

// Replaces the accessible name of the last submitted item (icon buttons such as "+" or "☰").
void rename_last(std::string_view name);

// Registers an item ImGui does not report with a label (text, images, custom-drawn cards):
// `name` is its accessible name, `rect` its on-screen rectangle in CSS px (clipped to the current
// window). `level` is the heading level (0 = none).
void add(Role role, std::string_view name, const ImRect& rect, int level = 0);

// Ends the frame; returns the items as a JSON array
// [{role, name, value?, checked?, selected?, level?, disabled?, focused?, x, y, w, h}], in draw
// order; `focused` marks the item that has ImGui's focus.
std::string end_frame_json();

}  // namespace satstore::client::a11y
