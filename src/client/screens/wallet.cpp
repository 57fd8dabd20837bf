// satstore client — wallet (#/wallet): create or import a key kept only encrypted under the
// payment password, back it up (the secret shown once, with a warning and Copy), change the
// password, register it with the account, balances, demo top-up and the ledger.
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

std::string err(const WalletState& w, const char* key) {
    auto it = w.errors.find(key);
    return it == w.errors.end() ? std::string() : it->second;
}

void wrapped(std::string_view text, FontSize size, ImU32 col, float w) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ui::text(text, size, col, 0, true);
    ImGui::PopTextWrapPos();
}

// New password + repeat (create, import, change).
void new_password_fields(AppState& s, float w) {
    WalletState& wl = s.buy.wallet;
    ui::text_field(tr(s.lang, S::new_payment_password), "new_payment_password", wl.password, err(wl, "password"), w, true);
    ui::text_field(tr(s.lang, S::repeat_payment_password), "repeat_payment_password", wl.password2, err(wl, "password2"), w, true);
}

void current_password_field(AppState& s, float w) {
    WalletState& wl = s.buy.wallet;
    ui::text_field(tr(s.lang, S::payment_password), "current_payment_password", wl.current_password,
                   err(wl, "current_password"), w, true);
}

void backup_panel(AppState& s, float w) {
    WalletState& wl = s.buy.wallet;
    ui::text(tr(s.lang, S::backup_title), FontSize::h20, color::text, 2);
    wrapped(tr(s.lang, S::backup_warning), FontSize::body16, color::danger, w);
    ImGui::Dummy(ImVec2(1, 4));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::vector<std::string> lines = ui::wrap_text(wl.backup_secret, FontSize::body16, w - 24, 4);
    const float h = 16.0f + 24.0f * static_cast<float>(lines.size());
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), color::brand_soft, 6);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 8));
    ImGui::BeginGroup();
    for (const std::string& l : lines) ui::text(l, FontSize::body16, color::text);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 8));
    const float bw = (w - 12) * 0.5f;
    if (ui::button(tr(s.lang, S::copy), ButtonKind::secondary, ImVec2(bw, 0))) buy(s, BuyAction::copy_text, wl.backup_secret);
    ImGui::SameLine(0, 12);
    if (ui::button(tr(s.lang, S::backup_done), ButtonKind::primary, ImVec2(bw, 0))) buy(s, BuyAction::wallet_hide);
}

