#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_fonts.h"
#include "text/fallback.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

const std::vector<std::string> kSerif = {"Noto Serif"};

std::vector<std::string> families_of(const FontLibrary& fonts, const FontChain& chain) {
  std::vector<std::string> out;
  for (FontId id : chain.faces) out.push_back(fonts.info(id).family);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_CASE(
    "the chain for zh-CN contains Noto Serif CJK SC (serif text, serif Han) after the layout's family") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto families = families_of(fonts, fonts.chain(kSerif, false, false, "zh-CN"));
  REQUIRE(families.size() >= 2);
  CHECK(families[0] == "Noto Serif");
  CHECK(families[1] == "Noto Serif CJK SC");
}

TEST_CASE("a sans text face gets the sans CJK design") {
  FontLibrary fonts(testing::bundled_fonts());
  const std::vector<std::string> sans = {"Noto Sans"};
  const auto families = families_of(fonts, fonts.chain(sans, false, false, "zh-CN"));
  REQUIRE(families.size() >= 2);
  CHECK(families[1] == "Noto Sans CJK SC");
  CHECK(is_serif_family("EB Garamond"));
  CHECK_FALSE(is_serif_family("Noto Sans Mono"));
}

TEST_CASE("the chain for ja uses the Japanese CJK face") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto families = families_of(fonts, fonts.chain(kSerif, false, false, "ja"));
  CHECK(contains(families, "Noto Serif CJK JP"));
  CHECK_FALSE(contains(families, "Noto Serif CJK SC"));
}

TEST_CASE("the chain for zh-TW and zh-Hant uses the Traditional Chinese face") {
  FontLibrary fonts(testing::bundled_fonts());
  CHECK(contains(families_of(fonts, fonts.chain(kSerif, false, false, "zh-TW")), "Noto Serif CJK TC"));
  CHECK(contains(families_of(fonts, fonts.chain(kSerif, false, false, "zh-Hant")), "Noto Serif CJK TC"));
}

TEST_CASE("the chain for zh-HK uses the Hong Kong face and ko the Korean face") {
  FontLibrary fonts(testing::bundled_fonts());
  CHECK(contains(families_of(fonts, fonts.chain(kSerif, false, false, "zh-HK")), "Noto Serif CJK HK"));
  CHECK(contains(families_of(fonts, fonts.chain(kSerif, false, false, "ko")), "Noto Serif CJK KR"));
}

TEST_CASE("the chain for en still has a CJK face, after the Latin and general faces") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto families = families_of(fonts, fonts.chain(kSerif, false, false, "en"));
  CHECK(families == std::vector<std::string>{"Noto Serif", "Noto Sans", "DejaVu Sans", "Noto Serif CJK SC"});
}

TEST_CASE("a CJK chain puts its CJK face before the general fallbacks") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto families = families_of(fonts, fonts.chain(kSerif, false, false, "zh-Hans"));
  CHECK(families == std::vector<std::string>{"Noto Serif", "Noto Serif CJK SC", "Noto Sans", "DejaVu Sans"});
}

TEST_CASE("a bold chain uses the bold faces, the CJK one included") {
  FontLibrary fonts(testing::bundled_fonts());
  const FontChain chain = fonts.chain(kSerif, true, false, "zh-Hans");
  CHECK(chain.bold);
  for (FontId id : chain.faces) CHECK(fonts.info(id).bold);
}

TEST_CASE("the chain for th adds Noto Sans Thai right after the layout's family") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto families = families_of(fonts, fonts.chain(kSerif, false, false, "th"));
  REQUIRE(families.size() >= 2);
  CHECK(families[1] == "Noto Sans Thai");
  CHECK(families.back() == "Noto Serif CJK SC");
}

TEST_CASE("unknown families are skipped in a chain") {
  FontLibrary fonts(testing::bundled_fonts());
  const std::vector<std::string> families = {"No Such Family Cvpress", "Noto Sans"};
  const FontChain chain = fonts.chain(families, false, false, "en");
  REQUIRE_FALSE(chain.faces.empty());
  CHECK(fonts.info(chain.faces[0]).family == "Noto Sans");
  CHECK(chain.lang == "en");
}

}  // namespace
}  // namespace cvpress::text
