#include "doc/doc.h"

namespace cvpress::doc {
namespace {

void collect(const Node& n, std::string& out) {
  switch (n.kind) {
    case NodeKind::Text:
    case NodeKind::Code: out += n.text; return;
    case NodeKind::SoftBreak:
    case NodeKind::HardBreak: out += ' '; return;
    case NodeKind::HtmlInline:
    case NodeKind::HtmlBlock: return;
    default: break;
  }
  for (const Node& c : n.children) collect(c, out);
}

}  // namespace

std::string plain_text(const Node& node) {
  std::string out;
  collect(node, out);
  return out;
}

const char* kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Document: return "document";
    case NodeKind::Heading: return "heading";
    case NodeKind::Paragraph: return "paragraph";
    case NodeKind::List: return "list";
    case NodeKind::ListItem: return "item";
    case NodeKind::BlockQuote: return "blockquote";
    case NodeKind::CodeBlock: return "codeblock";
    case NodeKind::ThematicBreak: return "rule";
    case NodeKind::Table: return "table";
    case NodeKind::TableRow: return "row";
    case NodeKind::TableCell: return "cell";
    case NodeKind::HtmlBlock: return "htmlblock";
    case NodeKind::PageBreak: return "pagebreak";
    case NodeKind::Text: return "text";
    case NodeKind::SoftBreak: return "softbreak";
    case NodeKind::HardBreak: return "hardbreak";
    case NodeKind::Emphasis: return "em";
    case NodeKind::Strong: return "strong";
    case NodeKind::Strikethrough: return "del";
    case NodeKind::Code: return "code";
    case NodeKind::Link: return "link";
    case NodeKind::Image: return "image";
    case NodeKind::HtmlInline: return "htmlinline";
  }
  return "?";
}

}  // namespace cvpress::doc
