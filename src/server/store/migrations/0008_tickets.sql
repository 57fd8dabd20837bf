-- satstore schema v8: support tickets — the ticket, its thread of messages, attachments (rows of
-- uploads), every status change, and the first-response SLA clock kept in the database so every
-- server process computes the same due time and breach.

INSERT INTO counters(name, value) VALUES ('ticket_number', 0);

CREATE TABLE tickets (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,  -- list order and cursor
    id                  TEXT NOT NULL UNIQUE,
    number              TEXT NOT NULL UNIQUE,               -- "T-000123"
    user_id             TEXT NOT NULL REFERENCES users(id),
    category            TEXT NOT NULL,
    queue               TEXT NOT NULL,
    status              TEXT NOT NULL,
    subject             TEXT NOT NULL,
    description         TEXT NOT NULL,                      -- never updated
    contact_email       TEXT NOT NULL DEFAULT '',
    contact_phone       TEXT NOT NULL DEFAULT '',
    order_id            TEXT REFERENCES orders(id),
    tx_ref              TEXT NOT NULL DEFAULT '',
    related_ticket_id   TEXT REFERENCES tickets(id),
    assignee_id         TEXT REFERENCES users(id),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    -- SLA clock (core/ticket.hpp ticket_sla): first response due at
    --   created_at + sla_s + paused_s + (now - pause_started_at while paused);
    -- breached when COALESCE(sla_stopped_at, now) is later than that.
    sla_s               INTEGER NOT NULL,
    paused_s            INTEGER NOT NULL DEFAULT 0,
    pause_started_at    INTEGER NOT NULL DEFAULT 0,         -- 0 = not paused
    first_response_at   INTEGER NOT NULL DEFAULT 0,
    sla_stopped_at      INTEGER NOT NULL DEFAULT 0,
    rating_score        INTEGER CHECK (rating_score BETWEEN 1 AND 5),
    rating_comment      TEXT NOT NULL DEFAULT '',
    rated_at            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tickets_user ON tickets(user_id, seq);
CREATE INDEX tickets_queue ON tickets(queue, status, seq);

CREATE TABLE ticket_messages (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    ticket_id   TEXT NOT NULL REFERENCES tickets(id),
    author      TEXT NOT NULL,          -- "customer" | "staff"
    author_id   TEXT NOT NULL REFERENCES users(id),
    author_name TEXT NOT NULL,
    body        TEXT NOT NULL,
    at          INTEGER NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages(ticket_id, seq);

-- Screenshots of the ticket itself (message_id NULL) or of a message.
CREATE TABLE ticket_attachments (
    ticket_id   TEXT NOT NULL REFERENCES tickets(id),
    message_id  TEXT REFERENCES ticket_messages(id),
    upload_id   TEXT NOT NULL REFERENCES uploads(id),
    position    INTEGER NOT NULL
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments(ticket_id);

CREATE TABLE ticket_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id   TEXT NOT NULL REFERENCES tickets(id),
    at          INTEGER NOT NULL,
    status      TEXT NOT NULL,          -- the status entered (or kept)
    actor       TEXT NOT NULL,          -- "buyer", "staff", "system"
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, seq);
