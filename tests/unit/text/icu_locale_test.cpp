#include <doctest/doctest.h>

#include "text/text.h"

namespace cvpress::text {
namespace {

// icu_locale() is internal; it shows through the functions that take a BCP 47 tag.
TEST_CASE("BCP 47 tags with script and region reach ICU") {
  CHECK(to_upper("i", "tr-TR") == "\u0130");
  CHECK(to_upper("i", "az-Latn-AZ") == "\u0130");
  CHECK(to_upper("i", "en-US") == "I");
}

TEST_CASE("a malformed tag falls back to the root locale, never the environment's") {
  CHECK(to_upper("i", "??") == "I");
}

}  // namespace
}  // namespace cvpress::text
