// satstore client — the audit log (#/staff/audit, admin only; issue 20): newest first, one card
// per staff action — what (the action in words), on which record, when, by whom — and the
// record's members that changed, before → after (all of them, for a record created). Paged
// with "Load more".
#include <set>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "i18n/strings.hpp"
#include "screens/list_common.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

std::string action_label(Lang lang, const std::string& action) {
    if (action == "user.create") return tr(lang, S::st_act_user_create);
    if (action == "user.invite") return tr(lang, S::st_act_user_invite);
    if (action == "user.accept") return tr(lang, S::st_act_user_accept);
    if (action == "user.update") return tr(lang, S::st_act_user_update);
    return action;  // a newer server's action (products, stock …) reads as its dotted name
}

// A member's value as a short text: strings bare, arrays joined, the rest as JSON.
std::string value_text(Lang lang, const nlohmann::json& v) {
    if (v.is_null()) return "—";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return tr(lang, v.get<bool>() ? S::st_yes : S::st_no);
    if (v.is_array()) {
        std::string out;
        for (const auto& item : v) out += (out.empty() ? "" : ", ") + value_text(lang, item);
        return out.empty() ? "—" : out;
    }
    return v.dump();
}

// "roles: merchant → agent" for each member that differs (every member of a new record).
std::vector<std::string> changes(Lang lang, const AuditItem& e) {
    static const std::set<std::string> skip = {"id", "created_at"};
    std::set<std::string> keys;
    for (const nlohmann::json* side : {&e.before, &e.after})
        if (side->is_object())
            for (const auto& [k, v] : side->items()) keys.insert(k);
    std::vector<std::string> out;
    for (const std::string& k : keys) {
        if (skip.count(k)) continue;
        const nlohmann::json before = e.before.is_object() && e.before.contains(k) ? e.before[k] : nlohmann::json();
        const nlohmann::json after = e.after.is_object() && e.after.contains(k) ? e.after[k] : nlohmann::json();
        if (e.before.is_null()) out.push_back(k + ": " + value_text(lang, after));
        else if (before != after) out.push_back(k + ": " + value_text(lang, before) + "  →  " + value_text(lang, after));
    }
    return out;
}

void entry_row(AppState& s, const AuditItem& e, float width) {
    ImGui::PushID(static_cast<int>(e.seq));
    ui::card_begin(width, 16);
    const float inner = ui::card_inner_width();
    ui::text(action_label(s.lang, e.action) + "  ·  " + e.target, FontSize::body16, color::text, 3);
    const std::string who = e.actor_id == "cli" ? tr(s.lang, S::st_actor_cli) : (e.actor_email.empty() ? e.actor_id : e.actor_email);
    ui::text(trf(s.lang, S::st_when_who_s_s, ui::short_time(e.at_unix_s).c_str(), who.c_str()), FontSize::small14, color::muted);
    for (const std::string& line : changes(s.lang, e))
        for (const std::string& part : ui::wrap_text(line, FontSize::small14, inner, 3)) ui::text(part, FontSize::small14, color::text);
    ui::card_end();
    ImGui::Dummy(ImVec2(1, 10));
    ImGui::PopID();
}

}  // namespace

void draw_staff_audit(AppState& s, float width) {
    if (!admin_page_head(s, tr(s.lang, S::st_audit_heading), width)) return;
    StaffAccountsState& st = s.staff;
    if (st.audit_load == Load::idle) s.push(Intent::Kind::staff, {}, static_cast<std::int64_t>(StaffAction::reload));
    if (const ListGate g = list_gate(s, st.audit_load, st.audit.empty(), 4, 96, width); g != ListGate::ready) {
        if (g == ListGate::retry) s.push(Intent::Kind::staff, {}, static_cast<std::int64_t>(StaffAction::reload));
        return;
    }
    const std::vector<AuditItem> entries = st.audit;
    for (const AuditItem& e : entries) entry_row(s, e, width);
    if (entries.empty()) ui::message_block(tr(s.lang, S::st_audit_empty), tr(s.lang, S::st_audit_empty_body), nullptr, width);
    if (!st.audit_next.empty() &&
        ui::button(tr(s.lang, S::st_load_more), ButtonKind::secondary, ImVec2(0, 0), false, st.audit_loading_more))
        s.push(Intent::Kind::staff, {}, static_cast<std::int64_t>(StaffAction::more_audit));
}

}  // namespace satstore::client::screens
