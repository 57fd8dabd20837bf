// satstore client — QR codes (UI.md "QR codes": crisp squares, quiet zone included), encoded with
// Nayuki's QR Code generator (Debian source package qr-code-generator, cmake/deps.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace satstore::client::ui {

// Encodes `text` as a QR code with medium error correction. Out: `size` modules per side and
// `dark` (size × size, row-major, true = dark). Returns false (size 0) when the text is too long
// for any QR version.
bool qr_encode(std::string_view text, int& size, std::vector<bool>& dark);

// Draws the code at the cursor: black modules on white, a 4-module quiet zone, each module
// `module_px` CSS px (whole device pixels, so scanners and screenshots see sharp edges).
// Registers it in the accessibility mirror as an image named `name`. Advances the cursor.
void qr_code(int size, const std::vector<bool>& dark, float module_px, std::string_view name);

// The side of what qr_code() draws, quiet zone included, in CSS px.
float qr_code_side(int size, float module_px);

}  // namespace satstore::client::ui
