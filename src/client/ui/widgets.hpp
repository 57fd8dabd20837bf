// satstore client — components built once and used by every screen (UI.md "Components").
// Each registers itself with the accessibility mirror (a11y/mirror.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "render/fonts.hpp"

namespace satstore::client::ui {

using render::FontSize;

// Pushes/pops one of the atlas fonts (sizes in CSS px).
void push_font(FontSize size);
void pop_font();

enum class ButtonKind { primary, secondary, danger, ghost, danger_text, soft };

// A button: filled brand (primary), outlined (secondary), red (danger), borderless (ghost),
// borderless red (danger_text: Remove) or brand-tinted (soft: the selected one of a group).
// `size` zero components mean "fit the label" / kControlHeight. `disabled` greys it out; `busy`
// shows a spinner instead of the label and makes it unclickable. Returns true when clicked.
// `label` may carry an ImGui "##id" suffix; the mirror names the button by the visible part.
bool button(const char* label, ButtonKind kind, ImVec2 size = ImVec2(0, 0), bool disabled = false,
            bool busy = false);

// A text link in the brand colour, underlined on hover. Returns true when clicked.
bool link(const char* label, FontSize size = FontSize::body16);

// A row of choice chips that wraps at `width`, the `selected` one drawn "soft"; mirrored as tabs
// (filters) or, with `options`, as options (a choice in a form). Returns the index pressed, or -1.
int chip_row(const char* id, const std::vector<std::string>& labels, int selected, float width, bool options = false);

// Text in `size` and `color`, registered in the mirror as a heading of `level` (1–6) or, with
// level 0, as plain text. Wraps at the content region's edge when `wrap` is set.
void text(std::string_view s, FontSize size, ImU32 color, int level = 0, bool wrap = false);

// Splits `s` into at most `max_lines` lines no wider than `width` CSS px in `size`, breaking at
// spaces where possible and anywhere in CJK text; a truncated last line ends in "…".
std::vector<std::string> wrap_text(std::string_view s, FontSize size, float width, int max_lines);

// A form field: label above, the input, then `error` in red (or nothing) below. Edits `value`.
// Returns true when Enter was pressed in it. `focus` moves keyboard focus into it this frame.
// Password fields mask the text and never expose their value to the mirror. The field is one
// group, its label at the top of the row, so fields placed with SameLine() line up.
// `mirror_name`, when given, names the field in the mirror instead of `label` (rows of a table
// whose fields share a label: "SKU" → "SKU Black / M").
bool text_field(const char* label, const char* id, std::string& value, const std::string& error,
                float width, bool password = false, const char* hint = nullptr, bool focus = false,
                const char* mirror_name = nullptr);

// A multi-line text field: label above, the box, then `error` in red (or nothing) below. Words
// wrap at the box's width (the value holds no inserted line breaks); the box has inner padding
// and grows with its text from `min_height` to `max_height` CSS px, then scrolls. `hint` is shown
// in grey while it is empty. Returns true when the value changed this frame. `focus` moves
// keyboard focus into it. Registered in the mirror as a textbox with its value. The wheel over
// a box scrolled to its end scrolls the page. (ui/text_area.cpp)
bool text_area(const char* label, const char* id, std::string& value, const std::string& error, float width,
               float min_height = 96.0f, float max_height = 240.0f, const char* hint = nullptr, bool focus = false);

// A rotating arc; keeps frames coming while visible (see animating()).
void spinner(ImVec2 center, float radius, ImU32 color);

// A grey placeholder block where content is loading.
void skeleton(ImVec2 min, ImVec2 max, float rounding = 6.0f);

// A loaded image as drawn: its texture (0 while it loads) and the part of it that fills the box
// it is drawn in (see cover()).
struct Picture {
    std::uint32_t texture = 0;
    ImVec2 uv0 = ImVec2(0, 0);
    ImVec2 uv1 = ImVec2(1, 1);
};
// `texture` (`image_w` × `image_h` px) cropped to fill a `box_w` × `box_h` box without stretching
// (CSS object-fit: cover): the middle of a wider image, the middle of a taller one.
Picture cover(std::uint32_t texture, int image_w, int image_h, float box_w, float box_h);
// Draws `picture` into [min, max] with rounded corners (`flags`: which), or a placeholder while it loads.
void draw_picture(ImDrawList* dl, const Picture& picture, ImVec2 min, ImVec2 max, float rounding,
                  ImDrawFlags flags = ImDrawFlags_RoundCornersAll);

// Whether something animated was drawn this frame (the loop then asks for another frame).
bool animating();
void reset_animating();
// Asks for one more frame (a change this frame made shows only in the next, e.g. a scroll).
void request_next_frame();

// A filled rounded card background with a soft shadow.
void card_background(ImDrawList* dl, ImVec2 min, ImVec2 max, float rounding = 8.0f);

// Centred empty state / message: title, body and an optional action button. Returns true when the
// action was clicked. Draws within `width` starting at the cursor.
bool message_block(std::string_view title, std::string_view body, const char* action, float width);

}  // namespace satstore::client::ui
