// satstore client — the console's product editor (#/staff/products/<id>, #/staff/products/new;
// merchant or admin): English and Chinese side by side (stacked on phones), category, status and
// Archive/Restore, options and the variants table with "Generate variants", the gallery (upload,
// reorder, remove), stock adjustments with their history, and a preview as the buyer sees it.
// Every error of the core draft rule (checked before sending) and of the server sits under its
// field; leaving with unsaved changes asks first.
//
// Index: [SECTION] helpers · [SECTION] head · [SECTION] details · [SECTION] options ·
//        [SECTION] variants and stock · [SECTION] gallery · [SECTION] preview · [SECTION] screen
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "catalog_form.hpp"
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "ui/attachments.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

namespace {

// --- [SECTION] helpers -------------------------------------------------------------------------

constexpr float kGap = 16.0f;
constexpr float kThumb = 96.0f;
constexpr float kTwoColumns = 700.0f;  // inner width from which English and Chinese sit side by side

// The error of exactly `field`.
std::string error_of(const ProductEditorState& e, const std::string& field) {
    const auto it = e.errors.find(field);
    return it == e.errors.end() ? std::string() : it->second;
}

// The error of `field` or of anything inside it ("options[0].values[1]" under "options[0].values").
std::string error_in(const ProductEditorState& e, const std::string& field) {
    for (const auto& [key, message] : e.errors)
        if (key == field || key.rfind(field + "[", 0) == 0 || key.rfind(field + ".", 0) == 0) return message;
    return {};
}

// After a failed save, true for the first field drawn with an error (it takes keyboard focus).
bool take_focus(ProductEditorState& e, const std::string& error) {
    if (!e.focus_first_error || error.empty()) return false;
    e.focus_first_error = false;
    return true;
}

void field(ProductEditorState& e, const char* label, const char* id, std::string& value, const std::string& error, float w,
           const char* hint = nullptr, const std::string& mirror_name = {}) {
    ui::text_field(label, id, value, error, w, false, hint, take_focus(e, error), mirror_name.empty() ? nullptr : mirror_name.c_str());
}

void section_title(const char* title) {
    ui::text(title, FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
}

void error_line(const std::string& error) {
    if (!error.empty()) ui::text(error, FontSize::small14, color::danger, 0, true);
}

bool dirty(const AppState& s) {
    FieldErrors ignored;
    return draft_json(s.catalog.editor.form, s.store.fiat, ignored).dump() != s.catalog.editor.baseline;
}

// A variant row's values as the UI language names them ("黑色 / M"), "The product" without options.
std::string row_label(const AppState& s, const ProductForm& f, const VariantForm& row) {
    if (row.options.empty()) return tr(s.lang, S::cat_default_variant);
    std::string out;
    for (std::size_t k = 0; k < row.options.size(); ++k) {
        std::string name = row.options[k];
        if (s.lang == Lang::zh_CN && k < f.options.size()) {
            const auto en = split_values(f.options[k].values), zh = split_values(f.options[k].values_zh);
            const auto at = std::find(en.begin(), en.end(), name);
            if (at != en.end() && static_cast<std::size_t>(at - en.begin()) < zh.size()) name = zh[static_cast<std::size_t>(at - en.begin())];
        }
        out += (k ? " / " : "") + name;
    }
    return out;
}

// --- [SECTION] head ----------------------------------------------------------------------------

void head(AppState& s, float width) {
    ProductEditorState& e = s.catalog.editor;
    const bool creating = e.product_id == "new";
    const std::string title = creating ? tr(s.lang, S::cat_new_product)
                                       : (product_title(e.loaded, s.lang).empty() ? tr(s.lang, S::cat_untitled) : product_title(e.loaded, s.lang));
    const bool narrow = is_narrow(s);
    const float actions_w = narrow ? 0.0f : creating ? 140.0f : 140.0f + 8 + 120;
    const auto lines = ui::wrap_text(title, narrow ? FontSize::h24 : FontSize::h30, width - actions_w - 16, 2);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    for (const auto& l : lines) ui::text(l, narrow ? FontSize::h24 : FontSize::h30, color::text, 1);
    if (!creating) ui::product_status_chip(s.lang, e.loaded.status);
    if (dirty(s)) {
        if (!creating) ImGui::SameLine(0, 12);
        ui::text(tr(s.lang, S::cat_unsaved), FontSize::small14, color::warning);
    }
    const ImVec2 after = ImGui::GetCursorScreenPos();
    if (!narrow) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + width - actions_w, top.y));
        if (!creating) {
            const bool archived = e.loaded.status == ProductStatus::archived;
            if (ui::button(tr(s.lang, archived ? S::cat_restore : S::cat_archive), archived ? ButtonKind::secondary : ButtonKind::danger,
                           ImVec2(120, 0), false, e.archive_busy))
                catalog(s, CatalogAction::open_archive);
            ImGui::SameLine(0, 8);
        }
        if (ui::button(tr(s.lang, S::save), ButtonKind::primary, ImVec2(140, 0), false, e.busy)) catalog(s, CatalogAction::save);
        ImGui::SetCursorScreenPos(after);
    }
    if (!e.error.empty()) {
        ImGui::Dummy(ImVec2(1, 4));
        ui::text(e.error, FontSize::body16, color::danger, 0, true);
    }
    ImGui::Dummy(ImVec2(1, 12));
}

