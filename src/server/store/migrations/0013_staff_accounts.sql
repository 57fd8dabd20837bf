-- satstore schema v13: staff accounts (issue 20). An administrator invites staff by email: the
-- account exists at once with an empty password_hash (it cannot log in) and a one-time
-- invitation link whose token is stored hashed, like a password reset; accepting it sets the
-- password. A disabled account cannot log in and has no sessions.

ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

CREATE TABLE invitations (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    invited_by  TEXT NOT NULL,          -- "usr_…" of the administrator
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);
CREATE INDEX invitations_user ON invitations(user_id);
