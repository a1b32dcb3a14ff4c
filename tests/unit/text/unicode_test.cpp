#include <doctest/doctest.h>

#include <string>

#include "text/text.h"

namespace cvpress::text {
namespace {

TEST_CASE("unicode_name gives the character's name") {
  CHECK(unicode_name(0x0E01) == "THAI CHARACTER KO KAI");
  CHECK(unicode_name(0xFF1A) == "FULLWIDTH COLON");
  CHECK(unicode_name(0x76F4) == "CJK UNIFIED IDEOGRAPH-76F4");
}

TEST_CASE("unicode_name falls back to corrected aliases and ICU's labels") {
  CHECK(unicode_name(0x01A2) == "LATIN CAPITAL LETTER GHA");  // its name, "OI", is a known mistake
  CHECK(unicode_name(0x000A) == "<control-000A>");
  CHECK(unicode_name(0x10FFFD) == "<private use area-10FFFD>");
  CHECK(unicode_name(0x0378) == "<unassigned>");
  CHECK(unicode_name(0x110000) == "<unassigned>");
}

TEST_CASE("the coverage hint for Thai names fonts-noto-core") {
  const std::string hint = coverage_hint(0x0E01);
  CHECK(hint.find("fonts-noto-core") != std::string::npos);
  CHECK(hint.find("Noto Sans Thai") != std::string::npos);
}

TEST_CASE("the coverage hint for Han, kana and Hangul names fonts-noto-cjk") {
  CHECK(coverage_hint(0x76F4).find("fonts-noto-cjk") != std::string::npos);
  CHECK(coverage_hint(0x3042).find("fonts-noto-cjk") != std::string::npos);
  CHECK(coverage_hint(0xAC00).find("fonts-noto-cjk") != std::string::npos);
  CHECK(coverage_hint(0xFF1A).find("fonts-noto-cjk") != std::string::npos);
}

TEST_CASE("the coverage hint explains emoji and private-use characters") {
  CHECK(coverage_hint(0x1F600).find("fonts-noto-color-emoji") != std::string::npos);
  CHECK(coverage_hint(0xE000).find("private-use") != std::string::npos);
  CHECK(coverage_hint(0x0378).empty());
}

TEST_CASE("the coverage hint maps script names to Noto family names") {
  CHECK(coverage_hint(0x0627).find("Noto Sans Arabic") != std::string::npos);
  CHECK(coverage_hint(0x0F40).find("Noto Serif Tibetan") != std::string::npos);
  CHECK(coverage_hint(0x10300).find("Noto Sans Old Italic") != std::string::npos);
}

TEST_CASE("spaces, punctuation, digits and combining marks are common script") {
  CHECK(is_common_script(U' '));
  CHECK(is_common_script(U','));
  CHECK(is_common_script(U'7'));
  CHECK(is_common_script(0xFF1A));
  CHECK(is_common_script(0x0301));
  CHECK_FALSE(is_common_script(U'a'));
  CHECK_FALSE(is_common_script(0x76F4));
}

TEST_CASE("script_name gives the Unicode script's long name") {
  CHECK(script_name(U'a') == "Latin");
  CHECK(script_name(0x76F4) == "Han");         // 直
  CHECK(script_name(0x3042) == "Hiragana");    // あ
  CHECK(script_name(0xD55C) == "Hangul");      // 한
  CHECK(script_name(0x0915) == "Devanagari");  // क
  CHECK(script_name(0x0E31) == "Thai");        // ั, a Thai mark, is Thai
  CHECK(script_name(0x0301) == "Inherited");   // combining acute accent
  CHECK(script_name(U' ') == "Common");
  CHECK(script_name(U'1') == "Common");
  CHECK(script_name(0x10300) == "Old Italic");  // ICU's "Old_Italic"
  CHECK(script_name(0x10FFFD) == "Unknown");    // private use
  CHECK(script_name(0x110000) == "Unknown");    // not a code point
}

TEST_CASE("to_upper follows the language") {
  CHECK(to_upper("istanbul", "en") == "ISTANBUL");
  CHECK(to_upper("istanbul", "tr") == "\u0130STANBUL");
  CHECK(to_upper("stra\u00DFe", "de") == "STRASSE");
  CHECK(to_upper("", "en").empty());
  CHECK(to_upper("\u4E2D\u6587 ok", "") == "\u4E2D\u6587 OK");
}

}  // namespace
}  // namespace cvpress::text
