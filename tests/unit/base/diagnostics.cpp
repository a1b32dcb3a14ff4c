#include "base/diagnostics.h"

#include <doctest/doctest.h>

using namespace cvpress;

TEST_CASE("a diagnostic formats as file:line:col: severity: message with its hint") {
  Diagnostics d;
  d.error("resume.md", {41, 17}, "no font covers U+0E01 THAI CHARACTER KO KAI", "install fonts-noto-core");
  d.warning("resume.md", {3, 1}, "ignored raw HTML");
  CHECK(d.has_errors());
  CHECK(d.error_count() == 1);
  CHECK(format(d) ==
        "resume.md:41:17: error: no font covers U+0E01 THAI CHARACTER KO KAI\nhint: install fonts-noto-core\n"
        "resume.md:3:1: warning: ignored raw HTML\n");
}

TEST_CASE("a diagnostic without a location or file omits them") {
  CHECK(format(Diagnostic{Severity::Error, "a.md", {}, "cannot read", ""}) == "a.md: error: cannot read");
  CHECK(format(Diagnostic{Severity::Note, "", {}, "done", ""}) == "note: done");
}

TEST_CASE("warnings alone are not errors") {
  Diagnostics d;
  d.warning("a.md", {1, 1}, "w");
  CHECK_FALSE(d.has_errors());
  Diagnostics e;
  e.append(d);
  CHECK(e.all().size() == 1);
}
