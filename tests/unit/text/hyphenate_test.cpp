#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace cvpress::text {
namespace {

// The word with a hyphen at every point: "type-set-ting".
std::string hyphenated(std::string_view word, std::string_view lang) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at : hyphenation_points(word, lang)) {
    out.append(word.substr(from, at - from)).append("-");
    from = at;
  }
  return out.append(word.substr(from));
}

TEST_CASE("English words break by the US patterns, never before the last three letters") {
  CHECK(hyphenated("typesetting", "en") == "type-set-ting");
  CHECK(hyphenated("infrastructure", "en-US") == "in-fra-struc-ture");
  CHECK(hyphenation_points("hyphenation", "en") == std::vector<std::size_t>{2, 6});  // hy-phen-ation
}

TEST_CASE("British English has its own patterns") {
  CHECK(hyphenated("hyphenation", "en-GB") == "hy-phen-a-tion");
}

TEST_CASE("German, French, Spanish, Italian, Portuguese, Dutch and Russian dictionaries are found by lang") {
  CHECK(hyphenated("Silbentrennung", "de") == "Sil-ben-tren-nung");
  CHECK(hyphenated("Übergrößenträger", "de-DE") == "Über-grö-ßen-trä-ger");  // an ISO 8859-1 dictionary
  CHECK(hyphenated("développement", "fr") == "dé-ve-lop-pe-ment");
  CHECK(hyphenated("programación", "es") == "pro-gra-ma-ción");
  CHECK(hyphenated("programmazione", "it") == "pro-gram-ma-zio-ne");
  CHECK(hyphenated("programação", "pt") == "pro-gra-ma-ção");
  CHECK(hyphenated("programmeertaal", "nl") == "pro-gram-meer-taal");
  CHECK(hyphenated("гипертекстовый", "ru") == "гипер-тек-сто-вый");  // a KOI8-R dictionary
}

TEST_CASE("offsets are bytes of the word as given, whatever its case") {
  CHECK(hyphenated("TypeSetting", "en") == "Type-Set-ting");
  CHECK(hyphenation_points("développement", "fr").front() == 3);  // "dé" is three bytes
}

TEST_CASE("short words, unknown languages and characters a dictionary lacks are not hyphenated") {
  CHECK(hyphenation_points("data", "en").empty());
  CHECK(hyphenation_points("something", "xx").empty());
  CHECK(hyphenation_points("Straße\u4E2D\u6587", "de").empty());  // not in ISO 8859-1
  CHECK(can_hyphenate("en"));
  CHECK_FALSE(can_hyphenate("xx"));
}

TEST_CASE("the word of a piece is its letters without the punctuation around them") {
  const auto w = hyphenatable_word("(typesetting),");
  REQUIRE(w);
  CHECK(w->begin == 1);
  CHECK(w->end == 12);
  CHECK(hyphenatable_word("company\u2019s"));  // an apostrophe inside a word is part of it
  CHECK(hyphenatable_word("hyphen:"));
}

TEST_CASE("numbers, addresses, paths, identifiers and capitals-only words are not words to hyphenate") {
  CHECK_FALSE(hyphenatable_word("v1.2.3"));
  CHECK_FALSE(hyphenatable_word("word42ab"));
  CHECK_FALSE(hyphenatable_word("user@example"));
  CHECK_FALSE(hyphenatable_word("example.com"));
  CHECK_FALSE(hyphenatable_word("snake_case"));
  CHECK_FALSE(hyphenatable_word("and/or"));
  CHECK_FALSE(hyphenatable_word("KUBERNETES"));
  CHECK_FALSE(hyphenatable_word("..."));
}

}  // namespace
}  // namespace cvpress::text
