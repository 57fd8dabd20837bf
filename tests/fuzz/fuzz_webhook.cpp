// libFuzzer target: the carrier webhook verifier. The input is split into the timestamp header,
// the signature header and the body at the first two newlines.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/webhook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    auto take_line = [&rest]() {
        const std::size_t nl = rest.find('\n');
        const std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        return line;
    };
    const std::string_view timestamp = take_line();
    const std::string_view signature = take_line();
    (void)satstore::webhook::verify("demo-secret-sf-express", timestamp, signature, rest, 1'800'000'000, 300);
    return 0;
}
