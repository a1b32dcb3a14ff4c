// The document tree's helpers: plain_text and kind_name.
#include "doc/doc.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

namespace cvpress::doc {
namespace {

Node leaf(NodeKind kind, std::string text = {}) {
  Node n;
  n.kind = kind;
  n.text = std::move(text);
  return n;
}

Node with(NodeKind kind, std::initializer_list<Node> children) {
  Node n;
  n.kind = kind;
  n.children = children;
  return n;
}

TEST_CASE("plain text concatenates text and code through nested inlines") {
  const Node heading = with(NodeKind::Heading, {leaf(NodeKind::Text, "Resume of "),
                                                with(NodeKind::Strong, {leaf(NodeKind::Text, "Hui")}),
                                                leaf(NodeKind::Code, " Peng")});
  CHECK(plain_text(heading) == "Resume of Hui Peng");
}

TEST_CASE("plain text turns soft and hard breaks into spaces") {
  const Node p = with(NodeKind::Paragraph,
                      {leaf(NodeKind::Text, "a"), leaf(NodeKind::SoftBreak), leaf(NodeKind::Text, "b"),
                       leaf(NodeKind::HardBreak), leaf(NodeKind::Text, "c")});
  CHECK(plain_text(p) == "a b c");
}

TEST_CASE("plain text leaves raw html out") {
  const Node p = with(NodeKind::Paragraph, {leaf(NodeKind::Text, "a"), leaf(NodeKind::HtmlInline, "<b>"),
                                            leaf(NodeKind::Text, "b")});
  CHECK(plain_text(p) == "ab");
  CHECK(plain_text(leaf(NodeKind::HtmlBlock, "<div>")).empty());
}

TEST_CASE("plain text of a link or image is its text, not its url") {
  Node link = with(NodeKind::Link, {leaf(NodeKind::Text, "site")});
  link.url = "https://example.org";
  Node image = with(NodeKind::Image, {leaf(NodeKind::Text, "alt")});
  image.url = "p.png";
  CHECK(plain_text(with(NodeKind::Paragraph, {link, image})) == "sitealt");
}

TEST_CASE("plain text of a node without text is empty") {
  CHECK(plain_text(leaf(NodeKind::ThematicBreak)).empty());
  CHECK(plain_text(Node{}).empty());
}

TEST_CASE("every node kind has a name and blocks come before inlines") {
  CHECK(std::string(kind_name(NodeKind::Document)) == "document");
  CHECK(std::string(kind_name(NodeKind::PageBreak)) == "pagebreak");
  CHECK(std::string(kind_name(NodeKind::HtmlInline)) == "htmlinline");
  for (int k = 0; k <= static_cast<int>(NodeKind::HtmlInline); ++k)
    CHECK(std::string(kind_name(static_cast<NodeKind>(k))) != "?");
  CHECK(leaf(NodeKind::PageBreak).is_block());
  CHECK_FALSE(leaf(NodeKind::Text).is_block());
}

}  // namespace
}  // namespace cvpress::doc
