// satstore server — the offline commands: verify-payment and audit.
#pragma once

#include <iosfwd>

#include "server/store/store.hpp"

namespace satstore::server {

// Reads JSON lines {"pubkey","fields","sig"} and writes, per line, "valid" or
// "invalid: <reason>". Returns 0 when every line was read (whatever the verdicts).
int verify_payment_command(std::istream& in, std::ostream& out);

// Re-verifies every stored payment's signature against its verbatim authorization and checks
// the ledger invariants. Prints each violation and a summary; returns 0 only when all hold.
int audit_command(Store& store, std::ostream& out);

}  // namespace satstore::server
