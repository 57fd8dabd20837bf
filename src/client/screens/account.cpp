// satstore client — account (#/account, logged in): profile, change password, two-factor
// authentication (enrol with a QR code drawn here and the secret as text, confirm with a code,
// recovery codes shown once, disable with a code), log out everywhere (confirm dialog) and the
// login activity table.
//
// Index: [SECTION] helpers · [SECTION] profile and password · [SECTION] two-factor ·
//        [SECTION] sessions and activity · [SECTION] screen
#include <algorithm>
#include <cctype>
#include <cstring>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "core/order.hpp"
#include "i18n/strings.hpp"
#include "screens/account_common.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/qr_code.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

// --- [SECTION] helpers -------------------------------------------------------------------------

void wrapped(std::string_view text, FontSize size, ImU32 col, float w) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ui::text(text, size, col, 0, true);
    ImGui::PopTextWrapPos();
}

std::string date_of(const std::string& rfc3339) {
    const std::optional<std::int64_t> t = parse_rfc3339(rfc3339);
    if (!t) return rfc3339;
    return ui::short_time(*t).substr(0, 10);  // "2026-11-23"
}

const char* role_label(Lang lang, Role role) {
    switch (role) {
        case Role::buyer: return tr(lang, S::role_buyer);
        case Role::merchant: return tr(lang, S::role_merchant);
        case Role::agent: return tr(lang, S::role_agent);
        case Role::admin: return tr(lang, S::role_admin);
    }
    return "";
}

// "Chrome 120 · Linux" from a full User-Agent; the raw text (cut) when nothing is recognised.
std::string short_user_agent(const std::string& ua) {
    auto version_after = [&](const char* token) -> std::string {
        const std::size_t at = ua.find(token);
        if (at == std::string::npos) return {};
        std::size_t i = at + std::strlen(token);
        std::string v;
        while (i < ua.size() && (std::isdigit(static_cast<unsigned char>(ua[i])) != 0)) v += ua[i++];
        return v.empty() ? std::string(" ") : v;
    };
    std::string browser;
    if (auto v = version_after("Edg/"); !v.empty()) browser = "Edge " + v;
    else if (auto v2 = version_after("Firefox/"); !v2.empty()) browser = "Firefox " + v2;
    else if (auto v3 = version_after("Chrome/"); !v3.empty()) browser = "Chrome " + v3;
    else if (auto v4 = version_after("Version/"); !v4.empty() && ua.find("Safari/") != std::string::npos) browser = "Safari " + v4;
    std::string os;
    if (ua.find("Android") != std::string::npos) os = "Android";
    else if (ua.find("iPhone") != std::string::npos || ua.find("iPad") != std::string::npos) os = "iOS";
    else if (ua.find("Windows") != std::string::npos) os = "Windows";
    else if (ua.find("Mac OS X") != std::string::npos) os = "macOS";
    else if (ua.find("Linux") != std::string::npos) os = "Linux";
    if (browser.empty()) {
        if (ua.empty()) return "—";
        return ua.size() > 32 ? ua.substr(0, 31) + "\xE2\x80\xA6" : ua;
    }
    return os.empty() ? browser : browser + " · " + os;
}

std::string result_text(Lang lang, const LoginEventRow& e) {
    if (e.success) return tr(lang, S::login_ok);
    if (e.reason == "invalid_credentials") return tr(lang, S::login_bad_password);
    if (e.reason == "totp_required") return tr(lang, S::login_code_asked);
    if (e.reason == "invalid_totp") return tr(lang, S::login_bad_code);
    if (e.reason == "account_locked") return tr(lang, S::login_locked);
    return e.reason;
}

// "ABCD EFGH IJKL …": the secret in groups of four, easier to type into an app.
std::string grouped(const std::string& secret) {
    std::string out;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += ' ';
        out += secret[i];
    }
    return out;
}

