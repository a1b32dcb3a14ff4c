#include "cli/progress.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace cvpress;

TEST_CASE("the progress bar shows done of total, the rate and the time left") {
  CHECK(cli::Progress::bar(0, 100, 0, 10) == "[..........]   0/100");
  CHECK(cli::Progress::bar(25, 100, 5, 10) == "[##........]  25/100  5.0 doc/s  ETA 15.0 s");
  CHECK(cli::Progress::bar(100, 100, 10, 10) == "[##########] 100/100  10.0 doc/s  ETA 0.0 s");
}

TEST_CASE("durations read as seconds, then minutes, then hours") {
  CHECK(cli::human_duration(1.25) == "1.2 s");
  CHECK(cli::human_duration(185) == "3 min 05 s");
  CHECK(cli::human_duration(7260) == "2 h 01 min");
}

TEST_CASE("off a terminal each finished job is one plain line, a failure followed by its errors") {
  std::ostringstream out;
  cli::Progress progress(2, false, out);
  cli::Job a{"a.md", "a.pdf", "", "", {}};
  cli::JobOutcome ok;
  ok.status = cli::JobStatus::Rendered;
  ok.pages = 2;
  ok.milliseconds = 31;
  progress.finished(a, ok);
  cli::Job b{"b.md", "b.pdf", "", "", {}};
  cli::JobOutcome bad;
  bad.status = cli::JobStatus::Failed;
  bad.diagnostics.push_back({Severity::Error, "b.md", {1, 1}, "front matter is not closed", ""});
  progress.finished(b, bad);
  progress.close();
  CHECK(out.str() ==
        "[1/2] rendered a.md -> a.pdf (2 pages, 31 ms)\n"
        "[2/2] failed b.md\n"
        "b.md:1:1: error: front matter is not closed\n"
        "b.md: failed; no PDF written\n");
}
