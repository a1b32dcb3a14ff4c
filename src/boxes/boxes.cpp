// Builds the box tree. The order of the work follows the document: blocks top to
// bottom, each block's style computed from its parent's (the cascade), inline content
// flattened into spans. Résumé roles (DESIGN §3) are recognised here and nowhere else:
// the first `#` is the name, what stands between it and the first `##` is the header.
#include "boxes/boxes.h"

#include <map>
#include <utility>

namespace cvpress::boxes {
namespace {

using doc::Node;
using doc::NodeKind;
using style::ComputedStyle;
using style::Role;

// Markers when a layout names none: bullet, en dash, white bullet (the usual
// three-level sequence of word processors).
const std::vector<std::string> kDefaultBullets = {"\u2022", "\u2013", "\u25E6"};

class Builder {
 public:
  Builder(const style::Layout& layout, BoxTree& tree, Diagnostics& diags, std::string path)
      : layout_(layout), tree_(tree), diags_(diags), path_(std::move(path)) {}

  void build_document(const Node& root) {
    tree_.styles.push_back(style::root_style(layout_));
    tree_.root.kind = BoxKind::Block;
    tree_.root.role = Role::Page;
    tree_.root.style = 0;
    tree_.root.range = root.range;

    // Find the name: the first level-1 heading among the top-level blocks.
    const Node* name = nullptr;
    for (const Node& child : root.children)
      if (child.kind == NodeKind::Heading && child.level == 1) {
        name = &child;
        break;
      }

    Box* header = nullptr;
    bool in_header = false;
    for (const Node& child : root.children) {
      if (&child == name) {
        add_heading(child, tree_.root, Role::Name);
        in_header = true;
        continue;
      }
      if (child.kind == NodeKind::Heading && child.level <= 2) in_header = false;
      if (in_header) {
        if (!header) {
          Box h;
          h.kind = BoxKind::Block;
          h.role = Role::Header;
          h.style = derive(0, Role::Header);
          h.range = child.range;
          tree_.root.children.push_back(std::move(h));
          header = &tree_.root.children.back();
        }
        add_block(child, *header, 0);
        header->range.end = child.range.end;
        continue;
      }
      header = nullptr;
      add_block(child, tree_.root, 0);
    }
  }

 private:
  // The style of `role` inside the box styled `parent`, computed once per pair.
  StyleId derive(StyleId parent, Role role) {
    const auto key = std::make_pair(parent, role);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    tree_.styles.push_back(style::compute(layout_, role, tree_.styles[parent]));
    const auto id = static_cast<StyleId>(tree_.styles.size() - 1);
    cache_.emplace(key, id);
    return id;
  }

  // An anonymous box: the parent's inherited properties, no margins, borders or padding.
  StyleId anonymous(StyleId parent) {
    if (auto it = anonymous_.find(parent); it != anonymous_.end()) return it->second;
    ComputedStyle s = tree_.styles[parent];
    const ComputedStyle defaults;
    s.margin = defaults.margin;
    s.padding = defaults.padding;
    s.border = defaults.border;
    s.background = defaults.background;
    s.keep_with_next = false;
    s.bookmark = false;
    tree_.styles.push_back(std::move(s));
    const auto id = static_cast<StyleId>(tree_.styles.size() - 1);
    anonymous_.emplace(parent, id);
    return id;
  }

  static Role heading_role(int level) {
    switch (level) {
      case 1:
      case 2: return Role::Section;  // a second `#` is set like a section
      case 3: return Role::Entry;
      case 4: return Role::Subentry;
      case 5: return Role::Heading5;
      default: return Role::Heading6;
    }
  }

  void add_heading(const Node& node, Box& parent, Role role) {
    Box box;
    box.kind = BoxKind::Paragraph;
    box.role = role;
    box.style = derive(parent.style, role);
    box.range = node.range;
    add_inlines(node, box, box.style, {});
    if (tree_.styles[box.style].bookmark) {
      box.bookmark = doc::plain_text(node);
      box.bookmark_level = node.level;
    }
    parent.children.push_back(std::move(box));
  }

