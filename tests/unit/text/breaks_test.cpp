#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "text/text.h"

namespace cvpress::text {
namespace {

std::vector<std::size_t> offsets(const std::vector<BreakOpportunity>& breaks) {
  std::vector<std::size_t> out;
  for (const BreakOpportunity& b : breaks) out.push_back(b.offset);
  return out;
}

TEST_CASE("hello world may break after the space and at the end") {
  const auto breaks = line_breaks("hello world", "en");
  REQUIRE(breaks.size() == 2);
  CHECK(breaks[0].offset == 6);
  CHECK_FALSE(breaks[0].mandatory);
  CHECK(breaks[1].offset == 11);
}

TEST_CASE("a line may break between CJK ideographs, at byte offsets") {
  const std::string text = "\u817E\u8BAF\u79D1\u6280";  // 3 bytes each
  CHECK(offsets(line_breaks(text, "zh-Hans")) == std::vector<std::size_t>{3, 6, 9, 12});
}

TEST_CASE("a line does not break before a full-width comma") {
  const std::string text = "\u817E\u8BAF\uFF0C\u79D1";  // UAX #14 LB13: no break before CL
  CHECK(offsets(line_breaks(text, "zh")) == std::vector<std::size_t>{3, 9, 12});
}

TEST_CASE("a line feed is a mandatory break") {
  const auto breaks = line_breaks("one\ntwo three", "en");
  REQUIRE(breaks.size() == 3);
  CHECK(breaks[0].offset == 4);
  CHECK(breaks[0].mandatory);
  CHECK(breaks[1].offset == 8);
  CHECK_FALSE(breaks[1].mandatory);
}

TEST_CASE("Thai words are broken with ICU's dictionary") {
  // "ภาษาไทย" (Thai language) = ภาษา + ไทย: one opportunity inside, after 4 code points.
  const std::string text = "\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22";
  CHECK(offsets(line_breaks(text, "th")) == std::vector<std::size_t>{12, 21});
}

TEST_CASE("empty text has no break opportunities") { CHECK(line_breaks("", "en").empty()); }

TEST_CASE("an unknown or empty language still breaks by the root rules") {
  CHECK(offsets(line_breaks("a b", "")) == std::vector<std::size_t>{2, 3});
  CHECK(offsets(line_breaks("a b", "not a tag!")) == std::vector<std::size_t>{2, 3});
}

TEST_CASE("grapheme boundaries keep a base with its combining mark and an emoji sequence whole") {
  CHECK(grapheme_boundaries("e\u0301x") == std::vector<std::size_t>{3, 4});
  // WOMAN, ZWJ, PERSONAL COMPUTER: one cluster of 11 bytes.
  CHECK(grapheme_boundaries("\U0001F469\u200D\U0001F4BB") == std::vector<std::size_t>{11});
  CHECK(grapheme_boundaries("").empty());
}

}  // namespace
}  // namespace cvpress::text