// A light box holding monospace-like lines (the secret, the recovery codes).
void soft_box(const std::vector<std::string>& lines, float w) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = 16.0f + 26.0f * static_cast<float>(lines.size());
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), color::brand_soft, 6);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 8));
    ImGui::BeginGroup();
    for (const std::string& l : lines) ui::text(l, FontSize::body16, color::text);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 8));
    ImGui::Dummy(ImVec2(w, 0));
}

// --- [SECTION] profile and password ------------------------------------------------------------

void profile_card(AppState& s, float w) {
    const AccountPage& p = s.account.page;
    ui::card_begin(w, 24);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::profile), FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
    if (s.user) {
        ui::value_row(tr(s.lang, S::email), s.user->email, inner);
        if (!s.user->display_name.empty()) ui::value_row(tr(s.lang, S::display_name_short), s.user->display_name, inner);
    }
    if (p.me_load == AccountLoad::ok) {
        ui::value_row(tr(s.lang, S::member_since), date_of(p.created_at), inner);
        std::string roles;
        for (const Role r : p.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_label(s.lang, r));
        ui::value_row(tr(s.lang, S::role), roles, inner);
    } else if (p.me_load == AccountLoad::loading) {
        const ImVec2 c = ImGui::GetCursorScreenPos();
        ui::skeleton(c, ImVec2(c.x + inner, c.y + 48));
        ImGui::Dummy(ImVec2(inner, 56));
    } else if (p.me_load == AccountLoad::failed) {
        ui::text(tr(s.lang, S::request_failed), FontSize::small14, color::danger, 0, true);
        if (ui::link(tr(s.lang, S::retry))) account_do(s, AccountAction::reload);
    }
    ui::card_end();
}

void password_card(AppState& s, float w) {
    PasswordForm& f = s.account.password;
    ui::card_begin(w, 24);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::change_password), FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
    const std::string e_current = error_of(f.errors, "current_password");
    const std::string e_next = error_of(f.errors, "new_password");
    const std::string e_next2 = error_of(f.errors, "new_password2");
    const bool focus = f.focus_first_error;
    f.focus_first_error = false;
    bool submit = ui::text_field(tr(s.lang, S::current_password), "current_password", f.current, e_current, inner, true,
                                 nullptr, focus && !e_current.empty());
    submit |= ui::text_field(tr(s.lang, S::new_password), "new_password", f.next, e_next, inner, true, nullptr,
                             focus && e_current.empty() && !e_next.empty());
    if (e_next.empty()) ui::text(tr(s.lang, S::password_rules), FontSize::small14, color::muted, 0, true);
    submit |= ui::text_field(tr(s.lang, S::repeat_new_password), "repeat_new_password", f.next2, e_next2, inner, true,
                             nullptr, focus && e_current.empty() && e_next.empty() && !e_next2.empty());
    if (!f.error.empty()) wrapped(f.error, FontSize::small14, color::danger, inner);
    ImGui::Dummy(ImVec2(1, 4));
    submit |= ui::button(tr(s.lang, S::change_password_button), ButtonKind::primary, ImVec2(is_narrow(s) ? inner : 0, 0), false, f.busy);
    if (submit && !f.busy) account_do(s, AccountAction::change_password);
    ui::card_end();
}

// --- [SECTION] two-factor ----------------------------------------------------------------------

void code_field(AppState& s, float inner) {
    TwoFactorState& t = s.account.twofa;
    const bool focus = t.focus_code;
    t.focus_code = false;
    if (ui::text_field(tr(s.lang, S::auth_code), "auth_code", t.code, t.code_error, std::min(inner, 240.0f), false, "123456", focus)) {
        account_do(s, t.disabling ? AccountAction::disable_2fa : AccountAction::confirm_2fa);
    }
}

