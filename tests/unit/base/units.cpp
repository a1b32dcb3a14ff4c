#include "base/units.h"

#include <doctest/doctest.h>

#include "base/error.h"

using namespace cvpress;

TEST_CASE("lengths convert from millimetres and inches exactly") {
  CHECK(Pt::mm(25.4).value() == doctest::Approx(72.0));
  CHECK(Pt::inch(8.5).value() == doctest::Approx(612.0));
  CHECK(Pt::mm(210).value() == doctest::Approx(595.2756));
}

TEST_CASE("length arithmetic keeps units: a ratio of lengths is a number") {
  const Pt a(10), b(4);
  CHECK((a + b).value() == 14);
  CHECK((a - b).value() == 6);
  CHECK((a * 2.5).value() == 25);
  CHECK(a / b == doctest::Approx(2.5));
  CHECK(max(a, b) == a);
  CHECK(abs(Pt(-3)) == Pt(3));
}

TEST_CASE("a broken invariant throws an internal error naming the condition") {
  CHECK_THROWS_WITH_AS(CVPRESS_ASSERT(1 + 1 == 3), doctest::Contains("1 + 1 == 3"), InternalError);
}
