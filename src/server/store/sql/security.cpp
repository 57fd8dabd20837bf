// SQL backend: lockout, rate limits, two-factor, password resets and the mail outbox.
#include "server/store/sql/sql_store.hpp"

namespace satstore::server::sql {

std::int64_t SqlStore::record_failed_login(const std::string& email_hash, std::int64_t now, int lock_after,
                                           std::int64_t lock_s) {
    auto lease = pool_.take();
    Db& db = *lease;
    std::int64_t until = 0, failures = 0;
    {  // scoped: the statement is finished before the next one runs
        Stmt s(db,
               "INSERT INTO login_lockouts(email_hash, failures, locked_until, updated_at) "
               "VALUES (?3, CASE WHEN 1 >= ?1 THEN 0 ELSE 1 END, CASE WHEN 1 >= ?1 THEN ?2 ELSE 0 END, ?4) "
               "ON CONFLICT(email_hash) DO UPDATE SET "
               "locked_until = CASE WHEN login_lockouts.failures + 1 >= ?1 THEN ?2 ELSE login_lockouts.locked_until END, "
               "failures = CASE WHEN login_lockouts.failures + 1 >= ?1 THEN 0 ELSE login_lockouts.failures + 1 END, "
               "updated_at = ?4 RETURNING locked_until, failures");
        s.bind(1, std::int64_t{lock_after}).bind(2, now + lock_s).bind(3, email_hash).bind(4, now);
        if (s.step()) {
            until = s.integer(0);
            failures = s.integer(1);
        }
    }
    if (failures == 1) {
        // A new run of failures: forget addresses last tried over a day ago and no longer locked.
        Stmt old(db, "DELETE FROM login_lockouts WHERE updated_at < ? AND locked_until < ?");
        old.bind(1, now - 86400).bind(2, now).step();
    }
    return until > now ? until : 0;
}

void SqlStore::reset_failed_logins(const std::string& email_hash) {
    auto lease = pool_.take();
    Stmt s(*lease, "DELETE FROM login_lockouts WHERE email_hash = ?");
    s.bind(1, email_hash).step();
}

std::int64_t SqlStore::locked_until(const std::string& email_hash) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT locked_until FROM login_lockouts WHERE email_hash = ?");
    s.bind(1, email_hash);
    return s.step() ? s.integer(0) : 0;
}

int SqlStore::count_rate(const std::string& key, std::int64_t window) {
    auto lease = pool_.take();
    Db& db = *lease;
    Stmt s(db, "INSERT INTO rate_limits(key, \"window\", count) VALUES (?, ?, 1) "
               "ON CONFLICT(key, \"window\") DO UPDATE SET count = rate_limits.count + 1 RETURNING count");
    s.bind(1, key).bind(2, window);
    const int count = s.step() ? static_cast<int>(s.integer(0)) : 1;
    if (count == 1) {  // first hit of a window: forget windows that ended long ago
        Stmt old(db, "DELETE FROM rate_limits WHERE \"window\" < ?");
        old.bind(1, window - 3600).step();
    }
    return count;
}

std::vector<LoginEvent> SqlStore::login_events(std::string_view user_id, int limit) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT at, ip, user_agent, success, reason FROM login_events WHERE user_id = ? ORDER BY seq DESC LIMIT ?");
    s.bind(1, user_id).bind(2, std::int64_t{limit});
    std::vector<LoginEvent> out;
    while (s.step()) out.push_back({std::string(user_id), s.integer(0), s.text(1), s.text(2), s.integer(3) != 0, s.text(4)});
    return out;
}

void SqlStore::set_password_hash(std::string_view user_id, const std::string& hash) {
    auto lease = pool_.take();
    Stmt s(*lease, "UPDATE users SET password_hash = ? WHERE id = ?");
    s.bind(1, hash).bind(2, user_id).step();
}

