// satstore client — the look (UI.md): light theme, one brand colour, a price colour, 8 px grid.
#pragma once

#include <imgui.h>

namespace satstore::client::ui {

namespace color {
inline constexpr ImU32 page = IM_COL32(247, 247, 248, 255);
inline constexpr ImU32 surface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 text = IM_COL32(17, 24, 39, 255);          // 16.9:1 on white
inline constexpr ImU32 muted = IM_COL32(75, 85, 99, 255);         // 7.6:1 on white
// Placeholder text in empty fields: lighter than labels and typed text (4.8:1 on white), so an
// example code does not read as something already typed.
inline constexpr ImU32 hint = IM_COL32(107, 114, 128, 255);
inline constexpr ImU32 border = IM_COL32(229, 231, 235, 255);
inline constexpr ImU32 border_strong = IM_COL32(209, 213, 219, 255);
inline constexpr ImU32 brand = IM_COL32(79, 70, 229, 255);        // indigo, 6.3:1 with white
inline constexpr ImU32 brand_hover = IM_COL32(67, 56, 202, 255);
inline constexpr ImU32 brand_pressed = IM_COL32(55, 48, 163, 255);
inline constexpr ImU32 brand_soft = IM_COL32(238, 242, 255, 255);
inline constexpr ImU32 price = IM_COL32(194, 65, 12, 255);        // orange, 5.2:1 on white
inline constexpr ImU32 danger = IM_COL32(220, 38, 38, 255);
inline constexpr ImU32 danger_hover = IM_COL32(185, 28, 28, 255);
inline constexpr ImU32 success = IM_COL32(21, 128, 61, 255);
inline constexpr ImU32 warning = IM_COL32(180, 83, 9, 255);
inline constexpr ImU32 skeleton = IM_COL32(229, 231, 235, 255);
inline constexpr ImU32 shadow = IM_COL32(17, 24, 39, 14);
}  // namespace color

// Layout constants in CSS px.
inline constexpr float kGrid = 8.0f;
inline constexpr float kTopBarHeight = 64.0f;
inline constexpr float kContentMaxWidth = 1200.0f;
inline constexpr float kControlHeight = 40.0f;
inline constexpr float kRadius = 8.0f;
inline constexpr float kCardMinWidth = 240.0f;

// Applies the storefront style to ImGui's style (call once after creating the context).
void apply_theme();

// Float RGBA of an ImU32 colour (for glClearColor).
void to_float4(ImU32 c, float out[4]);

}  // namespace satstore::client::ui