void recovery_codes_panel(AppState& s, float inner) {
    TwoFactorState& t = s.account.twofa;
    ui::text(tr(s.lang, S::recovery_codes), FontSize::body16, color::text, 3);
    wrapped(tr(s.lang, S::recovery_codes_note), FontSize::body16, color::danger, inner);
    ImGui::Dummy(ImVec2(1, 4));
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < t.recovery_codes.size(); i += 2) {
        std::string line = t.recovery_codes[i];
        if (i + 1 < t.recovery_codes.size()) line += "      " + t.recovery_codes[i + 1];
        lines.push_back(line);
    }
    soft_box(lines, std::min(inner, 320.0f));
    std::string all;
    for (const std::string& c : t.recovery_codes) all += c + "\n";
    const float bw = is_narrow(s) ? inner : 0;
    if (ui::button(tr(s.lang, S::copy_codes), ButtonKind::secondary, ImVec2(bw, 0))) account_do(s, AccountAction::copy_text, all);
    if (!is_narrow(s)) ImGui::SameLine(0, 12);
    if (ui::button(tr(s.lang, S::codes_saved), ButtonKind::primary, ImVec2(bw, 0))) account_do(s, AccountAction::dismiss_codes);
}

void enrol_panel(AppState& s, float inner) {
    TwoFactorState& t = s.account.twofa;
    wrapped(tr(s.lang, S::twofa_step_scan), FontSize::body16, color::text, inner);
    ImGui::Dummy(ImVec2(1, 4));
    if (t.qr.size > 0) {
        // ≥ 4 CSS px per module (UI.md); 5 on wider screens when it fits.
        const float module = ui::qr_code_side(t.qr.size, 5.0f) <= inner ? 5.0f : 4.0f;
        ui::qr_code(t.qr.size, t.qr.dark, module, tr(s.lang, S::qr_code_name));
    }
    ImGui::Dummy(ImVec2(1, 4));
    ui::text(tr(s.lang, S::twofa_key_label), FontSize::small14, color::muted, 0, true);
    const float key_w = std::min(inner, 360.0f);
    soft_box(ui::wrap_text(grouped(t.secret), FontSize::body16, key_w - 24, 3), key_w);
    if (ui::button(tr(s.lang, S::copy_key), ButtonKind::secondary)) account_do(s, AccountAction::copy_text, t.secret);
    ImGui::Dummy(ImVec2(1, 8));
    wrapped(tr(s.lang, S::twofa_step_code), FontSize::body16, color::text, inner);
    code_field(s, inner);
    if (!t.error.empty()) wrapped(t.error, FontSize::small14, color::danger, inner);
    ImGui::Dummy(ImVec2(1, 4));
    const float bw = is_narrow(s) ? inner : 0;
    if (ui::button(tr(s.lang, S::confirm_code), ButtonKind::primary, ImVec2(bw, 0), false, t.busy)) account_do(s, AccountAction::confirm_2fa);
    if (!is_narrow(s)) ImGui::SameLine(0, 12);
    if (ui::button(tr(s.lang, S::cancel), ButtonKind::ghost, ImVec2(bw, 0), t.busy)) account_do(s, AccountAction::cancel_2fa);
}