// --- [SECTION] details -------------------------------------------------------------------------

void details(AppState& s, float width) {
    ProductEditorState& e = s.catalog.editor;
    ProductForm& f = e.form;
    ui::card_begin(width);
    const float inner = ui::card_inner_width();
    section_title(tr(s.lang, S::cat_details));
    const bool two = inner >= kTwoColumns;
    const float col = two ? (inner - 24) * 0.5f : inner;
    ImGui::BeginGroup();
    ui::text(tr(s.lang, S::cat_english), FontSize::small14, color::muted);
    field(e, tr(s.lang, S::cat_field_title), "cat_title", f.title, error_of(e, "title"), col);
    ImGui::Dummy(ImVec2(1, 4));
    const std::string desc_err = error_of(e, "description");
    ui::text_area(tr(s.lang, S::cat_field_description), "cat_desc", f.description, desc_err, col, 120, 240, nullptr,
                  take_focus(e, desc_err));
    ImGui::EndGroup();
    if (two) ImGui::SameLine(0, 24);
    else ImGui::Dummy(ImVec2(1, 12));
    ImGui::BeginGroup();
    ui::text(tr(s.lang, S::cat_chinese), FontSize::small14, color::muted);
    field(e, tr(s.lang, S::cat_field_title_zh), "cat_title_zh", f.title_zh, error_of(e, "i18n.zh-CN.title"), col);
    ImGui::Dummy(ImVec2(1, 4));
    const std::string desc_zh_err = error_of(e, "i18n.zh-CN.description");
    ui::text_area(tr(s.lang, S::cat_field_description_zh), "cat_desc_zh", f.description_zh, desc_zh_err, col, 120, 240, nullptr,
                  take_focus(e, desc_zh_err));
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, 12));

    ui::text(tr(s.lang, S::cat_category), FontSize::small14, color::text);
    std::vector<std::string> labels;
    int selected = -1;
    for (std::size_t i = 0; i < s.store.categories.size(); ++i) {
        const auto& c = s.store.categories[i];
        labels.push_back(s.lang == Lang::zh_CN && !c.title_zh.empty() ? c.title_zh : c.title_en);
        if (c.slug == f.category) selected = static_cast<int>(i);
    }
    if (const int i = ui::chip_row("cat_category", labels, selected, inner, true); i >= 0) f.category = s.store.categories[static_cast<std::size_t>(i)].slug;
    error_line(error_of(e, "category"));
    ImGui::Dummy(ImVec2(1, 8));

    ui::text(tr(s.lang, S::cat_status), FontSize::small14, color::text);
    if (f.status == ProductStatus::archived) {
        ui::text(tr(s.lang, S::cat_archived_note), FontSize::body16, color::muted, 0, true);
    } else {
        const std::vector<std::string> statuses = {tr(s.lang, S::cat_status_draft), tr(s.lang, S::cat_status_active)};
        if (const int i = ui::chip_row("cat_status_pick", statuses, f.status == ProductStatus::active ? 1 : 0, inner, true); i >= 0)
            f.status = i == 1 ? ProductStatus::active : ProductStatus::draft;
    }
    error_line(error_of(e, "status"));
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 16));
}

// --- [SECTION] options -------------------------------------------------------------------------

