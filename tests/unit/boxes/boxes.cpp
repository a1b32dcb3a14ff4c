#include "boxes/boxes.h"

#include <doctest/doctest.h>

#include "markdown/markdown.h"

using namespace cvpress;

namespace {

std::string boxes_of(const std::string& markdown) {
  Diagnostics diags;
  const doc::Document document = markdown::parse(SourceFile("t.md", markdown), diags);
  const std::optional<style::Layout> layout =
      style::load_layout("classic", {std::string(CVPRESS_SOURCE_DIR) + "/layouts"}, diags);
  REQUIRE(layout);
  const boxes::BoxTree tree = boxes::build(document, *layout, "en", diags);
  REQUIRE_FALSE(diags.has_errors());
  return boxes::dump(tree);
}

}  // namespace

TEST_CASE("the first level-1 heading is the name and what follows it up to a section is the header") {
  CHECK(boxes_of("# Ada Lovelace\n\nLondon\n\n- a@b.c\n\n## Skills\n\nMaths\n") ==
        "block body\n"
        "  par name bookmark=1\n"
        "    \"Ada Lovelace\"\n"
        "  block header\n"
        "    par paragraph\n"
        "      \"London\"\n"
        "    list list\n"
        "      item list-item marker=\"•\"\n"
        "        par paragraph\n"
        "          \"a@b.c\" -> mailto:a@b.c\n"
        "  par section bookmark=2\n"
        "    \"Skills\"\n"
        "  par paragraph\n"
        "    \"Maths\"\n");
}

TEST_CASE("headings map to section, entry and subentry roles") {
  const std::string d = boxes_of("## S\n\n### E\n\n#### F\n\n##### G\n");
  CHECK(d.find("par section bookmark=2") != std::string::npos);
  CHECK(d.find("par entry bookmark=3") != std::string::npos);
  CHECK(d.find("par subentry bookmark=4") != std::string::npos);
  CHECK(d.find("par heading5") != std::string::npos);
}

TEST_CASE("nested lists cycle their bullets and ordered lists count from their start") {
  const std::string d = boxes_of("- a\n  - b\n    - c\n\n3. x\n4. y\n");
  CHECK(d.find("marker=\"•\"") != std::string::npos);
  CHECK(d.find("marker=\"–\"") != std::string::npos);
  CHECK(d.find("marker=\"◦\"") != std::string::npos);
  CHECK(d.find("marker=\"3.\"") != std::string::npos);
  CHECK(d.find("marker=\"4.\"") != std::string::npos);
}

TEST_CASE("inline spans keep their links and code flags") {
  const std::string d = boxes_of("See [the *Notes*](https://x.org) and `code`.\n");
  CHECK(d.find("\"the \" -> https://x.org") != std::string::npos);
  CHECK(d.find("\"Notes\" -> https://x.org") != std::string::npos);
  CHECK(d.find("\"code\" code") != std::string::npos);
}

TEST_CASE("tables become rows of cells with the header flagged") {
  const std::string d = boxes_of("| a | b |\n|---|--:|\n| 1 | 2 |\n");
  CHECK(d.find("row table header") != std::string::npos);
  CHECK(d.find("cell table-header header") != std::string::npos);
  CHECK(d.find("cell table-cell") != std::string::npos);
}

TEST_CASE("a pagebreak comment becomes a page break box") {
  CHECK(boxes_of("a\n\n<!-- pagebreak -->\n\nb\n").find("pagebreak") != std::string::npos);
}
