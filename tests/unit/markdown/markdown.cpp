// markdown::parse: the whole stage on real files, and the encoding check.
#include "markdown/markdown.h"

#include <doctest/doctest.h>

#include "tree_dump.h"

namespace cvpress::markdown {
namespace {

using testing::parse_text;
using testing::position;

TEST_CASE("the English sample parses without diagnostics and starts with the name heading") {
  Diagnostics diags;
  const doc::Document d = parse(SourceFile::read(CVPRESS_SOURCE_DIR "/samples/resume.en.md"), diags);
  CHECK(format(diags) == "");
  REQUIRE_FALSE(d.root.children.empty());
  const doc::Node& heading = d.root.children.front();
  CHECK(heading.kind == doc::NodeKind::Heading);
  CHECK(heading.level == 1);
  CHECK(doc::plain_text(heading) == "Resume Of Hui Peng Zhu");
  CHECK(position(heading.range.begin) == "1:3");
  CHECK(d.meta.lang.empty());
  CHECK(d.path == CVPRESS_SOURCE_DIR "/samples/resume.en.md");
}

TEST_CASE("the Chinese sample parses without diagnostics and reads its front matter") {
  Diagnostics diags;
  const doc::Document d = parse(SourceFile::read(CVPRESS_SOURCE_DIR "/samples/resume.zh.md"), diags);
  CHECK(format(diags) == "");
  CHECK(d.meta.lang == "zh-CN");
  CHECK(d.meta.title == "朱慧鹏 — 简历");
  REQUIRE_FALSE(d.root.children.empty());
  CHECK(doc::plain_text(d.root.children.front()) == "朱慧鹏");
  CHECK(position(d.root.children.front().range.begin) == "6:3");
}

TEST_CASE("every node of a parsed file has a location") {
  Diagnostics diags;
  const doc::Document d = parse(SourceFile::read(CVPRESS_TEST_DATA "/markdown/every_kind.md"), diags);
  CHECK(diags.error_count() == 0);
  std::vector<const doc::Node*> stack{&d.root};
  int nodes = 0;
  while (!stack.empty()) {
    const doc::Node* n = stack.back();
    stack.pop_back();
    ++nodes;
    CAPTURE(doc::kind_name(n->kind));
    CHECK(n->range.begin.known());
    CHECK(n->range.end.known());
    for (const doc::Node& c : n->children) stack.push_back(&c);
  }
  CHECK(nodes > 50);
}

TEST_CASE("an invalid UTF-8 byte is an error at its exact line and column") {
  Diagnostics diags;
  const doc::Document d = parse_text("# ok\n\nab\xE9z\n", diags);
  CHECK(format(diags) ==
        "t.md:3:3: error: invalid UTF-8 byte 0xE9\n"
        "hint: cvpress reads Markdown as UTF-8; save the file with that encoding\n");
  // The tree holds U+FFFD instead, one code point per byte, so columns stay right.
  CHECK(d.root.children.at(1).children.at(0).text == "ab\xEF\xBF\xBDz");
}

TEST_CASE("invalid UTF-8 is reported ten times at most") {
  Diagnostics diags;
  (void)parse_text(std::string(12, '\xFF'), diags);
  CHECK(diags.error_count() == 10);
  CHECK(format(diags).find("t.md:1:11: note: more invalid UTF-8 bytes follow; only the first 10 are shown") !=
        std::string::npos);
}

TEST_CASE("front matter errors and body warnings are reported together") {
  Diagnostics diags;
  const doc::Document d = parse_text("---\nfit: x\n---\n<style>p {}</style>\n\n# Name\n", diags);
  CHECK(diags.error_count() == 1);
  CHECK(format(diags).find("t.md:4:1: warning: dropped raw HTML <style>") != std::string::npos);
  CHECK(doc::plain_text(d.root.children.back()) == "Name");
}

TEST_CASE("an unclosed front matter still lets the body parse") {
  Diagnostics diags;
  const doc::Document d = parse_text("---\ntitle: x\n", diags);
  CHECK(format(diags).find("t.md:1:1: error: front matter is not closed") == 0);
  CHECK_FALSE(d.root.children.empty());
}

}  // namespace
}  // namespace cvpress::markdown

namespace cvpress::markdown {
namespace {

TEST_CASE("a shared front matter file reads like a document's front matter") {
  Diagnostics diags;
  const doc::Metadata meta = parse_front_matter_file(
      SourceFile("resume.yaml", "layout: modern\npaper: letter\naccent: \"#0b5394\"\n"), diags);
  CHECK(format(diags) == "");
  CHECK(meta.layout == "modern");
  CHECK(meta.paper == "letter");
  REQUIRE(meta.overrides.size() == 1);
  CHECK(meta.overrides[0].key == "accent");
  CHECK(meta.overrides[0].value_location == SourceLocation{3, 9});
}

TEST_CASE("a problem in a shared front matter file is reported at its line and column") {
  Diagnostics diags;
  (void)parse_front_matter_file(SourceFile("resume.yaml", "layout: modern\npaper: a5\n"), diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.all().front()).rfind("resume.yaml:2:8: error: invalid paper \"a5\"", 0) == 0);
}

}  // namespace
}  // namespace cvpress::markdown
