#include "vectors.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>

#include "core/hex.hpp"

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

payment::Bytes32 bytes32(const nlohmann::json& hex_value) {
    auto bytes = hex::decode(hex_value.get<std::string>(), 32);
    REQUIRE(bytes.has_value());
    payment::Bytes32 out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

Order order_of_summary(const nlohmann::json& summary) {
    Order o;
    o.store = summary.at("store");
    o.id = summary.at("order");
    o.fiat = summary.at("currency").get<Currency>();
    for (const auto& l : summary.at("lines"))
        o.lines.push_back({"ln", "prd", l.at("sku"), l.at("title"), l.at("qty"),
                           *parse_amount_minor(l.at("unit_price").get<std::string>()),
                           *parse_amount_minor(l.at("line_total").get<std::string>())});
    o.totals.subtotal_minor = *parse_amount_minor(summary.at("subtotal").get<std::string>());
    o.totals.shipping_minor = *parse_amount_minor(summary.at("shipping").get<std::string>());
    o.totals.discount_minor = *parse_amount_minor(summary.at("discount").get<std::string>());
    o.totals.total_minor = *parse_amount_minor(summary.at("total").get<std::string>());
    o.ship_to = summary.at("ship_to").get<Address>();
    return o;
}

}  // namespace satstore::test
