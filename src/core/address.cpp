#include "core/address.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace satstore {
namespace {

bool is_trimmed_blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' '; });
}

// Digits only, after removing spaces, dashes and parentheses.
std::string digits_of(const std::string& phone, bool* other_chars) {
    std::string digits;
    *other_chars = false;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (c >= '0' && c <= '9') digits += c;
        else if (c == ' ' || c == '-' || c == '(' || c == ')') continue;
        else if (c == '+' && i == 0) continue;
        else *other_chars = true;
    }
    return digits;
}

bool valid_phone(const std::string& phone, const std::string& country) {
    bool other = false;
    const std::string digits = digits_of(phone, &other);
    if (other || phone.empty()) return false;
    if (phone[0] == '+') {
        if (digits.rfind("86", 0) == 0) return digits.size() == 13 && digits[2] == '1';
        return digits.size() >= 8 && digits.size() <= 15;
    }
    // Without a country code: a Chinese mobile number for CN addresses, a national number otherwise.
    if (country == "CN") return digits.size() == 11 && digits[0] == '1';
    return digits.size() >= 7 && digits.size() <= 15;
}

bool valid_postal_code(const std::string& code, const std::string& country) {
    auto all = [&](auto pred) { return std::all_of(code.begin(), code.end(), pred); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (country == "CN") return code.size() == 6 && all(digit);
    if (country == "US")
        return (code.size() == 5 && all(digit)) ||
               (code.size() == 10 && code[5] == '-' && std::all_of(code.begin(), code.begin() + 5, digit) &&
                std::all_of(code.begin() + 6, code.end(), digit));
    return code.size() >= 3 && code.size() <= 10 && all([](char c) {
               return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '-';
           });
}

void check_text(FieldErrors& errors, const std::string& key, const std::string& value, std::size_t min_chars,
                std::size_t max_chars, const char* label) {
    if (value.empty() || is_trimmed_blank(value)) errors[key] = std::string(label) + " is required.";
    else if (has_control_chars(value)) errors[key] = std::string(label) + " contains invalid characters.";
    else if (utf8_chars(value) < min_chars) errors[key] = std::string(label) + " is too short.";
    else if (utf8_chars(value) > max_chars) errors[key] = std::string(label) + " is too long.";
}

}  // namespace

const std::vector<std::string>& supported_countries() {
    static const std::vector<std::string> countries = {"CN", "HK", "MO", "TW", "SG", "MY", "JP", "KR",
                                                       "US", "CA", "GB", "DE", "FR", "AU", "NZ"};
    return countries;
}

FieldErrors validate_address(const Address& a, const std::string& prefix) {
    FieldErrors errors;
    check_text(errors, prefix + "name", a.name, 1, 50, "Recipient name");
    const auto& countries = supported_countries();
    if (a.country.empty()) errors[prefix + "country"] = "Country is required.";
    else if (std::find(countries.begin(), countries.end(), a.country) == countries.end())
        errors[prefix + "country"] = "We do not ship to this country.";
    if (a.phone.empty()) errors[prefix + "phone"] = "Phone number is required.";
    else if (a.phone.size() > 24 || !valid_phone(a.phone, a.country))
        errors[prefix + "phone"] = a.country == "CN" ? "Enter an 11-digit mobile number (or +86 …)."
                                                     : "Enter a phone number with its country code (+…).";
    check_text(errors, prefix + "region", a.region, 1, 50, "Province / state");
    check_text(errors, prefix + "city", a.city, 1, 50, "City");
    if (a.country == "CN" || !a.district.empty()) check_text(errors, prefix + "district", a.district, 1, 50, "District");
    check_text(errors, prefix + "street", a.street, 3, 200, "Street address");
    if (a.postal_code.empty()) errors[prefix + "postal_code"] = "Postal code is required.";
    else if (!valid_postal_code(a.postal_code, a.country))
        errors[prefix + "postal_code"] = a.country == "CN" ? "A Chinese postal code has 6 digits."
                                         : a.country == "US" ? "Enter a ZIP code (12345 or 12345-6789)."
                                                             : "Enter a valid postal code.";
    return errors;
}

void to_json(nlohmann::json& j, const Address& a) {
    j = nlohmann::json{{"name", a.name},         {"phone", a.phone},   {"country", a.country},
                       {"region", a.region},     {"city", a.city},     {"district", a.district},
                       {"street", a.street},     {"postal_code", a.postal_code}};
}

void from_json(const nlohmann::json& j, Address& a) {
    auto text = [&](const char* key) {
        if (!j.is_object()) return std::string();
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    a = {text("name"), text("phone"), text("country"), text("region"),
         text("city"), text("district"), text("street"), text("postal_code")};
}

// Display
namespace {

std::string trimmed(const std::string& s) {
    const std::size_t b = s.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

}  // namespace

AddressOrder address_order(const std::string& country, Lang lang) {
    if (country == "CN") return AddressOrder::chinese;
    if (lang == Lang::zh_CN && (country == "HK" || country == "MO" || country == "TW")) return AddressOrder::chinese;
    return AddressOrder::western;
}

AddressText format_address(const Address& a, AddressOrder order, const std::string& country_name) {
    AddressText out;
    const std::string name = trimmed(a.name), phone = trimmed(a.phone);
    out.recipient = name.empty() || phone.empty() ? name + phone : name + "  " + phone;

    const std::string region = trimmed(a.region), district = trimmed(a.district), street = trimmed(a.street);
    const std::string city = trimmed(a.city) == region ? std::string() : trimmed(a.city);
    if (order == AddressOrder::chinese) {
        for (const std::string* part : {&region, &city, &district, &street}) {
            if (part->empty()) continue;
            // A byte >= 0x80 is part of a non-ASCII character (UTF-8 lead or continuation byte).
            const bool join = !out.place.empty() && static_cast<unsigned char>(out.place.back()) >= 0x80 &&
                              static_cast<unsigned char>(part->front()) >= 0x80;
            if (!out.place.empty() && !join) out.place += ' ';
            out.place += *part;
        }
    } else {
        for (const std::string* part : {&street, &district, &city, &region}) {
            if (part->empty()) continue;
            if (!out.place.empty()) out.place += ", ";
            out.place += *part;
        }
    }
    const std::string country = trimmed(country_name), postal = trimmed(a.postal_code);
    out.country = country.empty() || postal.empty() ? country + postal : country + " " + postal;
    return out;
}

// Support tickets
bool is_valid_phone(const std::string& phone, const std::string& country) {
    return phone.size() <= 24 && valid_phone(phone, country);
}

}  // namespace satstore
