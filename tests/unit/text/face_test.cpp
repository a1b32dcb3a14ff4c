#include <doctest/doctest.h>

#include "test_fonts.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

TEST_CASE("Noto Serif's metrics come from hhea because USE_TYPO_METRICS is not set") {
  FontLibrary fonts(testing::bundled_fonts());
  const FaceInfo& info = fonts.info(*fonts.find("Noto Serif", false, false));
  CHECK(info.units_per_em == 1000);
  CHECK(info.ascender == 1069);
  CHECK(info.descender == -293);
  CHECK(info.line_gap == 0);
  CHECK(info.cap_height == 714);
  CHECK(info.x_height == 536);
  CHECK(info.underline_position == -100);
  CHECK(info.underline_thickness == 50);
}

TEST_CASE("a face of a collection records its index") {
  FontLibrary fonts(testing::bundled_fonts());
  const auto sc = fonts.find("Noto Sans CJK SC", false, false);
  REQUIRE(sc.has_value());
  CHECK(fonts.info(*sc).face_index == 2);  // JP, KR, SC, TC, HK, then the Mono faces
  CHECK(fonts.info(*sc).family == "Noto Sans CJK SC");
  CHECK(fonts.info(*sc).cap_height > 0);
}

TEST_CASE("to_pt converts font units to points at a size") {
  CHECK(to_pt(500, Pt(10), 1000).value() == doctest::Approx(5.0));
  CHECK(to_pt(-1024, Pt(12), 2048).value() == doctest::Approx(-6.0));
}

}  // namespace
}  // namespace cvpress::text
