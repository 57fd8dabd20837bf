// satstore client — shared components (see widgets.hpp).
#include "ui/widgets.hpp"

#include <cmath>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "ui/theme.hpp"

namespace satstore::client::ui {
namespace {

bool g_animating = false;

// Decodes one UTF-8 code point starting at s[i]; advances i.
unsigned next_codepoint(std::string_view s, std::size_t& i) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, s.data() + i, s.data() + s.size());
    i += n > 0 ? static_cast<std::size_t>(n) : 1;
    return c;
}

float advance(ImFont* f, float scale, unsigned c) { return f->GetCharAdvance(static_cast<ImWchar>(c)) * scale; }

}  // namespace

void push_font(FontSize size) { ImGui::PushFont(render::font(size)); }
void pop_font() { ImGui::PopFont(); }

bool animating() { return g_animating; }
void reset_animating() { g_animating = false; }
void request_next_frame() { g_animating = true; }

bool button(const char* label, ButtonKind kind, ImVec2 size, bool disabled, bool busy) {
    ImU32 bg = color::surface, hover = IM_COL32(243, 244, 246, 255), active = color::border;
    ImU32 fg = color::text, border = color::border_strong;
    switch (kind) {
        case ButtonKind::primary:
            bg = color::brand, hover = color::brand_hover, active = color::brand_pressed;
            fg = color::surface, border = color::brand;
            break;
        case ButtonKind::danger:
            bg = color::danger, hover = color::danger_hover, active = color::danger_hover;
            fg = color::surface, border = color::danger;
            break;
        case ButtonKind::ghost:
            bg = IM_COL32(0, 0, 0, 0), border = IM_COL32(0, 0, 0, 0);
            break;
        case ButtonKind::danger_text:
            bg = IM_COL32(0, 0, 0, 0), hover = IM_COL32(254, 242, 242, 255), active = IM_COL32(254, 226, 226, 255);
            fg = color::danger, border = IM_COL32(0, 0, 0, 0);
            break;
        case ButtonKind::soft:
            bg = color::brand_soft, hover = color::brand_soft, active = color::brand_soft;
            fg = color::brand, border = color::brand;
            break;
        case ButtonKind::secondary:
            break;
    }
    const ImVec2 text_size = ImGui::CalcTextSize(label, nullptr, true);
    if (size.x <= 0) size.x = text_size.x + 2 * ImGui::GetStyle().FramePadding.x;
    if (size.y <= 0) size.y = kControlHeight;
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
    ImGui::PushStyleColor(ImGuiCol_Text, busy ? IM_COL32(0, 0, 0, 0) : fg);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    const bool inactive = disabled || busy;
    if (inactive) ImGui::BeginDisabled();
    const bool clicked = ImGui::Button(label, size);
    a11y::annotate_last(a11y::Role::button, {}, -1, -1, inactive);
    if (inactive) ImGui::EndDisabled();
    ImGui::PopStyleColor(5);
    if (busy) {
        const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
        spinner(ImVec2((mn.x + mx.x) * 0.5f, (mn.y + mx.y) * 0.5f), 8.0f, fg);
    }
    if (ImGui::IsItemHovered() && !inactive) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return clicked && !inactive;
}

