// satstore client — reset password (#/reset-password?token=…, the link in the reset mail): the
// new password twice with per-field errors (weak, common, different); success ends every
// session and leads to the login form; a used or expired link offers a new one.
#include <imgui.h>

#include "i18n/strings.hpp"
#include "screens/account_common.hpp"
#include "screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

void draw_reset_password(AppState& s, float width) {
    ResetForm& f = s.account.reset;
    const float inner = narrow_card_begin(s, width);
    ui::text(tr(s.lang, S::reset_heading), FontSize::h24, color::text, 1);
    ImGui::Dummy(ImVec2(1, 4));
    if (f.token.empty() || f.expired) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(tr(s.lang, f.token.empty() ? S::reset_link_broken : S::reset_link_expired), FontSize::body16, color::danger, 0, true);
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(1, 8));
        if (ui::button(tr(s.lang, S::get_new_link), ButtonKind::primary, ImVec2(inner, 48))) go(s, route_of(Route::forgot_password));
        narrow_card_end();
        return;
    }
    const std::string e1 = error_of(f.errors, "new_password"), e2 = error_of(f.errors, "new_password2");
    const bool focus = f.focus_first_error;
    f.focus_first_error = false;
    bool submit = ui::text_field(tr(s.lang, S::new_password), "reset_new_password", f.password, e1, inner, true, nullptr,
                                 focus && !e1.empty());
    if (e1.empty()) ui::text(tr(s.lang, S::password_rules), FontSize::small14, color::muted, 0, true);
    submit |= ui::text_field(tr(s.lang, S::repeat_new_password), "reset_repeat_password", f.password2, e2, inner, true,
                             nullptr, focus && e1.empty() && !e2.empty());
    if (!f.error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(f.error, FontSize::small14, color::danger, 0, true);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(1, 8));
    submit |= ui::button(tr(s.lang, S::set_new_password), ButtonKind::primary, ImVec2(inner, 48), false, f.busy);
    if (submit && !f.busy) account_do(s, AccountAction::complete_reset);
    narrow_card_end();
}

}  // namespace satstore::client::screens
