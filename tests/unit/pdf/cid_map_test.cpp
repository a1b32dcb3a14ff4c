#include "pdf/cid_map.h"

#include <doctest/doctest.h>

#include "pdf/content.h"

namespace cvpress::pdf {
namespace {

TEST_CASE("a glyph is shown under its own CID for its first meaning") {
  CidMap map(1000);
  const auto a = map.assign(42, 42, U"fi", true);
  CHECK(a.cid == 42);
  CHECK(a.meaning_kept);
  CHECK(map.assign(42, 42, U"fi", true).cid == 42);
  REQUIRE(map.to_unicode().size() == 1);
  CHECK(map.to_unicode()[0].second == U"fi");
}

TEST_CASE("a glyf glyph drawn for other text gets a spare CID above the glyph range") {
  CidMap map(1000);
  (void)map.assign(42, 42, U"fi", true);
  const auto second = map.assign(42, 42, U"\uFB01", true);
  CHECK(second.cid == 1000);
  CHECK(second.meaning_kept);
  CHECK(map.assign(42, 42, U"\uFB01", true).cid == 1000);  // reused, not a third CID
  CHECK(map.glyphs().at(1000) == 42);
  CHECK(map.to_unicode().size() == 2);
}

TEST_CASE("a CFF glyph drawn for other text keeps its CID and asks for ActualText") {
  CidMap map(CidMap::kNoSpareCids);
  (void)map.assign(9544, 7, U"中", true);
  const auto again = map.assign(9544, 7, U"x", true);
  CHECK(again.cid == 9544);
  CHECK_FALSE(again.meaning_kept);
  CHECK(map.to_unicode()[0].second == U"中");
}

TEST_CASE("a weak guess never displaces a strong meaning and gives way to one") {
  CidMap map(100);
  (void)map.assign(5, 5, U"a", false);
  CHECK(map.assign(5, 5, U"b", false).meaning_kept);  // weak over weak: the first guess stays
  CHECK(map.to_unicode()[0].second == U"a");
  CHECK(map.assign(5, 5, U"c", true).cid == 5);  // strong over weak: replaces it
  CHECK(map.to_unicode()[0].second == U"c");
  const auto weak = map.assign(5, 5, U"d", false);  // weak over strong: ignored
  CHECK(weak.cid == 5);
  CHECK(weak.meaning_kept);
  CHECK(map.to_unicode()[0].second == U"c");
}

TEST_CASE("every CID shown has a ToUnicode entry, in CID order") {
  CidMap map(100);
  (void)map.assign(9, 9, U"z", true);
  (void)map.assign(3, 3, U"a", false);
  const auto entries = map.to_unicode();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].first == 3);
  CHECK(entries[1].first == 9);
}

TEST_CASE("the ToUnicode CMap maps codes to UTF-16BE in blocks of at most 100") {
  std::vector<std::pair<uint16_t, std::u32string>> entries;
  for (uint16_t cid = 1; cid <= 150; ++cid) entries.emplace_back(cid, U"a");
  entries.emplace_back(151, U"\U00020BB7");
  const std::string cmap = to_unicode_cmap(entries);
  CHECK(cmap.find("100 beginbfchar\n<0001> <0061>\n") != std::string::npos);
  CHECK(cmap.find("51 beginbfchar\n") != std::string::npos);
  CHECK(cmap.find("<0097> <D842DFB7>\n") != std::string::npos);
  CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n") != std::string::npos);
  CHECK(cmap.ends_with("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"));
}

}  // namespace
}  // namespace cvpress::pdf
