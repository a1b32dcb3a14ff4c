#include <doctest/doctest.h>

#include "style/style.h"

using namespace cvpress;
using namespace cvpress::style;

TEST_CASE("A4 is 210 x 297 mm and Letter 8.5 x 11 in") {
  CHECK(paper_size(Paper::A4).width.value() == doctest::Approx(595.2756));
  CHECK(paper_size(Paper::A4).height.value() == doctest::Approx(841.8898));
  CHECK(paper_size(Paper::Letter) == Size{Pt(612), Pt(792)});
}

TEST_CASE("the default paper follows the region of the document's language") {
  CHECK(default_paper("en-US") == Paper::Letter);
  CHECK(default_paper("en_us") == Paper::Letter);
  CHECK(default_paper("fr-CA") == Paper::Letter);
  CHECK(default_paper("es-MX") == Paper::Letter);
  CHECK(default_paper("fil-PH") == Paper::Letter);
  CHECK(default_paper("es-CL") == Paper::Letter);
  CHECK(default_paper("es-CO") == Paper::Letter);
  CHECK(default_paper("es-VE") == Paper::Letter);
  CHECK(default_paper("es-PR") == Paper::Letter);
  CHECK(default_paper("zh-Hant-US") == Paper::Letter);
  CHECK(default_paper("en") == Paper::A4);
  CHECK(default_paper("en-GB") == Paper::A4);
  CHECK(default_paper("zh-CN") == Paper::A4);
  CHECK(default_paper("zh-Hans") == Paper::A4);
  CHECK(default_paper("es-419") == Paper::A4);
  CHECK(default_paper("") == Paper::A4);
  CHECK(default_paper("de-1996") == Paper::A4);  // a variant, not a region
}
