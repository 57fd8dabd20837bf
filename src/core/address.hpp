// satstore core — shipping addresses and their validation (Chinese and international formats).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/account.hpp"
#include "core/catalog.hpp"

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

// How an address reads. Chinese order runs from the largest part to the smallest (省, 市, 区,
// then the street) with no separators between Chinese parts; Western order runs from the street
// to the region, separated by ", ".
enum class AddressOrder { chinese, western };

// The order a reader of `lang` expects for an address in `country`: Chinese for CN in every
// language, and for HK, MO and TW when the reader reads Chinese; Western otherwise.
AddressOrder address_order(const std::string& country, Lang lang);

// An address as it is shown and printed, one string per line.
struct AddressText {
    std::string recipient;  // "张伟  13800138000"
    std::string place;      // "上海市浦东新区世纪大道100号3号楼1201室" / "1 Main St, Springfield, IL"
    std::string country;    // `country_name` then the postal code: "中国 200120"
};

// Formats `a` in `order`. The city is left out when it repeats the region (上海市 上海市); a
// part that is empty or only spaces is left out; parts are trimmed. In Chinese order two parts
// are run together when both sides of the join are non-ASCII (Chinese) text and joined by one
// space otherwise (an address typed in pinyin still reads "Shanghai Pudong …"). Display only:
// the payment signs the parts themselves (PAYMENT.md "ship_to"), never this text.
AddressText format_address(const Address& a, AddressOrder order, const std::string& country_name);

// Support tickets: the phone rule of addresses on its own ("+<country code> …", or for CN an
// 11-digit mobile number starting with 1).
bool is_valid_phone(const std::string& phone, const std::string& country);

}  // namespace satstore
