// satstore client — ImGui style for the storefront (see theme.hpp).
#include "ui/theme.hpp"

namespace satstore::client::ui {

void apply_theme() {
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowRounding = 0;
    s.WindowBorderSize = 0;
    s.ChildRounding = 0;
    s.ChildBorderSize = 0;
    s.PopupRounding = kRadius;
    s.PopupBorderSize = 1;
    s.FramePadding = ImVec2(12, 10);
    s.FrameRounding = kRadius;
    s.FrameBorderSize = 1;
    s.ItemSpacing = ImVec2(kGrid, kGrid);
    s.ItemInnerSpacing = ImVec2(kGrid, 4);
    s.ScrollbarSize = 10;
    s.ScrollbarRounding = 8;
    s.GrabRounding = 6;
    s.TabRounding = 6;
    s.SelectableTextAlign = ImVec2(0, 0.5f);
    s.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    s.DisabledAlpha = 0.45f;
    s.AntiAliasedLines = true;
    s.AntiAliasedFill = true;

    ImVec4* c = s.Colors;
    auto v = [](ImU32 u) { return ImGui::ColorConvertU32ToFloat4(u); };
    c[ImGuiCol_Text] = v(color::text);
    c[ImGuiCol_TextDisabled] = v(color::hint);  // ImGui draws input hints (placeholders) in it
    c[ImGuiCol_WindowBg] = v(color::page);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = v(color::surface);
    c[ImGuiCol_Border] = v(color::border_strong);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = v(color::surface);
    c[ImGuiCol_FrameBgHovered] = v(color::surface);
    c[ImGuiCol_FrameBgActive] = v(color::surface);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = v(IM_COL32(17, 24, 39, 60));
    c[ImGuiCol_ScrollbarGrabHovered] = v(IM_COL32(17, 24, 39, 100));
    c[ImGuiCol_ScrollbarGrabActive] = v(IM_COL32(17, 24, 39, 140));
    c[ImGuiCol_Button] = v(color::surface);
    c[ImGuiCol_ButtonHovered] = v(IM_COL32(243, 244, 246, 255));
    c[ImGuiCol_ButtonActive] = v(color::border);
    c[ImGuiCol_Header] = v(color::brand_soft);
    c[ImGuiCol_HeaderHovered] = v(IM_COL32(243, 244, 246, 255));
    c[ImGuiCol_HeaderActive] = v(color::brand_soft);
    c[ImGuiCol_Separator] = v(color::border);
    c[ImGuiCol_TextSelectedBg] = v(IM_COL32(79, 70, 229, 60));
    c[ImGuiCol_NavHighlight] = v(color::brand);
    c[ImGuiCol_CheckMark] = v(color::brand);
}

void to_float4(ImU32 c, float out[4]) {
    const ImVec4 f = ImGui::ColorConvertU32ToFloat4(c);
    out[0] = f.x;
    out[1] = f.y;
    out[2] = f.z;
    out[3] = f.w;
}

}  // namespace satstore::client::ui
