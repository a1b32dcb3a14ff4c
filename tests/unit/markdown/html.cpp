// Raw HTML mapped into document nodes: what people write in real résumés.
#include "markdown/html.h"

#include <doctest/doctest.h>

#include "tree_dump.h"

namespace cvpress::markdown {
namespace {

using testing::blocks;
using testing::dump;
using testing::parse_text;

TEST_CASE("an html heading and paragraph keep their text: the name and the contacts") {
  CHECK(blocks("<h1>Jane Doe</h1>\n\n<p>jane@example.com · +1 555 0100</p>\n\n## Experience\n\nText.\n") ==
        R"((heading h1 (text "Jane Doe")) (paragraph (text "jane@example.com · +1 555 0100")) )"
        R"((heading h2 (text "Experience")) (paragraph (text "Text.")))");
}

TEST_CASE("align and text-align centre or right-align a block") {
  CHECK(blocks("<p align=\"center\">Email: jane@example.com</p>\n") ==
        R"((paragraph center (text "Email: jane@example.com")))");
  CHECK(blocks("<div style=\"text-align: right\">x</div>\n") == R"((paragraph right (text "x")))");
  CHECK(blocks("<center>x</center>\n") == R"((paragraph center (text "x")))");
}

TEST_CASE("a div around Markdown blocks holds them up to its closing tag") {
  CHECK(blocks("<div align=\"center\">\n\n# Jane\n\nHi *there*\n\n</div>\n\nafter\n") ==
        R"((heading h1 center (text "Jane")) (paragraph center (text "Hi ") (em (text "there"))) )"
        R"((paragraph (text "after")))");
}

TEST_CASE("br is a hard line break in text, headings and table cells") {
  CHECK(blocks("Lead<br>Developer\n") == R"((paragraph (text "Lead") (hardbreak) (text "Developer")))");
  CHECK(blocks("## A<br/>B\n") == R"((heading h2 (text "A") (hardbreak) (text "B")))");
  CHECK(blocks("| a |\n|---|\n| x<br>y |\n") ==
        R"((table (row head (cell (text "a"))) (row (cell (text "x") (hardbreak) (text "y")))))");
}

TEST_CASE("inline tags wrap the Markdown text between them") {
  CHECK(blocks("a <a href=\"https://x.org\">*site*</a> <b>bold</b> <kbd>K</kbd> <u>u</u>\n") ==
        R"((paragraph (text "a ") (link https://x.org (em (text "site"))) (text " ") (strong (text "bold")) )"
        R"((text " ") (code "K") (text " ") (text "u")))");
}

TEST_CASE("an html document with dir=rtl makes the document right to left") {
  Diagnostics diags;
  const doc::Document d = parse_text("<html dir=\"rtl\">\n<body>\nسلام<br>\nدنیا\n</body>\n</html>\n", diags);
  CHECK(d.meta.dir == "rtl");
  CHECK(dump(d.root.children.at(0)) == R"((paragraph (text "سلام") (hardbreak) (text " دنیا")))");
}

TEST_CASE("scripts, styles and forms are dropped with one located warning per kind") {
  Diagnostics diags;
  const doc::Document d = parse_text(
      "# A\n\n<style>h1 { color: red }</style>\n\n<script>x()</script>\n\n<script>y()</script>\n\n"
      "<form><input name=q></form>\n",
      diags);
  CHECK(d.root.children.size() == 1);
  CHECK(format(diags) ==
        "t.md:3:1: warning: dropped raw HTML <style>\n"
        "hint: its CSS is not applied; the layout styles the résumé (see `cvpress layouts`)\n"
        "t.md:5:1: warning: dropped raw HTML <script>\n"
        "hint: scripts are never run; what they would show is not part of the document\n"
        "t.md:9:1: warning: dropped raw HTML <form>\n"
        "hint: forms and their controls have no place in a printed résumé\n");
}

TEST_CASE("an element left open closes at the end of its container with a located warning") {
  Diagnostics diags;
  const doc::Document d = parse_text("text\n\n<div align=right>\n\n## Skills\n", diags);
  CHECK(dump(d.root.children.at(1)) == R"((heading h2 right (text "Skills")))");
  CHECK(format(diags).find("t.md:3:1: warning: <div> is not closed") == 0);
}

TEST_CASE("html nested deeper than the limit is a located error, checked before parsing") {
  Diagnostics diags;
  std::string deep = "x\n\n";
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  (void)parse_text(deep + "\n", diags);
  CHECK(diags.error_count() == 1);
  CHECK(format(diags).find("t.md:3:1281: error: raw HTML nested more than 256 elements deep") == 0);
}

TEST_CASE("images keep their source and alt text") {
  CHECK(blocks("<img src=\"me.jpg\" width=\"120\" alt=\"Jane\">\n") ==
        R"((paragraph (image me.jpg (text "Jane"))))");
}

TEST_CASE("an html table keeps rows, header cells and colspan") {
  CHECK(
      blocks(
          "<table>\n<tr><th>Name</th><th>Contact</th></tr>\n<tr><td colspan=\"2\">a@b.c<br>+1 555</td></tr>\n"
          "</table>\n") == R"((table (row head (cell (text "Name")) (cell (text "Contact"))) )"
                           R"((row (cell colspan=2 (text "a@b.c") (hardbreak) (text "+1 555")))))");
}

TEST_CASE("html lists become lists, details show open with the summary in bold") {
  CHECK(blocks("<ul><li>Go</li><li>Rust</li></ul>\n") ==
        R"((list bullet '-' tight (item (paragraph (text "Go"))) (item (paragraph (text "Rust")))))");
  CHECK(blocks("<details><summary>More</summary>\n\nHidden *text*\n\n</details>\n") ==
        R"((paragraph (strong (text "More"))) (paragraph (text "Hidden ") (em (text "text"))))");
}

TEST_CASE("page-break styles and the pagebreak comment break the page") {
  CHECK(blocks("<div style=\"page-break-before: always\">B</div>\n") ==
        R"((pagebreak) (paragraph (text "B")))");
  CHECK(blocks("<p style=\"page-break-after:always\">A</p>\n") == R"((paragraph (text "A")) (pagebreak))");
  CHECK(blocks("<!-- pagebreak -->\n") == R"((pagebreak))");
}

TEST_CASE("entities are decoded and white space collapses") {
  CHECK(blocks("<p>R&amp;D &nbsp;\n   lead</p>\n") == "(paragraph (text \"R&D \u00A0 lead\"))");
}

TEST_CASE("html text keeps the line and column it was written at") {
  Diagnostics diags;
  const doc::Document d = parse_text("para\n\n<p>\n  <b>Bold</b>\n</p>\n", diags);
  const doc::Node& strong = d.root.children.at(1).children.at(0);
  CHECK(strong.kind == doc::NodeKind::Strong);
  CHECK(testing::position(strong.children.at(0).range.begin) == "4:6");
}

}  // namespace
}  // namespace cvpress::markdown
