#include "pdf/cff.h"

#include <algorithm>

#include <doctest/doctest.h>
#include <harfbuzz/hb-subset.h>

#include "pdf_test_support.h"

namespace cvpress::pdf {
namespace {

using test::kCjk;
using test::kCjkScFace;

std::vector<uint8_t> cff_table(hb_face_t* face) {
  CHandle<hb_blob_t, hb_blob_destroy> blob{hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '))};
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  return {reinterpret_cast<const uint8_t*>(data), reinterpret_cast<const uint8_t*>(data) + length};
}

TEST_CASE("Noto Sans CJK SC in the collection is CID-keyed Adobe-Identity-0 with 65535 glyphs") {
  const test::HbFont f = test::open_font(kCjk, kCjkScFace);
  const CffInfo info = read_cff(cff_table(f.face.get()));
  CHECK(info.cid_keyed);
  CHECK(info.registry == "Adobe");
  CHECK(info.ordering == "Identity");
  CHECK(info.supplement == 0);
  CHECK(info.glyph_count == 65535);
  REQUIRE(info.gid_to_cid.size() == 65535);
  // fontTools names these glyphs cid09544 and cid59625: in the full font CID == GID.
  CHECK(info.gid_to_cid[test::glyph_of(f, U'中')] == 9544);
  CHECK(info.gid_to_cid[test::glyph_of(f, U'\U00020BB7')] == 59625);
}

TEST_CASE("a renumbered subset of the CJK face keeps the original CIDs in its charset") {
  const test::HbFont f = test::open_font(kCjk, kCjkScFace);
  CHandle<hb_subset_input_t, hb_subset_input_destroy> input{hb_subset_input_create_or_fail()};
  for (char32_t cp : {U'中', U'简', U'\U00020BB7'}) hb_set_add(hb_subset_input_unicode_set(input.get()), cp);
  CHandle<hb_face_t, hb_face_destroy> subset{hb_subset_or_fail(f.face.get(), input.get())};
  REQUIRE(subset);
  const CffInfo info = read_cff(cff_table(subset.get()));
  CHECK(info.cid_keyed);
  CHECK(info.glyph_count >= 4);
  CHECK(info.gid_to_cid[0] == 0);
  // Renumbered glyphs in CID order: 简 29967 and 𠮷 59625 follow 中 9544.
  CHECK(info.gid_to_cid[1] == 9544);
  CHECK(std::find(info.gid_to_cid.begin(), info.gid_to_cid.end(), 29967) != info.gid_to_cid.end());
  CHECK(std::find(info.gid_to_cid.begin(), info.gid_to_cid.end(), 59625) != info.gid_to_cid.end());
}

TEST_CASE("a name-keyed CFF font has no ROS and no CID table") {
  const test::HbFont f = test::open_font(test::kInter);
  const CffInfo info = read_cff(cff_table(f.face.get()));
  CHECK_FALSE(info.cid_keyed);
  CHECK(info.glyph_count == hb_face_get_glyph_count(f.face.get()));
  CHECK(info.gid_to_cid.empty());
}

TEST_CASE("a truncated or foreign CFF table is rejected with the reason") {
  CHECK_THROWS_WITH_AS(read_cff({}), "malformed CFF table: shorter than its header", Error);
  const std::vector<uint8_t> cff2{2, 0, 5, 0, 0};
  CHECK_THROWS_WITH_AS(read_cff(cff2), "malformed CFF table: major version 2 (CFF2 is not supported)", Error);
  const test::HbFont f = test::open_font(kCjk, kCjkScFace);
  std::vector<uint8_t> table = cff_table(f.face.get());
  table.resize(200);
  CHECK_THROWS_AS(read_cff(table), Error);
  std::vector<uint8_t> garbage(64, 0xFF);
  garbage[0] = 1;
  garbage[2] = 4;
  CHECK_THROWS_AS(read_cff(garbage), Error);
}

}  // namespace
}  // namespace cvpress::pdf
