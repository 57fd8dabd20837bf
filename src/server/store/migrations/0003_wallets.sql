-- satstore schema v3: wallets, the double-entry ledger and payments (PAYMENT.md).
--
-- Every movement of money is one ledger transaction of two entries that sum to zero, so the
-- sum of all entries per currency is always zero. Wallet and merchant balances can never go
-- negative (CHECK); only the demo faucet account, the source of demo money, can.

CREATE TABLE wallets (
    user_id     TEXT PRIMARY KEY REFERENCES users(id),
    pubkey      TEXT NOT NULL UNIQUE,   -- x-only public key, lowercase hex
    proof       TEXT NOT NULL,          -- BIP-340 signature over the wallet-bind message
    created_at  INTEGER NOT NULL
);

CREATE TABLE ledger_accounts (
    id          TEXT PRIMARY KEY,       -- "wallet:<pubkey>:<CUR>", "merchant:<CUR>", "faucet:<CUR>"
    kind        TEXT NOT NULL CHECK (kind IN ('wallet', 'merchant', 'faucet')),
    currency    TEXT NOT NULL,
    balance     INTEGER NOT NULL DEFAULT 0,
    CHECK (kind = 'faucet' OR balance >= 0)
);

CREATE TABLE ledger_entries (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    txn_id      TEXT NOT NULL,          -- the two entries of one movement share it
    account_id  TEXT NOT NULL REFERENCES ledger_accounts(id),
    currency    TEXT NOT NULL,
    amount      INTEGER NOT NULL,       -- signed, base units
    kind        TEXT NOT NULL,          -- 'topup', 'payment', 'refund'
    ref         TEXT NOT NULL DEFAULT '', -- payment id, refund id, …
    at          INTEGER NOT NULL
);
CREATE INDEX ledger_entries_account ON ledger_entries(account_id, seq);
CREATE INDEX ledger_entries_txn ON ledger_entries(txn_id);

CREATE TABLE payments (
    id                  TEXT PRIMARY KEY,
    order_id            TEXT NOT NULL UNIQUE REFERENCES orders(id),  -- exactly one payment per order
    user_id             TEXT NOT NULL REFERENCES users(id),
    payer               TEXT NOT NULL,
    currency            TEXT NOT NULL,
    amount              INTEGER NOT NULL,
    authorization_json  TEXT NOT NULL,  -- the fields as received, verbatim
    sig                 TEXT NOT NULL,
    created_at          INTEGER NOT NULL
);

-- A nonce is spent once per payer, whatever happened to the payment it was used in.
CREATE TABLE payment_nonces (
    payer       TEXT NOT NULL,
    nonce       TEXT NOT NULL,
    payment_id  TEXT NOT NULL,
    PRIMARY KEY (payer, nonce)
);
