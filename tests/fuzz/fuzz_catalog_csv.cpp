// libFuzzer target: a catalog CSV import file (issue 20) — the RFC 4180 reader, the header and
// the mapping of rows to products. Also checks that the writer and the reader are inverses.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/catalog_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto read = satstore::read_csv(text, satstore::kMaxCsvRows);
    std::string written;
    for (const auto& record : read.records) satstore::append_csv_record(written, record);
    const auto again = satstore::read_csv(written, satstore::kMaxCsvRows);
    // A record of one empty field is written as an empty line, which reads back as the same.
    if (again.error || again.records != read.records) std::abort();
    const auto csv = satstore::parse_catalog_csv(text);
    (void)satstore::plan_catalog_import(csv, {}, satstore::Currency::CNY);
    return 0;
}
