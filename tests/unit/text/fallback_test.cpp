#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
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

TEST_CASE("the chain for th adds Noto Serif Thai, then Noto Sans Thai, after a serif layout family") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto families = families_of(fonts, fonts.chain(kSerif, false, false, "th"));
  REQUIRE(families.size() >= 3);
  CHECK(families[1] == "Noto Serif Thai");
  CHECK(families[2] == "Noto Sans Thai");
  CHECK(families.back() == "Noto Serif CJK SC");
}

TEST_CASE("a sans layout family gets the sans faces of other scripts only") {
  FontLibrary fonts(testing::bundled_fonts());
  const std::vector<std::string> sans = {"Noto Sans"};
  for (const char* lang : {"th", "hi", "he"}) {
    CAPTURE(std::string(lang));
    const auto families = families_of(fonts, fonts.chain(sans, false, false, lang));
    REQUIRE(families.size() >= 2);
    CHECK(families[1].starts_with("Noto Sans "));
    for (const std::string& f : families)
      CHECK_FALSE((f.starts_with("Noto Serif ") && f.find("CJK") == std::string::npos));
  }
}

TEST_CASE("serif text takes the serif design of each script Debian has one for") {
  FontLibrary fonts(testing::bundled_fonts());
  const std::pair<const char*, const char*> cases[] = {
      {"hi", "Noto Serif Devanagari"}, {"he", "Noto Serif Hebrew"},  {"ka", "Noto Serif Georgian"},
      {"hy", "Noto Serif Armenian"},   {"bn", "Noto Serif Bengali"}, {"ta", "Noto Serif Tamil"},
      {"km", "Noto Serif Khmer"},      {"ar", "Noto Naskh Arabic"},  {"am", "Noto Serif Ethiopic"},
  };
  for (const auto& [lang, family] : cases) {
    CAPTURE(std::string(lang));
    const auto families = families_of(fonts, fonts.chain(kSerif, false, false, lang));
    REQUIRE(families.size() >= 3);
    CHECK(families[1] == family);
  }
  // Thaana has no serif design: the sans face stands alone.
  CHECK(families_of(fonts, fonts.chain(kSerif, false, false, "dv"))[1] == "Noto Sans Thaana");
}

TEST_CASE("bold and italic serif chains use the script's real bold face, never a synthesised one") {
  FontLibrary fonts(testing::bundled_fonts());
  const FontChain bold = fonts.chain(kSerif, true, false, "hi");
  REQUIRE(bold.faces.size() >= 2);
  CHECK(fonts.info(bold.faces[1]).family == "Noto Serif Devanagari");
  CHECK(fonts.info(bold.faces[1]).bold);
  // No Devanagari italic exists: the upright face, saying so (info().italic is false).
  const FontChain italic = fonts.chain(kSerif, true, true, "hi");
  CHECK(fonts.info(italic.faces[1]).family == "Noto Serif Devanagari");
  CHECK(fonts.info(italic.faces[1]).bold);
  CHECK_FALSE(fonts.info(italic.faces[1]).italic);
  // Tamil's sloped serif design comes first for italic text.
  CHECK(families_of(fonts, fonts.chain(kSerif, false, true, "ta"))[1] == "Noto Serif Tamil Slanted");
}

TEST_CASE("a script's serif face without the bold asked for goes behind its bold sans face") {
  // A font folder with Noto Serif Thai in regular only, Noto Sans Thai in both, and no
  // fontconfig: bold Thai is set in the real bold sans before the regular serif.
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("cvpress-fallback-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string noto = "/usr/share/fonts/truetype/noto/";
  for (const char* file : {"NotoSerifThai-Regular.ttf", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"})
    std::filesystem::copy_file(noto + file, dir / file, std::filesystem::copy_options::overwrite_existing);
  {
    FontLibrary fonts(FontLibraryOptions{{testing::kFontsDir, dir.string()}, false});
    const FontChain bold = fonts.chain(kSerif, true, false, "th");
    REQUIRE(bold.faces.size() >= 3);
    CHECK(fonts.info(bold.faces[1]).family == "Noto Sans Thai");
    CHECK(fonts.info(bold.faces[1]).bold);
    CHECK(fonts.info(bold.faces[2]).family == "Noto Serif Thai");
    const FontChain regular = fonts.chain(kSerif, false, false, "th");
    CHECK(fonts.info(regular.faces[1]).family == "Noto Serif Thai");
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("serif_script_families names the serif designs of a script's sans family") {
  CHECK(serif_script_families("Noto Sans Devanagari", false) ==
        std::vector<std::string>{"Noto Serif Devanagari"});
  CHECK(serif_script_families("Noto Sans Arabic", false) == std::vector<std::string>{"Noto Naskh Arabic"});
  CHECK(serif_script_families("Noto Sans Tamil", true) ==
        std::vector<std::string>{"Noto Serif Tamil Slanted", "Noto Serif Tamil"});
  CHECK(serif_script_families("Noto Sans Tamil", false) == std::vector<std::string>{"Noto Serif Tamil"});
  CHECK(serif_script_families("Noto Sans", false).empty());
  CHECK(serif_script_families("Noto Sans Mono", false).empty());
  CHECK(serif_script_families("Noto Sans CJK JP", false).empty());
  CHECK(serif_script_families("DejaVu Sans", false).empty());
}

TEST_CASE("a script the chain lacks falls back to its serif face in serif text") {
  FontLibrary fonts(testing::bundled_fonts());
  const std::string text =
      "Hindi \u0939\u093F\u0928\u094D\u0926\u0940 and Bengali \u09AC\u09BE\u0982\u09B2\u09BE";
  const FontChain serif = fonts.chain(kSerif, false, false, "en");
  std::vector<std::string> families;
  for (const FontRun& run : fonts.itemize(text, 0, text.size(), serif))
    if (run.font != kNoFont) families.push_back(fonts.info(run.font).family);
  CHECK(contains(families, "Noto Serif Devanagari"));
  CHECK(contains(families, "Noto Serif Bengali"));
  const std::vector<std::string> sans_families = {"Noto Sans"};
  const FontChain sans = fonts.chain(sans_families, false, false, "en");
  for (const FontRun& run : fonts.itemize(text, 0, text.size(), sans))
    if (run.font != kNoFont) CHECK_FALSE(fonts.info(run.font).family.starts_with("Noto Serif"));
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
