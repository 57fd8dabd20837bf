// satstore client — log in / register: tabs, fields with per-field errors from the API's 422
// `errors`, a general error line, and a primary button with a spinner while the request runs.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

std::string field_error(const LoginForm& f, const char* field) {
    auto it = f.field_errors.find(field);
    return it == f.field_errors.end() ? std::string() : it->second;
}

// Checks required fields locally so an empty submit needs no round trip.
bool validate(AppState& s) {
    LoginForm& f = s.login;
    f.field_errors.clear();
    f.general_error.clear();
    if (f.email.empty()) f.field_errors["email"] = tr(s.lang, S::required_field);
    if (f.password.empty()) f.field_errors["password"] = tr(s.lang, S::required_field);
    if (f.totp_needed && f.totp.empty()) {
        f.field_errors["totp"] = tr(s.lang, S::required_field);
        f.focus_totp = true;
    }
    f.focus_first_error = !f.field_errors.empty();
    return f.field_errors.empty();
}

void tab(AppState& s, const char* label, bool selected, bool register_mode, float w) {
    const std::string id = std::string(label) + "##tab";
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? color::brand : color::muted);
    if (ui::button(id.c_str(), ButtonKind::ghost, ImVec2(w, 44)) && !selected) {
        RouteState r = route_of(Route::login);
        r.register_mode = register_mode;
        go(s, r);
    }
    ImGui::PopStyleColor();
    a11y::annotate_last(a11y::Role::tab, {}, -1, selected ? 1 : 0);
    const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(mn.x, mx.y), mx, selected ? color::brand : color::border, selected ? 2.0f : 1.0f);
}

// The second step of a login with two-factor on (issue 7): a 6-digit code, or a recovery code.
void totp_step(AppState& s, float inner) {
    LoginForm& f = s.login;
    ImGui::Dummy(ImVec2(1, 4));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ui::text(tr(s.lang, f.use_recovery ? S::login_recovery_prompt : S::login_code_prompt), FontSize::body16, color::muted, 0, true);
    ImGui::PopTextWrapPos();
    const bool focus = f.focus_totp || (f.focus_first_error && f.field_errors.count("totp") && f.field_errors.size() == 1);
    f.focus_totp = false;
    const char* label = tr(s.lang, f.use_recovery ? S::recovery_code : S::auth_code);
    if (ui::text_field(label, "totp", f.totp, field_error(f, "totp"), inner, false, f.use_recovery ? "abcd-efgh" : "123456", focus) &&
        !f.busy && validate(s)) {
        s.push(Intent::Kind::submit_login);
    }
    if (ui::link(tr(s.lang, f.use_recovery ? S::use_app_code : S::use_recovery_code), FontSize::small14)) {
        f.use_recovery = !f.use_recovery;
        f.totp.clear();
        f.field_errors.erase("totp");
        f.focus_totp = true;
    }
}

}  // namespace

void draw_login(AppState& s, float width) {
    LoginForm& f = s.login;
    const bool reg = s.route.register_mode;
    const float card_w = std::min(width, 440.0f);
    const float x = ImGui::GetCursorPosX() + (width - card_w) * 0.5f;
    const float pad = is_narrow(s) ? 20.0f : 32.0f;
    const float inner = card_w - 2 * pad;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // card background behind, content in front; height known at the end
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorPosX(x);
    const ImVec2 card_min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(1, pad));
    ImGui::SetCursorPosX(x + pad);
    ImGui::BeginGroup();
    ui::text(tr(s.lang, reg ? S::register_heading : S::login_heading), FontSize::h24, color::text, 1);
    ImGui::Dummy(ImVec2(1, 4));
    tab(s, tr(s.lang, S::log_in), !reg, false, inner * 0.5f);
    ImGui::SameLine(0, 0);
    tab(s, tr(s.lang, S::register_), reg, true, inner * 0.5f);
    ImGui::Dummy(ImVec2(1, 8));

    const std::string email_err = field_error(f, "email");
    const std::string pass_err = field_error(f, "password");
    const bool focus_email = f.focus_first_error && !email_err.empty();
    const bool focus_pass = f.focus_first_error && email_err.empty() && !pass_err.empty();
    f.focus_first_error = false;
    bool submit = ui::text_field(tr(s.lang, S::email), "email", f.email, email_err, inner, false, "you@example.com", focus_email);
    ImGui::Dummy(ImVec2(1, 4));
    submit |= ui::text_field(tr(s.lang, S::password), "password", f.password, pass_err, inner, true, nullptr, focus_pass);
    if (!reg) {
        // Right-aligned under the password field.
        const char* forgot = tr(s.lang, S::forgot_password_link);
        ui::push_font(FontSize::small14);
        const float fw = ImGui::CalcTextSize(forgot).x;
        ui::pop_font();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, inner - fw));
        if (ui::link(forgot, FontSize::small14)) go(s, route_of(Route::forgot_password));
        if (f.totp_needed) totp_step(s, inner);
    }
    if (reg) {
        ImGui::Dummy(ImVec2(1, 4));
        submit |= ui::text_field(tr(s.lang, S::display_name), "display_name", f.display_name,
                                 field_error(f, "display_name"), inner);
    }
    if (!f.general_error.empty()) {
        ImGui::Dummy(ImVec2(1, 4));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(f.general_error, FontSize::body16, color::danger, 0, true);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(1, 8));
    const char* action = tr(s.lang, reg ? S::register_ : S::log_in);
    submit |= ui::button(action, ButtonKind::primary, ImVec2(inner, 48), false, f.busy);
    if (submit && !f.busy && validate(s)) {
        s.push(reg ? Intent::Kind::submit_register : Intent::Kind::submit_login);
    }
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, pad));
    const ImVec2 card_max(card_min.x + card_w, ImGui::GetCursorScreenPos().y - 8);
    dl->ChannelsSetCurrent(0);
    ui::card_background(dl, card_min, card_max, 12.0f);
    dl->ChannelsMerge();
}

}  // namespace satstore::client::screens
