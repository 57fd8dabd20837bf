// satstore client — the multi-line text field (see text_area() in widgets.hpp).
//
// ImGui 1.86's InputTextMultiline breaks lines only at '\n' and scrolls sideways otherwise. We
// give it a *display* copy of the value with a soft '\n' inserted wherever a line wraps at the
// field width. While the field is active, the edit callback maps each change of that copy back
// to the value (the bytes that changed, minus the soft breaks), wraps the new value, replaces the
// copy in ImGui's buffer and puts the caret and selection back at the same place in the text. The
// value itself never holds a soft break; only the one field being edited keeps state here.
#include <algorithm>
#include <array>
#include <cmath>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::ui {
namespace {

// The value laid out at one width: `display` is the value with a '\n' inserted before each
// offset of `soft` (byte offsets into the value where a wrapped line starts, ascending).
struct Wrapped {
    std::string display;
    std::vector<std::size_t> soft;
};

// The field being edited: its id, the last frame its callback ran and what ImGui's buffer holds.
struct ActiveArea {
    ImGuiID id = 0;
    int frame = -2;
    Wrapped shown;
} g_active;

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

unsigned next_cp(std::string_view s, std::size_t& i) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, s.data() + i, s.data() + s.size());
    i += n > 0 ? static_cast<std::size_t>(n) : 1;
    return c;
}

// Ideographs, kana, hangul, full-width forms: a line may break before or after any of them.
bool breaks_anywhere(unsigned c) { return c >= 0x2E80 && !(c >= 0xFE00 && c <= 0xFE0F); }

// Closing punctuation never starts a line: it stays at the end of the line it closes, like a space.
bool hangs(unsigned c) {
    switch (c) {
    case ' ': case ',': case '.': case ';': case ':': case '!': case '?': case ')': case ']': case '}':
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
    case 0xFF09: case 0x300B: case 0x300D: case 0x300F: case 0x3011: case 0x201D: case 0x2019: case 0x2026:
        return true;
    default:
        return false;
    }
}

// Where lines wrap at `width` px in the current font: after spaces, around CJK characters, or
// inside a word too long for a line. Hard '\n's stay as they are.
Wrapped wrap(std::string_view text, float width) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    auto advance = [&](unsigned c) { return font->GetCharAdvance(static_cast<ImWchar>(c)) * scale; };
    Wrapped out;
    std::size_t line_start = 0, last_break = std::string_view::npos, i = 0;
    float line_w = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const unsigned c = next_cp(text, i);
        if (c == '\n') {
            line_start = i, line_w = 0, last_break = std::string_view::npos;
            continue;
        }
        const float w = advance(c);
        if (hangs(c)) {
            line_w += w;
            if (c == ' ' || breaks_anywhere(c)) last_break = i;
            continue;
        }
        if (breaks_anywhere(c)) last_break = at;
        if (line_w + w > width && at > line_start) {
            const std::size_t cut = last_break != std::string_view::npos && last_break > line_start ? last_break : at;
            out.soft.push_back(cut);
            line_start = cut;
            last_break = std::string_view::npos;
            line_w = 0;
            for (std::size_t k = cut; k < i;) line_w += advance(next_cp(text, k));
        } else {
            line_w += w;
        }
        if (breaks_anywhere(c)) last_break = i;
    }
    out.display.reserve(text.size() + out.soft.size());
    std::size_t from = 0;
    for (const std::size_t cut : out.soft) {
        out.display.append(text.substr(from, cut - from));
        out.display += '\n';
        from = cut;
    }
    out.display.append(text.substr(from));
    return out;
}

// Value offset of display offset `pos`: soft breaks before it do not count.
std::size_t to_value(const Wrapped& w, std::size_t pos) {
    std::size_t n = 0;
    while (n < w.soft.size() && w.soft[n] + n < pos) ++n;
    return pos - n;
}

// Display offset of value offset `pos`; at a wrap the caret goes to the start of the next line.
std::size_t to_display(const Wrapped& w, std::size_t pos) {
    return pos + static_cast<std::size_t>(std::upper_bound(w.soft.begin(), w.soft.end(), pos) - w.soft.begin());
}

struct AreaContext {
    ImGuiID id;
    std::string* value;
    std::string* buffer;  // the display copy handed to ImGui this frame
    const Wrapped* fresh;  // `buffer` laid out: what ImGui loads when the field is activated
    float wrap_width;
};