void options(AppState& s, float width) {
    ProductEditorState& e = s.catalog.editor;
    ProductForm& f = e.form;
    ui::card_begin(width);
    const float inner = ui::card_inner_width();
    section_title(tr(s.lang, S::cat_options));
    ui::text(tr(s.lang, S::cat_options_hint), FontSize::small14, color::muted, 0, true);
    ImGui::Dummy(ImVec2(1, 8));
    const bool narrow = inner < kTwoColumns;
    const float name_w = narrow ? inner : 220.0f;
    const float values_w = narrow ? inner : inner - name_w - kGap;
    int remove = -1;
    for (std::size_t i = 0; i < f.options.size(); ++i) {
        OptionForm& o = f.options[i];
        const int n = static_cast<int>(i) + 1;
        const std::string base = "options[" + std::to_string(i) + "]";
        ImGui::PushID(static_cast<int>(i));
        ui::text(trf(s.lang, S::cat_option_d, n), FontSize::body16, color::text);
        field(e, tr(s.lang, S::cat_option_name), "name", o.name, error_of(e, base + ".name"), name_w, nullptr,
              trf(s.lang, S::cat_option_name_d, n));
        if (!narrow) ImGui::SameLine(0, kGap);
        field(e, tr(s.lang, S::cat_option_values), "values", o.values, error_in(e, base + ".values"), values_w, tr(s.lang, S::cat_values_hint),
              trf(s.lang, S::cat_option_values_d, n));
        field(e, tr(s.lang, S::cat_option_name_zh), "name_zh", o.name_zh, error_of(e, base + ".i18n.zh-CN.name"), name_w, nullptr,
              trf(s.lang, S::cat_option_name_zh_d, n));
        if (!narrow) ImGui::SameLine(0, kGap);
        field(e, tr(s.lang, S::cat_option_values_zh), "values_zh", o.values_zh, error_in(e, base + ".i18n.zh-CN.values"), values_w,
              tr(s.lang, S::cat_values_zh_hint), trf(s.lang, S::cat_option_values_zh_d, n));
        error_line(error_of(e, base));
        if (ui::button(tr(s.lang, S::remove), ButtonKind::danger_text)) remove = static_cast<int>(i);
        a11y::rename_last(trf(s.lang, S::cat_remove_option_d, n));
        ImGui::Dummy(ImVec2(1, 8));
        ImGui::PopID();
    }
    if (remove >= 0) f.options.erase(f.options.begin() + remove);
    error_line(error_of(e, "options"));
    if (ui::button(tr(s.lang, S::cat_add_option), ButtonKind::secondary, ImVec2(0, 0), f.options.size() >= kMaxProductOptions))
        f.options.push_back(OptionForm{});
    ImGui::SameLine(0, 8);
    if (ui::button(tr(s.lang, S::cat_generate), ButtonKind::soft)) catalog(s, CatalogAction::generate_variants);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 16));
}

// --- [SECTION] variants and stock --------------------------------------------------------------

const char* reason_label(Lang lang, const std::string& reason) {
    if (reason == "received") return tr(lang, S::cat_reason_received);
    if (reason == "damaged") return tr(lang, S::cat_reason_damaged);
    if (reason == "correction") return tr(lang, S::cat_reason_correction);
    if (reason == "order") return tr(lang, S::cat_reason_order);
    if (reason == "cancel") return tr(lang, S::cat_reason_cancel);
    return "";
}

