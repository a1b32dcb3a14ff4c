// GitHub tables md4c does not read, through the pre-pass; locations stay the file's.
#include "markdown/tables.h"

#include <doctest/doctest.h>

#include "tree_dump.h"

namespace cvpress::markdown {
namespace {

using testing::blocks;
using testing::parse_text;

TEST_CASE("a delimiter row of one or two dashes makes a table, as on GitHub") {
  CHECK(
      blocks("| a | b |\n| - | -: |\n| x | y |\n") ==
      R"((table (row head (cell (text "a")) (cell right (text "b"))) (row (cell (text "x")) (cell right (text "y")))))");
}

TEST_CASE("a table right under a paragraph line is a table, and lines below keep their numbers") {
  Diagnostics diags;
  const doc::Document d = parse_text("Intro\n| a |\n|---|\n| x |\n\nafter\n", diags);
  REQUIRE(d.root.children.size() == 3);
  CHECK(testing::dump(d.root.children[0]) == R"((paragraph (text "Intro")))");
  CHECK(d.root.children[1].kind == doc::NodeKind::Table);
  CHECK(testing::position(d.root.children[1].range.begin) == "2:3");
  CHECK(testing::position(d.root.children[2].range.begin) == "6:1");
}

TEST_CASE("pipes inside fenced code are left alone") {
  const TablePrepass p = prepare_tables("```\na | b\n- | -\n```\n", 0);
  CHECK_FALSE(p.changed());
}

TEST_CASE("inserted lines map back to the file's lines") {
  const TablePrepass p = prepare_tables("x\n| a |\n| - |\n", 0);
  CHECK(p.text == "x\n\n| a |\n| --- |\n");
  CHECK(original_line(p, 1) == 1);
  CHECK(original_line(p, 3) == 2);
  CHECK(original_line(p, 4) == 3);
}

TEST_CASE(
    "links: non-ASCII is percent-encoded, a bare e-mail gets mailto:, a relative target loses its link") {
  Diagnostics diags;
  const doc::Document d =
      parse_text("[x](http://example.com/?q=НАЛ) [a@b.c](a@b.c) [p](projects.md)\n", diags);
  CHECK(testing::dump(d.root.children.at(0)) ==
        R"((paragraph (link http://example.com/?q=%D0%9D%D0%90%D0%9B (text "x")) (text " ") )"
        R"((link mailto:a@b.c (text "a@b.c")) (text " ") (text "p")))");
  CHECK(format(diags) ==
        "t.md:1:48: warning: link target \"projects.md\" is not a URL; the text stays, without a link\n"
        "hint: a PDF cannot follow a relative link; write the full address (https://...)\n");
}

TEST_CASE("control characters are removed with one located warning per line") {
  Diagnostics diags;
  const doc::Document d = parse_text("- Strong \x7f coding\x01\n", diags);
  CHECK(doc::plain_text(d.root.children.at(0)) == "Strong  coding");
  CHECK(format(diags).find("t.md:1:10: warning: removed control character U+007F from the text") == 0);
}

TEST_CASE("front matter for other tools: warnings, pandoc's metadata honoured, contacts fill the header") {
  Diagnostics diags;
  const doc::Document d = parse_text(
      "---\ntitle: CV\npermalink: /cv/\nauthor: [Jane Roe, Ann Bee]\ngeometry: margin=2cm\n"
      "name: Jane Roe\nemail: jane@example.com\n---\n\n## Experience\n\nText.\n",
      diags);
  CHECK(d.meta.author == "Jane Roe, Ann Bee");
  REQUIRE(d.meta.overrides.size() == 1);
  CHECK(d.meta.overrides[0].key == "page.margin");
  CHECK(d.meta.overrides[0].value == "2cm");
  CHECK(testing::dump(d.root.children.at(0)) == R"((heading h1 (text "Jane Roe")))");
  CHECK(testing::dump(d.root.children.at(1)) ==
        R"((list bullet '-' tight (item (link mailto:jane@example.com (text "jane@example.com")))))");
  CHECK(format(diags).find("t.md:3:1: warning: ignored front matter key \"permalink\": not a cvpress key") ==
        0);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a near miss of a cvpress key stays an error; other tools' keys are never near misses") {
  Diagnostics diags;
  (void)parse_text("---\nlnag: en\ndata: x\ntags: [a]\n---\n# A\n", diags);
  CHECK(diags.error_count() == 1);
  CHECK(format(diags).find(
            "t.md:2:1: error: unknown front matter key \"lnag\"\nhint: did you mean \"lang\"?") == 0);
}

TEST_CASE("the name: a bold first line, an html heading; section words are never names") {
  Diagnostics diags;
  doc::Document d = parse_text("**Jane Doe**\n\n# Education\n\nX\n\n# Work\n\nY\n", diags);
  CHECK(doc::name_index(d.root) == 0);
  CHECK(d.root.children[1].level == 2);  // `#` for every section: shifted to `##`
  d = parse_text("# PERSONAL\n\nJane\n\n# Education\n", diags);
  CHECK(doc::name_index(d.root) == std::string::npos);
  d = parse_text("<h1 align=\"center\">Jane Doe</h1>\n\n## Skills\n", diags);
  CHECK(doc::name_index(d.root) == 0);
}

}  // namespace
}  // namespace cvpress::markdown
