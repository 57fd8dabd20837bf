// libFuzzer target: the wallet-secret scanner over arbitrary (often invalid) UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/secret_scan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)satstore::find_secret(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