void stock_panel(AppState& s, const std::string& label, float inner) {
    StockPanel& st = s.catalog.editor.stock;
    ImGui::Dummy(ImVec2(1, 8));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(12);
    const float w = inner - 12;
    ui::text(trf(s.lang, S::cat_adjust_s, label.c_str()), FontSize::body16, color::text, 3);
    const std::vector<std::string> modes = {tr(s.lang, S::cat_stock_change), tr(s.lang, S::cat_stock_set)};
    if (const int i = ui::chip_row("stock_mode", modes, st.set_mode ? 1 : 0, w, true); i >= 0) st.set_mode = i == 1;
    const bool narrow = w < kTwoColumns;
    ui::text_field(tr(s.lang, S::cat_stock_amount), "stock_amount", st.amount, st.errors.count("amount") ? st.errors["amount"] : "",
                   narrow ? w : 160, false, tr(s.lang, S::cat_stock_amount_hint));
    if (!narrow) ImGui::SameLine(0, kGap);
    ui::text_field(tr(s.lang, S::cat_note), "stock_note", st.note, st.errors.count("note") ? st.errors["note"] : "",
                   narrow ? w : w - 160 - kGap);
    ui::text(tr(s.lang, S::cat_reason), FontSize::small14, color::text);
    const std::vector<std::string> reasons = {tr(s.lang, S::cat_reason_received), tr(s.lang, S::cat_reason_damaged),
                                              tr(s.lang, S::cat_reason_correction)};
    if (const int i = ui::chip_row("stock_reason", reasons, st.reason, w, true); i >= 0) st.reason = i;
    error_line(st.errors.count("reason") ? st.errors["reason"] : "");
    ImGui::Dummy(ImVec2(1, 4));
    if (ui::button(tr(s.lang, S::cat_apply_stock), ButtonKind::primary, ImVec2(narrow ? w : 0, 0), false, st.busy))
        catalog(s, CatalogAction::submit_stock);
    error_line(st.error);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text(tr(s.lang, S::cat_history), FontSize::body16, color::text, 3);
    if (st.history_load == Load::loading) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::skeleton(p, ImVec2(p.x + w, p.y + 40));
        ImGui::Dummy(ImVec2(w, 44));
    } else if (st.history_load == Load::failed) {
        ui::text(tr(s.lang, S::request_failed), FontSize::small14, color::danger);
    } else if (st.history.empty()) {
        ui::text(tr(s.lang, S::cat_history_empty), FontSize::small14, color::muted);
    }
    for (const auto& m : st.history) {
        const auto at = parse_rfc3339(m.at);
        std::string line = (at ? ui::short_time(*at) : m.at) + " · " + reason_label(s.lang, m.reason);
        ImGui::BeginGroup();
        ui::text(line, FontSize::small14, color::text);
        ImGui::SameLine(0, 12);
        ui::text((m.delta > 0 ? "+" : "") + std::to_string(m.delta), FontSize::small14, m.delta < 0 ? color::danger : color::success);
        if (m.stock_after >= 0) {
            ImGui::SameLine(0, 8);
            ui::text(trf(s.lang, S::cat_after_lld, static_cast<long long>(m.stock_after)), FontSize::small14, color::text);
        }
        std::string meta = m.actor_email;
        if (!m.ref.empty()) meta += (meta.empty() ? "" : " · ") + m.ref;
        if (!m.note.empty()) meta += (meta.empty() ? "" : " · ") + m.note;
        if (!meta.empty()) ui::text(meta, FontSize::small14, color::muted, 0, true);
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(1, 4));
    }
    ImGui::Unindent(12);
    const float bottom = ImGui::GetCursorScreenPos().y;
    ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + 3, bottom), color::brand);
}

