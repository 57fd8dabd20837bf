#include "vectors.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

namespace satstore::test {

const nlohmann::json& payment_vectors() {
    static const nlohmann::json vectors = [] {
        const char* env = std::getenv("SATSTORE_SHARED");
        const std::string path = std::string(env ? env : SATSTORE_SHARED_DIR) + "/vectors/payment-v1.json";
        std::ifstream in(path);
        if (!in) throw std::runtime_error("cannot open " + path);
        return nlohmann::json::parse(in);
    }();
    return vectors;
}

}  // namespace satstore::test
