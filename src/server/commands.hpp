// satstore server — the offline commands: verify-payment, audit and create-user.
#pragma once

#include <iosfwd>

#include "server/config.hpp"
#include "server/store/store.hpp"

namespace satstore::server {

// Reads JSON lines {"pubkey","fields","sig"} and writes, per line, "valid" or
// "invalid: <reason>". Returns 0 when every line was read (whatever the verdicts).
int verify_payment_command(std::istream& in, std::ostream& out);

// Re-verifies every stored payment's signature against its verbatim authorization and checks
// the ledger invariants. Prints each violation and a summary; returns 0 only when all hold.
int audit_command(Store& store, std::ostream& out);

// `satstore catalog import FILE.csv [--dry-run]` (issue 20): imports the file all or nothing as
// the actor "cli", or only checks it. Prints every error as "row N, column C: message" and a
// summary; returns 1 when there is any error (nothing written) or the file cannot be read.
int catalog_import_command(Store& store, const Config& config, const CatalogArgs& args, std::int64_t now_unix_s,
                           std::ostream& out);
// `satstore catalog export`: the whole catalog as CSV on `out`.
int catalog_export_command(Store& store, std::ostream& out);
// Creates the staff account `args` names (issue 20: the first admin of a real shop) with the
// password read as the first line of `in`, refused when weak by the registration rule (core
// password_problem), and an audit entry (actor "cli", action user.create). Writes one line to
// `out` on success (0) or to `err` when the password is weak or the email taken (1).
int create_user_command(Store& store, const CreateUserArgs& args, std::istream& in, std::ostream& out, std::ostream& err,
                        std::int64_t now_unix_s);

}  // namespace satstore::server
