-- satstore schema v10: ledger entries by reference. A refund debits the merchant account its
-- payment credited (the merchant's takings are spread over several accounts, sql/wallets.cpp),
-- found from the payment's ledger entry.
CREATE INDEX ledger_entries_ref ON ledger_entries(ref);
