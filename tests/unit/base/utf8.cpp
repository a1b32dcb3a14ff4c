#include "base/utf8.h"

#include <doctest/doctest.h>

using namespace cvpress;

TEST_CASE("decoding UTF-8 yields code points and their byte lengths") {
  const std::string s = "a\xC3\xA9\xE2\x80\x94\xF0\x9D\x84\x9E";  // a é — 𝄞
  CHECK(utf8::to_u32(s) == U"a\u00E9\u2014\U0001D11E");
  CHECK(utf8::length(s) == 4);
  CHECK(utf8::decode(s, 1).length == 2);
  CHECK(utf8::decode(s, 6).code_point == 0x1D11E);
}

TEST_CASE("ill-formed UTF-8 decodes to U+FFFD one byte at a time") {
  CHECK(utf8::decode("\xC0\xAF", 0).valid == false);          // overlong
  CHECK(utf8::decode("\xED\xA0\x80", 0).valid == false);      // surrogate
  CHECK(utf8::decode("\xF4\x90\x80\x80", 0).valid == false);  // above U+10FFFF
  CHECK(utf8::decode("\xE2\x80", 0).code_point == utf8::kReplacement);
  CHECK(utf8::find_invalid("ok \xFF here") == 3);
  CHECK(utf8::find_invalid("fine") == std::string_view::npos);
}

TEST_CASE("encoding round-trips every plane") {
  const std::u32string cps = U"\u0041\u00FF\u0800\uFFFD\U00010000\U0010FFFF";
  CHECK(utf8::to_u32(utf8::from_u32(cps)) == cps);
}

TEST_CASE("code point labels have at least four hex digits") {
  CHECK(utf8::code_point_label(0x41) == "U+0041");
  CHECK(utf8::code_point_label(0x0E01) == "U+0E01");
  CHECK(utf8::code_point_label(0x10FFFD) == "U+10FFFD");
}
