// Catalog CSV import and export (issue 20, merchant or admin). The format is core's
// (core/catalog_csv.hpp); server/catalog_csv.hpp runs the import, all or nothing.
//
//   POST /api/v1/staff/catalog/import[?dry_run=1]   body: the file, Content-Type: text/csv
//     200 {"created": N, "updated": N, "dry_run": bool, "errors": [{"row", "column", "message"}]}
//         a dry run writes nothing and lists every error; a real import answers 200 only when
//         written (errors then empty)
//     422 import_invalid: a real import with errors, nothing written; `errors` is the same list
//     413 past kMaxCsvBytes (the route's limit), 415 for another Content-Type
//   GET /api/v1/staff/catalog/export → text/csv; charset=utf-8, as an attachment "catalog.csv"
#include "server/catalog_csv.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {

Response staff_import_catalog(Context& ctx) {
    const std::string& body = ctx.csv_body();
    const std::string dry = query_param(ctx, "dry_run");
    if (!dry.empty() && dry != "0" && dry != "1" && dry != "true" && dry != "false")
        throw validation_error({{"dry_run", "1 (check only) or 0."}});
    const bool dry_run = dry == "1" || dry == "true";
    const User& user = ctx.current_user();
    CatalogImportReport report = import_catalog_csv(ctx.store, body, ctx.config.fiat, {user.id, user.email}, ctx.now_unix_s, dry_run);
    if (!dry_run && !report.errors.empty()) {
        const std::size_t n = report.errors.size();
        ApiError e(422, ProblemCode::import_invalid, "The file has errors; nothing was imported.",
                   std::to_string(n) + (n == 1 ? " error" : " errors") + " in the file: correct the rows listed in errors and try again.");
        e.row_errors = std::move(report.errors);
        throw e;
    }
    return json_response(200, nlohmann::json{{"created", report.created}, {"updated", report.updated},
                                             {"dry_run", dry_run}, {"errors", report.errors}});
}

Response staff_export_catalog(Context& ctx) {
    Response r;
    r.header("Content-Type", "text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"catalog.csv\"");
    r.body = export_catalog_csv(ctx.store);
    return r;
}

}  // namespace satstore::server::handlers
