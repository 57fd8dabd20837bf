// satstore core — money in integer minor units.
//
// Amounts are never floating point. In JSON an amount is a decimal string of minor units
// ("129900" is CNY 1,299.00); `Money` pairs such an amount with its currency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace satstore {

enum class Currency { CNY, USD, BTC, USDT };

NLOHMANN_JSON_SERIALIZE_ENUM(Currency, {
    {Currency::CNY, "CNY"},
    {Currency::USD, "USD"},
    {Currency::BTC, "BTC"},
    {Currency::USDT, "USDT"},
})

// Number of decimal places of one major unit: CNY/USD 2, BTC 8 (satoshi), USDT 6.
int currency_decimals(Currency c);
// "CNY", "USD", "BTC", "USDT".
std::string_view currency_code(Currency c);
// Parses an upper-case currency code. Returns nullopt for anything else.
std::optional<Currency> parse_currency(std::string_view code);
// True for currencies catalog prices may use (CNY, USD).
bool is_fiat(Currency c);

// Largest amount accepted anywhere: 10^15 minor units. Keeps every product of a line total and a
// rate far from int64 overflow and rejects absurd input early.
inline constexpr std::int64_t kMaxAmountMinor = 1'000'000'000'000'000;

// Parses a decimal string of minor units: "0" or digits without a leading zero, at most
// kMaxAmountMinor. Returns nullopt for signs, spaces, fractions, exponents, overflow.
std::optional<std::int64_t> parse_amount_minor(std::string_view text);

// Parses an amount typed in major units ("129", "129.9", "0.0001") into minor units of a currency
// with `decimals` places, exactly (no floating point). nullopt for signs, spaces, letters, more
// decimals than the currency has, zero, or more than kMaxAmountMinor.
std::optional<std::int64_t> parse_major_amount(std::string_view text, int decimals);

// The inverse for editing: "129.00" for 12900 minor units with 2 decimals (no symbol, no grouping).
std::string major_amount_text(std::int64_t amount_minor, int decimals);

struct Money {
    std::int64_t amount_minor = 0;
    Currency currency = Currency::CNY;

    friend bool operator==(const Money&, const Money&) = default;
};

// Converts a fiat amount to a crypto amount in base units, rounding up (SPEC §3).
// `rate_minor_per_unit` is the price of one whole crypto unit (1 BTC, 1 USDT) in the fiat's
// minor units, e.g. 65000000 for ¥650,000.00 per BTC. Returns nullopt for a non-positive rate,
// a negative amount, or a result above kMaxAmountMinor.
std::optional<std::int64_t> convert_ceil(std::int64_t fiat_minor, std::int64_t rate_minor_per_unit,
                                         Currency crypto);

// "129900" for 129900 minor units: the wire form of an amount.
std::string amount_to_string(std::int64_t amount_minor);

// A decimal amount in major units as people write it ("199", "199.5", "199.00" for CNY):
// digits, optionally a '.' and at most the currency's decimals, read exactly into minor units
// (never through floating point). Returns nullopt for signs, grouping, spaces, exponents, more
// decimals than the currency has, or more than kMaxAmountMinor.
std::optional<std::int64_t> parse_decimal_amount(std::string_view text, Currency currency);
// The inverse, with all the currency's decimals and no grouping or symbol: "199.00".
std::string decimal_amount(std::int64_t amount_minor, Currency currency);

// Human display with grouping and the currency's decimals: "¥1,299.00", "$12.50",
// "0.00012345 BTC", "12.500000 USDT".
std::string format_money(const Money& m);

// JSON: {"amount": "129900", "currency": "CNY"}. from_json throws nlohmann::json::exception
// (type_error/out_of_range) or std::invalid_argument for malformed input.
void to_json(nlohmann::json& j, const Money& m);
void from_json(const nlohmann::json& j, Money& m);

}  // namespace satstore