void variant_row(AppState& s, std::size_t i, float inner, int& remove) {
    ProductEditorState& e = s.catalog.editor;
    ProductForm& f = e.form;
    VariantForm& row = f.variants[i];
    const std::string base = "variants[" + std::to_string(i) + "]";
    const std::string label = row_label(s, f, row);
    ImGui::PushID(static_cast<int>(i));
    ui::text(label, FontSize::body16, color::text, 3);
    error_line(error_in(e, base + ".options"));
    error_line(error_of(e, base));
    const bool narrow = inner < kTwoColumns;
    const float sku_w = narrow ? inner : 220, price_w = narrow ? inner : 140, stock_w = narrow ? inner : 140;
    field(e, tr(s.lang, S::cat_sku), "sku", row.sku, error_of(e, base + ".sku"), sku_w, nullptr, std::string(tr(s.lang, S::cat_sku)) + " " + label);
    if (!narrow) ImGui::SameLine(0, kGap);
    const std::string price_label = trf(s.lang, S::cat_price_s, currency_code(s.store.fiat).data());
    field(e, price_label.c_str(), "price", row.price, error_of(e, base + ".price"), price_w, "129.00", price_label + " " + label);
    if (!narrow) ImGui::SameLine(0, kGap);
    if (row.id.empty()) {
        field(e, tr(s.lang, S::cat_initial_stock), "stock", row.stock, error_of(e, base + ".stock"), stock_w, nullptr,
              std::string(tr(s.lang, S::cat_initial_stock)) + " " + label);
    } else {
        ImGui::BeginGroup();
        ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset = 0.0f;  // the label at the row's top, as text_field's
        ui::text(tr(s.lang, S::cat_stock), FontSize::small14, color::text);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
        const float control_y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(control_y + (ui::kControlHeight - ImGui::GetTextLineHeight()) * 0.5f);
        const std::string n = std::to_string(row.stock_now);
        ui::text(n, FontSize::body16, row.stock_now <= 5 ? color::warning : color::text);
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(control_y);
        const bool open = e.stock.variant_id == row.id;
        if (ui::button(tr(s.lang, open ? S::cat_close : S::cat_adjust), open ? ButtonKind::soft : ButtonKind::secondary))
            catalog(s, CatalogAction::open_stock, row.id);
        a11y::rename_last(trf(s.lang, S::cat_adjust_s, label.c_str()));
        ImGui::EndGroup();
    }
    if (!f.images.empty()) {
        std::vector<std::string> choices = {tr(s.lang, S::cat_image_default)};
        int selected = 0;
        for (std::size_t k = 0; k < f.images.size(); ++k) {
            choices.push_back(std::to_string(k + 1));
            if (f.images[k] == row.image) selected = static_cast<int>(k) + 1;
        }
        ui::text(tr(s.lang, S::cat_variant_image), FontSize::small14, color::text);
        if (const int c = ui::chip_row("image", choices, selected, inner, true); c >= 0) row.image = c == 0 ? "" : f.images[static_cast<std::size_t>(c) - 1];
        error_line(error_of(e, base + ".image"));
    }
    if (f.variants.size() > 1) {
        if (ui::button(tr(s.lang, S::remove), ButtonKind::danger_text)) remove = static_cast<int>(i);
        a11y::rename_last(trf(s.lang, S::cat_remove_variant_s, label.c_str()));
    }
    if (!row.id.empty() && e.stock.variant_id == row.id) stock_panel(s, label, inner);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(1, 4));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + inner, p.y), color::border);
    ImGui::Dummy(ImVec2(1, 8));
}

void variants(AppState& s, float width) {
    ProductEditorState& e = s.catalog.editor;
    ui::card_begin(width);
    const float inner = ui::card_inner_width();
    section_title(tr(s.lang, S::cat_variants));
    error_line(error_of(e, "variants"));
    int remove = -1;
    for (std::size_t i = 0; i < e.form.variants.size(); ++i) variant_row(s, i, inner, remove);
    if (remove >= 0) e.form.variants.erase(e.form.variants.begin() + remove);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 16));
}

// --- [SECTION] gallery -------------------------------------------------------------------------

