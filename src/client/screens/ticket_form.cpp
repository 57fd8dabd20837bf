// satstore client — the ticket form (#/tickets/new?order=<id>&related=<number>): category,
// subject, description (scanned for wallet secrets before sending), contact email and/or phone,
// optional order (one of mine), transaction reference, related earlier ticket and screenshots.
// Per-field errors (local rules = the server's, then the API's 422) show under their fields.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "routes.hpp"
#include "screens/screens.hpp"
#include "screens/support_common.hpp"
#include "view_helpers.hpp"
#include "ui/attachments.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

void category_chips(AppState& s, float width) {
    TicketFormState& f = s.support.form;
    ui::text(tr(s.lang, S::tkt_category), FontSize::small14, color::text);
    std::vector<std::string> labels;
    for (const auto c : kTicketCategories) labels.emplace_back(ticket_category_label(s.lang, c));
    if (const int i = ui::chip_row("category", labels, f.category, width); i >= 0) f.category = i;
    const std::string err = ticket_error(s, f.errors, "category");
    if (!err.empty()) ui::text(err, FontSize::small14, color::danger, 0, true);
}

// "None" or one of my orders, in a dropdown of menu items.
void order_picker(AppState& s, float width) {
    TicketFormState& f = s.support.form;
    ui::text(tr(s.lang, S::tkt_order_optional), FontSize::small14, color::text);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
    std::string current = tr(s.lang, S::tkt_no_order);
    for (const OrderChoice& o : f.orders)
        if (o.id == f.order_id) current = o.number + "  ·  " + ui::short_time(o.created_at_unix_s);
    if (!f.order_id.empty() && current == tr(s.lang, S::tkt_no_order)) current = f.order_id;
    const std::string label = current + "##order_pick";
    if (ui::button(label.c_str(), ButtonKind::secondary, ImVec2(width, 0))) ImGui::OpenPopup("##orders");
    a11y::rename_last(std::string(tr(s.lang, S::tkt_order_optional)) + ": " + current);
    {
        const ImVec2 mx = ImGui::GetItemRectMax(), mn = ImGui::GetItemRectMin();
        const float cx = mx.x - 18, cy = (mn.y + mx.y) * 0.5f;
        ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(cx - 4, cy - 2), ImVec2(cx + 4, cy - 2), ImVec2(cx, cy + 3), color::text);
    }
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
    if (ImGui::BeginPopup("##orders")) {
        auto item = [&](const std::string& title, const std::string& id) {
            if (ImGui::Selectable(title.c_str(), f.order_id == id, 0, ImVec2(width - 16, 32))) f.order_id = id;
            a11y::annotate_last(a11y::Role::menuitem);
        };
        item(tr(s.lang, S::tkt_no_order), {});
        for (const OrderChoice& o : f.orders) item(o.number + "  ·  " + ui::short_time(o.created_at_unix_s), o.id);
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
    const std::string err = ticket_error(s, f.errors, "order_id");
    if (!err.empty()) ui::text(err, FontSize::small14, color::danger, 0, true);
}

}  // namespace