  void add_block(const Node& node, Box& parent, int list_depth, bool tight = false) {
    switch (node.kind) {
      case NodeKind::Heading: add_heading(node, parent, heading_role(node.level)); return;
      case NodeKind::Paragraph: {
        Box box;
        box.kind = BoxKind::Paragraph;
        box.role = Role::Paragraph;
        box.style = tight ? anonymous(parent.style) : derive(parent.style, Role::Paragraph);
        box.range = node.range;
        add_inlines(node, box, box.style, {});
        parent.children.push_back(std::move(box));
        return;
      }
      case NodeKind::List: add_list(node, parent, list_depth); return;
      case NodeKind::BlockQuote: {
        Box box;
        box.kind = BoxKind::Block;
        box.role = Role::BlockQuote;
        box.style = derive(parent.style, Role::BlockQuote);
        box.range = node.range;
        for (const Node& c : node.children) add_block(c, box, list_depth);
        parent.children.push_back(std::move(box));
        return;
      }
      case NodeKind::CodeBlock: {
        Box box;
        box.kind = BoxKind::Paragraph;
        box.role = Role::CodeBlock;
        box.style = derive(parent.style, Role::CodeBlock);
        box.range = node.range;
        box.preformatted = true;
        std::string code = node.text;
        while (!code.empty() && code.back() == '\n') code.pop_back();
        Span span;
        span.text = std::move(code);
        span.style = box.style;
        span.location = node.range.begin;
        box.spans.push_back(std::move(span));
        parent.children.push_back(std::move(box));
        return;
      }
      case NodeKind::ThematicBreak: {
        Box box;
        box.kind = BoxKind::Rule;
        box.role = Role::Rule;
        box.style = derive(parent.style, Role::Rule);
        box.range = node.range;
        parent.children.push_back(std::move(box));
        return;
      }
      case NodeKind::PageBreak: {
        Box box;
        box.kind = BoxKind::PageBreak;
        box.style = parent.style;
        box.range = node.range;
        parent.children.push_back(std::move(box));
        return;
      }
      case NodeKind::Table: add_table(node, parent); return;
      case NodeKind::HtmlBlock: return;  // never rendered; the markdown stage warned
      default:
        // Inline content directly inside a block container (a tight list item's text).
        return;
    }
  }

  void add_list(const Node& node, Box& parent, int depth) {
    Box list;
    list.kind = BoxKind::List;
    list.role = Role::List;
    list.style = derive(parent.style, Role::List);
    list.range = node.range;
    const StyleId marker_style = derive(list.style, Role::Marker);
    // A copy, and looked up only now: deriving a style may move tree_.styles.
    std::vector<std::string> bullets = tree_.styles[list.style].bullets;
    if (bullets.empty()) bullets = tree_.styles[marker_style].bullets;
    if (bullets.empty()) bullets = kDefaultBullets;
    uint32_t number = node.start;
    for (const Node& item : node.children) {
      if (item.kind != NodeKind::ListItem) continue;
      Box box;
      box.kind = BoxKind::ListItem;
      box.role = Role::ListItem;
      box.style = derive(list.style, Role::ListItem);
      box.range = item.range;
      box.marker_style = marker_style;
      if (item.task_checked.has_value()) {
        box.marker = *item.task_checked ? "\u2611" : "\u2610";  // BALLOT BOX WITH CHECK / BALLOT BOX
      } else if (node.ordered) {
        box.marker = std::to_string(number++) + node.delimiter;
      } else {
        box.marker = bullets[static_cast<std::size_t>(depth) % bullets.size()];
      }
      // Inline children of a tight item form one anonymous paragraph per run of them.
      Box* open = nullptr;
      for (const Node& c : item.children) {
        if (!c.is_block()) {
          if (!open) {
            Box p;
            p.kind = BoxKind::Paragraph;
            p.role = Role::Paragraph;
            p.style = anonymous(box.style);
            p.range = c.range;
            box.children.push_back(std::move(p));
            open = &box.children.back();
          }
          add_inline(c, *open, open->style, {});
          open->range.end = c.range.end;
          continue;
        }
        open = nullptr;
        add_block(c, box, depth + 1, node.tight);
      }
      list.children.push_back(std::move(box));
    }
    parent.children.push_back(std::move(list));
  }

  void add_table(const Node& node, Box& parent) {
    Box table;
    table.kind = BoxKind::Table;
    table.role = Role::Table;
    table.style = derive(parent.style, Role::Table);
    table.range = node.range;
    for (const Node& row : node.children) {
      if (row.kind != NodeKind::TableRow) continue;
      Box r;
      r.kind = BoxKind::TableRow;
      r.role = Role::Table;
      r.style = anonymous(table.style);
      r.header = row.header;
      r.range = row.range;
      std::size_t column = 0;
      for (const Node& cell : row.children) {
        if (cell.kind != NodeKind::TableCell) continue;
        Box c;
        c.kind = BoxKind::TableCell;
        c.role = row.header || cell.header ? Role::TableHeader : Role::TableCell;
        c.style = derive(table.style, c.role);
        c.header = row.header || cell.header;
        c.range = cell.range;
        c.align = cell.align;
        if (c.align == doc::Align::Default && column < node.column_alignments.size())
          c.align = node.column_alignments[column];
        add_inlines(cell, c, c.style, {});
        r.children.push_back(std::move(c));
        ++column;
      }
      table.children.push_back(std::move(r));
    }
    parent.children.push_back(std::move(table));
  }

