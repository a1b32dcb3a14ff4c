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
        "    par header\n"
        "      \"\uF0E0\" icon\n"  // the envelope of Fork Awesome: classic sets contact icons
        "      \" \"\n"
        "      \"a@b.c\" -> mailto:a@b.c\n"
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

namespace {

boxes::BoxTree tree_of(const std::string& markdown, const std::string& layout_yaml = {}) {
  Diagnostics diags;
  const doc::Document document = markdown::parse(SourceFile("t.md", markdown), diags);
  std::optional<style::Layout> layout =
      style::load_layout("classic", {std::string(CVPRESS_SOURCE_DIR) + "/layouts"}, diags);
  REQUIRE(layout);
  if (!layout_yaml.empty()) {
    // Overrides in front-matter form: "key: value" lines.
    std::vector<doc::Override> overrides;
    std::size_t at = 0;
    while (at < layout_yaml.size()) {
      const std::size_t end = layout_yaml.find('\n', at);
      const std::string line = layout_yaml.substr(at, end - at);
      const std::size_t colon = line.find(": ");
      overrides.push_back({line.substr(0, colon), line.substr(colon + 2), {}, {}});
      at = end == std::string::npos ? layout_yaml.size() : end + 1;
    }
    style::apply_overrides(*layout, overrides, "t.md", diags);
  }
  REQUIRE_MESSAGE(!diags.has_errors(), format(diags));
  return boxes::build(document, *layout, "en", diags);
}

}  // namespace

TEST_CASE("an entry heading's text after ` | ` is its aside") {
  const boxes::BoxTree t = tree_of("### Tencent | 2019-08 ~ 2022-12\n");
  const boxes::Box& h = t.root.children.at(0);
  REQUIRE(h.spans.size() == 1);
  CHECK(h.spans[0].text == "Tencent");
  REQUIRE(h.aside.size() == 1);
  CHECK(h.aside[0].text == "2019-08 ~ 2022-12");
  CHECK(h.aside[0].location == SourceLocation{1, 15});  // columns still point into the source
  CHECK(h.bookmark == "Tencent");
}

TEST_CASE("a section heading keeps its bar: only entries have asides") {
  const boxes::BoxTree t = tree_of("## Skills | Tools\n");
  CHECK(t.root.children.at(0).aside.empty());
}

TEST_CASE("a short `Label: value` starts a labelled row; a sentence with a colon does not") {
  const boxes::BoxTree t = tree_of(
      "- Desired City: Singapore\n- Education：Associate Degree\n"
      "- gRPC protocol for large packages or non-real-time messages: Agent retrieves tasks\n"
      "- See https://example.com now\n");
  const auto& items = t.root.children.at(0).children;
  const auto first = [&](std::size_t i) { return items.at(i).children.at(0).spans; };
  CHECK(first(0).at(0).text == "Desired City: ");
  CHECK(t.styles[first(0).at(0).style].font_weight == style::FontWeight::Bold);
  CHECK(first(0).at(1).text == "Singapore");
  CHECK(first(0).at(1).location == SourceLocation{1, 17});
  CHECK(first(1).at(0).text == "Education：");
  CHECK(first(2).size() == 1);  // too many words for a label
  CHECK(first(3).size() >= 1);
  CHECK(t.styles[first(3).at(0).style].font_weight == style::FontWeight::Normal);
}

TEST_CASE("with a label width the label moves to its own column") {
  const boxes::BoxTree t = tree_of("Languages: Golang, Python\n", "label.label-width: 30mm");
  const boxes::Box& p = t.root.children.at(0);
  REQUIRE(p.label.size() == 1);
  CHECK(p.label[0].text == "Languages:");
  CHECK(p.spans.at(0).text == "Golang, Python");
}

TEST_CASE("a header list with a separator becomes one contact row with icons by link") {
  const boxes::BoxTree t = tree_of(
      "# Jane\n\n- <jane@example.org>\n- [github.com/jane](https://github.com/jane)\n- +44 20 7946 0958\n"
      "- Location: London\n\n## Work\n",
      "header.separator: \" · \"\nheader.icons: true");
  const boxes::Box& header = t.root.children.at(1);
  REQUIRE(header.role == style::Role::Header);
  const boxes::Box& row = header.children.at(0);
  std::string icons, text;
  for (const boxes::Span& s : row.spans) (s.icon ? icons : text) += s.text;
  CHECK(icons == "\uF0E0\uF09B\uF095\uF041");  // envelope, github, phone, map marker
  CHECK(text == " jane@example.org ·  github.com/jane ·  +44 20 7946 0958 ·  Location: London");
}

TEST_CASE("a two-column layout moves the header and the named sections to the sidebar") {
  const boxes::BoxTree t =
      tree_of("# Jane\n\nLondon\n\n## Profile\n\nHi\n\n## Work\n\nAcme\n\n## Skills\n\nC++\n",
              "page.sidebar-width: 50mm\npage.sidebar-sections: [name, header, skills]");
  std::string main, side;
  for (const boxes::Box& b : t.root.children) main += std::string(style::role_key(b.role)) + " ";
  for (const boxes::Box& b : t.sidebar.children) side += std::string(style::role_key(b.role)) + " ";
  CHECK(side == "name header section paragraph ");
  CHECK(main == "section paragraph section paragraph ");
}

TEST_CASE("a layout may set the lists of named sections as one row with separators") {
  const boxes::BoxTree t =
      tree_of("## Skills\n\n- C++\n- Go\n\n## Work\n\n- Acme\n", "page.inline-lists: [skills]");
  const boxes::Box& row = t.root.children.at(1);
  REQUIRE(row.kind == boxes::BoxKind::Paragraph);
  std::string text;
  for (const boxes::Span& s : row.spans) text += s.text;
  CHECK(text == "C++ \u00B7 Go");
  CHECK(t.root.children.at(3).kind == boxes::BoxKind::List);  // other sections keep their lists
}
