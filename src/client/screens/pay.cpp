// satstore client — payment (#/orders/<id>/pay): the quote and its countdown, the wallet balance
// and any shortfall, the payment password and "Pay"; every failure with its own message and way
// out (PAYMENT.md, SPEC §1 "Payment failures").
#include <algorithm>

#include <imgui_internal.h>

#include "a11y/mirror.hpp"
#include "view_helpers.hpp"
#include "i18n/strings.hpp"
#include "screens/buy_common.hpp"
#include "screens/screens.hpp"
#include "ui/buy_widgets.hpp"
#include "ui/product_card.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace satstore::client::screens {
namespace {

using ui::ButtonKind;
using ui::FontSize;
namespace color = ui::color;

// To the wallet and back (issue 19): the wallet page then leads back to this order in one step.
void go_wallet(AppState& s, const Order& order) { buy(s, BuyAction::wallet_detour, order.id); }

// The error of the last attempt and the action that recovers from it.
void failure(AppState& s, const Order& order, float w) {
    const PaymentState& p = s.buy.payment;
    if (p.error.empty()) return;
    ImGui::Dummy(ImVec2(1, 4));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ui::text(p.error, FontSize::body16, color::danger, 0, true);
    ImGui::PopTextWrapPos();
    const Currency cur = order.quote ? order.quote->currency : Currency::BTC;
    if (p.failure == PayFailure::insufficient_balance) {
        ui::text(trf(s.lang, S::balance_shortfall_s_s, format_money(Money{p.balance, cur}).c_str(),
                     format_money(Money{p.shortfall, cur}).c_str()),
                 FontSize::small14, color::muted, 0, true);
        if (s.buy.wallet.faucet &&
            ui::button(tr(s.lang, S::top_up_demo), ButtonKind::secondary, ImVec2(w, 0), false, s.buy.wallet.busy)) {
            buy(s, BuyAction::top_up, std::string(currency_code(cur)));
        }
    } else if (p.failure == PayFailure::network) {
        if (ui::button(tr(s.lang, S::retry), ButtonKind::secondary, ImVec2(w, 0), false, p.busy)) buy(s, BuyAction::retry_payment);
    } else if (p.failure == PayFailure::payer_not_registered) {
        if (ui::button(tr(s.lang, S::go_to_wallet), ButtonKind::secondary, ImVec2(w, 0))) go_wallet(s, order);
    } else if (p.failure == PayFailure::settled) {
        if (ui::button(tr(s.lang, S::view_order), ButtonKind::secondary, ImVec2(w, 0))) {
            RouteState r = route_of(Route::order);
            r.order_id = order.id;
            go(s, r);
        }
    }
}

void pay_card(AppState& s, const Order& order, float w) {
    PaymentState& p = s.buy.payment;
    const WalletState& wallet = s.buy.wallet;
    ui::card_begin(w, 24);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::amount_due), FontSize::small14, color::muted);
    ui::text(format_money(Money{order.quote->amount, order.quote->currency}), FontSize::h30, color::price, 2);
    ui::text(trf(s.lang, S::order_total_s, ui::price_text(Money{order.totals.total_minor, order.fiat}).c_str()),
             FontSize::small14, color::muted);
    ImGui::Dummy(ImVec2(1, 8));
    ui::text(tr(s.lang, S::quote_valid_for), FontSize::small14, color::muted);
    const std::int64_t left = ui::countdown(order.quote->expires_at_unix_s, unix_now_s());
    ImGui::Dummy(ImVec2(1, 8));

    const Currency cur = order.quote->currency;
    if (wallet.server_load == BuyLoad::ok && !wallet.registered_pubkey.empty()) {
        const std::int64_t balance = wallet_balance(s, cur);
        ui::value_row(tr(s.lang, S::wallet_balance), format_money(Money{balance, cur}), inner);
        if (balance < order.quote->amount) {
            ui::value_row(tr(s.lang, S::shortfall), format_money(Money{order.quote->amount - balance, cur}), inner);
            if (wallet.faucet && p.failure != PayFailure::insufficient_balance &&
                ui::button(tr(s.lang, S::top_up_demo), ButtonKind::secondary, ImVec2(inner, 0), false, wallet.busy)) {
                buy(s, BuyAction::top_up, std::string(currency_code(cur)));
            }
        }
        ImGui::Dummy(ImVec2(1, 8));
    }

    const bool no_wallet = wallet.blob.empty();
    const bool not_registered = wallet.server_load == BuyLoad::ok && wallet.registered_pubkey != wallet.local_pubkey;
    if (no_wallet || not_registered) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(tr(s.lang, no_wallet ? S::pay_needs_wallet : S::pay_wallet_not_registered), FontSize::body16, color::warning, 0, true);
        ImGui::PopTextWrapPos();
        if (ui::button(tr(s.lang, S::go_to_wallet), ButtonKind::primary, ImVec2(inner, 48))) go_wallet(s, order);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ui::text(tr(s.lang, S::detour_hint), FontSize::small14, color::muted, 0, true);
        ImGui::PopTextWrapPos();
        ui::card_end();
        return;
    }
    if (left <= 0) {
        ui::text(tr(s.lang, S::quote_expired), FontSize::body16, color::danger, 0, true);
        if (ui::button(tr(s.lang, S::new_quote), ButtonKind::primary, ImVec2(inner, 48), false, p.renewing)) {
            buy(s, BuyAction::renew_quote, order.id);
        }
        ui::card_end();
        return;
    }
    const bool submit = ui::text_field(tr(s.lang, S::payment_password), "payment_password", p.password, p.password_error,
                                       inner, true);
    ImGui::Dummy(ImVec2(1, 8));
    const bool clicked = ui::button(tr(s.lang, S::pay), ButtonKind::primary, ImVec2(inner, 48), false, p.busy);
    if ((clicked || submit) && !p.busy) buy(s, BuyAction::pay, order.id);
    if (p.failure == PayFailure::quote_expired) {
        if (ui::button(tr(s.lang, S::new_quote), ButtonKind::secondary, ImVec2(inner, 0), false, p.renewing)) {
            buy(s, BuyAction::renew_quote, order.id);
        }
    }
    failure(s, order, inner);
    ImGui::Dummy(ImVec2(1, 4));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ui::text(tr(s.lang, S::pay_signing_note), FontSize::small14, color::muted, 0, true);
    ImGui::PopTextWrapPos();
    ui::card_end();
}

