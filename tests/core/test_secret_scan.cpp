// The support form's secret scanner. Mnemonics were generated once with Debian's python3-mnemonic
// (Mnemonic(lang).to_mnemonic(os.urandom(n))); the "wrong checksum" variants replace the last
// word with one that python3-mnemonic's check() rejects. Keys were made with a throwaway script
// (random 32 bytes → hex, WIF, xprv/tprv/zprv serialization); none holds any funds.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/secret_scan.hpp"

using namespace satstore;

namespace {

const std::string kEnglish12 = "hub exile add invite trigger extra believe door flower fence color snack";
const std::string kEnglish12BadChecksum = "hub exile add invite trigger extra believe door flower fence color abandon";
const std::string kEnglish24 =
    "burger top wrestle push position worry banana visa chalk session ocean swim control cute tornado melody "
    "patch roast scorpion imitate shoulder fee gun test";
const std::string kEnglish24BadChecksum =
    "burger top wrestle push position worry banana visa chalk session ocean swim control cute tornado melody "
    "patch roast scorpion imitate shoulder fee gun abandon";
const std::string kEnglish18 =
    "sniff mansion over duck where canvas wasp curve copy spray when coast control rose bamboo grass artwork anxiety";

const std::string kChinese12 = "欧 督 纱 阔 烧 印 吸 弧 粗 绘 梦 钠";
const std::string kChinese12BadChecksum = "欧 督 纱 阔 烧 印 吸 弧 粗 绘 梦 一";
const std::string kChinese24 = "参 因 仇 怕 饭 戏 湘 竟 步 寿 付 疏 呼 疗 置 柳 米 年 刻 座 须 城 锡 珍";
const std::string kChinese24BadChecksum = "参 因 仇 怕 饭 戏 湘 竟 步 寿 付 疏 呼 疗 置 柳 米 年 刻 座 须 城 锡 的";
const std::string kChinese18 = "喝 异 怪 弃 修 故 适 枯 功 然 跳 守 步 按 搬 情 骂 卷";

const std::string kHexKey = "a66ba461d42adff8b68193468f6ebf4dbbe5c25316311cbe3a049902a9174947";
const std::string kWifCompressed = "L2oDAWsfBEL2XFU4LScAtxrzT6YpvdN5KYQhCUesLd1f9vBUXtnD";
const std::string kWifUncompressed = "5K5aZyADGus5RXTyVRP1tCJDZeWQzv6gVfqR4WNimKagTWjiH2i";
const std::string kWifTestnet = "cTACdRsWcJ2HggwKirRJGHN45KrEb5TmPaZAJu7NqjffQfG4adba";
const std::string kXprv =
    "xprv9s21ZrQH143K2UQxA1phtrFqyxW2xzysDPB4KriAQy3PQEdeqHzD4zTroiv3RTpBp7gLq8kPrUH2iNr9PqyTUZM6qdHKy8Lj1c9SKkmkhr9";
const std::string kTprv =
    "tprv8ZgxMBicQKsPe1uD74uKM7pmUnFV7SBT8GuUeFv6xP5UVLLWncSmgNarzf1nBNzos4xBsTwXXeYpnYzBAVwtLWA3BrjiGq629kYWAUtXUEf";
const std::string kZprv =
    "zprvAWgYBBk7JR8Gj2jyaz6Cn5iCPSYFN35Ka8ih5VXHLyPB7ahL7a7mD9QGwZ1nnMDPtNQzWirx9V4HasTTjJpeDBjWpVPJ9Homkh11X7k1V3V";
const std::string kXpub =
    "xpub661MyMwAqRbcEZPzDHCk6wGC8GNofpDRxa3VVvLD3Cq59DgoMxVaVgFnsopZZULDcX8oTZBEYRY59CUR62uNT2rYYEiL8RqNeRRtpZyDCTY";

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

std::string numbered(const std::string& words, const char* separator) {
    std::string out;
    int n = 1;
    std::size_t start = 0;
    while (start <= words.size()) {
        auto end = words.find(' ', start);
        if (end == std::string::npos) end = words.size();
        out += std::to_string(n++) + separator + words.substr(start, end - start) + " ";
        start = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("English mnemonics with a valid checksum are found, in any surrounding") {
    CHECK(find_secret(kEnglish12) == SecretKind::mnemonic_en);
    CHECK(find_secret(kEnglish24) == SecretKind::mnemonic_en);
    CHECK(find_secret(kEnglish18) == SecretKind::mnemonic_en);
    CHECK(find_secret("Support said to send my phrase: " + kEnglish12 + ". Please help!") == SecretKind::mnemonic_en);
    CHECK(find_secret("HUB Exile ADD invite,trigger / extra\nbelieve door\tflower fence color snack") == SecretKind::mnemonic_en);
    CHECK(find_secret(numbered(kEnglish12, ". ")) == SecretKind::mnemonic_en);
    CHECK(find_secret(numbered(kEnglish24, ")")) == SecretKind::mnemonic_en);
    // Word-list words before the phrase do not hide it (a window may start anywhere).
    CHECK(find_secret("please help " + kEnglish12) == SecretKind::mnemonic_en);
    CHECK(find_secret(kEnglish12 + " fix it") == SecretKind::mnemonic_en);
}

TEST_CASE("English word-list text with a wrong checksum is not a mnemonic") {
    CHECK_FALSE(find_secret(kEnglish12BadChecksum));
    CHECK_FALSE(find_secret(kEnglish24BadChecksum));
    CHECK_FALSE(find_secret("I paid for the order yesterday but the page still says unpaid, please check my wallet balance"));
    // Eleven words are not enough.
    CHECK_FALSE(find_secret("hub exile add invite trigger extra believe door flower fence color"));
    // Words joined into one token are not words.
    CHECK_FALSE(find_secret(without_spaces(kEnglish12)));
}

TEST_CASE("Chinese mnemonics are found spaced, numbered, grouped or written together") {
    CHECK(find_secret(kChinese12) == SecretKind::mnemonic_zh);
    CHECK(find_secret(kChinese24) == SecretKind::mnemonic_zh);
    CHECK(find_secret(kChinese18) == SecretKind::mnemonic_zh);
    CHECK(find_secret(without_spaces(kChinese12)) == SecretKind::mnemonic_zh);
    CHECK(find_secret(without_spaces(kChinese24)) == SecretKind::mnemonic_zh);
    CHECK(find_secret("我的助记词是：" + without_spaces(kChinese12) + "，请帮我找回钱包。") == SecretKind::mnemonic_zh);
    CHECK(find_secret(numbered(kChinese12, ".")) == SecretKind::mnemonic_zh);
    CHECK(find_secret("欧，督，纱，阔，烧，印，吸，弧，粗，绘，梦，钠") == SecretKind::mnemonic_zh);
}

TEST_CASE("Chinese text with a wrong checksum, or ordinary prose, is not a mnemonic") {
    CHECK_FALSE(find_secret(kChinese12BadChecksum));
    CHECK_FALSE(find_secret(kChinese24BadChecksum));
    CHECK_FALSE(find_secret(without_spaces(kChinese12BadChecksum)));
    CHECK_FALSE(find_secret("我昨天付款了，但是订单还是显示未付款。请帮我查一下，谢谢！"));
    CHECK_FALSE(find_secret("包裹已经一个星期没有更新物流信息了，快递员也联系不上，请问怎么办？"));
    // Short clauses of list characters are prose, not a phrase in groups.
    CHECK_FALSE(find_secret("三枚徽章：币标、区块和闪电，每一枚都有编号。"));
    // The 12 characters inside a longer run are not taken out of it.
    CHECK_FALSE(find_secret("我说" + without_spaces(kChinese12) + "了"));
}

TEST_CASE("raw hex private keys, alone or with 0x") {
    CHECK(find_secret(kHexKey) == SecretKind::hex_private_key);
    CHECK(find_secret("key: 0x" + kHexKey + ".") == SecretKind::hex_private_key);
    CHECK(find_secret("KEY=" + std::string("A66BA461D42ADFF8B68193468F6EBF4DBBE5C25316311CBE3A049902A9174947")) ==
          SecretKind::hex_private_key);
    // Near misses: one digit short or long, part of a longer hex string, zero, above the curve order.
    CHECK_FALSE(find_secret(kHexKey.substr(1)));
    CHECK_FALSE(find_secret(kHexKey + "0"));
    CHECK_FALSE(find_secret(kHexKey + kHexKey));
    CHECK_FALSE(find_secret(std::string(64, '0')));
    CHECK_FALSE(find_secret(std::string(64, 'f')));
    CHECK_FALSE(find_secret("g" + kHexKey.substr(1)));
}

TEST_CASE("WIF private keys: mainnet and testnet, compressed or not, checksum verified") {
    CHECK(find_secret(kWifCompressed) == SecretKind::wif_private_key);
    CHECK(find_secret("wif " + kWifUncompressed + " thanks") == SecretKind::wif_private_key);
    CHECK(find_secret(kWifTestnet) == SecretKind::wif_private_key);
    std::string broken = kWifCompressed;
    broken[10] = broken[10] == 'A' ? 'B' : 'A';
    CHECK_FALSE(find_secret(broken));
    CHECK_FALSE(find_secret(kWifCompressed.substr(0, 51)));
    CHECK_FALSE(find_secret("1BoatSLRHtKNngkdXEeobR76b53LETtpyT"));  // an address, not a key
}

TEST_CASE("extended private keys of any prefix; public ones pass") {
    CHECK(find_secret(kXprv) == SecretKind::extended_private_key);
    CHECK(find_secret("my backup: " + kTprv) == SecretKind::extended_private_key);
    CHECK(find_secret(kZprv) == SecretKind::extended_private_key);
    CHECK_FALSE(find_secret(kXpub));
    std::string broken = kXprv;
    broken[40] = broken[40] == 'a' ? 'b' : 'a';
    CHECK_FALSE(find_secret(broken));
}

TEST_CASE("ordinary support text has no secrets") {
    CHECK_FALSE(find_secret(""));
    CHECK_FALSE(find_secret("Order SO-000123 paid with tx ref pay_8f3a, amount 0.00046154 BTC. Ticket T-000001."));
    CHECK_FALSE(find_secret("订单 SO-000123 的付款失败了，钱包余额 0.001 BTC，请帮忙处理。"));
    CHECK_FALSE(find_secret(std::string("\xff\xfe broken utf-8 \xe4\xb8")));
}

TEST_CASE("is_valid_mnemonic checks words in either list") {
    const std::vector<std::string> en = {"hub", "exile", "add", "invite", "trigger", "extra", "believe", "door", "flower", "fence", "color", "snack"};
    CHECK(is_valid_mnemonic(en.data(), en.size()));
    auto bad = en;
    bad.back() = "abandon";
    CHECK_FALSE(is_valid_mnemonic(bad.data(), bad.size()));
    const std::vector<std::string> zh = {"欧", "督", "纱", "阔", "烧", "印", "吸", "弧", "粗", "绘", "梦", "钠"};
    CHECK(is_valid_mnemonic(zh.data(), zh.size()));
    CHECK_FALSE(is_valid_mnemonic(zh.data(), 11));
    CHECK(secret_kind_name(SecretKind::mnemonic_zh) == "mnemonic_zh");
}
