-- satstore schema v2: coupons, points, orders with lines, quotes and timelines, saved
-- addresses, idempotency keys, counters for human-readable numbers.

CREATE TABLE counters (
    name    TEXT PRIMARY KEY,
    value   INTEGER NOT NULL
);
INSERT INTO counters(name, value) VALUES ('order_number', 1000);

ALTER TABLE users ADD COLUMN points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0);

CREATE TABLE coupons (
    code            TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('fixed', 'percent')),
    value           INTEGER NOT NULL CHECK (value > 0),
    min_subtotal    INTEGER NOT NULL DEFAULT 0,
    expires_at      INTEGER NOT NULL DEFAULT 0,  -- 0 = never
    active          INTEGER NOT NULL DEFAULT 1
);

-- One use per user; the row is deleted when the order is cancelled (coupon restored).
CREATE TABLE coupon_redemptions (
    code        TEXT NOT NULL REFERENCES coupons(code),
    user_id     TEXT NOT NULL REFERENCES users(id),
    order_id    TEXT NOT NULL UNIQUE,
    PRIMARY KEY (code, user_id)
);

CREATE TABLE orders (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    number          TEXT NOT NULL UNIQUE,
    user_id         TEXT NOT NULL REFERENCES users(id),
    store           TEXT NOT NULL,
    status          TEXT NOT NULL,
    payment_status  TEXT NOT NULL,
    fiat            TEXT NOT NULL,
    lang            TEXT NOT NULL,
    subtotal        INTEGER NOT NULL,
    shipping        INTEGER NOT NULL,
    coupon_discount INTEGER NOT NULL,
    points_used     INTEGER NOT NULL,
    discount        INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    coupon          TEXT NOT NULL DEFAULT '',
    pay_currency    TEXT NOT NULL,
    ship_to_json    TEXT NOT NULL,
    quote_id        TEXT,
    created_at      INTEGER NOT NULL,
    pay_by          INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX orders_user ON orders(user_id, seq);
CREATE INDEX orders_unpaid ON orders(status, pay_by);

CREATE TABLE order_lines (
    id          TEXT PRIMARY KEY,
    order_id    TEXT NOT NULL REFERENCES orders(id),
    position    INTEGER NOT NULL,
    product_id  TEXT NOT NULL,
    sku         TEXT NOT NULL,
    title       TEXT NOT NULL,
    qty         INTEGER NOT NULL CHECK (qty > 0),
    unit_price  INTEGER NOT NULL,
    line_total  INTEGER NOT NULL
);
CREATE INDEX order_lines_order ON order_lines(order_id, position);

CREATE TABLE quotes (
    id          TEXT PRIMARY KEY,
    order_id    TEXT NOT NULL REFERENCES orders(id),
    currency    TEXT NOT NULL,
    amount      INTEGER NOT NULL,
    rate        INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX quotes_order ON quotes(order_id);

CREATE TABLE order_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id    TEXT NOT NULL REFERENCES orders(id),
    at          INTEGER NOT NULL,
    status      TEXT NOT NULL,
    actor       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order ON order_events(order_id, seq);

CREATE TABLE addresses (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    address_json TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX addresses_user ON addresses(user_id, created_at);

-- A replayed request with the same key and body gets the stored response.
CREATE TABLE idempotency_keys (
    user_id         TEXT NOT NULL,
    scope           TEXT NOT NULL,   -- e.g. "POST /orders"
    key             TEXT NOT NULL,
    request_hash    TEXT NOT NULL,   -- SHA-256 of the canonical (JCS) request body
    status          INTEGER NOT NULL,
    response        TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (user_id, scope, key)
);
