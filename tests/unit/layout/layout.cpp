#include "layout/layout.h"

#include <doctest/doctest.h>

#include "markdown/markdown.h"

using namespace cvpress;

namespace {

struct Laid {
  layout::Flow flow;
  Diagnostics diags;
};

// Lays out `markdown` with the golden-test layout (Noto Sans 10 pt) at `width`.
Laid lay(const std::string& markdown, double width = 300, const std::string& lang = "en") {
  static text::FontLibrary fonts({{std::string(CVPRESS_SOURCE_DIR) + "/fonts"}, true});
  Laid out;
  const doc::Document document = markdown::parse(SourceFile("t.md", markdown), out.diags);
  std::optional<style::Layout> layout =
      style::load_layout(std::string(CVPRESS_SOURCE_DIR) + "/tests/golden/test.yaml", {}, out.diags);
  REQUIRE(layout);
  const boxes::BoxTree tree = boxes::build(document, *layout, lang, out.diags);
  out.flow = layout::layout(tree, fonts, {Pt(width), "t.md"}, out.diags);
  return out;
}

std::vector<const frame::GlyphRun*> runs(const layout::Slice& s) {
  std::vector<const frame::GlyphRun*> out;
  for (const frame::Item& i : s.items)
    if (const auto* r = std::get_if<frame::GlyphRun>(&i)) out.push_back(r);
  return out;
}

Pt right_edge(const frame::GlyphRun& r) {
  Pt x = r.origin.x;
  for (const frame::Glyph& g : r.glyphs) x += g.advance;
  return x;
}

std::string text_of(const layout::Slice& s) {
  std::string t;
  for (const frame::GlyphRun* r : runs(s))
    for (const std::string& c : r->clusters) t += c;
  return t;
}

}  // namespace

TEST_CASE("a long paragraph wraps into lines no wider than the measure, words and spaces intact") {
  const std::string words =
      "Designed an implementation compatible with existing CSI user interfaces, because CSI depends "
      "strongly on nodes and cannot be used in nodeless Kubernetes like EKS.";
  Laid l = lay(words + "\n");
  REQUIRE_FALSE(l.diags.has_errors());
  REQUIRE(l.flow.slices.size() >= 2);
  std::string joined;
  for (const layout::Slice& s : l.flow.slices) {
    for (const frame::GlyphRun* r : runs(s)) CHECK(right_edge(*r) <= Pt(300.001));
    if (!joined.empty()) joined += ' ';
    joined += text_of(s);
  }
  CHECK(joined == words);
}

TEST_CASE("a word wider than the measure is broken between graphemes, not left to overflow") {
  Laid l =
      lay("https://example.com/a/very/long/path/that/cannot/possibly/fit/on/one/line/of/this/measure\n", 120);
  REQUIRE(l.flow.slices.size() >= 2);
  for (const layout::Slice& s : l.flow.slices)
    for (const frame::GlyphRun* r : runs(s)) CHECK(right_edge(*r) <= Pt(120.001));
}

TEST_CASE("uppercase text extracts as written") {
  Laid l = lay("## Skills List\n", 300);
  std::string shaped_clusters;
  for (const frame::GlyphRun* r : runs(l.flow.slices.at(0)))
    for (const std::string& c : r->clusters) shaped_clusters += c;
  CHECK(shaped_clusters == "Skills List");
}

TEST_CASE("a character no font covers is reported at its line and column with its name") {
  Laid l = lay("# N\n\nab \U0010FFFD cd\n");
  REQUIRE(l.diags.has_errors());
  const std::string message = format(l.diags);
  CHECK(message.find("t.md:3:4: error: no font covers") != std::string::npos);
  CHECK(message.find("U+10FFFD") != std::string::npos);
}

TEST_CASE("full-width punctuation in English text is set in the CJK face and spaces stay") {
  Laid l = lay("- 1989-06 ～ Now\n");
  REQUIRE_FALSE(l.diags.has_errors());
  CHECK(text_of(l.flow.slices.at(0)).find("1989-06 ～ Now") != std::string::npos);
  CHECK(l.flow.fonts.size() >= 2);
}

TEST_CASE("headings carry a bookmark and keep with the next line") {
  Laid l = lay("## Work\n\nText\n");
  REQUIRE(l.flow.slices.size() == 2);
  CHECK(l.flow.slices[0].keep_with_next);
  REQUIRE(l.flow.slices[0].bookmarks.size() == 1);
  CHECK(l.flow.slices[0].bookmarks[0].title == "Work");
  CHECK_FALSE(l.flow.slices[1].keep_with_next);
}

TEST_CASE("vertical margins collapse: the larger of two adjacent margins wins") {
  // Paragraph margin-bottom 6 pt meets the section's margin-top 12 pt.
  Laid l = lay("Para\n\n## Section\n");
  REQUIRE(l.flow.slices.size() == 2);
  CHECK(l.flow.slices[1].space_before == Pt(12));
}

TEST_CASE("a link becomes a clickable area over its text") {
  Laid l = lay("See [the notes](https://example.com/n) now\n");
  REQUIRE(l.flow.slices.size() == 1);
  REQUIRE(l.flow.slices[0].links.size() == 1);
  CHECK(l.flow.slices[0].links[0].uri == "https://example.com/n");
  CHECK(l.flow.slices[0].links[0].area.width > Pt(30));
}

TEST_CASE("a table is one slice per row, the header row kept with the next") {
  Laid l = lay("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n");
  REQUIRE(l.flow.slices.size() == 3);
  CHECK(l.flow.slices[0].keep_with_next);
  CHECK(text_of(l.flow.slices[2]) == "34");
}

TEST_CASE("a code block keeps its indentation and line ends") {
  Laid l = lay("```\nif x:\n    y()\n```\n");
  REQUIRE_FALSE(l.diags.has_errors());
  REQUIRE(l.flow.slices.size() == 2);
  CHECK(text_of(l.flow.slices[1]) == "    y()");
}
