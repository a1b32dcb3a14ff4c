#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "test_fonts.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

const std::vector<std::string> kSerif = {"Noto Serif"};

struct Item {
  std::string text;
  std::string family;  // "" for kNoFont
};

std::vector<Item> itemize(FontLibrary& fonts, std::string_view text, std::string_view lang) {
  const FontChain chain = fonts.chain(kSerif, false, false, lang);
  std::vector<Item> out;
  for (const FontRun& run : fonts.itemize(text, 0, text.size(), chain)) {
    out.push_back({std::string(text.substr(run.begin, run.end - run.begin)),
                   run.font == kNoFont ? std::string() : fonts.info(run.font).family});
  }
  return out;
}

TEST_CASE("a full-width colon between English words goes to the CJK face") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "Education\uFF1AAssociate", "en");
  REQUIRE(items.size() == 3);
  CHECK(items[0].text == "Education");
  CHECK(items[0].family == "Noto Serif");
  CHECK(items[1].text == "\uFF1A");
  CHECK(items[1].family == "Noto Serif CJK SC");
  CHECK(items[2].text == "Associate");
  CHECK(items[2].family == "Noto Serif");
}

TEST_CASE("only the full-width tilde of an English date range goes to the CJK face") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "2019-08 \uFF5E 2022-12", "en");
  REQUIRE(items.size() == 3);
  CHECK(items[0].text == "2019-08 ");
  CHECK(items[0].family == "Noto Serif");
  CHECK(items[1].text == "\uFF5E");
  CHECK(items[1].family == "Noto Serif CJK SC");
  CHECK(items[2].text == " 2022-12");
  CHECK(items[2].family == "Noto Serif");
}

TEST_CASE("digits and punctuation in Chinese text stay in the CJK face") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "2019\u5E748\u6708\uFF5E2022\u5E74, \u817E\u8BAF", "zh-Hans");
  REQUIRE(items.size() == 1);
  CHECK(items[0].family == "Noto Serif CJK SC");
}

TEST_CASE("full-width parentheses around Chinese in English text go to the CJK face") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "Tencent\uFF08\u817E\u8BAF\uFF09 Ltd", "en");
  REQUIRE(items.size() == 3);
  CHECK(items[0].text == "Tencent");
  CHECK(items[1].text == "\uFF08\u817E\u8BAF\uFF09 ");  // the space's context is Chinese
  CHECK(items[2].text == "Ltd");
  CHECK(items[2].family == "Noto Serif");
}

TEST_CASE("the space between two Latin words stays in the Latin face") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "hello world", "en");
  REQUIRE(items.size() == 1);
  CHECK(items[0].family == "Noto Serif");
}

TEST_CASE("the space between two Chinese words stays in the CJK face") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "Tencent \u817E\u8BAF \u79D1\u6280 Ltd", "zh-Hans");
  REQUIRE(items.size() == 3);
  CHECK(items[0].text == "Tencent ");
  CHECK(items[1].text == "\u817E\u8BAF \u79D1\u6280 ");
  CHECK(items[1].family == "Noto Serif CJK SC");
  CHECK(items[2].text == "Ltd");
}

TEST_CASE("leading punctuation takes the face of the text after it") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "(\u5317\u4EAC)", "zh-Hans");
  REQUIRE(items.size() == 1);
  CHECK(items[0].family == "Noto Serif CJK SC");
}

TEST_CASE("a combining mark stays with its base letter") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "Jose\u0301 \u00E9", "en");
  REQUIRE(items.size() == 1);
  CHECK(items[0].family == "Noto Serif");
}

TEST_CASE("a script no chain face covers is found through fontconfig") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "Thai \u0E01\u0E02 text", "en");
  REQUIRE(items.size() == 3);
  CHECK(items[1].text == "\u0E01\u0E02 ");
  CHECK(items[1].family.find("Thai") != std::string::npos);
}

TEST_CASE("digits after a fallback script return to the face of the text ahead") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "\u0E01 1989-06 Now", "en");
  REQUIRE(items.size() == 2);
  CHECK(items[0].text == "\u0E01 ");
  CHECK(items[1].text == "1989-06 Now");
  CHECK(items[1].family == "Noto Serif");
}

TEST_CASE("symbols in English text use a general fallback, not the CJK face") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "Engineer \u2192 Lead", "en");
  REQUIRE(items.size() == 3);
  CHECK(items[1].text == "\u2192");
  CHECK(items[1].family == "DejaVu Sans");
}

TEST_CASE("a character no font covers itemizes to kNoFont") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto items = itemize(fonts, "a\U0010FFFDb", "en");
  REQUIRE(items.size() == 3);
  CHECK(items[1].text == "\U0010FFFD");
  CHECK(items[1].family.empty());
}

TEST_CASE("itemize covers exactly the requested range with byte offsets into the whole text") {
  FontLibrary fonts(testing::bundled_fonts());
  const std::string text = "ab\u4E2D\u6587cd";
  const FontChain chain = fonts.chain(kSerif, false, false, "en");
  const auto runs = fonts.itemize(text, 1, text.size() - 1, chain);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].begin == 1);
  CHECK(runs[0].end == 2);
  CHECK(runs[1].begin == 2);
  CHECK(runs[1].end == 8);
  CHECK(runs[2].end == text.size() - 1);
  CHECK(fonts.itemize(text, 3 - 1, 2, chain).empty());
}

TEST_CASE("itemize gives the same runs whatever was itemized before") {
  FontLibrary fresh(testing::bundled_fonts());
  FontLibrary used(testing::bundled_fonts());
  (void)itemize(used, "\u0E01 \u05D0 \u0531", "en");
  const std::string text = "x \u0E02 \u05D1 y";
  const auto a = itemize(fresh, text, "en");
  const auto b = itemize(used, text, "en");
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].text == b[i].text);
    CHECK(a[i].family == b[i].family);
  }
}

}  // namespace
}  // namespace cvpress::text
