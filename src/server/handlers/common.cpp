#include "server/handlers/common.hpp"

#include <sodium.h>

#include "core/hex.hpp"
#include "core/jcs.hpp"
#include "core/money.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {

namespace {
constexpr std::size_t kMaxIdempotencyKeyBytes = 100;
}  // namespace

std::string idempotency_key(const Context& ctx, bool required) {
    const std::string key(ctx.request.header("idempotency-key"));
    if (key.empty() && !required) return key;
    bool printable = !key.empty() && key.size() <= kMaxIdempotencyKeyBytes;
    for (char c : key) printable = printable && c > 0x20 && c < 0x7F;
    if (printable) return key;
    if (required)
        throw ApiError(422, ProblemCode::idempotency_key_required, "Idempotency-Key header required",
                       "Send a unique Idempotency-Key header (1–100 visible ASCII characters) with each new order.",
                       {{"Idempotency-Key", "Required: 1–100 visible ASCII characters."}});
    throw ApiError(422, ProblemCode::validation_failed, "Invalid Idempotency-Key", "Idempotency-Key must be 1–100 visible ASCII characters.",
                   {{"Idempotency-Key", "1–100 visible ASCII characters."}});
}

std::string request_hash(const nlohmann::json& body) {
    const std::string canonical = jcs::canonicalize(body).value_or(body.dump());
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
    return hex::encode(digest, sizeof digest);
}

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