void gallery(AppState& s, float width) {
    ProductEditorState& e = s.catalog.editor;
    auto& images = e.form.images;
    ui::card_begin(width);
    const float inner = ui::card_inner_width();
    section_title(tr(s.lang, S::cat_images));
    ui::text(tr(s.lang, S::cat_images_hint), FontSize::small14, color::muted, 0, true);
    ImGui::Dummy(ImVec2(1, 8));
    if (images.empty()) ui::text(tr(s.lang, S::cat_no_images), FontSize::body16, color::muted);
    const float cell = kThumb + kGap;
    const int per_row = std::max(1, static_cast<int>((inner + kGap) / cell));
    int up = -1, down = -1, remove = -1;
    for (std::size_t i = 0; i < images.size(); ++i) {
        const int n = static_cast<int>(i) + 1;
        if (i % static_cast<std::size_t>(per_row) != 0) ImGui::SameLine(0, kGap);
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginGroup();
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max(pos.x + kThumb, pos.y + kThumb);
        ui::draw_picture(dl, product_picture(s, images[i], kThumb, kThumb), pos, max, 6.0f);
        dl->AddRect(pos, max, error_of(e, "images[" + std::to_string(i) + "]").empty() ? color::border : color::danger, 6.0f);
        ImGui::Dummy(ImVec2(kThumb, kThumb));
        a11y::add(a11y::Role::img, trf(s.lang, S::cat_image_d, n), ImRect(pos, max));
        const float b = (kThumb - 8) / 3;
        if (ui::button(tr(s.lang, S::cat_up_glyph), ButtonKind::ghost, ImVec2(b, 32), i == 0)) up = static_cast<int>(i);
        a11y::rename_last(trf(s.lang, S::cat_move_up_d, n));
        ImGui::SameLine(0, 4);
        if (ui::button(tr(s.lang, S::cat_down_glyph), ButtonKind::ghost, ImVec2(b, 32), i + 1 == images.size())) down = static_cast<int>(i);
        a11y::rename_last(trf(s.lang, S::cat_move_down_d, n));
        ImGui::SameLine(0, 4);
        if (ui::button(tr(s.lang, S::cat_remove_glyph), ButtonKind::danger_text, ImVec2(b, 32))) remove = static_cast<int>(i);
        a11y::rename_last(trf(s.lang, S::cat_remove_image_d, n));
        ImGui::EndGroup();
        ImGui::PopID();
    }
    if (up > 0) std::swap(images[static_cast<std::size_t>(up)], images[static_cast<std::size_t>(up) - 1]);
    if (down >= 0 && static_cast<std::size_t>(down) + 1 < images.size())
        std::swap(images[static_cast<std::size_t>(down)], images[static_cast<std::size_t>(down) + 1]);
    if (remove >= 0) {
        const std::string gone = images[static_cast<std::size_t>(remove)];
        images.erase(images.begin() + remove);
        for (auto& row : e.form.variants)
            if (row.image == gone) row.image.clear();
    }
    ImGui::Dummy(ImVec2(1, 8));
    for (std::size_t k = 0; k < e.form.images.size(); ++k) error_line(error_of(e, "images[" + std::to_string(k) + "]"));
    error_line(error_of(e, "images"));
    // Uploads in flight and failed ones (finished ones joined the gallery).
    int drop = -1;
    for (std::size_t k = 0; k < e.uploads.files.size(); ++k) {
        const auto& file = e.uploads.files[k];
        const bool failed = file.state == platform::UploadEvent::State::failed;
        ui::text(file.name + " — " + (failed ? upload_error_text(s.lang, file.error) : tr(s.lang, S::cat_uploading)), FontSize::small14,
                 failed ? color::danger : color::muted);
        if (failed) {
            ImGui::SameLine(0, 8);
            ImGui::PushID(static_cast<int>(k));
            if (ui::link(tr(s.lang, S::upload_remove), FontSize::small14)) drop = static_cast<int>(k);
            ImGui::PopID();
        }
    }
    if (drop >= 0) e.uploads.files.erase(e.uploads.files.begin() + drop);
    const int room = static_cast<int>(kMaxProductImages) - static_cast<int>(images.size() + e.uploads.files.size());
    if (ui::button(tr(s.lang, S::cat_upload), ButtonKind::secondary, ImVec2(is_narrow(s) ? inner : 0, 0), room <= 0,
                   e.uploads.uploading()))
        e.uploads.wanted_files = std::min(room, 4);  // the loop opens the file chooser within this click
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 16));
}

// --- [SECTION] preview -------------------------------------------------------------------------

void preview(AppState& s, float width) {
    ProductEditorState& e = s.catalog.editor;
    const ParsedProductDraft parsed = check_form(e.form, e.product_id == "new" ? nullptr : &e.loaded, s.store.fiat);
    Product p = parsed.product;
    p.status = ProductStatus::active;  // as it will look on sale
    ui::card_begin(width);
    const float inner = ui::card_inner_width();
    section_title(tr(s.lang, S::cat_preview));
    ui::text(tr(s.lang, S::cat_preview_lang), FontSize::small14, color::muted, 0, true);
    ImGui::Dummy(ImVec2(1, 8));
    const float card_w = std::min(260.0f, inner);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ui::Picture picture = p.images.empty() ? ui::Picture{} : product_picture(s, p.images.front(), card_w, card_w * 0.75f);
    ui::product_card(p, s.lang, s.btc_rate_minor, picture, pos, card_w);  // a picture of the card: its actions do nothing here
    ImGui::Dummy(ImVec2(card_w, ui::product_card_height(card_w)));
    // The top of the product page: title, price, options, description.
    const bool side = inner - card_w - 24 >= 280;
    if (side) ImGui::SetCursorScreenPos(ImVec2(pos.x + card_w + 24, pos.y));
    else ImGui::Dummy(ImVec2(1, 12));
    const float w = side ? inner - card_w - 24 : inner;
    ImGui::BeginGroup();
    const std::string& title = product_title(p, s.lang);
    for (const auto& l : ui::wrap_text(title.empty() ? tr(s.lang, S::cat_untitled) : title, FontSize::h24, w, 3))
        ui::text(l, FontSize::h24, color::text);
    if (!p.variants.empty()) {
        const Money lo = lowest_price(p), hi = highest_price(p);
        ui::text(lo == hi ? ui::price_text(lo) : trf(s.lang, S::price_from_s, ui::price_text(lo).c_str()), FontSize::h20, color::price);
    }
    for (const auto& o : p.options) {
        ImGui::Dummy(ImVec2(1, 4));
        ui::text(option_name(o, s.lang), FontSize::small14, color::muted);
        std::vector<std::string> values;
        for (std::size_t k = 0; k < o.values.size(); ++k) values.push_back(option_value(o, k, s.lang));
        ImGui::PushID(o.name.c_str());
        ui::chip_row("preview_values", values, -1, w, true);
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(1, 4));
    for (const auto& l : ui::wrap_text(product_description(p, s.lang), FontSize::body16, w, 6)) ui::text(l, FontSize::body16, color::muted);
    ImGui::EndGroup();
    if (side) {
        const float bottom = std::max(ImGui::GetItemRectMax().y, pos.y + ui::product_card_height(card_w));
        ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom));
        ImGui::Dummy(ImVec2(inner, 0));
    }
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 16));
}

