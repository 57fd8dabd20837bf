-- satstore schema v5: account security — lockout, TOTP two-factor with recovery codes,
-- password resets, the mail outbox and rate-limit counters. All in the database so that
-- several server processes agree.

ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';          -- base32, when enabled
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT NOT NULL DEFAULT '';  -- during enrolment
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;     -- a code is used once

CREATE TABLE recovery_codes (
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash   TEXT NOT NULL,
    used_at     INTEGER,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE password_resets (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);

CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    to_addr     TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

-- Fixed-window counters: key like "login:ip:127.0.0.1", window = start of the minute.
CREATE TABLE rate_limits (
    key         TEXT NOT NULL,
    "window"    INTEGER NOT NULL,  -- quoted: a reserved word in PostgreSQL
    count       INTEGER NOT NULL,
    PRIMARY KEY (key, "window")
);
