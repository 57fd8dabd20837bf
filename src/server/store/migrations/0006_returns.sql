-- satstore schema v6: uploads (evidence photos, screenshots) and returns (RMA).

CREATE TABLE uploads (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    mime        TEXT NOT NULL,        -- sniffed from the bytes, never taken from the client
    size        INTEGER NOT NULL,
    data        BLOB NOT NULL,        -- in the database, so every server process can serve it
    created_at  INTEGER NOT NULL
);
CREATE INDEX uploads_user ON uploads(user_id);

INSERT INTO counters(name, value) VALUES ('rma_number', 1000);

CREATE TABLE returns (
    id              TEXT PRIMARY KEY,
    number          TEXT NOT NULL DEFAULT '',   -- RMA number once approved
    order_id        TEXT NOT NULL REFERENCES orders(id),
    status          TEXT NOT NULL,
    lines_json      TEXT NOT NULL,
    reason          TEXT NOT NULL,
    evidence_json   TEXT NOT NULL DEFAULT '[]',
    carrier         TEXT NOT NULL DEFAULT '',
    tracking_number TEXT NOT NULL DEFAULT '',
    decision_note   TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX returns_order ON returns(order_id);
CREATE INDEX returns_status ON returns(status, created_at);
