// satstore core — what staff may write into the catalog: the body of POST /staff/products and
// PATCH /staff/products/{id}, checked field by field (SPEC style: errors keyed like
// "variants[1].sku", "i18n.zh-CN.title", "options[0].values"). Shared by the server (which
// refuses) and the console's product editor (which shows the same messages next to the fields).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/catalog.hpp"

namespace satstore {

inline constexpr std::size_t kMaxProductImages = 12;
inline constexpr std::size_t kMaxProductOptions = 3;
inline constexpr std::size_t kMaxOptionValues = 30;
inline constexpr std::size_t kMaxVariants = 100;
inline constexpr std::int64_t kMaxStock = 1'000'000'000;
inline constexpr std::int64_t kMaxPriceMinor = 100'000'000'000;  // ¥1,000,000,000.00

// Reasons a staff member gives for moving stock (POST /staff/variants/{id}/stock); orders and
// cancellations move it too, recorded as "order" and "cancel".
enum class StockReason { received, damaged, correction, order, cancel };

NLOHMANN_JSON_SERIALIZE_ENUM(StockReason, {
    {StockReason::received, "received"},
    {StockReason::damaged, "damaged"},
    {StockReason::correction, "correction"},
    {StockReason::order, "order"},
    {StockReason::cancel, "cancel"},
})

// A SKU: 1–64 of A–Z, a–z, 0–9, '.', '_' and '-'.
bool valid_sku(std::string_view sku);
// A category slug: 1–40 of a–z, 0–9 and '-'.
bool valid_slug(std::string_view slug);
// A gallery entry: a media reference (core/media.hpp: an uploaded image), or a path under
// /assets/ without "..", at most 200 characters (the shop's own files).
bool valid_image_ref(std::string_view ref);

struct ParsedProductDraft {
    Product product;  // meaningful only without errors; new variants have an empty id
    FieldErrors errors;
};

// POST (existing == nullptr): every member but status (default draft) and the Chinese text is
// required; each variant brings its initial stock. PATCH: absent members keep `existing`'s
// values; "variants", when present, is the full new list — an entry with "id" must be one of
// `existing`'s variants and keeps its stock (stock moves only with a reason), one without is
// new (initial stock 0 unless given). `status` may be draft or active (archiving has its own
// endpoint). Checks shapes and the rules within one product (unique SKUs and option
// combinations, every variant one value per option); the caller checks what needs the
// database (the category exists, SKUs are unique in the shop, media exist).
ParsedProductDraft parse_product_draft(const nlohmann::json& body, const Product* existing, Currency fiat);

// The body of POST /staff/variants/{id}/stock: {"delta": N, "reason": R} or {"set": N, "reason": R}
// with R received, damaged or correction. `delta` is then the change; for "set" the caller
// computes it from the stock it locked.
struct StockRequest {
    bool absolute = false;  // "set"
    std::int64_t amount = 0;  // the delta, or the new stock
    StockReason reason = StockReason::correction;
    std::string note;
};
struct ParsedStockRequest {
    StockRequest request;
    FieldErrors errors;
};
ParsedStockRequest parse_stock_request(const nlohmann::json& body);

}  // namespace satstore
