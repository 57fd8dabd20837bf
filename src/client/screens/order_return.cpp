// satstore client — request a return (#/orders/<id>/return), reached from the order detail: pick
// lines and units, say what is wrong, attach photos (ui/attachments), send. The order detail
// then shows the return's status, RMA number and the ship-back form.
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "core/returns.hpp"
#include "i18n/strings.hpp"
#include "screens/buy_common.hpp"
#include "screens/screens.hpp"
#include "ui/attachments.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

std::string err(const std::map<std::string, std::string>& errors, const char* key) {
    auto it = errors.find(key);
    return it == errors.end() ? std::string() : it->second;
}

// Units of a line still returnable: ordered minus those in earlier returns not rejected.
std::int64_t returnable_units(const Order& o, const OrderLine& line) {
    std::int64_t taken = 0;
    for (const ReturnRequest& r : o.returns) {
        if (r.status == ReturnStatus::rejected) continue;
        for (const RefundLine& l : r.lines)
            if (l.line_id == line.id) taken += l.qty;
    }
    return std::max<std::int64_t>(0, line.qty - taken);
}

}  // namespace

void draw_order_return(AppState& s, float width) {
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width))
            go(s, route_of(Route::login));
        return;
    }
    RouteState back = route_of(Route::order);
    back.order_id = s.route.order_id;
    if (ui::link(tr(s.lang, S::as_back_to_order))) go(s, back);
    ImGui::Dummy(ImVec2(1, 8));
    const OrdersState& os = s.buy.orders;
    const Order* found = routed_order(s, os.detail, os.detail_load, width);
    if (!found) return;
    const Order o = *found;
    BuyerReturnState& b = s.after.buyer;
    const float w = std::min(width, 720.0f);
    ui::text(tr(s.lang, S::as_request_return), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ui::text(trf(s.lang, S::order_number_s, o.number.c_str()), FontSize::body16, color::muted);
    ImGui::Dummy(ImVec2(1, 12));
    if (o.status != OrderStatus::delivered && o.status != OrderStatus::completed) {
        ui::message_block(tr(s.lang, S::as_err_not_returnable), "", nullptr, width);
        return;
    }
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::as_what_to_return), FontSize::h20, color::text, 2);
    for (const OrderLine& l : o.lines) {
        const std::int64_t left = returnable_units(o, l);
        ui::text(ui::wrap_text(line_name(l), FontSize::body16, inner, 2).front() + "  (" +
                     trf(s.lang, S::as_units_returnable_lld, static_cast<long long>(left)) + ")",
                 FontSize::body16, color::text);
        std::int64_t& q = b.qty[l.id];
        q = unit_stepper(s, "ret" + l.id, l.title, std::min(q, left), left);
        ImGui::Dummy(ImVec2(1, 8));
    }
    if (const std::string e = err(b.errors, "lines"); !e.empty()) ui::text(e, FontSize::small14, color::danger, 0, true);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text_area(tr(s.lang, S::as_return_reason), "return_reason", b.reason, err(b.errors, "reason"), inner, 72, 200,
                  tr(s.lang, S::as_return_reason_hint));
    ImGui::Dummy(ImVec2(1, 8));
    ui::attachments_field(s.lang, tr(s.lang, S::as_photo_evidence), "return_evidence", b.evidence, 5, err(b.errors, "evidence"));
    ImGui::Dummy(ImVec2(1, 12));
    if (!b.error.empty()) ui::text(b.error, FontSize::body16, color::danger, 0, true);
    if (ui::button(tr(s.lang, S::as_send_return), ButtonKind::primary, ImVec2(is_narrow(s) ? inner : 0, 44), b.evidence.uploading(),
                   b.busy))
        after(s, AfterAction::buyer_submit_return, o.id);
    ui::card_end();
}

}  // namespace satstore::client::screens
