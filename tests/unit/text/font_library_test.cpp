#include <doctest/doctest.h>

#include <string>

#include "base/error.h"
#include "test_fonts.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

using testing::bundled_fonts;
using testing::kDataDir;
using testing::kFontsDir;

TEST_CASE("find picks Noto Serif Bold Italic from the bundled fonts directory") {
  FontLibrary fonts(bundled_fonts());
  const auto id = fonts.find("Noto Serif", true, true);
  REQUIRE(id.has_value());
  const FaceInfo& info = fonts.info(*id);
  CHECK(info.path == kFontsDir + "/noto/NotoSerif-BoldItalic.ttf");
  CHECK(info.family == "Noto Serif");
  CHECK(info.postscript_name == "NotoSerif-BoldItalic");
  CHECK(info.bold);
  CHECK(info.italic);
}

TEST_CASE("find matches the family name case-insensitively") {
  FontLibrary fonts(bundled_fonts());
  const auto id = fonts.find("noto sans", false, false);
  REQUIRE(id.has_value());
  CHECK(fonts.info(*id).postscript_name == "NotoSans-Regular");
}

TEST_CASE("find returns the same id for the same face twice") {
  FontLibrary fonts(bundled_fonts());
  CHECK(fonts.find("Noto Serif", false, false) == fonts.find("Noto Serif", false, false));
  CHECK(fonts.find("Noto Serif", false, false) != fonts.find("Noto Serif", true, false));
}

TEST_CASE("find returns nothing for an unknown family rather than a fontconfig substitute") {
  FontLibrary fonts(bundled_fonts());
  CHECK_FALSE(fonts.find("No Such Family Cvpress", false, false).has_value());
}

TEST_CASE("find reports the real style when the family has no italic") {
  FontLibrary fonts(bundled_fonts());
  const auto id = fonts.find("Noto Sans Mono", true, true);
  REQUIRE(id.has_value());
  CHECK(fonts.info(*id).postscript_name == "NotoSansMono-Bold");
  CHECK(fonts.info(*id).bold);
  CHECK_FALSE(fonts.info(*id).italic);
}

TEST_CASE("find falls back to fontconfig for a family not in the font directories") {
  FontLibrary fonts(bundled_fonts());
  const auto id = fonts.find("DejaVu Sans", false, false);
  REQUIRE(id.has_value());
  CHECK(fonts.info(*id).family == "DejaVu Sans");
}

TEST_CASE("find does not use fontconfig when it is switched off") {
  FontLibrary fonts(FontLibraryOptions{{kFontsDir}, false});
  CHECK_FALSE(fonts.find("DejaVu Sans", false, false).has_value());
  CHECK(fonts.find("Noto Sans", false, false).has_value());
}

TEST_CASE("covers is true for a letter and false for a full-width colon in Noto Serif") {
  FontLibrary fonts(bundled_fonts());
  const FontId serif = *fonts.find("Noto Serif", false, false);
  CHECK(fonts.covers(serif, U'A'));
  CHECK(fonts.covers(serif, U'\u0416'));  // Ж CYRILLIC CAPITAL LETTER ZHE
  CHECK_FALSE(fonts.covers(serif, U'\uFF1A'));
}

TEST_CASE("loading a file that is not a font throws an error naming the file") {
  FontLibrary fonts(bundled_fonts());
  const std::string path = kDataDir + "/broken_fonts/broken.ttf";
  CHECK_THROWS_WITH_AS(fonts.load(path, 0), doctest::Contains(path.c_str()), Error);
}

TEST_CASE("loading a truncated font throws an error naming the file and the problem") {
  FontLibrary fonts(bundled_fonts());
  const std::string path = kDataDir + "/truncated_fonts/truncated.ttf";  // Noto Serif's first 2 KiB
  CHECK_THROWS_WITH_AS(
      fonts.load(path, 0),
      ("cannot load font file " + path + " (face 0): locations (loca) table missing").c_str(), Error);
}

TEST_CASE("loading a face index past the end of a file throws") {
  FontLibrary fonts(bundled_fonts());
  CHECK_THROWS_AS(fonts.load(kFontsDir + "/noto/NotoSerif-Regular.ttf", 3), Error);
}

TEST_CASE("loading a missing file throws an error naming the file") {
  FontLibrary fonts(bundled_fonts());
  CHECK_THROWS_WITH_AS(fonts.load("/nonexistent/cvpress.ttf", 0),
                       "cannot read font file /nonexistent/cvpress.ttf", Error);
}

TEST_CASE("a broken font in a font directory makes construction throw, naming the file") {
  const std::string dir = kDataDir + "/broken_fonts";
  CHECK_THROWS_WITH_AS(FontLibrary(FontLibraryOptions{{dir}, false}),
                       doctest::Contains((dir + "/broken.ttf").c_str()), Error);
}

TEST_CASE("hidden files and folders in a font directory are not scanned") {
  CHECK_NOTHROW(FontLibrary(FontLibraryOptions{{kDataDir + "/hidden_fonts"}, false}));
}

TEST_CASE("every face of a collection in a font directory can be found") {
  // fonts-noto-cjk's collections: JP, KR, SC, TC, HK, then the Mono faces, in each file.
  FontLibrary fonts(FontLibraryOptions{{"/usr/share/fonts/opentype/noto"}, false});
  const auto kr = fonts.find("Noto Sans CJK KR", true, false);
  REQUIRE(kr.has_value());
  CHECK(fonts.info(*kr).path == "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc");
  CHECK(fonts.info(*kr).face_index == 1);
  CHECK(fonts.info(*kr).bold);
  const auto hk = fonts.find("Noto Sans CJK HK", false, false);
  REQUIRE(hk.has_value());
  CHECK(fonts.info(*hk).face_index == 4);
  CHECK_FALSE(fonts.info(*hk).bold);
}

TEST_CASE("a missing font directory makes construction throw") {
  CHECK_THROWS_WITH_AS(FontLibrary(FontLibraryOptions{{"/nonexistent-fonts"}, false}),
                       "font directory /nonexistent-fonts does not exist", Error);
}

}  // namespace
}  // namespace cvpress::text
