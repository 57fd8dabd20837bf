-- satstore schema v12: the staff audit log (issue 20). Every staff action on accounts,
-- products, stock and prices is written here in the transaction that makes the change:
-- who, when, what, and the affected record before and after (JSON, NULL when none).

CREATE TABLE audit_log (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    actor_id        TEXT NOT NULL,          -- "usr_…", or "cli" for the command line
    actor_email     TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,          -- "user.invite", "product.update", "stock.adjust", …
    target          TEXT NOT NULL,          -- the record's id: "usr_…", "prd_…", "var_…"
    before_json     TEXT,
    after_json      TEXT
);
CREATE INDEX audit_log_target ON audit_log(target, seq);
