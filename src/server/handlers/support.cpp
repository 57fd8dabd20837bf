// Help center and contact channels (SPEC §1 Support): GET /support/channels from the
// configuration, GET /support/faq from assets/support/faq.json (read once at start).
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/api/bodies.hpp"
#include "core/help_center.hpp"
#include "server/handlers/common.hpp"
#include "server/handlers/handlers.hpp"
#include "server/http/problem.hpp"

namespace satstore::server::handlers {
namespace {

constexpr std::size_t kMaxQueryBytes = 200;

}  // namespace

std::vector<FaqEntry> load_faq_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the help center file " + path);
    std::stringstream text;
    text << in.rdbuf();
    const auto document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded()) throw std::runtime_error(path + " is not valid JSON");
    try {
        return parse_faq(document);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

Response support_channels(Context& ctx) {
    const Config& c = ctx.config;
    return json_response(200, api::SupportChannels{true, c.ticket_first_response_s, c.support_email, c.support_phone,
                                                   c.support_hours, c.support_hours_zh});
}

Response support_faq(Context& ctx) {
    const auto q = query_param(ctx, "q");
    if (q.size() > kMaxQueryBytes) throw validation_error({{"q", "At most 200 bytes."}});
    return json_response(200, {{"items", search_faq(ctx.config.faq, q)}});
}

}  // namespace satstore::server::handlers
