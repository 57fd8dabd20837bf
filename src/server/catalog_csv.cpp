#include "server/catalog_csv.hpp"

#include <algorithm>

#include "server/auth/secrets.hpp"

namespace satstore::server {

CatalogImportReport import_catalog_csv(Store& store, std::string_view csv_text, Currency fiat, const AuditActor& actor,
                                       std::int64_t now, bool dry_run) {
    const CatalogCsv csv = parse_catalog_csv(csv_text);
    std::map<std::string, Product, std::less<>> existing;
    for (Product& p : store.products_with_ids(csv_product_ids(csv))) existing.emplace(p.id, std::move(p));
    CatalogImportPlan plan = plan_catalog_import(csv, existing, fiat);

    CatalogImport import{std::move(plan.creates), std::move(plan.updates), std::move(plan.stock_sets)};
    for (Product& p : import.creates) p.id = secrets::new_id("prd");
    for (auto* list : {&import.creates, &import.updates})
        for (Product& p : *list)
            for (Variant& v : p.variants)
                if (v.id.empty()) v.id = secrets::new_id("var");

    CatalogImportReport report{import.creates.size(), import.updates.size(), std::move(plan.errors), false};
    // With errors in the file the store still checks (and writes nothing), so that one answer
    // lists what the database refuses too.
    const bool write = !dry_run && report.errors.empty();
    const CatalogImportResult stored = store.import_catalog(import, actor, now, !write);
    for (const auto& [index, errors] : stored.errors)
        for (CsvError& e : csv_errors_for(plan, index, errors)) report.errors.push_back(std::move(e));
    sort_csv_errors(report.errors);
    report.written = stored.written;
    return report;
}

std::string export_catalog_csv(Store& store) {
    std::vector<Product> all;
    ProductQuery q;
    q.limit = 500;
    for (;;) {
        ProductPage page = store.products(q);
        std::move(page.items.begin(), page.items.end(), std::back_inserter(all));
        if (!page.next_seq) break;
        q.after_seq = page.next_seq;
    }
    std::reverse(all.begin(), all.end());  // the store lists newest first
    return satstore::export_catalog_csv(all);
}

}  // namespace satstore::server
