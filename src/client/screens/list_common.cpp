// satstore client — pieces shared by the list screens (list_common.hpp).
#include "screens/list_common.hpp"

#include <imgui.h>

#include "i18n/strings.hpp"
#include "screens/screens.hpp"
#include "screens/support_common.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {

using ui::FontSize;
namespace color = ui::color;

ListGate list_gate(AppState& s, Load load, bool empty, int rows, float row_height, float width) {
    if (load == Load::loading && empty) {
        for (int i = 0; i < rows; ++i) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ui::skeleton(p, ImVec2(p.x + width, p.y + row_height));
            ImGui::Dummy(ImVec2(width, row_height + 12));
        }
        return ListGate::waiting;
    }
    if (load == Load::failed)
        return ui::message_block(tr(s.lang, S::request_failed), "", tr(s.lang, S::retry), width) ? ListGate::retry : ListGate::waiting;
    return ListGate::ready;
}

bool filter_chips(const char* id, const std::vector<std::pair<std::string, std::string>>& chips, std::string& value,
                  float width) {
    std::vector<std::string> labels;
    int selected = -1;
    for (const auto& [v, label] : chips) {
        if (value == v) selected = static_cast<int>(labels.size());
        labels.push_back(label);
    }
    const int i = ui::chip_row(id, labels, selected, width);
    if (i < 0 || i == selected) return false;
    value = chips[static_cast<std::size_t>(i)].first;
    return true;
}

namespace {

// `number` as a link to `target`, `meta` below it in grey (unless empty), and the cursor moved to
// where a chip `chip_width` wide goes: the right end of the number's line. Returns the position
// below, where the caller continues after drawing the chip.
ImVec2 card_number(AppState& s, const std::string& number, const RouteState& target, const std::string& meta,
                   float chip_width, float inner) {
    const ImVec2 top = ImGui::GetCursorPos();
    if (ui::link(number.c_str())) go(s, target);
    if (!meta.empty()) ui::text(meta, FontSize::small14, color::muted);
    const ImVec2 below = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(top.x + inner - chip_width, top.y));
    return below;
}

}  // namespace

void order_card_head(AppState& s, const Order& o, Route route, const std::string& meta, float inner) {
    RouteState target = route_of(route);
    target.order_id = o.id;
    const bool refunded = o.payment_status == PaymentStatus::refunded;
    const ImVec2 below = card_number(s, trf(s.lang, S::order_number_s, o.number.c_str()), target, meta,
                                     ui::status_chip_width(s.lang, o.status, refunded), inner);
    ui::status_chip(s.lang, o.status, refunded);
    ImGui::SetCursorPos(below);
    std::string titles;
    for (const OrderLine& l : o.lines)
        titles += (titles.empty() ? "" : (s.lang == Lang::zh_CN ? "、" : ", ")) + line_name(l) + " × " + std::to_string(l.qty);
    ui::text(ui::wrap_text(titles, FontSize::body16, inner, 1).front(), FontSize::body16, color::text);
}

void ticket_card_head(AppState& s, const TicketView& t, Route route, float inner) {
    RouteState target = route_of(route);
    target.ticket_id = t.id;
    const ImVec2 below = card_number(s, trf(s.lang, S::ticket_number_s, t.number.c_str()), target, {},
                                     ticket_status_chip_width(s.lang, t.status), inner);
    ticket_status_chip(s.lang, t.status);
    ImGui::SetCursorPos(below);
    ui::text(ui::wrap_text(t.subject, FontSize::body16, inner, 1).front(), FontSize::body16, color::text);
}

}  // namespace satstore::client::screens