bool link(const char* label, FontSize size) {
    if (size != FontSize::body16) render::note_text(label);
    push_font(size);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 text_size = ImGui::CalcTextSize(label, nullptr, true);
    const bool clicked = ImGui::InvisibleButton(label, text_size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = hovered ? color::brand_hover : color::brand;
    dl->AddText(pos, col, label, ImGui::FindRenderedTextEnd(label));
    if (hovered) {
        dl->AddLine(ImVec2(pos.x, pos.y + text_size.y), ImVec2(pos.x + text_size.x, pos.y + text_size.y), col, 1.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    const char* end = ImGui::FindRenderedTextEnd(label);
    a11y::add(a11y::Role::link, std::string_view(label, static_cast<std::size_t>(end - label)),
              ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    pop_font();
    return clicked;
}

void text(std::string_view s, FontSize size, ImU32 color, int level, bool wrap) {
    if (size != FontSize::body16) render::note_text(s);
    push_font(size);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    if (!wrap) {
        ImGui::TextUnformatted(s.data(), s.data() + s.size());
    } else {
        // Our own line breaking: ImGui 1.86 only breaks at spaces, which strands CJK runs.
        const ImGuiWindow* w = ImGui::GetCurrentWindow();
        // PushTextWrapPos() positions are window-local (from Pos, as ImGui's own wrapping counts
        // them, not from the padded WorkRect): padded windows such as modals wrapped twice.
        const float right = w->DC.TextWrapPos > 0 ? w->Pos.x - w->Scroll.x + w->DC.TextWrapPos
                                                   : ImGui::GetContentRegionMaxAbs().x;
        const float width = std::max(40.0f, right - ImGui::GetCursorScreenPos().x);
        ImGui::BeginGroup();
        for (const std::string& line : wrap_text(s, size, width, 1000)) ImGui::TextUnformatted(line.c_str());
        ImGui::EndGroup();
    }
    ImGui::PopStyleColor();
    a11y::add(level > 0 ? a11y::Role::heading : a11y::Role::text, s,
              ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), level);
    pop_font();
}

std::vector<std::string> wrap_text(std::string_view s, FontSize size, float width, int max_lines) {
    ImFont* f = render::font(size);
    const float scale = render::font_px(size) / f->FontSize;
    std::vector<std::string> lines;
    std::size_t line_start = 0, i = 0, last_space = std::string_view::npos;
    float line_w = 0;
    while (i < s.size()) {
        const std::size_t at = i;
        const unsigned c = next_codepoint(s, i);
        if (c == '\n') {
            lines.emplace_back(s.substr(line_start, at - line_start));
            line_start = i, line_w = 0, last_space = std::string_view::npos;
            continue;
        }
        const float w = advance(f, scale, c);
        if (line_w + w > width && at > line_start) {
            std::size_t cut = at;
            if (c != ' ' && last_space != std::string_view::npos && c < 0x3000) cut = last_space;
            lines.emplace_back(s.substr(line_start, cut - line_start));
            line_start = cut;
            while (line_start < s.size() && s[line_start] == ' ') ++line_start;
            i = line_start;
            line_w = 0;
            last_space = std::string_view::npos;
            continue;
        }
        if (c == ' ') last_space = at;
        line_w += w;
    }
    if (line_start < s.size()) lines.emplace_back(s.substr(line_start));
    if (static_cast<int>(lines.size()) > max_lines) {
        lines.resize(static_cast<std::size_t>(max_lines));
        std::string& last = lines.back();
        const float ellipsis_w = advance(f, scale, 0x2026);
        // Trim whole code points until the line plus "…" fits.
        while (!last.empty()) {
            const float w = f->CalcTextSizeA(render::font_px(size), FLT_MAX, 0, last.c_str()).x;
            if (w + ellipsis_w <= width) break;
            std::size_t cut = last.size() - 1;
            while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80) --cut;
            last.resize(cut);
        }
        while (!last.empty() && last.back() == ' ') last.pop_back();
        last += "\xE2\x80\xA6";
    }
    return lines;
}

bool text_field(const char* label, const char* id, std::string& value, const std::string& error,
                float width, bool password, const char* hint, bool focus, const char* mirror_name) {
    ImGui::BeginGroup();
    // After SameLine() the row's text baseline is the field to the left's (its frame padding): the
    // label would be drawn that much lower. A label starts at the top of its row.
    ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0.0f;
    text(label, FontSize::small14, color::text);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    ImGui::PushStyleColor(ImGuiCol_Border, error.empty() ? color::border_strong : color::danger);
    ImGui::SetNextItemWidth(width);
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue;
    if (password) flags |= ImGuiInputTextFlags_Password;
    auto resize = [](ImGuiInputTextCallbackData* d) -> int {
        if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
            auto* str = static_cast<std::string*>(d->UserData);
            str->resize(static_cast<std::size_t>(d->BufTextLen));
            d->Buf = str->data();
        }
        return 0;
    };
    // ImGui writes into the buffer in place; keep capacity for the terminator.
    value.reserve(value.size() + 1);
    const std::string full_label = std::string("##") + id;  // the label is drawn above, not beside
    bool entered = false;
    if (hint != nullptr) {
        entered = ImGui::InputTextWithHint(full_label.c_str(), hint, value.data(), value.capacity() + 1, flags, resize, &value);
    } else {
        entered = ImGui::InputText(full_label.c_str(), value.data(), value.capacity() + 1, flags, resize, &value);
    }
    value.resize(std::char_traits<char>::length(value.c_str()));
    a11y::annotate_last(password ? a11y::Role::password : a11y::Role::textbox, password ? "" : value);
    a11y::rename_last(mirror_name ? mirror_name : label);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (!error.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);  // a long message wraps under its field
        text(error, FontSize::small14, color::danger, 0, true);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndGroup();
    return entered;
}

void spinner(ImVec2 center, float radius, ImU32 color) {
    g_animating = true;
    const float t = static_cast<float>(ImGui::GetTime());
    const float start = t * 6.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathArcTo(center, radius, start, start + IM_PI * 1.5f, 24);
    dl->PathStroke(color, 0, 2.5f);
}

Picture cover(std::uint32_t texture, int image_w, int image_h, float box_w, float box_h) {
    Picture p{texture};
    if (image_w <= 0 || image_h <= 0 || box_w <= 0 || box_h <= 0) return p;
    const float image_aspect = static_cast<float>(image_w) / static_cast<float>(image_h), box_aspect = box_w / box_h;
    if (image_aspect > box_aspect) {
        const float keep = box_aspect / image_aspect;  // of the width
        p.uv0.x = (1 - keep) * 0.5f;
        p.uv1.x = 1 - p.uv0.x;
    } else {
        const float keep = image_aspect / box_aspect;  // of the height
        p.uv0.y = (1 - keep) * 0.5f;
        p.uv1.y = 1 - p.uv0.y;
    }
    return p;
}

void draw_picture(ImDrawList* dl, const Picture& picture, ImVec2 min, ImVec2 max, float rounding, ImDrawFlags flags) {
    if (picture.texture == 0) {
        dl->AddRectFilled(min, max, color::skeleton, rounding, flags);
        return;
    }
    dl->AddImageRounded(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(picture.texture)), min, max, picture.uv0,
                        picture.uv1, IM_COL32_WHITE, rounding, flags);
}