void setup_card(AppState& s, float w) {
    WalletState& wl = s.buy.wallet;
    ui::card_begin(w, 24);
    const float inner = ui::card_inner_width();
    if (!wl.backup_secret.empty()) {
        backup_panel(s, inner);
        ui::card_end();
        return;
    }
    if (wl.blob.empty()) {
        ui::text(tr(s.lang, S::no_wallet_title), FontSize::h20, color::text, 2);
        wrapped(tr(s.lang, S::no_wallet_body), FontSize::body16, color::muted, inner);
        ImGui::Dummy(ImVec2(1, 8));
        const float bw = (inner - 12) * 0.5f;
        if (ui::button(tr(s.lang, S::mode_new_key), wl.mode == "import" ? ButtonKind::secondary : ButtonKind::soft, ImVec2(bw, 0))) {
            buy(s, BuyAction::wallet_mode, "create");
        }
        ImGui::SameLine(0, 12);
        if (ui::button(tr(s.lang, S::mode_import_key), wl.mode == "import" ? ButtonKind::soft : ButtonKind::secondary, ImVec2(bw, 0))) {
            buy(s, BuyAction::wallet_mode, "import");
        }
        ImGui::Dummy(ImVec2(1, 8));
        if (wl.mode == "import") {
            ui::text_field(tr(s.lang, S::secret_key_hex), "import_hex", wl.import_hex, err(wl, "import_hex"), inner, true);
        }
        new_password_fields(s, inner);
        wrapped(tr(s.lang, S::payment_password_note), FontSize::small14, color::muted, inner);
        ImGui::Dummy(ImVec2(1, 8));
        const bool importing = wl.mode == "import";
        if (ui::button(tr(s.lang, importing ? S::import_wallet : S::create_wallet), ButtonKind::primary, ImVec2(inner, 48), false, wl.busy)) {
            buy(s, importing ? BuyAction::wallet_import : BuyAction::wallet_create);
        }
        ui::card_end();
        return;
    }
    ui::text(tr(s.lang, S::your_wallet), FontSize::h20, color::text, 2);
    ui::text(tr(s.lang, S::public_key), FontSize::small14, color::muted);
    for (const std::string& l : ui::wrap_text(wl.local_pubkey, FontSize::small14, inner, 3)) ui::text(l, FontSize::small14, color::text);
    ImGui::Dummy(ImVec2(1, 4));
    const bool registered = wl.server_load == BuyLoad::ok && wl.registered_pubkey == wl.local_pubkey;
    if (wl.server_load == BuyLoad::ok) {
        ui::text(tr(s.lang, registered ? S::wallet_is_registered : S::wallet_not_registered), FontSize::body16,
                 registered ? color::success : color::warning, 0, true);
    }
    ImGui::Dummy(ImVec2(1, 8));
    if (wl.server_load == BuyLoad::ok && !registered) {
        current_password_field(s, inner);
        if (ui::button(tr(s.lang, S::register_wallet), ButtonKind::primary, ImVec2(inner, 48), false, wl.busy)) {
            buy(s, BuyAction::wallet_register);
        }
        ImGui::Dummy(ImVec2(1, 8));
    }
    const float bw = (inner - 12) * 0.5f;
    if (ui::button(tr(s.lang, S::backup_wallet), wl.mode == "backup" ? ButtonKind::soft : ButtonKind::secondary, ImVec2(bw, 0))) {
        buy(s, BuyAction::wallet_mode, wl.mode == "backup" ? "" : "backup");
    }
    ImGui::SameLine(0, 12);
    if (ui::button(tr(s.lang, S::change_payment_password), wl.mode == "password" ? ButtonKind::soft : ButtonKind::secondary, ImVec2(bw, 0))) {
        buy(s, BuyAction::wallet_mode, wl.mode == "password" ? "" : "password");
    }
    if (wl.mode == "backup") {
        ImGui::Dummy(ImVec2(1, 8));
        wrapped(tr(s.lang, S::backup_warning), FontSize::small14, color::danger, inner);
        current_password_field(s, inner);
        if (ui::button(tr(s.lang, S::reveal_secret), ButtonKind::primary, ImVec2(inner, 0), false, wl.busy)) {
            buy(s, BuyAction::wallet_reveal);
        }
    } else if (wl.mode == "password") {
        ImGui::Dummy(ImVec2(1, 8));
        current_password_field(s, inner);
        new_password_fields(s, inner);
        if (ui::button(tr(s.lang, S::save), ButtonKind::primary, ImVec2(inner, 0), false, wl.busy)) {
            buy(s, BuyAction::wallet_change_password);
        }
    }
    ui::card_end();
}

void ledger_kind(AppState& s, const std::string& kind, std::string& out) {
    if (kind == "topup") out = tr(s.lang, S::ledger_topup);
    else if (kind == "payment") out = tr(s.lang, S::ledger_payment);
    else if (kind == "refund") out = tr(s.lang, S::ledger_refund);
    else out = kind;
}

void balances_card(AppState& s, float w) {
    WalletState& wl = s.buy.wallet;
    ui::card_begin(w);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::balances), FontSize::h20, color::text, 2);
    if (wl.server_load == BuyLoad::loading) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::skeleton(p, ImVec2(p.x + inner, p.y + 48));
        ImGui::Dummy(ImVec2(inner, 56));
    } else if (wl.registered_pubkey.empty()) {
        wrapped(tr(s.lang, S::balances_after_register), FontSize::body16, color::muted, inner);
    } else {
        for (const Balance& b : wl.balances) {
            const std::string code(currency_code(b.currency));
            ui::value_row(code, format_money(Money{b.amount, b.currency}), inner);
            if (wl.faucet) {
                const std::string label = trf(s.lang, S::top_up_s, code.c_str()) + "##topup" + code;
                if (ui::button(label.c_str(), ButtonKind::secondary, ImVec2(0, 0), false, wl.busy)) buy(s, BuyAction::top_up, code);
            }
            ImGui::Dummy(ImVec2(1, 4));
        }
        if (wl.faucet) ui::text(tr(s.lang, S::demo_faucet_note), FontSize::small14, color::muted, 0, true);
        ImGui::Dummy(ImVec2(1, 8));
        ui::text(tr(s.lang, S::history), FontSize::body16, color::text, 3);
        if (wl.ledger.empty()) ui::text(tr(s.lang, S::no_history), FontSize::small14, color::muted);
        for (const LedgerEntry& e : wl.ledger) {
            std::string kind;
            ledger_kind(s, e.kind, kind);
            const std::string amount = (e.amount < 0 ? "-" : "+") + format_money(Money{e.amount < 0 ? -e.amount : e.amount, e.currency});
            ui::value_row(kind, amount, inner);
            ui::text(ui::short_time(e.at_unix_s), FontSize::small14, color::muted);
        }
    }
    ui::card_end();
}

