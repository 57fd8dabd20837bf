// satstore client — staff accounts (#/staff/users, admin only; issue 20): the invitation form
// (email, name, role checkboxes, per-field errors), a search, and one card per account with its
// roles, "Invitation pending" / "Disabled" marks, Change roles (checkboxes in the card) and
// Disable / Enable behind a confirmation dialog.
#include <imgui.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/account_common.hpp"
#include "screens/list_common.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "view_helpers.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

void staff_do(AppState& s, StaffAction action, std::string arg = {}) {
    s.push(Intent::Kind::staff, std::move(arg), static_cast<std::int64_t>(action));
}

const char* role_label(Lang lang, Role role) {
    switch (role) {
        case Role::merchant: return tr(lang, S::st_role_merchant);
        case Role::agent: return tr(lang, S::st_role_agent);
        case Role::admin: return tr(lang, S::st_role_admin);
        case Role::buyer: break;
    }
    return tr(lang, S::st_role_buyer);
}

// One checkbox per grantable role, side by side while they fit in `width`; `id` keeps two
// groups apart.
void role_checkboxes(AppState& s, const char* id, RoleChoice& choice, float width) {
    ImGui::PushID(id);
    float x = 0;
    for (std::size_t i = 0; i < choice.size(); ++i) {
        const char* label = role_label(s.lang, satstore::api::kStaffRoles[i]);
        const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
        if (i && x + 24 + w <= width) {
            ImGui::SameLine(0, 24);
            x += 24 + w;
        } else {
            x = w;
        }
        bool on = choice[i];
        if (ImGui::Checkbox(label, &on)) choice[i] = on;
        a11y::annotate_last(a11y::Role::checkbox, {}, on ? 1 : 0);
    }
    ImGui::PopID();
}

void error_line(const std::string& error, float width) {
    if (error.empty()) return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::text(error, FontSize::small14, color::danger, 0, true);
    ImGui::PopTextWrapPos();
}

void invite_card(AppState& s, float width) {
    InviteForm& f = s.staff.invite;
    ui::card_begin(width);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::st_invite_heading), FontSize::h20, color::text, 2);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ui::text(tr(s.lang, S::st_invite_body), FontSize::small14, color::muted, 0, true);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, 4));
    const bool focus = f.focus_first_error;
    f.focus_first_error = false;
    const std::string e_email = error_of(f.errors, "email"), e_name = error_of(f.errors, "display_name");
    const bool two = inner >= 560;
    const float field_w = two ? (inner - 16) * 0.5f : inner;
    bool submit = ui::text_field(tr(s.lang, S::st_email), "invite_email", f.email, e_email, field_w, false, nullptr,
                                 focus && !e_email.empty());
    if (two) ImGui::SameLine(0, 16);
    submit |= ui::text_field(tr(s.lang, S::st_display_name), "invite_name", f.display_name, e_name, field_w, false,
                             tr(s.lang, S::st_optional), focus && e_email.empty() && !e_name.empty());
    ui::text(tr(s.lang, S::st_roles), FontSize::small14, color::text);
    role_checkboxes(s, "invite_roles", f.roles, inner);
    error_line(error_of(f.errors, "roles"), inner);
    error_line(f.error, inner);
    ImGui::Dummy(ImVec2(1, 8));
    submit |= ui::button(tr(s.lang, S::st_send_invite), ButtonKind::primary, ImVec2(is_narrow(s) ? inner : 0, 0), false, f.busy);
    if (submit && !f.busy) staff_do(s, StaffAction::invite);
    ui::card_end();
}