// Maps ImGui's edited display copy back to the value; returns the value offsets of the caret
// and selection after the edit (in that order).
std::array<std::size_t, 3> apply_edit(std::string& value, const Wrapped& old, std::string_view buf,
                                      const std::array<std::size_t, 3>& at) {
    const std::string_view before(old.display);
    // The text after the caret is unchanged by typing, pasting, Backspace and Delete, so the
    // common tail ends at the caret at the latest: that settles which of two equal characters
    // (a typed '\n' next to a soft one) was inserted.
    std::size_t tail = 0;
    const std::size_t max_tail = std::min({before.size(), buf.size(), buf.size() - std::min(at[0], buf.size())});
    while (tail < max_tail && before[before.size() - 1 - tail] == buf[buf.size() - 1 - tail]) ++tail;
    std::size_t head = 0;
    const std::size_t max_head = std::min(before.size(), buf.size()) - tail;
    while (head < max_head && before[head] == buf[head]) ++head;
    // Whole code points only.
    while (head > 0 && ((head < before.size() && continuation(before[head])) || (head < buf.size() && continuation(buf[head])))) --head;
    while (tail > 0 && (continuation(before[before.size() - tail]) || continuation(buf[buf.size() - tail]))) --tail;
    const std::size_t old_end = before.size() - tail, new_end = buf.size() - tail;
    const std::size_t from = to_value(old, head), to = to_value(old, old_end);
    const std::string inserted(buf.substr(head, new_end - head));

    if (inserted.empty() && from == to && old_end > head) {
        // Only a soft break went: Backspace or Delete at a wrap means the character beside it.
        std::size_t cut_from = from, cut_to = from;
        if (ImGui::IsKeyPressedMap(ImGuiKey_Backspace) && from > 0) {
            cut_from = from - 1;
            while (cut_from > 0 && continuation(value[cut_from])) --cut_from;
        } else if (ImGui::IsKeyPressedMap(ImGuiKey_Delete) && from < value.size()) {
            next_cp(value, cut_to);
        }
        value.erase(cut_from, cut_to - cut_from);
        return {cut_from, cut_from, cut_from};
    }
    const std::size_t old_size = value.size();
    value = value.substr(0, from) + inserted + value.substr(to);
    std::array<std::size_t, 3> out{};
    for (std::size_t k = 0; k < at.size(); ++k) {
        const std::size_t p = std::min(at[k], buf.size());
        if (p <= head) out[k] = to_value(old, p);
        else if (p >= new_end) out[k] = value.size() - (old_size - to_value(old, before.size() - (buf.size() - p)));
        else out[k] = from + (p - head);
    }
    return out;
}

int area_callback(ImGuiInputTextCallbackData* d) {
    auto* ctx = static_cast<AreaContext*>(d->UserData);
    if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        ctx->buffer->resize(static_cast<std::size_t>(d->BufTextLen));
        d->Buf = ctx->buffer->data();
        return 0;
    }
    const int frame = ImGui::GetFrameCount();
    if (g_active.id != ctx->id || g_active.frame < frame - 1) g_active = {ctx->id, frame, *ctx->fresh};
    g_active.frame = frame;

    const std::string_view buf(d->Buf, static_cast<std::size_t>(d->BufTextLen));
    const Wrapped& old = g_active.shown;
    const std::array<std::size_t, 3> at{static_cast<std::size_t>(d->CursorPos), static_cast<std::size_t>(d->SelectionStart),
                                        static_cast<std::size_t>(d->SelectionEnd)};
    std::array<std::size_t, 3> logical{};
    if (buf != old.display) {
        logical = apply_edit(*ctx->value, old, buf, at);
    } else {
        for (std::size_t k = 0; k < at.size(); ++k) logical[k] = to_value(old, at[k]);
    }
    Wrapped now = wrap(*ctx->value, ctx->wrap_width);
    if (now.display != buf) {
        d->DeleteChars(0, d->BufTextLen);
        d->InsertChars(0, now.display.data(), now.display.data() + now.display.size());
        d->CursorPos = static_cast<int>(to_display(now, logical[0]));
        d->SelectionStart = static_cast<int>(to_display(now, logical[1]));
        d->SelectionEnd = static_cast<int>(to_display(now, logical[2]));
        // The undo records hold offsets into the old layout: replaying them would cut the text
        // in the wrong places, so undo starts afresh after a re-wrap.
        if (ImGuiInputTextState* st = ImGui::GetInputTextState(ctx->id)) {
            ImStb::StbUndoState& u = st->Stb.undostate;
            u.undo_point = 0;
            u.undo_char_point = 0;
            u.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
            u.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
        }
    }
    g_active.shown = std::move(now);
    return 0;
}

}  // namespace