void twofa_card(AppState& s, float w) {
    TwoFactorState& t = s.account.twofa;
    const AccountPage& p = s.account.page;
    if (t.reveal) {
        // What just appeared (QR code, recovery codes) starts at this card: bring its top into
        // view when it is above or low in the visible part (after scrolling to "Confirm", phones).
        t.reveal = false;
        const float y = ImGui::GetCursorScreenPos().y, top = ImGui::GetWindowPos().y;
        if (y < top || y > top + ImGui::GetWindowHeight() * 0.4f) ImGui::SetScrollY(std::max(0.0f, ImGui::GetCursorPosY() - 16.0f));
    }
    ui::card_begin(w, 24);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::twofa_heading), FontSize::h20, color::text, 2);
    if (p.me_load == AccountLoad::ok) {
        const char* state = tr(s.lang, p.twofa_enabled ? S::twofa_state_on : S::twofa_state_off);
        ui::text(state, FontSize::body16, p.twofa_enabled ? color::success : color::muted, 0);
    }
    ImGui::Dummy(ImVec2(1, 4));
    const float bw = is_narrow(s) ? inner : 0;
    if (!t.recovery_codes.empty()) {
        recovery_codes_panel(s, inner);
    } else if (p.me_load != AccountLoad::ok) {
        const ImVec2 c = ImGui::GetCursorScreenPos();
        ui::skeleton(c, ImVec2(c.x + inner, c.y + 40));
        ImGui::Dummy(ImVec2(inner, 48));
    } else if (p.twofa_enabled) {
        wrapped(tr(s.lang, S::twofa_on_body), FontSize::body16, color::muted, inner);
        ImGui::Dummy(ImVec2(1, 4));
        if (t.disabling) {
            wrapped(tr(s.lang, S::twofa_disable_prompt), FontSize::body16, color::text, inner);
            code_field(s, inner);
            if (!t.error.empty()) wrapped(t.error, FontSize::small14, color::danger, inner);
            ImGui::Dummy(ImVec2(1, 4));
            if (ui::button(tr(s.lang, S::twofa_turn_off), ButtonKind::danger, ImVec2(bw, 0), false, t.busy)) {
                account_do(s, AccountAction::disable_2fa);
            }
            if (!is_narrow(s)) ImGui::SameLine(0, 12);
            if (ui::button(tr(s.lang, S::cancel), ButtonKind::ghost, ImVec2(bw, 0), t.busy)) account_do(s, AccountAction::cancel_2fa);
        } else if (ui::button(tr(s.lang, S::twofa_disable), ButtonKind::secondary, ImVec2(bw, 0))) {
            account_do(s, AccountAction::start_disable_2fa);
        }
    } else if (!t.secret.empty()) {
        enrol_panel(s, inner);
    } else {
        wrapped(tr(s.lang, S::twofa_off_body), FontSize::body16, color::muted, inner);
        if (!t.error.empty()) wrapped(t.error, FontSize::small14, color::danger, inner);
        ImGui::Dummy(ImVec2(1, 4));
        if (ui::button(tr(s.lang, S::twofa_enable), ButtonKind::primary, ImVec2(bw, 0), false, t.busy)) account_do(s, AccountAction::enrol_2fa);
    }
    ui::card_end();
}

// --- [SECTION] sessions and activity -----------------------------------------------------------

void sessions_card(AppState& s, float w) {
    ui::card_begin(w, 24);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::sessions), FontSize::h20, color::text, 2);
    wrapped(tr(s.lang, S::logout_all_body), FontSize::body16, color::muted, inner);
    ImGui::Dummy(ImVec2(1, 4));
    if (ui::button(tr(s.lang, S::logout_all), ButtonKind::danger, ImVec2(is_narrow(s) ? inner : 0, 0))) {
        account_do(s, AccountAction::open_logout_all);
    }
    ui::card_end();
}

