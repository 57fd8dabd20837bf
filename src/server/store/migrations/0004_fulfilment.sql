-- satstore schema v4: shipments with carrier tracking events, refunds.

CREATE TABLE shipments (
    id              TEXT PRIMARY KEY,
    order_id        TEXT NOT NULL REFERENCES orders(id),
    carrier         TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    status          TEXT NOT NULL,      -- normalised tracking status of the newest event
    created_at      INTEGER NOT NULL,
    UNIQUE (carrier, tracking_number)
);
CREATE INDEX shipments_order ON shipments(order_id);

CREATE TABLE shipment_events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    shipment_id     TEXT NOT NULL REFERENCES shipments(id),
    at              INTEGER NOT NULL,
    status          TEXT NOT NULL,
    location        TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    UNIQUE (shipment_id, at, status, location)  -- a webhook delivering an event twice records it once
);

CREATE TABLE refunds (
    id              TEXT PRIMARY KEY,
    order_id        TEXT NOT NULL REFERENCES orders(id),
    payment_id      TEXT NOT NULL REFERENCES payments(id),
    payer           TEXT NOT NULL,      -- refunds always go back to the wallet that paid
    currency        TEXT NOT NULL,
    amount          INTEGER NOT NULL CHECK (amount > 0),
    status          TEXT NOT NULL,      -- pending → succeeded
    reason          TEXT NOT NULL DEFAULT '',
    lines_json      TEXT NOT NULL DEFAULT '[]',
    actor           TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    succeeded_at    INTEGER
);
CREATE INDEX refunds_order ON refunds(order_id);

ALTER TABLE orders ADD COLUMN delivered_at INTEGER;
CREATE INDEX orders_delivered ON orders(status, delivered_at);
