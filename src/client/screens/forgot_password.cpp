// satstore client — forgot password (#/forgot-password, linked from the login form): the email,
// then always the same answer ("if an account exists, we sent a link"), so the page reveals no
// more than the API does about which emails are registered.
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

void draw_forgot_password(AppState& s, float width) {
    ForgotForm& f = s.account.forgot;
    const float inner = narrow_card_begin(s, width);
    ui::text(tr(s.lang, S::forgot_heading), FontSize::h24, color::text, 1);
    ImGui::Dummy(ImVec2(1, 4));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    if (f.sent) {
        ui::text(tr(s.lang, S::reset_sent), FontSize::body16, color::success, 0, true);
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(1, 8));
        if (ui::button(tr(s.lang, S::back_to_login), ButtonKind::primary, ImVec2(inner, 48))) go(s, route_of(Route::login));
        narrow_card_end();
        return;
    }
    ui::text(tr(s.lang, S::forgot_body), FontSize::body16, color::muted, 0, true);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, 8));
    bool submit = ui::text_field(tr(s.lang, S::email), "reset_email", f.email, f.email_error, inner, false, "you@example.com");
    if (!f.error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(f.error, FontSize::small14, color::danger, 0, true);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(1, 8));
    submit |= ui::button(tr(s.lang, S::send_reset_link), ButtonKind::primary, ImVec2(inner, 48), false, f.busy);
    if (submit && !f.busy) account_do(s, AccountAction::request_reset);
    ImGui::Dummy(ImVec2(1, 4));
    if (ui::link(tr(s.lang, S::back_to_login))) go(s, route_of(Route::login));
    narrow_card_end();
}

}  // namespace satstore::client::screens
