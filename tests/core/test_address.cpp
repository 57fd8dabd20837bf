#include <doctest/doctest.h>

#include "core/address.hpp"

using namespace satstore;

namespace {
const Address kShanghai{"张伟", "13800138000", "CN", "上海市", "上海市", "浦东新区", "世纪大道100号3号楼1201室", "200120"};
const Address kShenzhen{"张三", "+86 138 0013 1000", "CN", "广东省", "深圳市", "南山区", "科技园路1号", "518000"};
const Address kUs{"Jane Roe", "+1 415 555 0100", "US", "CA", "San Francisco", "", "1 Market St", "94105-1234"};
}  // namespace

TEST_CASE("address order: CN always Chinese, HK/MO/TW Chinese only for a Chinese reader") {
    CHECK(address_order("CN", Lang::zh_CN) == AddressOrder::chinese);
    CHECK(address_order("CN", Lang::en) == AddressOrder::chinese);
    for (const char* c : {"HK", "MO", "TW"}) {
        CHECK(address_order(c, Lang::zh_CN) == AddressOrder::chinese);
        CHECK(address_order(c, Lang::en) == AddressOrder::western);
    }
    for (const char* c : {"US", "GB", "JP", "SG", ""}) {
        CHECK(address_order(c, Lang::zh_CN) == AddressOrder::western);
        CHECK(address_order(c, Lang::en) == AddressOrder::western);
    }
}

TEST_CASE("address text: Chinese order runs 省 市 区 street together without commas") {
    const AddressText t = format_address(kShenzhen, AddressOrder::chinese, "中国");
    CHECK(t.recipient == "张三  +86 138 0013 1000");
    CHECK(t.place == "广东省深圳市南山区科技园路1号");
    CHECK(t.country == "中国 518000");
    CHECK(t.place.find(',') == std::string::npos);

    // A municipality repeats itself as province and city: printed once.
    CHECK(format_address(kShanghai, AddressOrder::chinese, "中国").place == "上海市浦东新区世纪大道100号3号楼1201室");

    // Pinyin or English parts are separated by a space, never run together.
    Address latin = kShenzhen;
    latin.region = "Guangdong";
    latin.city = "Shenzhen";
    latin.district = " Nanshan ";
    latin.street = "1 Keji Rd";
    CHECK(format_address(latin, AddressOrder::chinese, "China").place == "Guangdong Shenzhen Nanshan 1 Keji Rd");
    // Mixed: a Latin street after Chinese parts gets a space, a Chinese one does not.
    latin = kShenzhen;
    latin.street = "Room 5, 科技园路1号";
    CHECK(format_address(latin, AddressOrder::chinese, "中国").place == "广东省深圳市南山区 Room 5, 科技园路1号");

    // Optional parts left out (no doubled separators).
    Address hk{"陳大文", "+852 9123 4567", "HK", "香港", "九龍", "", "彌敦道1號", "000000"};
    CHECK(format_address(hk, AddressOrder::chinese, "中国香港").place == "香港九龍彌敦道1號");
}

TEST_CASE("address text: Western order from the street to the region, with commas") {
    const AddressText t = format_address(kUs, AddressOrder::western, "United States");
    CHECK(t.recipient == "Jane Roe  +1 415 555 0100");
    CHECK(t.place == "1 Market St, San Francisco, CA");
    CHECK(t.country == "United States 94105-1234");

    CHECK(format_address(kShenzhen, AddressOrder::western, "China").place == "科技园路1号, 南山区, 深圳市, 广东省");
    Address sg{"Tan Ah Kow", "+65 6123 4567", "SG", "Singapore", "Singapore", "", "1 Raffles Pl", "048616"};
    CHECK(format_address(sg, AddressOrder::western, "Singapore").place == "1 Raffles Pl, Singapore");
}

TEST_CASE("address text: empty and blank parts") {
    const Address empty{};
    const AddressText t = format_address(empty, AddressOrder::chinese, "");
    CHECK(t.recipient.empty());
    CHECK(t.place.empty());
    CHECK(t.country.empty());
    Address blank = kUs;
    blank.phone = "   ";
    blank.postal_code = "";
    blank.city = "  ";
    const AddressText b = format_address(blank, AddressOrder::western, "United States");
    CHECK(b.recipient == "Jane Roe");
    CHECK(b.place == "1 Market St, CA");
    CHECK(b.country == "United States");
}