void skeleton(ImVec2 min, ImVec2 max, float rounding) {
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, color::skeleton, rounding);
}

void card_background(ImDrawList* dl, ImVec2 min, ImVec2 max, float rounding) {
    dl->AddRectFilled(ImVec2(min.x, min.y + 2), ImVec2(max.x, max.y + 3), color::shadow, rounding + 1);
    dl->AddRectFilled(min, max, color::surface, rounding);
    dl->AddRect(min, max, color::border, rounding);
}

bool message_block(std::string_view title, std::string_view body, const char* action, float width) {
    const float x0 = ImGui::GetCursorPosX();
    auto centred = [&](std::string_view s, FontSize size, ImU32 col, int level) {
        push_font(size);
        const float w = std::min(width, ImGui::CalcTextSize(s.data(), s.data() + s.size()).x);
        pop_font();
        ImGui::SetCursorPosX(x0 + (width - w) * 0.5f);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w + 1);
        text(s, size, col, level, false);
        ImGui::PopTextWrapPos();
    };
    ImGui::Dummy(ImVec2(1, kGrid * 6));
    centred(title, FontSize::h24, color::text, 1);
    ImGui::Dummy(ImVec2(1, kGrid / 2));
    centred(body, FontSize::body16, color::muted, 0);
    bool clicked = false;
    if (action != nullptr) {
        ImGui::Dummy(ImVec2(1, kGrid * 2));
        const float bw = ImGui::CalcTextSize(action, nullptr, true).x + 48;
        ImGui::SetCursorPosX(x0 + (width - bw) * 0.5f);
        clicked = button(action, ButtonKind::primary, ImVec2(bw, 0));
    }
    ImGui::Dummy(ImVec2(1, kGrid * 6));
    return clicked;
}

int chip_row(const char* id, const std::vector<std::string>& labels, int selected, float width, bool options) {
    int pressed = -1;
    float x = 0;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float w = ImGui::CalcTextSize(labels[i].c_str()).x + 28;
        if (x > 0 && x + w > width) x = 0;
        else if (x > 0) ImGui::SameLine(0, 8);
        const bool on = selected == static_cast<int>(i);
        const std::string label = labels[i] + "##" + std::to_string(i);
        if (button(label.c_str(), on ? ButtonKind::soft : ButtonKind::secondary, ImVec2(w, 36))) pressed = static_cast<int>(i);
        a11y::annotate_last(options ? a11y::Role::option : a11y::Role::tab, {}, -1, on ? 1 : 0);
        x += w + 8;
    }
    ImGui::PopID();
    return pressed;
}

}  // namespace satstore::client::ui