  void add_inlines(const Node& node, Box& box, StyleId style, const std::string& link) {
    for (const Node& c : node.children) add_inline(c, box, style, link);
  }

  void add_inline(const Node& node, Box& box, StyleId style, const std::string& link) {
    switch (node.kind) {
      case NodeKind::Text: {
        Span s;
        s.text = node.text;
        s.style = style;
        s.link = link;
        s.location = node.range.begin;
        s.exact = true;
        box.spans.push_back(std::move(s));
        return;
      }
      case NodeKind::Code: {
        Span s;
        s.text = node.text;
        s.style = derive(style, Role::Code);
        s.link = link;
        s.code = true;
        s.location = node.range.begin;
        s.exact = true;
        box.spans.push_back(std::move(s));
        return;
      }
      case NodeKind::SoftBreak: {
        Span s;
        s.text = " ";
        s.style = style;
        s.link = link;
        s.location = node.range.begin;
        box.spans.push_back(std::move(s));
        return;
      }
      case NodeKind::HardBreak: {
        Span s;
        s.kind = SpanKind::HardBreak;
        s.style = style;
        s.location = node.range.begin;
        box.spans.push_back(std::move(s));
        return;
      }
      case NodeKind::Emphasis: add_inlines(node, box, derive(style, Role::Emphasis), link); return;
      case NodeKind::Strong: add_inlines(node, box, derive(style, Role::Strong), link); return;
      case NodeKind::Strikethrough: add_inlines(node, box, derive(style, Role::Strikethrough), link); return;
      case NodeKind::Link: add_inlines(node, box, derive(style, Role::Link), node.url); return;
      case NodeKind::Image:
        diags_.warning(path_, node.range.begin, "image \"" + node.url + "\" is not rendered",
                       "images are not supported by this version of cvpress");
        return;
      case NodeKind::HtmlInline: return;  // never rendered; the markdown stage warned
      default:
        // A block inside inline content cannot happen in a well-formed tree.
        CVPRESS_ASSERT(!node.is_block());
        return;
    }
  }

  const style::Layout& layout_;
  BoxTree& tree_;
  Diagnostics& diags_;
  std::string path_;
  std::map<std::pair<StyleId, Role>, StyleId> cache_;
  std::map<StyleId, StyleId> anonymous_;
};

const char* kind_label(BoxKind kind) {
  switch (kind) {
    case BoxKind::Block: return "block";
    case BoxKind::Paragraph: return "par";
    case BoxKind::List: return "list";
    case BoxKind::ListItem: return "item";
    case BoxKind::Table: return "table";
    case BoxKind::TableRow: return "row";
    case BoxKind::TableCell: return "cell";
    case BoxKind::Rule: return "rule";
    case BoxKind::PageBreak: return "pagebreak";
  }
  return "?";
}

void dump_box(const Box& box, int depth, std::string& out) {
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + kind_label(box.kind) + " " +
         style::role_key(box.role);
  if (!box.marker.empty()) out += " marker=\"" + box.marker + "\"";
  if (!box.bookmark.empty()) out += " bookmark=" + std::to_string(box.bookmark_level);
  if (box.header) out += " header";
  out += '\n';
  for (const Span& s : box.spans) {
    out += std::string(static_cast<std::size_t>(depth) * 2 + 2, ' ');
    out += s.kind == SpanKind::HardBreak ? "<br>" : "\"" + s.text + "\"";
    if (s.code) out += " code";
    if (!s.link.empty()) out += " -> " + s.link;
    out += '\n';
  }
  for (const Box& c : box.children) dump_box(c, depth + 1, out);
}

}  // namespace

BoxTree build(const doc::Document& document, const style::Layout& layout, std::string lang,
              Diagnostics& diags) {
  BoxTree tree;
  tree.lang = std::move(lang);
  Builder(layout, tree, diags, document.path).build_document(document.root);
  return tree;
}

std::string dump(const BoxTree& tree) {
  std::string out;
  dump_box(tree.root, 0, out);
  return out;
}

}  // namespace cvpress::boxes
