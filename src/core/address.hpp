// satstore core — shipping addresses and their validation (Chinese and international formats).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/account.hpp"

namespace satstore {

// A shipping address. Absent parts are "" (the payment's order summary relies on that).
struct Address {
    std::string name;
    std::string phone;
    std::string country;  // ISO 3166-1 alpha-2, upper case: "CN", "US", …
    std::string region;   // province / state
    std::string city;
    std::string district;  // required for CN, optional elsewhere
    std::string street;
    std::string postal_code;

    friend bool operator==(const Address&, const Address&) = default;
};

// Checks every part; returns messages keyed "<prefix><field>" (e.g. "ship_to.phone").
// Rules: name 1–50 characters; phone "+<country code> …" or, for CN, an 11-digit mobile
// number starting with 1 (spaces and dashes allowed); country one of the supported codes;
// region and city 1–50 characters; district 1–50 for CN; street 3–200; postal code
// 6 digits for CN, 5 or 5+4 digits for US, otherwise 3–10 letters, digits, spaces or dashes.
FieldErrors validate_address(const Address& address, const std::string& prefix = "ship_to.");

// Countries the store ships to.
const std::vector<std::string>& supported_countries();

// JSON: {"name","phone","country","region","city","district","street","postal_code"}.
// from_json is lenient: missing or non-string parts become "" so validate_address can report
// them per field.
void to_json(nlohmann::json& j, const Address& a);
void from_json(const nlohmann::json& j, Address& a);

// Support tickets: the phone rule of addresses on its own ("+<country code> …", or for CN an
// 11-digit mobile number starting with 1).
bool is_valid_phone(const std::string& phone, const std::string& country);

}  // namespace satstore
