#include "core/money.hpp"

#include <algorithm>
#include <stdexcept>

namespace satstore {
namespace {
// GCC and clang (native and wasm32) both provide a 128-bit integer; products of an amount and
// a power of ten need it.
__extension__ typedef __int128 int128;
}  // namespace

int currency_decimals(Currency c) {
    switch (c) {
        case Currency::CNY:
        case Currency::USD: return 2;
        case Currency::BTC: return 8;
        case Currency::USDT: return 6;
    }
    return 0;
}

std::string_view currency_code(Currency c) {
    switch (c) {
        case Currency::CNY: return "CNY";
        case Currency::USD: return "USD";
        case Currency::BTC: return "BTC";
        case Currency::USDT: return "USDT";
    }
    return "";
}

std::optional<Currency> parse_currency(std::string_view code) {
    for (Currency c : {Currency::CNY, Currency::USD, Currency::BTC, Currency::USDT})
        if (currency_code(c) == code) return c;
    return std::nullopt;
}

bool is_fiat(Currency c) { return c == Currency::CNY || c == Currency::USD; }

std::optional<std::int64_t> parse_amount_minor(std::string_view text) {
    if (text.empty() || text.size() > 16) return std::nullopt;
    if (text.size() > 1 && text[0] == '0') return std::nullopt;
    std::int64_t v = 0;
    for (char ch : text) {
        if (ch < '0' || ch > '9') return std::nullopt;
        v = v * 10 + (ch - '0');
    }
    if (v > kMaxAmountMinor) return std::nullopt;
    return v;
}

std::optional<std::int64_t> parse_major_amount(std::string_view text, int decimals) {
    std::string digits;
    int fraction = -1;  // digits after the point, -1 before it
    for (char c : text) {
        if (c == '.' && fraction < 0) {
            fraction = 0;
        } else if (c >= '0' && c <= '9') {
            digits += c;
            if (fraction >= 0 && ++fraction > decimals) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty() || digits.size() > 17) return std::nullopt;
    for (int i = std::max(fraction, 0); i < decimals; ++i) digits += '0';
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
    const auto v = parse_amount_minor(digits.empty() ? "0" : digits);
    if (!v || *v <= 0) return std::nullopt;
    return v;
}

std::string major_amount_text(std::int64_t amount_minor, int decimals) {
    std::string digits = std::to_string(amount_minor < 0 ? -amount_minor : amount_minor);
    if (decimals <= 0) return (amount_minor < 0 ? "-" : "") + digits;
    const std::size_t d = static_cast<std::size_t>(decimals);
    if (digits.size() <= d) digits.insert(0, d + 1 - digits.size(), '0');
    digits.insert(digits.size() - d, ".");
    return (amount_minor < 0 ? "-" : "") + digits;
}

std::optional<std::int64_t> convert_ceil(std::int64_t fiat_minor, std::int64_t rate_minor_per_unit,
                                         Currency crypto) {
    if (rate_minor_per_unit <= 0 || fiat_minor < 0) return std::nullopt;
    int128 scaled = fiat_minor;
    for (int i = 0; i < currency_decimals(crypto); ++i) scaled *= 10;
    const int128 result = (scaled + rate_minor_per_unit - 1) / rate_minor_per_unit;
    if (result > kMaxAmountMinor) return std::nullopt;
    return static_cast<std::int64_t>(result);
}

std::string amount_to_string(std::int64_t amount_minor) { return std::to_string(amount_minor); }

std::optional<std::int64_t> parse_decimal_amount(std::string_view text, Currency currency) {
    const int decimals = currency_decimals(currency);
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 16 || static_cast<int>(frac.size()) > decimals) return std::nullopt;
    if (dot != std::string_view::npos && frac.empty()) return std::nullopt;  // "199."
    std::int64_t v = 0;
    for (char ch : whole) {
        if (ch < '0' || ch > '9') return std::nullopt;
        v = v * 10 + (ch - '0');
    }
    for (int i = 0; i < decimals; ++i) {
        const char ch = i < static_cast<int>(frac.size()) ? frac[i] : '0';
        if (ch < '0' || ch > '9') return std::nullopt;
        if (v > kMaxAmountMinor / 10) return std::nullopt;
        v = v * 10 + (ch - '0');
    }
    if (v > kMaxAmountMinor) return std::nullopt;
    return v;
}

std::string decimal_amount(std::int64_t amount_minor, Currency currency) {
    const int decimals = currency_decimals(currency);
    const bool negative = amount_minor < 0;
    std::string digits = std::to_string(negative ? -amount_minor : amount_minor);
    if (static_cast<int>(digits.size()) <= decimals) digits = std::string(decimals + 1 - digits.size(), '0') + digits;
    if (decimals > 0) digits.insert(digits.size() - decimals, ".");
    return (negative ? "-" : "") + digits;
}

namespace {
std::string group_thousands(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}
}  // namespace

std::string format_money(const Money& m) {
    const int decimals = currency_decimals(m.currency);
    const bool negative = m.amount_minor < 0;
    std::string digits = std::to_string(negative ? -m.amount_minor : m.amount_minor);
    if (static_cast<int>(digits.size()) <= decimals)
        digits = std::string(decimals + 1 - digits.size(), '0') + digits;
    std::string whole = digits.substr(0, digits.size() - decimals);
    std::string frac = digits.substr(digits.size() - decimals);
    std::string number = group_thousands(whole) + (decimals ? "." + frac : "");
    std::string sign = negative ? "-" : "";
    switch (m.currency) {
        case Currency::CNY: return sign + "\xC2\xA5" + number;  // ¥
        case Currency::USD: return sign + "$" + number;
        case Currency::BTC:
        case Currency::USDT: return sign + number + " " + std::string(currency_code(m.currency));
    }
    return number;
}

void to_json(nlohmann::json& j, const Money& m) {
    j = nlohmann::json{{"amount", amount_to_string(m.amount_minor)}, {"currency", m.currency}};
}

void from_json(const nlohmann::json& j, Money& m) {
    auto amount = parse_amount_minor(j.at("amount").get_ref<const std::string&>());
    if (!amount) throw std::invalid_argument("malformed amount");
    auto currency = parse_currency(j.at("currency").get_ref<const std::string&>());
    if (!currency) throw std::invalid_argument("unknown currency");
    m.amount_minor = *amount;
    m.currency = *currency;
}

}  // namespace satstore
