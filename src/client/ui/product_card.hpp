// satstore client — the product card (UI.md): image, title (2 lines, ellipsis), fiat price large,
// approximate crypto small, stock hint and "Add to cart".
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <imgui.h>

#include "core/catalog.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::ui {

// "¥199.00".
std::string price_text(const Money& price);
// "≈ 0.00030615 BTC" (localised), or "" without a rate or for non-convertible amounts.
std::string approx_crypto_text(Lang lang, const Money& price, std::optional<std::int64_t> btc_rate_minor);
// "Only 3 left" when stock < 10, "Sold out" at 0, "" otherwise. Sets *urgent for low/zero stock.
std::string stock_hint(Lang lang, std::int64_t stock, bool* urgent);

enum class CardAction { none, open, add_to_cart };

// Total height of a card `width` CSS px wide.
float product_card_height(float width);

// Draws a card with its top-left at `pos` (screen coordinates) and advances nothing; the caller
// lays the grid out. A picture without a texture shows a placeholder. The image+title area is a link named by the
// product title (role link in the mirror); the button is "Add to cart".
CardAction product_card(const Product& p, Lang lang, std::optional<std::int64_t> btc_rate_minor,
                        const Picture& picture, ImVec2 pos, float width);

// A grey placeholder of the same shape (loading skeleton).
void product_card_skeleton(ImVec2 pos, float width);

}  // namespace satstore::client::ui
