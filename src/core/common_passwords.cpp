#include "core/common_passwords.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace satstore {

bool is_common_password(std::string_view password) {
    // Passwords of 10+ characters that top published breach-frequency lists.
    static constexpr std::array<std::string_view, 40> kCommon = {
        "1234567890", "12345678910", "123456789a", "0123456789", "0987654321", "1q2w3e4r5t",
        "1qaz2wsx3edc", "qwertyuiop", "qwerty12345", "qwerty123456", "asdfghjkl;", "zxcvbnm123",
        "password12", "password123", "password1234", "passw0rd123", "p@ssw0rd123", "iloveyou123",
        "abcdefghij", "abc1234567", "aa12345678", "a123456789", "11111111111", "1111111111",
        "123123123123", "1234512345", "letmein123", "welcome123", "welcome2024", "admin12345",
        "administrator", "football123", "baseball123", "princess123", "sunshine123", "superman123",
        "satoshinakamoto", "bitcoin1234", "woaini1314", "5201314520",
    };
    std::string lower(password);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    if (!lower.empty() && std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower[0]; })) return true;
    return std::find(kCommon.begin(), kCommon.end(), lower) != kCommon.end();
}

}  // namespace satstore
