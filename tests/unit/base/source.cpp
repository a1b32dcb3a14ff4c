#include "base/source.h"

#include <doctest/doctest.h>

#include "base/error.h"

using namespace cvpress;

TEST_CASE("byte offsets convert to 1-based lines and code-point columns") {
  const SourceFile f("x.md", "ab\n\xC3\xA9t\xC3\xA9\nlast");
  CHECK(f.location_of(0) == SourceLocation{1, 1});
  CHECK(f.location_of(2) == SourceLocation{1, 3});
  CHECK(f.location_of(3) == SourceLocation{2, 1});
  CHECK(f.location_of(5) == SourceLocation{2, 2});  // after "é" (2 bytes): column 2
  CHECK(f.location_of(9) == SourceLocation{3, 1});
  CHECK(f.location_of(1000) == SourceLocation{3, 5});  // clamps to the end
  CHECK(f.line_offset(2) == 3);
}

TEST_CASE("reading a missing file throws an error naming it") {
  CHECK_THROWS_WITH_AS(SourceFile::read("/nonexistent/resume.md"),
                       doctest::Contains("/nonexistent/resume.md: error: cannot open file"), Error);
}
