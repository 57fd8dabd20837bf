-- satstore schema v1: catalog and accounts.
-- Amounts are integers in minor units; times are unix seconds (UTC).

CREATE TABLE categories (
    slug        TEXT PRIMARY KEY,
    title_en    TEXT NOT NULL,
    title_zh    TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE products (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,  -- list order and cursor
    id              TEXT NOT NULL UNIQUE,
    sku             TEXT NOT NULL UNIQUE,
    category        TEXT NOT NULL REFERENCES categories(slug),
    title_en        TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    title_zh        TEXT NOT NULL,
    description_zh  TEXT NOT NULL,
    price_minor     INTEGER NOT NULL CHECK (price_minor >= 0),
    price_currency  TEXT NOT NULL,
    stock           INTEGER NOT NULL CHECK (stock >= 0),
    images_json     TEXT NOT NULL DEFAULT '[]',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX products_category ON products(category, seq);

CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL DEFAULT '',
    password_hash   TEXT NOT NULL,
    roles           TEXT NOT NULL DEFAULT 'buyer',  -- comma-separated Role names
    twofa_enabled   INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
);

-- Bearer tokens are stored as SHA-256 hashes: a database leak does not leak sessions.
CREATE TABLE sessions (
    token_hash      TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    ip              TEXT NOT NULL DEFAULT '',
    user_agent      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         TEXT REFERENCES users(id) ON DELETE CASCADE,
    at              INTEGER NOT NULL,
    ip              TEXT NOT NULL,
    user_agent      TEXT NOT NULL,
    success         INTEGER NOT NULL,
    reason          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX login_events_user ON login_events(user_id, seq);
