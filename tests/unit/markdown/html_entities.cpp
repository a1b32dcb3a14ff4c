// Character references: the HTML5 named ones and numeric ones.
#include "markdown/html_entities.h"

#include <doctest/doctest.h>

namespace cvpress::markdown {
namespace {

TEST_CASE("common named entities resolve to their characters") {
  CHECK(resolve_entity("&amp;") == "&");
  CHECK(resolve_entity("&lt;") == "<");
  CHECK(resolve_entity("&quot;") == "\"");
  CHECK(resolve_entity("&nbsp;") == "\xC2\xA0");
  CHECK(resolve_entity("&copy;") == "\xC2\xA9");
  CHECK(resolve_entity("&mdash;") == "\xE2\x80\x94");
  CHECK(resolve_entity("&hellip;") == "\xE2\x80\xA6");
  CHECK(resolve_entity("&eacute;") == "\xC3\xA9");
  CHECK(resolve_entity("&Eacute;") == "\xC3\x89");
}

TEST_CASE("the first, the last and two-code-point named entities are in the table") {
  CHECK(resolve_entity("&AElig;") == "\xC3\x86");
  CHECK(resolve_entity("&zwnj;") == "\xE2\x80\x8C");
  CHECK(resolve_entity("&NotEqualTilde;") == "\xE2\x89\x82\xCC\xB8");
}

TEST_CASE("numeric references decode in decimal and hexadecimal") {
  CHECK(resolve_entity("&#233;") == "\xC3\xA9");
  CHECK(resolve_entity("&#x2014;") == "\xE2\x80\x94");
  CHECK(resolve_entity("&#X1F600;") == "\xF0\x9F\x98\x80");
}

TEST_CASE("numeric references to nothing, to surrogates or past U+10FFFF give U+FFFD") {
  CHECK(resolve_entity("&#0;") == "\xEF\xBF\xBD");
  CHECK(resolve_entity("&#xD800;") == "\xEF\xBF\xBD");
  CHECK(resolve_entity("&#x110000;") == "\xEF\xBF\xBD");
  CHECK(resolve_entity("&#9999999;") == "\xEF\xBF\xBD");
}

TEST_CASE("unknown names and malformed references are not resolved") {
  CHECK_FALSE(resolve_entity("&nope;"));
  CHECK_FALSE(resolve_entity("&amp"));
  CHECK_FALSE(resolve_entity("amp;"));
  CHECK_FALSE(resolve_entity("&#;"));
  CHECK_FALSE(resolve_entity("&#x;"));
  CHECK_FALSE(resolve_entity("&#12a;"));
  CHECK_FALSE(resolve_entity("&AMP"));
}

}  // namespace
}  // namespace cvpress::markdown
