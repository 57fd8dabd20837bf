#include <doctest/doctest.h>

#include "core/media.hpp"

using namespace satstore;
using namespace satstore::media;

namespace {
const std::string kHash = "3f9a000000000000000000000000000000000000000000000000000000000abc";
}

TEST_CASE("image types are sniffed from their signatures, not trusted names") {
    CHECK(sniff_image_type(std::string("\x89PNG\r\n\x1a\n rest", 13)) == ImageType::png);
    CHECK(sniff_image_type("\xFF\xD8\xFF\xE0") == ImageType::jpeg);
    CHECK(sniff_image_type(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == ImageType::webp);
    CHECK_FALSE(sniff_image_type("RIFF\x10\0\0\0WAVE").has_value());  // another RIFF file
    CHECK_FALSE(sniff_image_type("GIF89a").has_value());
    CHECK_FALSE(sniff_image_type("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").has_value());
    CHECK_FALSE(sniff_image_type("\x89PNG").has_value());  // cut inside the signature
    CHECK_FALSE(sniff_image_type("").has_value());
    CHECK(std::string(mime_type(ImageType::webp)) == "image/webp");
}

TEST_CASE("renditions never exceed the original and end at its width, capped") {
    CHECK(rendition_widths(2000) == std::vector<int>{160, 320, 640, 960, 1280, 1920});
    CHECK(rendition_widths(1920) == std::vector<int>{160, 320, 640, 960, 1280, 1920});
    CHECK(rendition_widths(1000) == std::vector<int>{160, 320, 640, 960, 1000});
    CHECK(rendition_widths(640) == std::vector<int>{160, 320, 640});
    CHECK(rendition_widths(100) == std::vector<int>{100});
    CHECK(rendition_widths(1) == std::vector<int>{1});
    CHECK(rendition_widths(0).empty());
    CHECK(rendition_height(2000, 1500, 160) == 120);
    CHECK(rendition_height(3, 1, 1) == 1);  // never 0
    CHECK(rendition_height(1000, 333, 160) == 53);
}

TEST_CASE("media references name the widest rendition and parse back") {
    const std::string ref = media_ref(kHash, 1000);
    CHECK(ref == "/media/" + kHash + "-1000.webp");
    REQUIRE(parse_media_ref(ref).has_value());
    CHECK(parse_media_ref(ref)->hash == kHash);
    CHECK(parse_media_ref(ref)->widest == 1000);
    CHECK(is_media_ref(ref));
    CHECK(rendition_url(kHash, 160) == "/media/" + kHash + "-160.webp");

    // Misuse and bad input: no width, wrong hash, case, zero or too wide, other suffixes.
    CHECK_FALSE(is_media_ref("/media/" + kHash));
    CHECK_FALSE(is_media_ref("/media/" + kHash.substr(1) + "-160.webp"));
    std::string upper = kHash;
    upper[0] = 'F';
    CHECK_FALSE(is_media_ref("/media/" + upper + "-160.webp"));
    CHECK_FALSE(is_media_ref("/media/" + kHash + "-0.webp"));
    CHECK_FALSE(is_media_ref("/media/" + kHash + "-0160.webp"));
    CHECK_FALSE(is_media_ref("/media/" + kHash + "-1921.webp"));
    CHECK_FALSE(is_media_ref("/media/" + kHash + "-160.png"));
    CHECK_FALSE(is_media_ref("/media/" + kHash + "-160.webp/x"));
    CHECK_FALSE(is_media_ref("/assets/products/hoodie-black.svg"));
    CHECK_FALSE(is_media_ref(""));

    CHECK(parse_rendition_file(kHash + "-640.webp") == std::pair{kHash, 640});
    CHECK_FALSE(parse_rendition_file(kHash + "-.webp").has_value());
    CHECK_FALSE(parse_rendition_file(kHash + "-64a.webp").has_value());
    CHECK_FALSE(parse_rendition_file("../../etc/passwd").has_value());
}

TEST_CASE("image_url_for picks the narrowest rendition at least as wide as drawn") {
    const std::string ref = media_ref(kHash, 1920);
    // A 300 CSS px card at DPR 1, 2 and 3; a 72 px thumbnail at DPR 2; the product page at DPR 3.
    CHECK(image_url_for(ref, 300) == rendition_url(kHash, 320));
    CHECK(image_url_for(ref, 600) == rendition_url(kHash, 640));
    CHECK(image_url_for(ref, 900) == rendition_url(kHash, 960));
    CHECK(image_url_for(ref, 144) == rendition_url(kHash, 160));
    CHECK(image_url_for(ref, 1800) == rendition_url(kHash, 1920));
    CHECK(image_url_for(ref, 320) == rendition_url(kHash, 320));     // exactly a width
    CHECK(image_url_for(ref, 320.4f) == rendition_url(kHash, 640));  // a fraction more is wider
    CHECK(image_url_for(ref, 0) == rendition_url(kHash, 160));
    CHECK(image_url_for(ref, 5000) == rendition_url(kHash, 1920));   // capped at the widest
    // A small original: its own width is the widest there is.
    const std::string small = media_ref(kHash, 500);
    CHECK(image_url_for(small, 400) == rendition_url(kHash, 500));
    CHECK(image_url_for(small, 2000) == rendition_url(kHash, 500));
    CHECK(image_url_for(small, 200) == rendition_url(kHash, 320));
    // Anything else is drawn as it is.
    CHECK(image_url_for("/assets/products/hoodie-black.svg", 600) == "/assets/products/hoodie-black.svg");
    CHECK(image_url_for("/media/" + kHash, 600) == "/media/" + kHash);
}
