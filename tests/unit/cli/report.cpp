#include "cli/report.h"

#include <doctest/doctest.h>

using namespace cvpress;

TEST_CASE("JSON strings escape quotes, backslashes and control characters and keep UTF-8") {
  CHECK(cli::json_string("plain") == "\"plain\"");
  CHECK(cli::json_string("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"");
  CHECK(cli::json_string("line\nnext\ttab") == "\"line\\nnext\\ttab\"");
  CHECK(cli::json_string(std::string("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
  CHECK(cli::json_string("朱慧鹏 Résumé") == "\"朱慧鹏 Résumé\"");
}

TEST_CASE("a report line names the job, its pages, time, diagnostics and missing glyphs") {
  cli::Job job;
  job.input = "in/a.md";
  job.output = "out/a.pdf";
  cli::JobOutcome outcome;
  outcome.status = cli::JobStatus::Failed;
  outcome.milliseconds = 12.345;
  outcome.diagnostics.push_back({Severity::Error, "in/a.md", {3, 13}, "no font covers U+10FFFD", ""});
  outcome.diagnostics.push_back({Severity::Warning, "in/a.md", {5, 1}, "raw HTML ignored", ""});
  outcome.missing_glyphs = {"U+10FFFD"};
  CHECK(cli::report_line(job, outcome) ==
        "{\"input\":\"in/a.md\",\"output\":\"out/a.pdf\",\"status\":\"failed\",\"pages\":0,\"ms\":12.3,"
        "\"warnings\":[\"in/a.md:5:1: warning: raw HTML ignored\"],"
        "\"errors\":[\"in/a.md:3:13: error: no font covers U+10FFFD\"],\"missing_glyphs\":[\"U+10FFFD\"]}");
}
