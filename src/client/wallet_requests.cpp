// satstore client — wallet requests and the vault operations behind the wallet screen
// (PAYMENT.md "Keys and the wallet"). Heavy work (argon2id) runs one frame after its button
// shows a spinner, from run_wallet_work().
#include <algorithm>
#include <cstdio>

#include "api/client.hpp"
#include "app_requests.hpp"
#include "buying_requests.hpp"
#include "core/authorization.hpp"
#include "core/hex.hpp"
#include "i18n/strings.hpp"
#include "wallet/vault.hpp"

namespace satstore::client::buying {
namespace {

using nlohmann::json;

// One vault per account ("satstore.wallet.<user id>"); before issue 17 one v1 vault per origin
// lived under "satstore.wallet", which the first account to unlock it takes over.
constexpr const char* kLegacyVaultKey = "satstore.wallet";
constexpr std::size_t kMinPasswordChars = 8;

std::string vault_key(const std::string& user_id) { return std::string(kLegacyVaultKey) + "." + user_id; }

// Reads the logged-in account's vault (or the origin's v1 vault, until an account takes it).
void load_blob(AppState& s) {
    WalletState& w = s.buy.wallet;
    w.blob_user = s.user ? s.user->id : std::string();
    w.blob = w.blob_user.empty() ? std::string() : platform::storage_get(vault_key(w.blob_user));
    if (w.blob.empty() && !w.blob_user.empty()) w.blob = platform::storage_get(kLegacyVaultKey);
    w.local_pubkey = w.blob.empty() ? std::string() : wallet::blob_pubkey(w.blob);
}

// Seals `key` under `password` for the logged-in account and stores it as that account's vault.
bool save_vault(AppState& s, const payment::Bytes32& key, const std::string& password) {
    if (!s.user) return false;
    const std::optional<std::string> blob = wallet::seal(key, password, s.user->id);
    if (!blob) return false;
    platform::storage_set(vault_key(s.user->id), *blob);
    platform::storage_remove(kLegacyVaultKey);
    load_blob(s);
    return true;
}

void apply_wallet(AppState& s, satstore::api::WalletInfo info) {
    WalletState& w = s.buy.wallet;
    w.registered_pubkey = std::move(info.pubkey);
    w.faucet = info.faucet;
    w.balances = std::move(info.balances);
    w.server_load = BuyLoad::ok;
}

void request_ledger(AppState& s) {
    s.buy.wallet.ledger_load = BuyLoad::loading;
    api::send(s, BuyRequest::ledger, "GET", "/wallet/ledger?limit=50");
}

// Checks the new-password pair of the create / import / change forms.
bool check_new_password(AppState& s) {
    WalletState& w = s.buy.wallet;
    if (w.password.size() < kMinPasswordChars) w.errors["password"] = tr(s.lang, S::payment_password_short);
    else if (w.password != w.password2) w.errors["password2"] = tr(s.lang, S::passwords_differ);
    return w.errors.empty();
}

// Signs the wallet-binding proof and registers the key with the account.
void register_key(AppState& s, const payment::Bytes32& key) {
    if (!s.user) return;
    const std::optional<std::string> pubkey = payment::xonly_pubkey_hex(key);
    if (!pubkey) return;
    payment::Bytes32 aux{};
    wallet::random_bytes(aux.data(), aux.size());
    const std::optional<std::string> proof = payment::sign_digest(wallet_bind_digest(*pubkey, s.store.id, s.user->id), key, aux);
    if (!proof) return;
    s.buy.wallet.busy = true;
    api::send(s, BuyRequest::put_wallet, "PUT", "/wallet", json{{"pubkey", *pubkey}, {"proof", *proof}}.dump());
}

// Seals `key` under the form's new password, stores the vault and registers the key.
void store_key(AppState& s, payment::Bytes32& key, bool show_backup) {
    WalletState& w = s.buy.wallet;
    if (!save_vault(s, key, w.password)) {
        w.errors["password"] = tr(s.lang, S::wallet_unreadable);
        return;
    }
    if (show_backup) w.backup_secret = hex::encode(key.data(), key.size());
    register_key(s, key);
    w.password.clear();
    w.password2.clear();
    w.import_hex.clear();
    w.mode = show_backup ? "backup" : "";
    show_toast(s, tr(s.lang, S::wallet_saved));
}

// Opens the vault with the form's current password; nullopt (and the field error) when wrong.
std::optional<payment::Bytes32> unlock(AppState& s) {
    WalletState& w = s.buy.wallet;
    std::string error;
    std::optional<payment::Bytes32> key = open_vault(s, w.current_password, error);
    if (!key) w.errors["current_password"] = error;
    w.current_password.clear();
    return key;
}

}  // namespace

std::optional<payment::Bytes32> open_vault(AppState& s, const std::string& password, std::string& error) {
    if (!s.user) {
        error = tr(s.lang, S::wallet_unreadable);
        return std::nullopt;
    }
    wallet::Opened opened = wallet::open(s.buy.wallet.blob, password, s.user->id);
    if (!opened.seckey32) {
        switch (opened.error) {
            case wallet::OpenError::wrong_password: error = tr(s.lang, S::wrong_payment_password); break;
            case wallet::OpenError::untrusted: error = tr(s.lang, S::wallet_untrusted); break;
            case wallet::OpenError::malformed:
            case wallet::OpenError::out_of_memory: error = tr(s.lang, S::wallet_unreadable); break;
        }
        return std::nullopt;
    }
    if (opened.upgrade) save_vault(s, *opened.seckey32, password);  // v1 → v2, this account's
    const std::optional<payment::Bytes32> key = opened.seckey32;
    wallet::wipe(*opened.seckey32);
    return key;
}

void sync_vault(AppState& s) {
    const std::string user = s.user ? s.user->id : std::string();
    if (user != s.buy.wallet.blob_user) load_blob(s);
}

void request_wallet(AppState& s) {
    load_blob(s);
    if (s.session_token.empty()) return;
    if (s.buy.wallet.server_load != BuyLoad::ok) s.buy.wallet.server_load = BuyLoad::loading;
    api::send(s, BuyRequest::wallet, "GET", "/wallet");
}

void perform_wallet(AppState& s, BuyAction action, const std::string& arg) {
    WalletState& w = s.buy.wallet;
    if (w.busy) return;
    switch (action) {
        case BuyAction::wallet_mode:
            w.mode = arg;
            w.errors.clear();
            w.backup_secret.clear();
            return;
        case BuyAction::wallet_hide:
            w.backup_secret.clear();
            w.mode.clear();
            return;
        case BuyAction::top_up: {
            const auto c = parse_currency(arg);
            if (!c || is_fiat(*c)) return;
            // The shortfall of a failed payment, or a demo amount: 0.01 BTC / 1,000 USDT — at
            // least what the order of a wallet detour still lacks.
            std::int64_t amount = s.buy.payment.shortfall > 0 && s.buy.payment.failure == PayFailure::insufficient_balance
                                      ? s.buy.payment.shortfall
                                      : (*c == Currency::BTC ? 1'000'000 : 1'000'000'000);
            if (const PayDetour& d = s.buy.detour; !d.order_id.empty() && d.due.currency == *c) {
                std::int64_t balance = 0;
                for (const Balance& b : w.balances)
                    if (b.currency == *c) balance = b.amount;
                amount = std::max(amount, d.due.amount_minor - balance);
            }
            w.busy = true;
            api::send(s, BuyRequest::top_up, "POST", "/wallet/topups",
                 json{{"currency", *c}, {"amount", amount_to_string(amount)}}.dump());
            return;
        }
        default: break;
    }
    w.errors.clear();
    switch (action) {
        case BuyAction::wallet_create:
            if (!check_new_password(s)) return;
            break;
        case BuyAction::wallet_import:
            if (!hex::decode(w.import_hex, 32)) w.errors["import_hex"] = tr(s.lang, S::import_key_invalid);
            check_new_password(s);
            if (!w.errors.empty()) return;
            break;
        case BuyAction::wallet_change_password:
            if (w.current_password.empty()) w.errors["current_password"] = tr(s.lang, S::required_field);
            check_new_password(s);
            if (!w.errors.empty()) return;
            break;
        case BuyAction::wallet_register:
        case BuyAction::wallet_reveal:
            if (w.current_password.empty()) {
                w.errors["current_password"] = tr(s.lang, S::required_field);
                return;
            }
            break;
        default: return;
    }
    // Deferred: the busy button is drawn before the KDF blocks the thread.
    w.busy = true;
    w.work = std::to_string(static_cast<std::int64_t>(action));
}

void run_wallet_work(AppState& s) {
    WalletState& w = s.buy.wallet;
    if (w.work.empty()) return;
    const auto action = static_cast<BuyAction>(std::stoll(w.work));
    w.work.clear();
    w.busy = false;
    platform::request_frame();
    switch (action) {
        case BuyAction::wallet_create: {
            payment::Bytes32 key = wallet::new_secret_key();
            store_key(s, key, true);
            wallet::wipe(key);
            break;
        }
        case BuyAction::wallet_import: {
            const auto bytes = hex::decode(w.import_hex, 32);
            payment::Bytes32 key{};
            if (bytes) std::copy(bytes->begin(), bytes->end(), key.begin());
            if (!bytes || !payment::xonly_pubkey_hex(key)) {
                w.errors["import_hex"] = tr(s.lang, S::import_key_invalid);
                break;
            }
            store_key(s, key, false);
            wallet::wipe(key);
            break;
        }
        case BuyAction::wallet_change_password: {
            std::optional<payment::Bytes32> key = unlock(s);
            if (!key) break;
            const bool saved = save_vault(s, *key, w.password);
            wallet::wipe(*key);
            if (!saved) break;
            w.password.clear();
            w.password2.clear();
            w.mode.clear();
            show_toast(s, tr(s.lang, S::payment_password_changed));
            break;
        }
        case BuyAction::wallet_register: {
            std::optional<payment::Bytes32> key = unlock(s);
            if (!key) break;
            register_key(s, *key);
            wallet::wipe(*key);
            break;
        }
        case BuyAction::wallet_reveal: {
            std::optional<payment::Bytes32> key = unlock(s);
            if (!key) break;
            w.backup_secret = hex::encode(key->data(), key->size());
            wallet::wipe(*key);
            break;
        }
        default: break;
    }
}

void apply_wallet_reply(AppState& s, BuyRequest kind, const platform::HttpReply& r) {
    WalletState& w = s.buy.wallet;
    const std::optional<json> j = api::ok_json(r);
    const auto wallet = [&] { return j ? api::decode<satstore::api::WalletInfo>(*j, "wallet") : std::nullopt; };
    switch (kind) {
        case BuyRequest::wallet:
            if (auto info = wallet()) {
                apply_wallet(s, std::move(*info));
                if (!w.registered_pubkey.empty()) request_ledger(s);
            } else {
                w.server_load = BuyLoad::failed;
            }
            break;
        case BuyRequest::ledger: {
            auto items = api::ok_items<LedgerEntry>(r, "ledger");
            if (!items) {
                w.ledger_load = BuyLoad::failed;
                break;
            }
            w.ledger = std::move(*items);
            w.ledger_load = BuyLoad::ok;
            break;
        }
        case BuyRequest::put_wallet:
            w.busy = false;
            if (auto info = wallet()) {
                apply_wallet(s, std::move(*info));
                request_ledger(s);
                show_toast(s, tr(s.lang, S::wallet_registered));
            } else {
                const api::Problem p = api::problem(r);
                show_toast(s, p.is(api::ProblemCode::wallet_key_taken) ? tr(s.lang, S::wallet_key_taken)
                                                                       : (r.status == 0 ? tr(s.lang, S::network_failed)
                                                                                        : tr(s.lang, S::request_failed)), true);
            }
            break;
        case BuyRequest::top_up:
            w.busy = false;
            if (j) {
                show_toast(s, tr(s.lang, S::topped_up));
                if (s.buy.payment.failure == PayFailure::insufficient_balance) {
                    s.buy.payment.error.clear();
                    s.buy.payment.failure = PayFailure::none;
                    s.buy.payment.shortfall = 0;
                }
                request_wallet(s);
            } else {
                const api::Problem p = api::problem(r);
                show_toast(s, p.detail.empty() ? tr(s.lang, S::request_failed) : p.detail, true);
            }
            break;
        default: break;
    }
}

}  // namespace satstore::client::buying
