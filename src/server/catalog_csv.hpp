// satstore server — the catalog CSV import and export as the API (handlers/staff_catalog_csv.cpp)
// and the command line (`satstore catalog import|export`, commands.cpp) run them: core reads the
// file and maps its rows (core/catalog_csv.hpp), the store checks and writes in one transaction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog_csv.hpp"
#include "server/store/store.hpp"

namespace satstore::server {

struct CatalogImportReport {
    std::size_t created = 0;  // products the file creates
    std::size_t updated = 0;  // existing products the file names
    std::vector<CsvError> errors;  // every row's, sorted by row; empty when it was (or would be) written
    bool written = false;
};

// Reads `csv_text`, plans the import against the stored products it names and lets the store
// check it; writes it only when nothing is wrong and `dry_run` is false. Prices are in `fiat`.
CatalogImportReport import_catalog_csv(Store& store, std::string_view csv_text, Currency fiat, const AuditActor& actor,
                                       std::int64_t now_unix_s, bool dry_run);

// Every product, whatever its status, oldest first, as export_catalog_csv writes them.
std::string export_catalog_csv(Store& store);

}  // namespace satstore::server
