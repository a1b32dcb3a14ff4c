#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/text.h"

namespace cvpress::text {
namespace {

// "مرحبا" (5 Arabic letters, 2 bytes each).
const std::string kMarhaba = "\u0645\u0631\u062D\u0628\u0627";

std::vector<uint8_t> levels(const BidiParagraph& p) {
  std::vector<uint8_t> out;
  for (const BidiRun& r : p.runs) out.push_back(r.level);
  return out;
}

TEST_CASE("left-to-right text is one run at level 0") {
  const BidiParagraph p = bidi_runs("hello, world", BaseDirection::LeftToRight);
  CHECK(p.base_level == 0);
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0].begin == 0);
  CHECK(p.runs[0].end == 12);
  CHECK(p.runs[0].level == 0);
}

TEST_CASE("an Arabic word inside English text is at level 1, in byte offsets") {
  const std::string text = "say " + kMarhaba + " now";
  const BidiParagraph p = bidi_runs(text, BaseDirection::LeftToRight);
  REQUIRE(p.runs.size() == 3);
  CHECK(p.runs[0].end == 4);
  CHECK(p.runs[1].begin == 4);
  CHECK(p.runs[1].end == 14);
  CHECK(p.runs[1].level == 1);
  CHECK(p.runs[2].end == text.size());
}

TEST_CASE("an e-mail address and a date inside an Arabic line stay left-to-right at level 2") {
  const std::string text = kMarhaba + " a@b.com " + kMarhaba + " 2019-08";
  const BidiParagraph p = bidi_runs(text, BaseDirection::RightToLeft);
  CHECK(p.base_level == 1);
  CHECK(levels(p) == std::vector<uint8_t>{1, 2, 1, 2});
  CHECK(text.substr(p.runs[1].begin, p.runs[1].end - p.runs[1].begin) == "a@b.com");
  CHECK(text.substr(p.runs[3].begin) == "2019-08");
}

TEST_CASE("a date after an Arabic word is one left-to-right run, its punctuation outside") {
  // Plain UAX #9 would make the digits Arabic numbers and the hyphen right-to-left.
  const std::string text = kMarhaba + " (2019-08)\u060C " + kMarhaba;
  const BidiParagraph p = bidi_runs(text, BaseDirection::RightToLeft);
  CHECK(levels(p) == std::vector<uint8_t>{1, 2, 1});
  CHECK(text.substr(p.runs[1].begin, p.runs[1].end - p.runs[1].begin) == "2019-08");
}

TEST_CASE("a date after an Arabic word in an English line stays left-to-right text") {
  const std::string text = "on " + kMarhaba + " 2019-08";
  const BidiParagraph p = bidi_runs(text, BaseDirection::LeftToRight);
  // The isolate raises the date to the next even level (UAX #9 X5a); the space before it
  // stays at the paragraph's level, so the date follows the Arabic word on the right.
  CHECK(levels(p) == std::vector<uint8_t>{0, 1, 0, 2});
  CHECK(text.substr(p.runs[3].begin) == "2019-08");
  const std::vector<uint8_t> line = levels(p);
  CHECK(visual_order(line) == std::vector<std::size_t>{0, 1, 2, 3});
}

TEST_CASE("the base direction follows the first strong character when asked") {
  CHECK(bidi_runs("123 " + kMarhaba + " abc", BaseDirection::Auto).base_level == 1);
  CHECK(bidi_runs("abc " + kMarhaba, BaseDirection::Auto).base_level == 0);
  CHECK(bidi_runs("2019", BaseDirection::Auto).base_level == 0);
}

TEST_CASE("a forced line end keeps the paragraph's base level") {
  const std::string text = kMarhaba + "\nabc";
  const BidiParagraph p = bidi_runs(text, BaseDirection::RightToLeft);
  CHECK(levels(p) == std::vector<uint8_t>{1, 2});
  CHECK(p.runs[1].begin == 11);
}

TEST_CASE("characters outside the basic plane keep whole byte ranges") {
  const std::string text = "\U0001F600 " + kMarhaba;  // an emoji: 4 bytes, a surrogate pair
  const BidiParagraph p = bidi_runs(text, BaseDirection::RightToLeft);
  REQUIRE(!p.runs.empty());
  CHECK(p.runs[0].begin == 0);
  for (std::size_t r = 0; r + 1 < p.runs.size(); ++r) CHECK(p.runs[r].end == p.runs[r + 1].begin);
  CHECK(p.runs.back().end == text.size());
}

TEST_CASE("the first strong character gives the direction, none for digits only") {
  CHECK(first_strong_direction("(" + kMarhaba + ") abc") == Direction::RightToLeft);
  CHECK(first_strong_direction("12 abc") == Direction::LeftToRight);
  CHECK(first_strong_direction("\u05E9\u05DC\u05D5\u05DD") == Direction::RightToLeft);  // Hebrew
  CHECK_FALSE(first_strong_direction("2019-08").has_value());
  CHECK_FALSE(first_strong_direction("").has_value());
}

TEST_CASE("visual order reverses runs from the highest level down (UAX #9 L2)") {
  const std::vector<uint8_t> ltr = {0, 0, 0};
  CHECK(visual_order(ltr) == std::vector<std::size_t>{0, 1, 2});
  const std::vector<uint8_t> rtl = {1, 1, 1};
  CHECK(visual_order(rtl) == std::vector<std::size_t>{2, 1, 0});
  // Arabic, Latin, Arabic, Latin in an RTL paragraph: the Latin runs keep their own
  // left-to-right reading, the whole line reads right to left.
  const std::vector<uint8_t> mixed = {1, 2, 1, 2};
  CHECK(visual_order(mixed) == std::vector<std::size_t>{3, 2, 1, 0});
  // Two Latin pieces in a row (one word in two fonts) keep their order.
  const std::vector<uint8_t> pair = {1, 2, 2, 1};
  CHECK(visual_order(pair) == std::vector<std::size_t>{3, 1, 2, 0});
  // An Arabic phrase in an English line.
  const std::vector<uint8_t> embedded = {0, 1, 1, 0};
  CHECK(visual_order(embedded) == std::vector<std::size_t>{0, 2, 1, 3});
}

TEST_CASE("right-to-left languages are known by their primary subtag") {
  CHECK(is_rtl_language("ar"));
  CHECK(is_rtl_language("he-IL"));
  CHECK(is_rtl_language("FA"));
  CHECK(is_rtl_language("ckb"));
  CHECK_FALSE(is_rtl_language("en"));
  CHECK_FALSE(is_rtl_language("arn"));  // Mapudungun
  CHECK_FALSE(is_rtl_language(""));
}

}  // namespace
}  // namespace cvpress::text
