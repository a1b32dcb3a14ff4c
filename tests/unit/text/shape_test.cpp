#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "test_fonts.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

ShapedRun shape(FontLibrary& fonts, FontId font, std::string_view text, std::string_view lang = "en",
                bool kerning = true, bool ligatures = true) {
  ShapeRequest request;
  request.font = font;
  request.text = text;
  request.begin = 0;
  request.end = text.size();
  request.lang = lang;
  request.kerning = kerning;
  request.ligatures = ligatures;
  return fonts.shape(request);
}

TEST_CASE("office in Noto Serif forms a ligature only when ligatures are on") {
  FontLibrary fonts(testing::bundled_fonts());
  const FontId serif = *fonts.find("Noto Serif", false, false);
  const ShapedRun with = shape(fonts, serif, "office");
  const ShapedRun without = shape(fonts, serif, "office", "en", true, false);
  CHECK(with.glyphs.size() < 6);
  CHECK(without.glyphs.size() == 6);
  // The ligature's cluster is the byte offset of its first letter.
  CHECK(with.glyphs[1].cluster == 1);
  CHECK(with.glyphs[2].cluster == 4);
}

TEST_CASE("kerning changes the advance of AV") {
  FontLibrary fonts(testing::bundled_fonts());
  const FontId serif = *fonts.find("Noto Serif", false, false);
  const ShapedRun kerned = shape(fonts, serif, "AV");
  const ShapedRun plain = shape(fonts, serif, "AV", "en", false, true);
  CHECK(kerned.advance < plain.advance);
  CHECK(kerned.advance == kerned.glyphs[0].x_advance + kerned.glyphs[1].x_advance);
}

TEST_CASE("U+76F4 has different glyphs in Japanese and Simplified Chinese (locl, the face per lang)") {
  FontLibrary fonts(testing::bundled_fonts());
  const std::string text = "\u76F4";
  const FontChain ja = fonts.chain({}, false, false, "ja");
  const FontChain zh = fonts.chain({}, false, false, "zh-Hans");
  const auto ja_runs = fonts.itemize(text, 0, text.size(), ja);
  const auto zh_runs = fonts.itemize(text, 0, text.size(), zh);
  REQUIRE(ja_runs.size() == 1);
  REQUIRE(zh_runs.size() == 1);
  CHECK(fonts.info(ja_runs[0].font).family == "Noto Sans CJK JP");
  CHECK(fonts.info(zh_runs[0].font).family == "Noto Sans CJK SC");
  const ShapedRun ja_glyphs = shape(fonts, ja_runs[0].font, text, "ja");
  const ShapedRun zh_glyphs = shape(fonts, zh_runs[0].font, text, "zh-Hans");
  REQUIRE(ja_glyphs.glyphs.size() == 1);
  REQUIRE(zh_glyphs.glyphs.size() == 1);
  CHECK(ja_glyphs.glyphs[0].glyph != zh_glyphs.glyphs[0].glyph);
}

TEST_CASE("the language alone selects locl forms within one CJK face") {
  FontLibrary fonts(testing::bundled_fonts());
  const FontId sc = *fonts.find("Noto Sans CJK SC", false, false);
  CHECK(shape(fonts, sc, "\u76F4", "ja").glyphs[0].glyph !=
        shape(fonts, sc, "\u76F4", "zh-Hans").glyphs[0].glyph);
}

TEST_CASE("clusters are byte offsets into the whole paragraph, not into the run") {
  FontLibrary fonts(testing::bundled_fonts());
  const FontId serif = *fonts.find("Noto Serif", false, false);
  const std::string text = "caf\u00E9 bar";
  ShapeRequest request;
  request.font = serif;
  request.text = text;
  request.begin = 6;  // "bar"
  request.end = text.size();
  const ShapedRun run = fonts.shape(request);
  REQUIRE(run.glyphs.size() == 3);
  CHECK(run.glyphs[0].cluster == 6);
  CHECK(run.glyphs[2].cluster == 8);
}

TEST_CASE("right-to-left runs come back in visual order") {
  FontLibrary fonts(testing::bundled_fonts());
  const std::string text = "\u05D0\u05D1";  // Hebrew alef, bet
  const FontChain chain = fonts.chain({}, false, false, "he");
  const auto runs = fonts.itemize(text, 0, text.size(), chain);
  REQUIRE(runs.size() == 1);
  ShapeRequest request;
  request.font = runs[0].font;
  request.text = text;
  request.end = text.size();
  request.direction = Direction::RightToLeft;
  request.lang = "he";
  const ShapedRun run = fonts.shape(request);
  REQUIRE(run.glyphs.size() == 2);
  CHECK(run.glyphs[0].cluster == 2);
  CHECK(run.glyphs[1].cluster == 0);
}

TEST_CASE("shaping the same request twice gives the same glyphs") {
  FontLibrary fonts(testing::bundled_fonts());
  const FontId serif = *fonts.find("Noto Serif", false, false);
  const ShapedRun a = shape(fonts, serif, "Typesetting affine offices");
  const ShapedRun b = shape(fonts, serif, "Typesetting affine offices");
  REQUIRE(a.glyphs.size() == b.glyphs.size());
  for (std::size_t i = 0; i < a.glyphs.size(); ++i) {
    CHECK(a.glyphs[i].glyph == b.glyphs[i].glyph);
    CHECK(a.glyphs[i].x_advance == b.glyphs[i].x_advance);
  }
}

TEST_CASE("an empty run shapes to no glyphs") {
  FontLibrary fonts(testing::bundled_fonts());
  const FontId serif = *fonts.find("Noto Serif", false, false);
  ShapeRequest request;
  request.font = serif;
  request.text = "abc";
  request.begin = 1;
  request.end = 1;
  CHECK(fonts.shape(request).glyphs.empty());
}

}  // namespace
}  // namespace cvpress::text