void summary_card(AppState& s, const Order& order, float w) {
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(trf(s.lang, S::order_number_s, order.number.c_str()), FontSize::h20, color::text, 2);
    order_contents(s, order, inner);
    ui::card_end();
}

}  // namespace

void draw_pay(AppState& s, float width) {
    ui::text(tr(s.lang, S::payment_heading), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width)) {
            go(s, route_of(Route::login));
        }
        return;
    }
    const OrdersState& o = s.buy.orders;
    if (!o.detail || o.detail->id != s.route.order_id) {
        if (o.detail_load == BuyLoad::failed) {
            if (ui::message_block(tr(s.lang, S::order_not_found), "", tr(s.lang, S::my_orders), width)) go(s, route_of(Route::orders));
        } else {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ui::skeleton(p, ImVec2(p.x + std::min(width, 520.0f), p.y + 240));
            ImGui::Dummy(ImVec2(width, 248));
        }
        return;
    }
    const Order order = *o.detail;  // a copy: intents may replace the detail after drawing
    if (order.status != OrderStatus::pending_payment || !order.quote) {
        const char* body = order.status == OrderStatus::cancelled ? tr(s.lang, S::order_cancelled) : tr(s.lang, S::already_paid);
        if (ui::message_block(body, "", tr(s.lang, S::view_order), width)) {
            RouteState r = route_of(Route::order);
            r.order_id = order.id;
            go(s, r);
        }
        return;
    }
    const bool narrow = width < 900.0f;
    const float pay_w = narrow ? width : 480.0f;
    const float side_w = narrow ? width : width - pay_w - 24.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    pay_card(s, order, pay_w);
    ImGui::Dummy(ImVec2(1, 16));
    if (narrow) {
        summary_card(s, order, side_w);
        return;
    }
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + pay_w + 24.0f, start.y));
    summary_card(s, order, side_w);
    ImGui::SetCursorPosX(start.x);
    ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
}

}  // namespace satstore::client::screens
