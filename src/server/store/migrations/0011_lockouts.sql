-- satstore schema v11: lockout by email address, for every address tried — registered or not —
-- so that an unknown address locks, answers and takes as long as a known one (issue 17, F4).
-- Failed password changes and two-factor removals count here too (F5). The key is the hex
-- SHA-256 of the normalized email: addresses someone merely typed are not stored.

CREATE TABLE login_lockouts (
    email_hash      TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL DEFAULT 0,   -- in a row; restarts at the lock
    locked_until    INTEGER NOT NULL DEFAULT 0,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX login_lockouts_updated ON login_lockouts(updated_at);

ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