// The way back to the order the buyer left the payment page for (issue 19): its number and total
// on the button, the quote's countdown (or that a new one comes on return), and how the balance
// compares with the amount due. Primary once the wallet can pay; the setup form's button first.
void detour_card(AppState& s, float w) {
    const PayDetour& d = s.buy.detour;
    const WalletState& wl = s.buy.wallet;
    const ImVec2 card_min = ImGui::GetCursorScreenPos();
    ui::card_begin(w, 20);
    const float inner = ui::card_inner_width();
    ui::text(tr(s.lang, S::detour_title), FontSize::h20, color::text, 2);
    wrapped(trf(s.lang, S::detour_body_s, d.number.c_str(), format_money(d.due).c_str()), FontSize::body16, color::muted, inner);
    ImGui::Dummy(ImVec2(1, 4));
    const std::int64_t now = unix_now_s();
    if (d.expires_at_unix_s > now) {
        ui::text(tr(s.lang, S::quote_valid_for), FontSize::small14, color::muted);
        ui::countdown(d.expires_at_unix_s, now);
    } else {
        wrapped(tr(s.lang, S::detour_lock_lapsed), FontSize::body16, color::warning, inner);
    }
    const bool ready = wl.server_load == BuyLoad::ok && !wl.registered_pubkey.empty() && wl.registered_pubkey == wl.local_pubkey;
    if (ready) {
        const std::int64_t balance = wallet_balance(s, d.due.currency);
        if (balance >= d.due.amount_minor) {
            ui::text(tr(s.lang, S::detour_balance_ok), FontSize::small14, color::success, 0, true);
        } else {
            wrapped(trf(s.lang, S::detour_short_s, format_money(Money{d.due.amount_minor - balance, d.due.currency}).c_str()),
                    FontSize::small14, color::warning, inner);
        }
    }
    ImGui::Dummy(ImVec2(1, 8));
    const std::string label = trf(s.lang, S::back_to_order_pay_s_s, d.number.c_str(), ui::price_text(d.total).c_str());
    if (ui::button(label.c_str(), ready ? ButtonKind::primary : ButtonKind::secondary, ImVec2(inner, 48))) {
        buy(s, BuyAction::return_to_order);
    }
    ui::card_end();
    // Outlined in the brand colour: the way back stands out from the wallet's own cards.
    ImGui::GetWindowDrawList()->AddRect(card_min, ImVec2(card_min.x + w, ImGui::GetItemRectMax().y), color::brand, 8.0f, 0, 2.0f);
}

}  // namespace

void draw_wallet(AppState& s, float width) {
    ui::text(tr(s.lang, S::wallet), is_narrow(s) ? FontSize::h24 : FontSize::h30, color::text, 1);
    ImGui::Dummy(ImVec2(1, 8));
    if (s.session_token.empty()) {
        if (ui::message_block(tr(s.lang, S::login_needed), tr(s.lang, S::login_needed_body), tr(s.lang, S::log_in), width)) {
            s.buy.return_to = "/wallet";
            go(s, route_of(Route::login));
        }
        return;
    }
    const PayDetour& d = s.buy.detour;
    if (!d.order_id.empty()) {
        detour_card(s, width);
        ImGui::Dummy(ImVec2(1, 16));
    }
    const bool narrow = width < 900.0f;
    const float left_w = narrow ? width : 520.0f;
    const float right_w = narrow ? width : width - left_w - 24.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    setup_card(s, left_w);
    ImGui::Dummy(ImVec2(1, 16));
    if (narrow) {
        balances_card(s, right_w);
        return;
    }
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + left_w + 24.0f, start.y));
    balances_card(s, right_w);
    ImGui::SetCursorPosX(start.x);
    ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
}

}  // namespace satstore::client::screens
