#include "base/spelling.h"

#include <doctest/doctest.h>

#include <array>

using namespace cvpress;

TEST_CASE("edit distance counts an adjacent transposition as one edit") {
  CHECK(edit_distance("font-wieght", "font-weight") == 1);
  CHECK(edit_distance("titel", "title") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("the closest candidate is suggested only within two edits, never for a word deleted whole") {
  constexpr std::array<std::string_view, 3> words = {"input", "output", "layout"};
  CHECK(closest("ouptut", words) == "output");
  CHECK(closest("manifest", words).empty());
  CHECK(closest("x", std::array<std::string_view, 1>{"em"}).empty());
}
