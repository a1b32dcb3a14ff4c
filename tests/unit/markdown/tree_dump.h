#pragma once
// Test helpers: parse a string and print a doc::Node tree as one readable line, so a
// test states the whole expected structure (kinds, attributes, ranges) at a glance.
#include <string>
#include <string_view>

#include "base/base.h"
#include "doc/doc.h"
#include "markdown/markdown.h"

namespace cvpress::markdown::testing {

inline std::string position(SourceLocation at) {
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

/// `(kind@line:col attributes children...)`; Text and Code print their text in quotes.
inline std::string dump(const doc::Node& node, bool ranges = false) {
  std::string out = "(";
  out += doc::kind_name(node.kind);
  if (ranges) out += "@" + position(node.range.begin) + "-" + position(node.range.end);
  switch (node.kind) {
    case doc::NodeKind::Heading: out += " h" + std::to_string(node.level); break;
    case doc::NodeKind::List:
      out += node.ordered ? " ordered start=" + std::to_string(node.start) : std::string(" bullet");
      out += std::string(" '") + node.delimiter + "'";
      out += node.tight ? " tight" : " loose";
      break;
    case doc::NodeKind::ListItem:
      if (node.task_checked) out += *node.task_checked ? " [x]" : " [ ]";
      break;
    case doc::NodeKind::TableRow:
      if (node.header) out += " head";
      break;
    case doc::NodeKind::TableCell:
      if (node.colspan > 1) out += " colspan=" + std::to_string(node.colspan);
      break;
    case doc::NodeKind::CodeBlock: out += " info=\"" + node.info + "\""; [[fallthrough]];
    case doc::NodeKind::Text:
    case doc::NodeKind::Code:
    case doc::NodeKind::HtmlBlock:
    case doc::NodeKind::HtmlInline: out += " \"" + node.text + "\""; break;
    case doc::NodeKind::Link:
    case doc::NodeKind::Image:
      out += " " + node.url;
      if (!node.title.empty()) out += " \"" + node.title + "\"";
      break;
    default: break;
  }
  out += node.align == doc::Align::Left     ? " left"
         : node.align == doc::Align::Center ? " center"
         : node.align == doc::Align::Right  ? " right"
                                            : "";
  for (const doc::Node& child : node.children) out += " " + dump(child, ranges);
  return out + ")";
}

/// Parses `markdown` as the file "t.md".
inline doc::Document parse_text(std::string_view markdown, Diagnostics& diags) {
  return parse(SourceFile("t.md", std::string(markdown)), diags);
}

/// The body's blocks, dumped, for a document that must parse without any diagnostic.
inline std::string blocks(std::string_view markdown, bool ranges = false) {
  Diagnostics diags;
  const doc::Document d = parse_text(markdown, diags);
  std::string out;
  for (const doc::Node& child : d.root.children) out += (out.empty() ? "" : " ") + dump(child, ranges);
  if (!diags.empty()) out += " !! " + format(diags);
  return out;
}

}  // namespace cvpress::markdown::testing