void draw_ticket_form(AppState& s, float width) {
    TicketFormState& f = s.support.form;
    const bool narrow = is_narrow(s);
    if (ui::link(tr(s.lang, S::back_to_help))) go(s, route_of(Route::help));
    ImGui::Dummy(ImVec2(1, 4));
    ui::text(tr(s.lang, S::new_ticket_heading), narrow ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::tkt_login_body), tr(s.lang, S::log_in), width)) {
            s.buy.return_to = route_fragment(s.route);
            go(s, route_of(Route::login));
        }
        return;
    }
    const float form_w = std::min(width, 720.0f);
    notice_box(tr(s.lang, S::never_send_secrets), form_w);
    ImGui::Dummy(ImVec2(1, 8));
    const bool related_from_link = !s.route.ticket_related.empty();
    if (related_from_link) {
        ui::text(trf(s.lang, S::related_ticket_s, f.related.c_str()), FontSize::body16, color::text);
        const std::string err = ticket_error(s, f.errors, "related_ticket");
        if (!err.empty()) ui::text(err, FontSize::small14, color::danger, 0, true);
        ImGui::Dummy(ImVec2(1, 4));
    }
    // The first invalid field takes the focus after a failed submit.
    std::string first_error;
    if (f.focus_first_error) {
        for (const char* k : {"subject", "description", "contact.email", "contact", "contact.phone", "tx_ref"})
            if (f.errors.count(k) != 0) {
                first_error = k;
                break;
            }
        f.focus_first_error = false;
    }
    category_chips(s, form_w);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text_field(tr(s.lang, S::tkt_subject), "tkt_subject", f.subject, ticket_error(s, f.errors, "subject", f.secret_warning),
                   form_w, false, nullptr, first_error == "subject");
    ImGui::Dummy(ImVec2(1, 4));
    // Scanned as it is edited (core, no I/O), so the warning shows before Submit is pressed.
    if (ui::text_area(tr(s.lang, S::tkt_description), "tkt_description", f.description, {}, form_w, 160, 320, nullptr,
                      first_error == "description")) {
        const std::optional<SecretKind> kind = find_secret(f.description);
        const bool shown = !f.secret_warning.empty() && f.errors.count("description") != 0;
        if (kind) {
            f.secret_warning = secret_warning(s.lang, *kind);
            f.errors["description"] = f.secret_warning;
        } else if (shown) {
            f.secret_warning.clear();
            f.errors.erase("description");
        }
    }
    if (!f.secret_warning.empty() && f.errors.count("description") != 0) {
        notice_box(f.secret_warning, form_w, true);
    } else {
        const std::string err = ticket_error(s, f.errors, "description", f.secret_warning);
        if (!err.empty()) ui::text(err, FontSize::small14, color::danger, 0, true);
    }
    ImGui::Dummy(ImVec2(1, 4));
    const std::string contact_err = ticket_error(s, f.errors, "contact");
    const float half = narrow ? form_w : (form_w - 16) * 0.5f;
    ui::text_field(tr(s.lang, S::tkt_contact_email), "tkt_email", f.email, ticket_error(s, f.errors, "contact.email"), half,
                   false, nullptr, first_error == "contact.email" || first_error == "contact");
    if (!narrow) ImGui::SameLine(0, 16);
    ui::text_field(tr(s.lang, S::tkt_contact_phone), "tkt_phone", f.phone, ticket_error(s, f.errors, "contact.phone"), half,
                   false, "+86 138 0013 8000", first_error == "contact.phone");
    if (!contact_err.empty()) ui::text(contact_err, FontSize::small14, color::danger, 0, true);
    else ui::text(tr(s.lang, S::tkt_contact_hint), FontSize::small14, color::muted, 0, true);
    ImGui::Dummy(ImVec2(1, 4));
    order_picker(s, form_w);
    ImGui::Dummy(ImVec2(1, 4));
    ui::text_field(tr(s.lang, S::tkt_tx_ref), "tkt_tx_ref", f.tx_ref, ticket_error(s, f.errors, "tx_ref"), form_w, false,
                   nullptr, first_error == "tx_ref");
    ImGui::Dummy(ImVec2(1, 4));
    if (!related_from_link) {
        ui::text_field(tr(s.lang, S::tkt_related), "tkt_related", f.related, ticket_error(s, f.errors, "related_ticket"),
                       form_w, false, "T-000123");
        ImGui::Dummy(ImVec2(1, 4));
    }
    ui::attachments_field(s.lang, tr(s.lang, S::screenshots), "tkt_shots", f.attachments, static_cast<int>(kMaxTicketAttachments), ticket_error(s, f.errors, "attachments"));
    ImGui::Dummy(ImVec2(1, 12));
    if (!f.general_error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + form_w);
        ui::text(f.general_error, FontSize::body16, color::danger, 0, true);
        ImGui::PopTextWrapPos();
    }
    const float bw = narrow ? form_w : 220.0f;
    if (ui::button(tr(s.lang, S::submit_ticket), ButtonKind::primary, ImVec2(bw, 44), false, f.busy))
        support(s, SupportAction::submit_ticket);
}

}  // namespace satstore::client::screens
