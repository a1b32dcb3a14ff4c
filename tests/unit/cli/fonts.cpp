#include "cli/fonts.h"

#include <doctest/doctest.h>

#include "cli/render.h"

using namespace cvpress;

namespace {

// A run of font `font` whose clusters are `clusters` (one glyph each: glyphs do not count).
frame::GlyphRun run_of(frame::FontIndex font, std::vector<std::string> clusters) {
  frame::GlyphRun run;
  run.font = font;
  run.size = Pt(10);
  for (uint32_t i = 0; i < clusters.size(); ++i) run.glyphs.push_back(frame::Glyph{1, i, Pt(5), {}, {}});
  run.clusters = std::move(clusters);
  return run;
}

frame::PagedDocument hindi_page() {
  frame::PagedDocument doc;
  doc.fonts = {{"/fonts/NotoSerif-Regular.ttf", 0, "NotoSerif-Regular"},
               {"/fonts/NotoSansDevanagari-Regular.ttf", 0, "NotoSansDevanagari-Regular"},
               {"/fonts/ForkAwesome.ttf", 0, "forkawesome"}};
  frame::Page page;
  page.items.emplace_back(run_of(0, {"C", "V", ":", " "}));
  page.items.emplace_back(run_of(1, {"हि", "न्दी", " ", "क्ष"}));
  page.items.emplace_back(run_of(0, {"e\u0301"}));  // é with a combining accent: both Latin
  frame::GlyphRun icon = run_of(2, {"\uF0E0"});
  icon.artifact = true;
  page.items.emplace_back(icon);
  doc.pages = {page, page};
  return doc;
}

}  // namespace

TEST_CASE("font usage counts characters by script and face, marks with their base, icons not at all") {
  const std::vector<cli::FaceUse> uses = cli::font_usage(hindi_page());
  REQUIRE(uses.size() == 4);
  // Devanagari: हि न्दी क्ष = 2 + 4 + 3 code points per page (the virama, a mark of the
  // Devanagari block, is Devanagari itself).
  CHECK(uses[0].script == "Devanagari");
  CHECK(uses[0].face.postscript_name == "NotoSansDevanagari-Regular");
  CHECK(uses[0].characters == 18);
  // Latin: C V e + U+0301 (Inherited, counted in its base's script), per page.
  CHECK(uses[1].script == "Latin");
  CHECK(uses[1].characters == 8);
  // Common: ':' and ' ' in Noto Serif, ' ' in Noto Sans Devanagari, per page.
  CHECK(uses[2].script == "Common");
  CHECK(uses[2].face.postscript_name == "NotoSerif-Regular");
  CHECK(uses[2].characters == 4);
  CHECK(uses[3].script == "Common");
  CHECK(uses[3].face.postscript_name == "NotoSansDevanagari-Regular");
  CHECK(uses[3].characters == 2);
}

TEST_CASE("uncovered characters come from the missing-glyph errors, once each, in source order") {
  Diagnostics diags;
  diags.error("cv.md", {7, 3}, "no font covers \"\xF4\x8F\xBF\xBD\" U+10FFFD <private use area-10FFFD>",
              "hint a");
  diags.error("cv.md", {2, 5}, "no font covers \"\xE0\xB8\x81\" U+0E01 THAI CHARACTER KO KAI", "hint b");
  diags.error("cv.md", {9, 1}, "no font covers \"\xE0\xB8\x81\" U+0E01 THAI CHARACTER KO KAI", "hint b");
  diags.error("cv.md", {1, 1}, "unknown key \"font-wieght\"");
  const std::vector<cli::Uncovered> u = cli::uncovered_characters(diags);
  REQUIRE(u.size() == 2);
  CHECK(u[0].code_point == 0x0E01);
  CHECK(u[0].location.line == 2);
  CHECK(u[0].hint == "hint b");
  CHECK(u[1].code_point == 0x10FFFD);
  CHECK(u[1].location.line == 7);
  CHECK(u[1].location.column == 3);
}

TEST_CASE("only layout's missing-glyph error counts as one") {
  CHECK(cli::is_missing_glyph(
      {Severity::Error, "cv.md", {}, "no font covers \"x\" U+0078 LATIN SMALL LETTER X", ""}));
  CHECK_FALSE(cli::is_missing_glyph({Severity::Error, "cv.md", {}, "unknown key \"lang2\"", ""}));
}

TEST_CASE("the report lists scripts with their faces, then the uncovered characters with hints") {
  const std::vector<cli::FaceUse> uses = cli::font_usage(hindi_page());
  CHECK(cli::format_fonts_report(uses, {}) ==
        "Devanagari  18  NotoSansDevanagari-Regular  /fonts/NotoSansDevanagari-Regular.ttf\n"
        "Latin        8  NotoSerif-Regular           /fonts/NotoSerif-Regular.ttf\n"
        "Common       4  NotoSerif-Regular           /fonts/NotoSerif-Regular.ttf\n"
        "             2  NotoSansDevanagari-Regular  /fonts/NotoSansDevanagari-Regular.ttf\n"
        "all characters covered\n");
  const std::vector<cli::Uncovered> missing = {{0x10FFFD, "cv.md", {4, 9}, "add that font"}};
  CHECK(cli::format_fonts_report({}, missing) ==
        "uncovered: 1 character\n"
        "cv.md:4:9: U+10FFFD <private use area-10FFFD>\n"
        "  hint: add that font\n");
}

TEST_CASE("counts above a thousand are grouped and a face inside a collection is numbered") {
  frame::FontFile cjk{"/fonts/NotoSansCJK-Regular.ttc", 1, "NotoSansCJKjp-Regular"};
  const std::vector<cli::FaceUse> uses = {{"Han", cjk, 12345}};
  CHECK(cli::format_fonts_report(uses, {}) ==
        "Han  12,345  NotoSansCJKjp-Regular  /fonts/NotoSansCJK-Regular.ttc#1\nall characters covered\n");
}
