// satstore client — QR codes (see qr_code.hpp).
#include "ui/qr_code.hpp"

#include <cmath>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>
#include <qrcodegen.hpp>

#include "a11y/mirror.hpp"

namespace satstore::client::ui {
namespace {

constexpr int kQuietModules = 4;  // ISO/IEC 18004: four modules of light margin on every side

}  // namespace

bool qr_encode(std::string_view text, int& size, std::vector<bool>& dark) {
    size = 0;
    dark.clear();
    try {
        const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(std::string(text).c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        size = qr.getSize();
        dark.resize(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) dark[static_cast<std::size_t>(y * size + x)] = qr.getModule(x, y);
        }
        return true;
    } catch (const qrcodegen::data_too_long&) {
        return false;
    }
}

float qr_code_side(int size, float module_px) {
    return static_cast<float>(size + 2 * kQuietModules) * module_px;
}

void qr_code(int size, const std::vector<bool>& dark, float module_px, std::string_view name) {
    const float side = qr_code_side(size, module_px);
    // Snap the top-left corner to a device pixel: with whole-pixel modules every edge is sharp.
    const float dpr = std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x);
    const ImVec2 cur = ImGui::GetCursorScreenPos();
    const ImVec2 origin(std::round(cur.x * dpr) / dpr, std::round(cur.y * dpr) / dpr);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(255, 255, 255, 255));
    const float x0 = origin.x + kQuietModules * module_px, y0 = origin.y + kQuietModules * module_px;
    for (int y = 0; y < size; ++y) {
        int x = 0;
        while (x < size) {  // one rectangle per horizontal run of dark modules
            if (!dark[static_cast<std::size_t>(y * size + x)]) {
                ++x;
                continue;
            }
            int end = x;
            while (end < size && dark[static_cast<std::size_t>(y * size + end)]) ++end;
            dl->AddRectFilled(ImVec2(x0 + static_cast<float>(x) * module_px, y0 + static_cast<float>(y) * module_px),
                              ImVec2(x0 + static_cast<float>(end) * module_px, y0 + static_cast<float>(y + 1) * module_px),
                              IM_COL32(0, 0, 0, 255));
            x = end;
        }
    }
    ImGui::Dummy(ImVec2(side + (origin.x - cur.x), side + (origin.y - cur.y)));
    a11y::add(a11y::Role::img, name, ImRect(origin, ImVec2(origin.x + side, origin.y + side)));
}

}  // namespace satstore::client::ui
