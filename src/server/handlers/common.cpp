#include "server/handlers/common.hpp"

#include "core/money.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {

std::string query_param(const Context& ctx, const char* name) {
    auto it = ctx.request.query.find(name);
    return it == ctx.request.query.end() ? std::string() : it->second;
}

int parse_page_limit(const Context& ctx, int default_limit, int max) {
    const auto text = query_param(ctx, "limit");
    if (text.empty()) return default_limit;
    const auto n = parse_amount_minor(text);
    if (!n || *n < 1 || *n > max)
        throw validation_error({{"limit", "Limit must be a whole number from 1 to " + std::to_string(max) + "."}});
    return static_cast<int>(*n);
}

std::optional<std::int64_t> parse_cursor(const Context& ctx) {
    const auto cursor = query_param(ctx, "cursor");
    if (cursor.empty()) return std::nullopt;
    const auto seq = cursor.size() > 1 && cursor[0] == 'p' ? parse_amount_minor(cursor.substr(1)) : std::nullopt;
    if (!seq) throw validation_error({{"cursor", "Invalid cursor: use next_cursor from a previous page."}});
    return *seq;
}

}  // namespace satstore::server::handlers
