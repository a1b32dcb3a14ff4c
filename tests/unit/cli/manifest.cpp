#include "cli/manifest.h"

#include <doctest/doctest.h>

using namespace cvpress;

namespace {

cli::Manifest read(const std::string& text, Diagnostics& diags) {
  return cli::read_manifest(SourceFile("/jobs/batch.yaml", text), diags);
}

}  // namespace

TEST_CASE("manifest jobs take the defaults and resolve relative paths against the manifest") {
  Diagnostics diags;
  const cli::Manifest m = read(
      "defaults:\n"
      "  layout: modern\n"
      "  paper: a4\n"
      "  out-dir: out\n"
      "  overrides: {accent: \"#0b5394\"}\n"
      "jobs:\n"
      "  - people/ada.en.md\n"
      "  - input: /abs/alan.md\n"
      "    output: ../pdf/turing.pdf\n"
      "    layout: layouts/mine.yaml\n"
      "    overrides:\n"
      "      page: {margin: 18mm}\n",
      diags);
  CHECK(format(diags) == "");
  CHECK(m.out_dir == "/jobs/out");
  REQUIRE(m.jobs.size() == 2);
  CHECK(m.jobs[0].input == "/jobs/people/ada.en.md");
  CHECK(m.jobs[0].output == "");
  CHECK(m.jobs[0].layout == "modern");
  CHECK(m.jobs[0].paper == "a4");
  REQUIRE(m.jobs[0].overrides.size() == 1);
  CHECK(m.jobs[1].input == "/abs/alan.md");
  CHECK(m.jobs[1].output == "/pdf/turing.pdf");
  CHECK(m.jobs[1].layout == "/jobs/layouts/mine.yaml");
  REQUIRE(m.jobs[1].overrides.size() == 2);
  CHECK(m.jobs[1].overrides[1].key == "page.margin");
  CHECK(m.jobs[1].overrides[1].value == "18mm");
  CHECK(m.jobs[1].overrides[1].value_location == SourceLocation{12, 22});
}

TEST_CASE("a misspelt manifest key is an error at its place with a did-you-mean hint") {
  Diagnostics diags;
  (void)read("jobs:\n  - input: a.md\n    ouput: b.pdf\n", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.all().front()) ==
        "/jobs/batch.yaml:3:5: error: unknown manifest key \"ouput\"\nhint: did you mean \"output\"?");
}

TEST_CASE("a manifest without jobs, or with a job without input, is reported") {
  Diagnostics diags;
  (void)read("defaults: {paper: a4}\n", diags);
  CHECK(format(diags).find("a manifest needs a `jobs:` list") != std::string::npos);
  Diagnostics more;
  (void)read("jobs:\n  - output: b.pdf\n  - [a, b]\n", more);
  CHECK(more.error_count() == 2);
  CHECK(format(more).find("batch.yaml:2:5: error: a job needs an `input:`") != std::string::npos);
}

TEST_CASE("invalid YAML in a manifest is reported at its line") {
  Diagnostics diags;
  (void)read("jobs: [a.md\n", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags).rfind("/jobs/batch.yaml:", 0) == 0);
  CHECK(format(diags).find("invalid manifest") != std::string::npos);
}

TEST_CASE("a layout is a file when it has a slash or a yaml extension") {
  CHECK(cli::is_layout_file("layouts/mine.yaml"));
  CHECK(cli::is_layout_file("mine.yml"));
  CHECK_FALSE(cli::is_layout_file("modern"));
}