bool text_area(const char* label, const char* id, std::string& value, const std::string& error, float width,
               float min_height, float max_height, const char* hint, bool focus) {
    ImGui::BeginGroup();
    ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0.0f;  // the label sits at the top of its row
    text(label, FontSize::small14, color::text);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);

    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 pad = style.FramePadding;
    const float line_h = ImGui::GetFontSize();
    const float caret = 2.0f;  // room for the caret after the longest line
    auto height_of = [&](const Wrapped& w) {
        const float lines = static_cast<float>(std::count(w.display.begin(), w.display.end(), '\n') + 1);
        return std::ceil(lines * line_h + 2 * pad.y + 2);
    };
    float wrap_width = std::max(40.0f, width - 2 * pad.x - caret);
    Wrapped fresh = wrap(value, wrap_width);
    if (height_of(fresh) > max_height) {  // it will scroll: leave room for the scroll bar
        wrap_width = std::max(40.0f, wrap_width - style.ScrollbarSize);
        fresh = wrap(value, wrap_width);
    }
    const float height = std::clamp(height_of(fresh), min_height, max_height);

    const std::string full_id = std::string("##") + id;
    const ImGuiID item_id = ImGui::GetID(full_id.c_str());
    std::string buffer = fresh.display;
    buffer.reserve(buffer.size() + 1);
    AreaContext ctx{item_id, &value, &buffer, &fresh, wrap_width};
    const std::string before = value;

    // The wheel over a box that has scrolled to its end scrolls the page (ImGui 1.86 keeps it in
    // the box): what ImGui is about to scroll this frame, seen before the box applies it.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* wheeled = g.WheelingWindow != nullptr ? g.WheelingWindow : g.HoveredWindow;
    const float wheel = g.IO.MouseWheel;
    const bool chain = wheel != 0 && wheeled != nullptr && (wheeled->Flags & ImGuiWindowFlags_ChildWindow) &&
                       wheeled->ParentWindow == ImGui::GetCurrentWindow() && wheeled->ScrollMax.y > 0 &&
                       (wheel > 0 ? wheeled->Scroll.y <= 0 : wheeled->Scroll.y >= wheeled->ScrollMax.y);
    const ImVec2 box_pos = chain ? wheeled->Pos : ImVec2();

    ImGui::PushStyleColor(ImGuiCol_Border, error.empty() ? color::border_strong : color::danger);
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline(full_id.c_str(), buffer.data(), buffer.capacity() + 1, ImVec2(width, height),
                              ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackEdit |
                                  ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_NoHorizontalScroll,
                              area_callback, &ctx);
    const bool changed = value != before;
    a11y::annotate_last(a11y::Role::textbox, value);
    a11y::rename_last(label);
    ImGui::PopStyleColor();
    const ImRect field(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (chain && std::abs(box_pos.x - field.Min.x) < 1 && std::abs(box_pos.y - field.Min.y) < 1) {  // it is this box
        ImGuiWindow* page = wheeled->ParentWindow;
        while ((page->Flags & ImGuiWindowFlags_ChildWindow) && page->ScrollMax.y == 0 && page->ParentWindow) page = page->ParentWindow;
        const float step = std::floor(std::min(5 * page->CalcFontSize(), page->InnerRect.GetHeight() * 0.67f));  // ImGui's
        ImGui::SetScrollY(page, page->Scroll.y - wheel * step);
        g.WheelingWindow = page;  // the rest of this gesture scrolls the page too
        request_next_frame();
    }
    if (hint != nullptr && value.empty() && ImGui::GetActiveID() != item_id) {
        ImVec2 p(field.Min.x + pad.x, field.Min.y + pad.y);
        const int max_lines = std::max(1, static_cast<int>((height - 2 * pad.y) / line_h));
        for (const std::string& line : wrap_text(hint, FontSize::body16, wrap_width, max_lines)) {
            ImGui::GetWindowDrawList()->AddText(p, color::muted, line.c_str());
            p.y += line_h;
        }
    }
    if (!error.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        text(error, FontSize::small14, color::danger, 0, true);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndGroup();
    return changed;
}

}  // namespace satstore::client::ui
