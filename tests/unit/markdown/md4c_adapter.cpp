// The md4c adapter: every block and inline kind, and the source ranges layout relies on.
#include "markdown/md4c_adapter.h"

#include <doctest/doctest.h>

#include "tree_dump.h"

namespace cvpress::markdown {
namespace {

using testing::blocks;
using testing::dump;
using testing::parse_text;
using testing::position;

const doc::Node& first_text(const doc::Node& node) {
  if (node.kind == doc::NodeKind::Text) return node;
  for (const doc::Node& child : node.children) {
    const doc::Node& found = first_text(child);
    if (found.kind == doc::NodeKind::Text) return found;
  }
  return node;
}

TEST_CASE("atx and setext headings keep their level") {
  CHECK(blocks("# One\n\nTwo\n---\n\n###### Six #\n") ==
        R"((heading h1 (text "One")) (heading h2 (text "Two")) (heading h6 (text "Six")))");
}

TEST_CASE("paragraphs keep soft and hard line breaks") {
  CHECK(blocks("a\nb  \nc\\\nd\n") ==
        R"((paragraph (text "a") (softbreak) (text "b") (hardbreak) (text "c") (hardbreak) (text "d")))");
}

TEST_CASE("emphasis, strong, strikethrough and code spans nest") {
  CHECK(
      blocks("*a **b** ~~c~~* `d`") ==
      R"((paragraph (em (text "a ") (strong (text "b")) (text " ") (del (text "c"))) (text " ") (code "d")))");
}

TEST_CASE("a code span spanning lines turns the line end into a space") {
  CHECK(blocks("`a\nb`") == R"((paragraph (code "a b")))");
}

TEST_CASE("links carry their url and title and images their alt text as children") {
  CHECK(blocks(R"([a *b*](http://x.org/ "T") ![alt *t*](p.png 'I'))") ==
        R"((paragraph (link http://x.org/ "T" (text "a ") (em (text "b"))) (text " ") )"
        R"((image p.png "I" (text "alt ") (em (text "t")))))");
}

TEST_CASE("link destinations and titles resolve escapes and entities") {
  CHECK(blocks(R"([a](http://x.org/?a=1&amp;b=2 "x &quot;y&quot;"))") ==
        R"((paragraph (link http://x.org/?a=1&b=2 "x "y"" (text "a"))))");
}

TEST_CASE("url, www and e-mail autolinks become links, with mailto: added for e-mail") {
  CHECK(blocks("<https://a.org/x> https://b.org www.c.org d@e.org <f@g.org>") ==
        R"((paragraph (link https://a.org/x (text "https://a.org/x")) (text " ") )"
        R"((link https://b.org (text "https://b.org")) (text " ") )"
        R"((link http://www.c.org (text "www.c.org")) (text " ") )"
        R"((link mailto:d@e.org (text "d@e.org")) (text " ") (link mailto:f@g.org (text "f@g.org"))))");
}

TEST_CASE("bullet lists record their marker and tightness") {
  CHECK(blocks("- a\n- b\n\n* c\n\n* d\n") ==
        R"((list bullet '-' tight (item (text "a")) (item (text "b"))) )"
        R"((list bullet '*' loose (item (paragraph (text "c"))) (item (paragraph (text "d")))))");
}

TEST_CASE("an ordered list nested in a bullet list keeps its start number and delimiter") {
  CHECK(blocks("- 3) b\n  4) c\n- d\n\n7. e\n") ==
        R"((list bullet '-' tight (item (list ordered start=3 ')' tight (item (text "b")) )"
        R"((item (text "c")))) (item (text "d"))) (list ordered start=7 '.' tight (item (text "e"))))");
}

TEST_CASE("task list items record whether they are checked") {
  CHECK(
      blocks("- [ ] open\n- [x] done\n- [X] also\n- plain\n") ==
      R"((list bullet '-' tight (item [ ] (text "open")) (item [x] (text "done")) (item [x] (text "also")) )"
      R"((item (text "plain"))))");
}

TEST_CASE("block quotes, thematic breaks and code blocks") {
  CHECK(blocks("> q\n\n---\n\n```js x\nlet a;\n  b\n```\n\n    ind\n") ==
        R"((blockquote (paragraph (text "q"))) (rule) (codeblock info="js x" "let a;)"
        "\n  b\n\") (codeblock info=\"\" \"ind\n\")");
}

TEST_CASE("a table flags its header row and records the alignment of every column") {
  const std::string md = "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | |\n";
  CHECK(
      blocks(md) ==
      R"((table (row head (cell left (text "a")) (cell center (text "b")) (cell right (text "c")) (cell (text "d"))) )"
      R"((row (cell left (text "1")) (cell center (text "2")) (cell right (text "3")) (cell))))");
  Diagnostics diags;
  const doc::Document d = parse_text(md, diags);
  const doc::Node& table = d.root.children.at(0);
  CHECK(table.column_alignments == std::vector<doc::Align>{doc::Align::Left, doc::Align::Center,
                                                           doc::Align::Right, doc::Align::Default});
  CHECK(table.children.at(0).children.at(0).header);
  CHECK_FALSE(table.children.at(1).children.at(0).header);
}

TEST_CASE("named and numeric entities resolve to UTF-8 and unknown ones stay literal") {
  CHECK(blocks("&amp;&copy;&#233;&#x2014;&mdash;&nope;&#0;") ==
        "(paragraph (text \"&\") (text \"\xC2\xA9\") (text \"\xC3\xA9\") (text \"\xE2\x80\x94\") "
        "(text \"\xE2\x80\x94\") (text \"&nope;\") (text \"\xEF\xBF\xBD\"))");
}

TEST_CASE("a nul character is removed with a located warning") {
  Diagnostics diags;
  const doc::Document d = parse_text(std::string_view("a\0b", 3), diags);
  CHECK(doc::plain_text(d.root.children.at(0)) == "ab");
  CHECK(format(diags).find("t.md:1:2: warning: removed control character U+0000 from the text") == 0);
}

TEST_CASE("a backslash escape starts a text node of its own so columns stay exact") {
  Diagnostics diags;
  const doc::Document d = parse_text("a\\*b", diags);
  CHECK(dump(d.root.children.at(0), true) == R"((paragraph@1:1-1:5 (text@1:1-1:2 "a") (text@1:3-1:5 "*b")))");
}

TEST_CASE("a pagebreak comment alone becomes a page break, in any case and spacing") {
  CHECK(blocks("a\n\n<!-- pagebreak -->\n\nb\n\n<!--PageBreak-->\n\n<!--   PAGEBREAK\n-->\n") ==
        R"((paragraph (text "a")) (pagebreak) (paragraph (text "b")) (pagebreak) (pagebreak))");
}

TEST_CASE("consecutive pagebreak comments each give a page break at their own line") {
  CHECK(blocks("<!-- pagebreak -->\n<!-- pagebreak -->\n", true) ==
        "(pagebreak@1:1-1:19) (pagebreak@2:1-2:19)");
}

TEST_CASE("other html comments are dropped silently") {
  CHECK(blocks("<!-- note to self -->\n\na <!-- inline --> b\n") == R"((paragraph (text "a ") (text " b")))");
}

TEST_CASE("raw html blocks are kept with their text for the html mapping") {
  Diagnostics diags;
  const doc::Node root = parse_body(SourceFile("t.md", "text\n\n<div>\nx\n</div>\n"), 0, diags);
  CHECK(dump(root.children.at(1)) == "(htmlblock \"<div>\nx\n</div>\n\")");
  CHECK(root.children.at(1).origins.size() == 3);
  CHECK(format(diags) == "");
}

TEST_CASE("inline raw html is kept piece by piece") {
  Diagnostics diags;
  const doc::Node root = parse_body(SourceFile("t.md", "a <b>x</b>\nc <i>y\n"), 0, diags);
  CHECK(dump(root.children.at(0)) ==
        R"((paragraph (text "a ") (htmlinline "<b>") (text "x") (htmlinline "</b>") (softbreak) (text "c ") )"
        R"((htmlinline "<i>") (text "y")))");
  CHECK(format(diags) == "");
}

TEST_CASE("a pagebreak comment inside a paragraph is ignored with a warning") {
  Diagnostics diags;
  (void)parse_text("a <!-- pagebreak --> b\n", diags);
  CHECK(format(diags) ==
        "t.md:1:3: warning: ignored <!-- pagebreak --> inside a paragraph\n"
        "hint: put it on a line of its own, with blank lines around it\n");
}

TEST_CASE("a text node inside a nested list starts at its exact line and column") {
  Diagnostics diags;
  const doc::Document d = parse_text("- a\n  - b\n    1. deep *x*\n", diags);
  const doc::Node& deep = d.root.children.at(0).children.at(0).children.at(1).children.at(0).children.at(1);
  CHECK(dump(deep, true) ==
        R"((list@3:5-3:15 ordered start=1 '.' tight (item@3:5-3:15 (text@3:8-3:13 "deep ") )"
        R"((em@3:14-3:15 (text@3:14-3:15 "x")))))");
}

TEST_CASE("columns count code points, so text after a multi-byte character is exact") {
  Diagnostics diags;
  const doc::Document d = parse_text("## 技能：*Go* 语言\n", diags);
  CHECK(
      dump(d.root.children.at(0), true) ==
      R"((heading@1:4-1:14 h2 (text@1:4-1:7 "技能：") (em@1:8-1:10 (text@1:8-1:10 "Go")) (text@1:11-1:14 " 语言")))");
}

TEST_CASE("text after front matter is located in the whole file's lines") {
  Diagnostics diags;
  const doc::Document d = parse_text("---\ntitle: x\n---\n\n# é *b*\n", diags);
  CHECK(diags.empty());
  CHECK(position(first_text(d.root).range.begin) == "5:3");
  CHECK(dump(d.root, true) ==
        R"((document@5:3-5:7 (heading@5:3-5:7 h1 (text@5:3-5:5 "é ") (em@5:6-5:7 (text@5:6-5:7 "b")))))");
}

TEST_CASE("list items begin at their marker, even when empty") {
  CHECK(blocks("- a\n-\n- [ ]\n- > - b\n", true) ==
        R"((list@1:1-4:8 bullet '-' tight (item@1:1-1:4 (text@1:3-1:4 "a")) (item@2:1-2:1) )"
        R"((item@3:1-3:1 [ ]) (item@4:1-4:8 (blockquote@4:5-4:8 (list@4:5-4:8 bullet '-' tight )"
        R"((item@4:5-4:8 (text@4:7-4:8 "b")))))))");
}

TEST_CASE("a list item after a line ending in emphasis begins at its own marker") {
  CHECK(
      blocks("*a*\n\n1. b *c*\n2. d\n", true) ==
      R"((paragraph@1:2-1:3 (em@1:2-1:3 (text@1:2-1:3 "a"))) (list@3:1-4:5 ordered start=1 '.' tight )"
      R"((item@3:1-3:8 (text@3:4-3:6 "b ") (em@3:7-3:8 (text@3:7-3:8 "c"))) (item@4:1-4:5 (text@4:4-4:5 "d"))))");
}

TEST_CASE("a list nested on its parent item's line begins at its own marker") {
  CHECK(
      blocks("- - a\n", true) ==
      R"((list@1:1-1:6 bullet '-' tight (item@1:1-1:6 (list@1:3-1:6 bullet '-' tight (item@1:3-1:6 (text@1:5-1:6 "a"))))))");
}

TEST_CASE("a span md4c leaves open is closed with its block") {
  Diagnostics diags;
  const doc::Document d = parse_text("***www.a.b***>\n\nnext\n", diags);
  REQUIRE(d.root.children.size() == 2);
  CHECK(d.root.children[0].kind == doc::NodeKind::Paragraph);
  CHECK(dump(d.root.children[1]) == R"((paragraph (text "next")))");
}

TEST_CASE("thematic breaks and empty code blocks are found on their own line") {
  CHECK(blocks("Title\n---\n\n* * *\n\n```\n```\n\n```\n```\n", true) ==
        R"((heading@1:1-1:6 h2 (text@1:1-1:6 "Title")) (rule@4:1-4:6) (codeblock@6:1-6:1 info="" "") )"
        R"((codeblock@9:1-9:1 info="" ""))");
}

TEST_CASE("a fenced code block spans from its fence to its last line") {
  CHECK(blocks("> ```sh\n> ls\n> pwd\n> ```\n", true) ==
        "(blockquote@1:3-3:6 (codeblock@1:3-3:6 info=\"sh\" \"ls\npwd\n\"))");
}

TEST_CASE("an empty document has a located root and no children") {
  Diagnostics diags;
  const doc::Document d = parse_text("", diags);
  CHECK(d.root.kind == doc::NodeKind::Document);
  CHECK(d.root.children.empty());
  CHECK(position(d.root.range.begin) == "1:1");
}

TEST_CASE("parse_body parses from the given byte offset in file coordinates") {
  Diagnostics diags;
  const SourceFile file("f.md", "ignored\n*x*\n");
  const doc::Node root = parse_body(file, 8, diags);
  CHECK(dump(root, true) == R"((document@2:2-2:3 (paragraph@2:2-2:3 (em@2:2-2:3 (text@2:2-2:3 "x")))))");
}

}  // namespace
}  // namespace cvpress::markdown