void dialogs(AppState& s) {
    ProductEditorState& e = s.catalog.editor;
    if (e.archive_dialog) {
        const bool restore = e.loaded.status == ProductStatus::archived;
        const int r = ui::confirm_modal("##cat_archive", tr(s.lang, restore ? S::cat_restore_q : S::cat_archive_q),
                                        tr(s.lang, restore ? S::cat_restore_body : S::cat_archive_body),
                                        tr(s.lang, restore ? S::cat_restore : S::cat_archive), tr(s.lang, S::cat_keep), e.archive_busy);
        if (r > 0) catalog(s, CatalogAction::archive);
        else if (r < 0) catalog(s, CatalogAction::close_archive);
    }
    if (!e.leave_to.empty()) {
        const int r = ui::confirm_modal("##cat_leave", tr(s.lang, S::cat_leave_q), tr(s.lang, S::cat_leave_body), tr(s.lang, S::cat_discard),
                                        tr(s.lang, S::cat_stay), false);
        if (r > 0) catalog(s, CatalogAction::discard);
        else if (r < 0) catalog(s, CatalogAction::stay);
    }
}

}  // namespace

// --- [SECTION] screen ----------------------------------------------------------------------------

void draw_staff_product(AppState& s, float width) {
    if (ui::link(tr(s.lang, S::cat_back))) go(s, route_of(Route::staff_products));
    ImGui::Dummy(ImVec2(1, 8));
    if (!staff_gate(s, width)) return;
    ProductEditorState& e = s.catalog.editor;
    if (e.load == Load::failed) {
        if (ui::message_block(tr(s.lang, S::request_failed), "", tr(s.lang, S::retry), width)) catalog(s, CatalogAction::editor_reload);
        return;
    }
    if (e.load != Load::ok) {
        for (int i = 0; i < 3; ++i) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ui::skeleton(p, ImVec2(p.x + width, p.y + 160));
            ImGui::Dummy(ImVec2(width, 176));
        }
        return;
    }
    head(s, width);
    details(s, width);
    options(s, width);
    variants(s, width);
    gallery(s, width);
    preview(s, width);
    if (is_narrow(s)) {  // the primary action at the bottom, full width (UI.md)
        if (ui::button(tr(s.lang, S::save), ButtonKind::primary, ImVec2(width, 48), false, e.busy)) catalog(s, CatalogAction::save);
        if (e.product_id != "new") {
            ImGui::Dummy(ImVec2(1, 4));
            const bool archived = e.loaded.status == ProductStatus::archived;
            if (ui::button(tr(s.lang, archived ? S::cat_restore : S::cat_archive), archived ? ButtonKind::secondary : ButtonKind::danger,
                           ImVec2(width, 0), false, e.archive_busy))
                catalog(s, CatalogAction::open_archive);
        }
    } else {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - 160);
        if (ui::button(tr(s.lang, S::save), ButtonKind::primary, ImVec2(160, 0), false, e.busy)) catalog(s, CatalogAction::save);
    }
    if (!e.error.empty()) ui::text(e.error, FontSize::body16, color::danger, 0, true);
    dialogs(s);
}

}  // namespace satstore::client::screens
