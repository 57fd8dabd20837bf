// satstore client — accepting a staff invitation (#/accept-invite?token=…, the link in the
// invitation mail; issue 20): the password twice with per-field errors (the registration rule,
// core password_problem, checked before sending); success logs the new staff member in and opens
// their console. A used, expired or withdrawn link says to ask an administrator.
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

void draw_accept_invite(AppState& s, float width) {
    AcceptForm& f = s.staff.accept;
    const float inner = narrow_card_begin(s, width);
    ui::text(tr(s.lang, S::st_accept_heading), FontSize::h24, color::text, 1);
    ImGui::Dummy(ImVec2(1, 4));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    if (f.token.empty() || f.expired) {
        ui::text(tr(s.lang, f.token.empty() ? S::st_accept_broken : S::st_accept_expired), FontSize::body16, color::danger, 0, true);
        ImGui::PopTextWrapPos();
        narrow_card_end();
        return;
    }
    ui::text(tr(s.lang, S::st_accept_body), FontSize::body16, color::muted, 0, true);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, 8));
    const std::string e1 = error_of(f.errors, "password"), e2 = error_of(f.errors, "password2");
    const bool focus = f.focus_first_error;
    f.focus_first_error = false;
    bool submit = ui::text_field(tr(s.lang, S::new_password), "invite_password", f.password, e1, inner, true, nullptr,
                                 focus && !e1.empty());
    if (e1.empty()) ui::text(tr(s.lang, S::password_rules), FontSize::small14, color::muted, 0, true);
    submit |= ui::text_field(tr(s.lang, S::repeat_new_password), "invite_password2", f.password2, e2, inner, true, nullptr,
                             focus && e1.empty() && !e2.empty());
    if (!f.error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(f.error, FontSize::small14, color::danger, 0, true);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(1, 8));
    submit |= ui::button(tr(s.lang, S::st_accept_button), ButtonKind::primary, ImVec2(inner, 48), false, f.busy);
    if (submit && !f.busy) s.push(Intent::Kind::staff, {}, static_cast<std::int64_t>(StaffAction::accept));
    narrow_card_end();
}

}  // namespace satstore::client::screens