void SqlStore::delete_sessions(std::string_view user_id, std::string_view keep) {
    auto lease = pool_.take();
    Stmt s(*lease, "DELETE FROM sessions WHERE user_id = ? AND token_hash != ?");
    s.bind(1, user_id).bind(2, keep).step();
}

void SqlStore::set_totp_pending(std::string_view user_id, const std::string& secret) {
    auto lease = pool_.take();
    Stmt s(*lease, "UPDATE users SET totp_pending_secret = ? WHERE id = ?");
    s.bind(1, secret).bind(2, user_id).step();
}

void SqlStore::enable_totp(std::string_view user_id, const std::string& secret, const std::vector<std::string>& hashes) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Stmt on(db, "UPDATE users SET totp_secret = ?, totp_pending_secret = '', twofa_enabled = 1 WHERE id = ?");
    on.bind(1, secret).bind(2, user_id).step();
    Stmt clear(db, "DELETE FROM recovery_codes WHERE user_id = ?");
    clear.bind(1, user_id).step();
    for (const auto& h : hashes) {
        Stmt add(db, "INSERT INTO recovery_codes(user_id, code_hash) VALUES (?, ?)");
        add.bind(1, user_id).bind(2, h).step();
    }
    tx.commit();
}

void SqlStore::disable_totp(std::string_view user_id) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Stmt off(db, "UPDATE users SET totp_secret = '', totp_pending_secret = '', twofa_enabled = 0 WHERE id = ?");
    off.bind(1, user_id).step();
    Stmt clear(db, "DELETE FROM recovery_codes WHERE user_id = ?");
    clear.bind(1, user_id).step();
    tx.commit();
}

bool SqlStore::use_totp_step(std::string_view user_id, std::int64_t step) {
    auto lease = pool_.take();
    Stmt s(*lease, "UPDATE users SET totp_last_step = ?1 WHERE id = ?2 AND totp_last_step < ?1");
    s.bind(1, step).bind(2, user_id).step();
    return (*lease).changes() == 1;
}

bool SqlStore::use_recovery_code(std::string_view user_id, const std::string& code_hash, std::int64_t now) {
    auto lease = pool_.take();
    Stmt s(*lease, "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL");
    s.bind(1, now).bind(2, user_id).bind(3, code_hash).step();
    return (*lease).changes() == 1;
}

void SqlStore::create_password_reset(const std::string& token_hash, std::string_view user_id, std::int64_t now,
                                        std::int64_t expires_at) {
    auto lease = pool_.take();
    Db& db = *lease;
    Transaction tx(db);
    Stmt spend(db, "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL");
    spend.bind(1, now).bind(2, user_id).step();
    Stmt s(db, "INSERT INTO password_resets(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)");
    s.bind(1, token_hash).bind(2, user_id).bind(3, now).bind(4, expires_at).step();
    tx.commit();
}

std::optional<std::string> SqlStore::consume_password_reset(const std::string& token_hash, std::int64_t now) {
    auto lease = pool_.take();
    Stmt s(*lease, "UPDATE password_resets SET used_at = ?1 WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1 "
                   "RETURNING user_id");
    s.bind(1, now).bind(2, token_hash);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

void SqlStore::send_mail(const Mail& m) {
    auto lease = pool_.take();
    Stmt s(*lease, "INSERT INTO outbox(to_addr, subject, body, created_at) VALUES (?, ?, ?, ?)");
    s.bind(1, m.to).bind(2, m.subject).bind(3, m.body).bind(4, m.created_at_unix_s).step();
}

std::vector<Mail> SqlStore::outbox(int limit) {
    auto lease = pool_.take();
    Stmt s(*lease, "SELECT seq, to_addr, subject, body, created_at FROM outbox ORDER BY seq DESC LIMIT ?");
    s.bind(1, std::int64_t{limit});
    std::vector<Mail> out;
    while (s.step()) out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.integer(4)});
    return out;
}

}  // namespace satstore::server::sql