void user_row(AppState& s, const StaffUser& u, float width) {
    StaffAccountsState& st = s.staff;
    ImGui::PushID(u.id.c_str());
    ui::card_begin(width, 16);
    const float inner = ui::card_inner_width();
    ui::text(u.display_name.empty() ? u.email : u.display_name, FontSize::body16, color::text, 3);
    std::string meta = u.display_name.empty() ? "" : u.email + "  ·  ";
    for (std::size_t i = 0; i < u.roles.size(); ++i) meta += std::string(i ? ", " : "") + role_label(s.lang, u.roles[i]);
    meta += "  ·  " + trf(s.lang, S::st_since_s, ui::short_time(u.created_at_unix_s).c_str());
    for (const std::string& line : ui::wrap_text(meta, FontSize::small14, inner, 2)) ui::text(line, FontSize::small14, color::muted);
    if (u.invited || u.disabled) {
        if (u.invited) ui::text(tr(s.lang, S::st_pending), FontSize::small14, color::warning);
        if (u.invited && u.disabled) ImGui::SameLine(0, 12);
        if (u.disabled) ui::text(tr(s.lang, S::st_disabled), FontSize::small14, color::danger);
    }
    ImGui::Dummy(ImVec2(1, 4));
    if (st.editing_id == u.id) {
        role_checkboxes(s, "edit_roles", st.editing_roles, inner);
        error_line(st.edit_error, inner);
        ImGui::Dummy(ImVec2(1, 4));
        if (ui::button(tr(s.lang, S::st_save_roles), ButtonKind::primary, ImVec2(0, 0), false, st.saving)) staff_do(s, StaffAction::save_roles);
        ImGui::SameLine(0, 8);
        if (ui::button(tr(s.lang, S::st_cancel), ButtonKind::ghost)) staff_do(s, StaffAction::cancel_edit);
    } else {
        if (ui::button(tr(s.lang, S::st_change_roles), ButtonKind::secondary)) staff_do(s, StaffAction::edit_roles, u.id);
        a11y::rename_last(trf(s.lang, S::st_change_roles_of_s, u.email.c_str()));
        ImGui::SameLine(0, 8);
        if (ui::button(tr(s.lang, u.disabled ? S::st_enable : S::st_disable), u.disabled ? ButtonKind::secondary : ButtonKind::danger_text))
            staff_do(s, StaffAction::ask_toggle, u.id);
        a11y::rename_last(trf(s.lang, u.disabled ? S::st_enable_s : S::st_disable_s, u.email.c_str()));
    }
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 10));
    ImGui::PopID();
}

void toggle_dialog(AppState& s) {
    StaffAccountsState& st = s.staff;
    if (st.confirm_id.empty()) return;
    for (const StaffUser& u : st.users) {
        if (u.id != st.confirm_id) continue;
        const std::string title = trf(s.lang, u.disabled ? S::st_enable_title_s : S::st_disable_title_s, u.email.c_str());
        const int answer = ui::confirm_modal("##staff_toggle", title, tr(s.lang, u.disabled ? S::st_enable_body : S::st_disable_body),
                                             tr(s.lang, u.disabled ? S::st_enable : S::st_disable), tr(s.lang, S::st_cancel),
                                             st.confirm_busy);
        if (answer > 0) staff_do(s, StaffAction::toggle);
        else if (answer < 0) staff_do(s, StaffAction::close_toggle);
        return;
    }
}

}  // namespace

bool admin_page_head(AppState& s, const char* title, float width) {
    ui::text(title, is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width)) {
            s.buy.return_to = s.route.route == Route::staff_audit ? "/staff/audit" : "/staff/users";
            go(s, route_of(Route::login));
        }
        return false;
    }
    if (s.user && !is_admin(s)) {
        ui::message_block(tr(s.lang, S::st_admins_only), tr(s.lang, S::st_admins_only_body), nullptr, width);
        return false;
    }
    staff_tabs(s);
    ImGui::Dummy(ImVec2(1, 12));
    return true;
}

void draw_staff_users(AppState& s, float width) {
    if (!admin_page_head(s, tr(s.lang, S::st_heading), width)) return;
    StaffAccountsState& st = s.staff;
    if (st.list_load == Load::idle) staff_do(s, StaffAction::reload);  // the user arrived after the route
    invite_card(s, width);
    ImGui::Dummy(ImVec2(1, 16));
    const float button_w = ImGui::CalcTextSize(tr(s.lang, S::search_button)).x + 40;
    bool search = ui::text_field(tr(s.lang, S::st_search), "staff_search", st.query, {}, std::min(360.0f, width - button_w - 8));
    ImGui::SameLine(0, 8);
    // Beside the field's box, below its label (the button is a little taller than the box).
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetTextLineHeightWithSpacing() - 8);
    search |= ui::button(tr(s.lang, S::search_button), ButtonKind::secondary);
    if (search) staff_do(s, StaffAction::search);
    ImGui::Dummy(ImVec2(1, 12));
    if (const ListGate g = list_gate(s, st.list_load, st.users.empty(), 3, 110, width); g != ListGate::ready) {
        if (g == ListGate::retry) staff_do(s, StaffAction::reload);
        return;
    }
    const std::vector<StaffUser> users = st.users;  // intents may replace the list after drawing
    for (const StaffUser& u : users) user_row(s, u, width);
    if (users.empty()) ui::message_block(tr(s.lang, S::st_none), tr(s.lang, S::st_none_body), nullptr, width);
    if (!st.next_cursor.empty() && ui::button(tr(s.lang, S::st_load_more), ButtonKind::secondary, ImVec2(0, 0), false, st.loading_more))
        staff_do(s, StaffAction::more_users);
    toggle_dialog(s);
}

}  // namespace satstore::client::screens