void activity_card(AppState& s, float w) {
    const AccountPage& p = s.account.page;
    ui::card_begin(w, 24);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::login_activity), FontSize::h20, color::text, 2);
    ImGui::Dummy(ImVec2(1, 4));
    if (p.activity_load == AccountLoad::loading && p.activity.empty()) {
        const ImVec2 c = ImGui::GetCursorScreenPos();
        ui::skeleton(c, ImVec2(c.x + inner, c.y + 96));
        ImGui::Dummy(ImVec2(inner, 104));
    } else if (p.activity_load == AccountLoad::failed) {
        ui::text(tr(s.lang, S::request_failed), FontSize::small14, color::danger, 0, true);
        if (ui::link(tr(s.lang, S::retry))) account_do(s, AccountAction::reload);
    } else if (p.activity.empty()) {
        ui::text(tr(s.lang, S::no_activity), FontSize::body16, color::muted);
    } else if (is_narrow(s)) {
        // One block per attempt: result and time, then IP and device in grey.
        for (const LoginEventRow& e : p.activity) {
            ui::value_row(result_text(s.lang, e), ui::short_time(e.at_unix_s), inner);
            ui::text(e.ip + " · " + short_user_agent(e.user_agent), FontSize::small14, color::muted, 0, true);
            ImGui::Dummy(ImVec2(1, 6));
        }
    } else {
        const float x = ImGui::GetCursorPosX();
        const float cols[4] = {0.0f, inner * 0.27f, inner * 0.47f, inner * 0.77f};
        const S heads[4] = {S::col_time, S::col_ip, S::col_device, S::col_result};
        auto row = [&](const std::string* cells, const ImU32* colors, FontSize size, int level) {
            const float y = ImGui::GetCursorPosY();
            float bottom = y;
            for (int i = 0; i < 4; ++i) {
                ImGui::SetCursorPos(ImVec2(x + cols[i], y));
                ui::text(cells[i], size, colors[i], level);
                bottom = std::max(bottom, ImGui::GetCursorPosY());
            }
            ImGui::SetCursorPos(ImVec2(x, bottom + 4));
            const ImVec2 l = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(l, ImVec2(l.x + inner, l.y), color::border);
            ImGui::Dummy(ImVec2(inner, 4));
        };
        const std::string head[4] = {tr(s.lang, heads[0]), tr(s.lang, heads[1]), tr(s.lang, heads[2]), tr(s.lang, heads[3])};
        const ImU32 head_colors[4] = {color::muted, color::muted, color::muted, color::muted};
        row(head, head_colors, FontSize::small14, 0);
        for (const LoginEventRow& e : p.activity) {
            const std::string cells[4] = {ui::short_time(e.at_unix_s), e.ip, short_user_agent(e.user_agent), result_text(s.lang, e)};
            const ImU32 colors[4] = {color::text, color::text, color::text, e.success ? color::success : color::danger};
            row(cells, colors, FontSize::body16, 0);
        }
    }
    ui::card_end();
}

}  // namespace

// --- [SECTION] screen ----------------------------------------------------------------------------

float narrow_card_begin(AppState& s, float column_width) {
    const float card_w = std::min(column_width, 440.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (column_width - card_w) * 0.5f);
    ui::card_begin(card_w, is_narrow(s) ? 20.0f : 32.0f);
    return ui::card_inner_width();
}

void narrow_card_end() { ui::card_end(); }

void draw_account(AppState& s, float width) {
    ui::text(tr(s.lang, S::account), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width)) {
            s.buy.return_to = "/account";
            go(s, route_of(Route::login));
        }
        return;
    }
    const bool one_column = width < 900.0f;
    const float left_w = one_column ? width : (width - 24.0f) * 0.5f;
    const float right_w = one_column ? width : width - left_w - 24.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    profile_card(s, left_w);
    ImGui::Dummy(ImVec2(1, 16));
    password_card(s, left_w);
    ImGui::Dummy(ImVec2(1, 16));
    float bottom = ImGui::GetCursorPosY();
    if (!one_column) ImGui::SetCursorPos(ImVec2(start.x + left_w + 24.0f, start.y));
    twofa_card(s, right_w);
    ImGui::Dummy(ImVec2(1, 16));
    if (!one_column) ImGui::SetCursorPosX(start.x + left_w + 24.0f);
    sessions_card(s, right_w);
    ImGui::Dummy(ImVec2(1, 16));
    ImGui::SetCursorPosX(start.x);
    bottom = one_column ? ImGui::GetCursorPosY() : std::max(bottom, ImGui::GetCursorPosY());
    ImGui::SetCursorPosY(bottom);
    activity_card(s, width);

    AccountPage& p = s.account.page;
    if (p.logout_all_dialog) {
        const int r = ui::confirm_modal("##logout_all", tr(s.lang, S::logout_all_title), tr(s.lang, S::logout_all_confirm_body),
                                        tr(s.lang, S::logout_all), tr(s.lang, S::cancel), p.logout_all_busy);
        if (r > 0) account_do(s, AccountAction::logout_all);
        else if (r < 0) account_do(s, AccountAction::close_logout_all);
    }
}

}  // namespace satstore::client::screens
