// Raw HTML -> document nodes. The order of the work:
//   1. bottom up, so that a container's Markdown children are final before it is looked at;
//   2. per container with raw HTML among its children: one fragment of HTML in which every
//      Markdown child stands as a placeholder element (`<cvpress-md data-i="3">`), so that the
//      HTML5 tree builder balances the tags across the pieces md4c hands over;
//   3. its nesting depth checked lexically before gumbo sees it (gumbo's time and memory grow
//      with depth);
//   4. the gumbo tree walked into doc nodes, the placeholders replaced by their Markdown
//      nodes; positions in the fragment mapped back to the file through the pieces' origins.
#include "markdown/html.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gumbo.h>

namespace cvpress::markdown {
namespace {

using doc::Align;
using doc::Node;
using doc::NodeKind;

constexpr std::string_view kPlaceholderTag = "cvpress-md";
constexpr std::string_view kPlaceholderAttribute = "data-cvpress-md";

bool is_html(const Node& n) { return n.kind == NodeKind::HtmlBlock || n.kind == NodeKind::HtmlInline; }

bool has_html_child(const Node& n) { return std::any_of(n.children.begin(), n.children.end(), is_html); }

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// HTML's white space collapsing (CSS Text 3 §4.1.1, white-space: normal): runs of ASCII
// white space become one space.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

// Elements without content (HTML §13.1.2 void elements): they never nest.
bool is_void(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kVoid = {"area",  "base",   "br",    "col",  "embed",
                                                             "hr",    "img",    "input", "link", "meta",
                                                             "param", "source", "track", "wbr"};
  return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

// Elements whose end tag may be left out (HTML §13.1.2.4): an open one is no mistake, and a
// run of them does not nest (`<li><li>` are siblings).
bool end_tag_optional(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kOptional = {
      "p",     "li",    "dt",    "dd",       "tr", "td", "th",  "option", "optgroup",
      "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rtc", "rp",     "html"};
  return std::find(kOptional.begin(), kOptional.end(), name) != kOptional.end() || name == "body" ||
         name == "head";
}

std::string_view attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

// One property of an inline `style` attribute (`text-align: center; color: red`), lowercase.
std::string style_property(const GumboElement& element, std::string_view property) {
  const std::string style = lowercase(attribute(element, "style"));
  std::string_view rest = style;
  while (!rest.empty()) {
    const std::size_t semicolon = rest.find(';');
    const std::string_view declaration = rest.substr(0, semicolon);
    const std::size_t colon = declaration.find(':');
    if (colon != std::string_view::npos && trim(declaration.substr(0, colon)) == property) {
      std::string_view value = trim(declaration.substr(colon + 1));
      if (value.ends_with("!important")) value = trim(value.substr(0, value.size() - 10));
      return std::string(value);
    }
    if (semicolon == std::string_view::npos) break;
    rest.remove_prefix(semicolon + 1);
  }
  return {};
}

Align to_align(std::string_view value) {
  const std::string v = lowercase(trim(value));
  if (v == "center" || v == "middle") return Align::Center;
  if (v == "right" || v == "end") return Align::Right;
  if (v == "left" || v == "start" || v == "justify") return Align::Left;
  return Align::Default;
}

// The alignment an element asks for: `align=`, `style="text-align: …"`, or `<center>`.
Align align_of(const GumboElement& element) {
  if (element.tag == GUMBO_TAG_CENTER) return Align::Center;
  if (const Align a = to_align(style_property(element, "text-align")); a != Align::Default) return a;
  return to_align(attribute(element, "align"));
}

bool forces_break(const GumboElement& element, std::string_view property) {
  const std::string value = style_property(element, property);
  return value == "always" || value == "page";
}

// `<!-- pagebreak -->`, any case, any white space inside the comment.
bool is_pagebreak_comment(std::string_view comment) { return lowercase(trim(comment)) == "pagebreak"; }

// What to do with an element's kind.
enum class Treatment {
  Container,  // a block that holds blocks: its children are the container's
  Paragraph,  // p: a paragraph unless it holds blocks (then a container)
  Heading,
  List,
  ListItem,
  Table,
  Quote,
  Preformatted,
  Rule,
  Break,
  Image,
  Strong,
  Emphasis,
  Strike,
  Code,
  Link,
  Transparent,  // inline markup cvpress has no role for: its text stays, unstyled
  Summary,
  Dropped,  // script, style, forms, embedded content: one warning per kind
};

Treatment treatment(const GumboElement& element) {
  switch (element.tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_CAPTION: return Treatment::Container;
    case GUMBO_TAG_P:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LEGEND: return Treatment::Paragraph;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return Treatment::Heading;
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_MENU: return Treatment::List;
    case GUMBO_TAG_LI: return Treatment::ListItem;
    case GUMBO_TAG_TABLE: return Treatment::Table;
    case GUMBO_TAG_BLOCKQUOTE: return Treatment::Quote;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT: return Treatment::Preformatted;
    case GUMBO_TAG_HR: return Treatment::Rule;
    case GUMBO_TAG_BR: return Treatment::Break;
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE: return Treatment::Image;
    case GUMBO_TAG_B:
    case GUMBO_TAG_STRONG: return Treatment::Strong;
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_DFN: return Treatment::Emphasis;
    case GUMBO_TAG_S:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_STRIKE: return Treatment::Strike;
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_TT: return Treatment::Code;
    case GUMBO_TAG_A: return Treatment::Link;
    case GUMBO_TAG_SUMMARY: return Treatment::Summary;
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: return Treatment::Dropped;
    default: return Treatment::Transparent;  // span, u, mark, small, sub, sup, abbr, font, ...
  }
}

// Why a dropped element's content is not shown, for its warning.
std::string why_dropped(std::string_view name) {
  if (name == "script" || name == "noscript" || name == "template")
    return "scripts are never run; what they would show is not part of the document";
  if (name == "style") return "its CSS is not applied; the layout styles the résumé (see `cvpress layouts`)";
  if (name == "head" || name == "title" || name == "meta" || name == "link" || name == "base")
    return "page metadata; set `title`, `author` or `keywords` in the front matter instead";
  if (name == "iframe" || name == "frame" || name == "frameset" || name == "object" || name == "embed" ||
      name == "applet" || name == "video" || name == "audio" || name == "canvas" || name == "svg" ||
      name == "math")
    return "embedded content is never fetched or drawn";
  return "forms and their controls have no place in a printed résumé";
}

// The name an element was written with (gumbo's normalized name, or its own for unknown tags).
std::string tag_name(const GumboNode& node) {
  const GumboElement& e = node.v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return lowercase(std::string_view(piece.data, piece.length));
}

struct Segment {
  std::size_t begin = 0;     // in the fragment
  std::size_t child = 0;     // index into the container's children
  bool placeholder = false;  // a Markdown node, not raw HTML
};

class Mapper {
 public:
  Mapper(const SourceFile& file, Diagnostics& diags, HtmlFacts& facts)
      : file_(file), diags_(diags), facts_(facts) {}

  void map_tree(Node& node, bool top) {
    for (Node& child : node.children)
      if (!is_html(child)) map_tree(child, false);
    if (!has_html_child(node)) return;
    const bool inline_content = node.kind == NodeKind::Paragraph || node.kind == NodeKind::Heading ||
                                node.kind == NodeKind::TableCell || !node.is_block();
    node.children = map_children(std::move(node.children), inline_content, top);
  }

 private:
  // ---- one container's children

  std::vector<Node> map_children(std::vector<Node> children, bool inline_content, bool top) {
    children_ = std::move(children);
    used_.assign(children_.size(), false);
    segments_.clear();
    fragment_.clear();
    top_ = top;
    for (std::size_t i = 0; i < children_.size(); ++i) {
      Segment segment{fragment_.size(), i, !is_html(children_[i])};
      segments_.push_back(segment);
      if (segment.placeholder) {
        fragment_ += "<";
        fragment_ += kPlaceholderTag;
        fragment_ += " ";
        fragment_ += kPlaceholderAttribute;
        fragment_ += "=\"" + std::to_string(i) + "\"></";
        fragment_ += kPlaceholderTag;
        fragment_ += ">";
      } else {
        fragment_ += children_[i].text;
      }
    }

    std::vector<Node> out;
    if (too_deep()) {
      // Located already; keep the Markdown, lose only the HTML the error names.
      for (Node& child : children_)
        if (!is_html(child)) out.push_back(std::move(child));
      return out;
    }

    GumboOptions options = kGumboDefaultOptions;
    options.fragment_context = GUMBO_TAG_BODY;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    options.max_errors = 0;  // positions of unclosed elements come from their parse flags
    const std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse_with_options(&options, fragment_.data(), fragment_.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    if (!output) throw Error(file_.path() + ": error: the HTML parser failed (out of memory?)");

    const GumboNode& html = *output->root;  // the fragment's context root
    if (top_) {
      if (const std::string dir = lowercase(attribute(html.v.element, "dir")); dir == "rtl" || dir == "ltr")
        facts_.dir = dir;
    }
    Blocks blocks{out, Align::Default};
    if (inline_content) {
      for_children(html, [&](const GumboNode& c) { add_inline(c, out); });
    } else {
      for_children(html, [&](const GumboNode& c) { add_block(c, blocks); });
      close_paragraph(blocks);
    }

    // A placeholder the HTML swallowed (inside an unclosed <textarea>, say) loses no Markdown:
    // it follows, with a word about the HTML before it.
    for (std::size_t i = 0; i < children_.size(); ++i) {
      if (used_[i] || is_html(children_[i])) continue;
      diags_.warning(file_.path(), children_[i].range.begin,
                     "this Markdown stands inside raw HTML that cannot hold it; it is set after that HTML",
                     "close the HTML element before the Markdown");
      out.push_back(std::move(children_[i]));
    }
    return out;
  }

  // Step 3: the deepest element nesting of the fragment, by its tags alone.
  bool too_deep() {
    int depth = 0;
    for (std::size_t at = fragment_.find('<'); at != std::string::npos; at = fragment_.find('<', at + 1)) {
      if (fragment_.compare(at, 4, "<!--") == 0) {
        at = fragment_.find("-->", at + 4);
        if (at == std::string::npos) break;
        continue;
      }
      const bool closing = at + 1 < fragment_.size() && fragment_[at + 1] == '/';
      std::size_t name_end = at + (closing ? 2 : 1);
      while (name_end < fragment_.size() &&
             (std::isalnum(static_cast<unsigned char>(fragment_[name_end])) || fragment_[name_end] == '-'))
        ++name_end;
      const std::string name = lowercase(
          std::string_view(fragment_).substr(at + (closing ? 2 : 1), name_end - at - (closing ? 2 : 1)));
      if (name.empty()) continue;
      const std::size_t close = fragment_.find('>', name_end);
      const bool self_closing = close != std::string::npos && close > 0 && fragment_[close - 1] == '/';
      if (is_void(name) || end_tag_optional(name) || name == kPlaceholderTag) continue;
      if (closing) {
        depth = std::max(0, depth - 1);
      } else if (!self_closing && ++depth > kMaxHtmlDepth) {
        diags_.error(file_.path(), location(at),
                     "raw HTML nested more than " + std::to_string(kMaxHtmlDepth) + " elements deep",
                     "close the elements you open; no résumé needs this depth");
        return true;
      }
    }
    return false;
  }

  // ---- positions

  // The file location of byte `at` of the fragment.
  SourceLocation location(std::size_t at) const {
    auto it = std::upper_bound(segments_.begin(), segments_.end(), at,
                               [](std::size_t offset, const Segment& s) { return offset < s.begin; });
    if (it == segments_.begin()) return {};
    const Segment& segment = *std::prev(it);
    const Node& child = children_[segment.child];
    if (segment.placeholder || child.origins.empty()) return child.range.begin;
    const std::size_t index = at - segment.begin;
    auto origin = std::upper_bound(child.origins.begin(), child.origins.end(), index,
                                   [](std::size_t i, const doc::TextOrigin& o) { return i < o.index; });
    if (origin == child.origins.begin()) return child.range.begin;
    --origin;
    return file_.location_of(std::min(origin->offset + (index - origin->index), file_.text().size()));
  }

  SourceLocation location(const GumboNode& node) const {
    switch (node.type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: return location(node.v.element.start_pos.offset);
      default: return location(node.v.text.start_pos.offset);
    }
  }

  SourceRange range(const GumboNode& node) const {
    const SourceLocation at = location(node);
    return {at, at};
  }

  // ---- the walk

  template <typename F>
  static void for_children(const GumboNode& node, F&& f) {
    const GumboVector& children = node.v.element.children;
    for (unsigned i = 0; i < children.length; ++i) f(*static_cast<const GumboNode*>(children.data[i]));
  }

  // The Markdown child a placeholder element stands for, or nullopt.
  std::optional<std::size_t> placeholder(const GumboNode& node) const {
    if (node.type != GUMBO_NODE_ELEMENT || node.v.element.tag != GUMBO_TAG_UNKNOWN) return std::nullopt;
    const GumboAttribute* a = gumbo_get_attribute(&node.v.element.attributes, kPlaceholderAttribute.data());
    if (!a) return std::nullopt;
    std::size_t index = 0;
    const std::string_view value(a->value);
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
    if (ec != std::errc() || end != value.data() + value.size() || index >= children_.size() ||
        used_[index] || is_html(children_[index]))
      return std::nullopt;
    return index;
  }

  Node take(std::size_t index) {
    used_[index] = true;
    return std::move(children_[index]);
  }

  // An element left open until the end of its container is closed there, with a word.
  void check_closed(const GumboNode& node) {
    const GumboElement& e = node.v.element;
    if (!(node.parse_flags & GUMBO_INSERTION_IMPLICIT_END_TAG) ||
        (node.parse_flags & GUMBO_INSERTION_BY_PARSER))
      return;
    const std::string name = tag_name(node);
    if (is_void(name) || end_tag_optional(name) || e.original_tag.length == 0) return;
    diags_.warning(file_.path(), location(node),
                   "<" + name + "> is not closed; it ends with the enclosing block",
                   "write </" + name + "> where the element should end");
  }

  void warn_dropped(const GumboNode& node) {
    const std::string name = tag_name(node);
    if (!dropped_kinds_.insert(name).second) return;  // one warning per kind
    diags_.warning(file_.path(), location(node), "dropped raw HTML <" + name + ">", why_dropped(name));
  }

  struct Blocks {
    std::vector<Node>& out;
    Align align;
    Node* paragraph = nullptr;  // the open anonymous paragraph for loose inline content
  };

  Node& open_paragraph(Blocks& blocks, const GumboNode& at) {
    if (!blocks.paragraph) {
      Node p;
      p.kind = NodeKind::Paragraph;
      p.range = range(at);
      p.align = blocks.align;
      blocks.out.push_back(std::move(p));
      blocks.paragraph = &blocks.out.back();
    }
    return *blocks.paragraph;
  }

  void close_paragraph(Blocks& blocks) {
    if (!blocks.paragraph) return;
    Node& p = *blocks.paragraph;
    blocks.paragraph = nullptr;
    trim_inlines(p.children);
    if (p.children.empty()) blocks.out.pop_back();
  }

  void push_block(Blocks& blocks, Node node) {
    close_paragraph(blocks);
    if (node.align == Align::Default && node.kind != NodeKind::Table) node.align = blocks.align;
    blocks.out.push_back(std::move(node));
  }

  void add_block(const GumboNode& node, Blocks& blocks) {
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (!blocks.paragraph && trim(node.v.text.text).empty()) return;
        add_inline(node, open_paragraph(blocks, node).children);
        return;
      case GUMBO_NODE_COMMENT:
        if (is_pagebreak_comment(node.v.text.text)) push_page_break(blocks, node);
        return;
      case GUMBO_NODE_DOCUMENT: return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: break;
    }
    if (const auto index = placeholder(node)) {
      Node md = take(*index);
      if (md.is_block()) {
        push_block(blocks, std::move(md));
      } else {
        open_paragraph(blocks, node).children.push_back(std::move(md));
      }
      return;
    }
    const GumboElement& e = node.v.element;
    check_closed(node);
    const Treatment t = treatment(e);
    if (t == Treatment::Dropped) {
      warn_dropped(node);
      return;
    }
    if (forces_break(e, "page-break-before") || forces_break(e, "break-before"))
      push_page_break(blocks, node);
    Align align = align_of(e);
    if (align == Align::Default) align = blocks.align;
    if (top_ && blocks.out.empty() && !blocks.paragraph && facts_.dir.empty()) {
      if (const std::string dir = lowercase(attribute(e, "dir")); dir == "rtl") facts_.dir = dir;
    }
    switch (t) {
      case Treatment::Paragraph:
        if (holds_blocks(node)) {
          add_container(node, blocks, align);
        } else {
          Node p = element_node(NodeKind::Paragraph, node);
          add_inline_children(node, p.children);
          trim_inlines(p.children);
          p.align = align;
          if (!p.children.empty()) push_block(blocks, std::move(p));
        }
        break;
      case Treatment::Container: add_container(node, blocks, align); break;
      case Treatment::Summary: {
        Node p = element_node(NodeKind::Paragraph, node);
        Node strong = element_node(NodeKind::Strong, node);
        add_inline_children(node, strong.children);
        trim_inlines(strong.children);
        p.children.push_back(std::move(strong));
        p.align = align;
        push_block(blocks, std::move(p));
        break;
      }
      case Treatment::Heading: {
        Node h = element_node(NodeKind::Heading, node);
        h.level = 1 + static_cast<int>(e.tag - GUMBO_TAG_H1);
        add_inline_children(node, h.children);
        trim_inlines(h.children);
        h.align = align;
        push_block(blocks, std::move(h));
        break;
      }
      case Treatment::List: push_block(blocks, list_node(node)); break;
      case Treatment::ListItem: {  // an <li> outside a list: a list of one
        Node list = element_node(NodeKind::List, node);
        list.children.push_back(list_item(node));
        push_block(blocks, std::move(list));
        break;
      }
      case Treatment::Table: push_block(blocks, table_node(node)); break;
      case Treatment::Quote: {
        Node q = element_node(NodeKind::BlockQuote, node);
        Blocks inner{q.children, align};
        for_children(node, [&](const GumboNode& c) { add_block(c, inner); });
        close_paragraph(inner);
        push_block(blocks, std::move(q));
        break;
      }
      case Treatment::Preformatted: {
        Node code = element_node(NodeKind::CodeBlock, node);
        code.text = text_content(node);
        if (code.text.starts_with('\n')) code.text.erase(0, 1);  // HTML §13.2.6.4.7: the first newline
        push_block(blocks, std::move(code));
        break;
      }
      case Treatment::Rule: push_block(blocks, element_node(NodeKind::ThematicBreak, node)); break;
      default:
        // Inline markup standing among blocks: it joins (or opens) a paragraph.
        add_inline(node, open_paragraph(blocks, node).children);
        break;
    }
    if (forces_break(e, "page-break-after") || forces_break(e, "break-after")) push_page_break(blocks, node);
  }

  void add_container(const GumboNode& node, Blocks& blocks, Align align) {
    close_paragraph(blocks);
    Blocks inner{blocks.out, align};
    for_children(node, [&](const GumboNode& c) { add_block(c, inner); });
    close_paragraph(inner);
  }

  void push_page_break(Blocks& blocks, const GumboNode& at) {
    close_paragraph(blocks);
    Node b = element_node(NodeKind::PageBreak, at);
    if (at.type == GUMBO_NODE_COMMENT)
      b.range.end = location(at.v.text.start_pos.offset + at.v.text.original_text.length);
    blocks.out.push_back(std::move(b));
  }

  // Whether an element has block content (a <p> around a Markdown heading, say).
  bool holds_blocks(const GumboNode& node) const {
    bool blocks = false;
    for_children(node, [&](const GumboNode& c) {
      if (c.type != GUMBO_NODE_ELEMENT) return;
      if (const auto index = placeholder(c)) {
        blocks = blocks || children_[*index].is_block();
        return;
      }
      switch (treatment(c.v.element)) {
        case Treatment::Container:
        case Treatment::Paragraph:
        case Treatment::Heading:
        case Treatment::List:
        case Treatment::ListItem:
        case Treatment::Table:
        case Treatment::Quote:
        case Treatment::Preformatted:
        case Treatment::Rule: blocks = true; break;
        default: blocks = blocks || holds_blocks(c);
      }
    });
    return blocks;
  }

  Node element_node(NodeKind kind, const GumboNode& node) const {
    Node n;
    n.kind = kind;
    n.range = range(node);
    return n;
  }

  Node list_node(const GumboNode& node) {
    Node list = element_node(NodeKind::List, node);
    list.ordered = node.v.element.tag == GUMBO_TAG_OL;
    list.delimiter = list.ordered ? '.' : '-';
    if (list.ordered) {
      const std::string_view start = attribute(node.v.element, "start");
      uint32_t value = 1;
      const auto [end, ec] = std::from_chars(start.data(), start.data() + start.size(), value);
      if (!start.empty() && ec == std::errc() && end == start.data() + start.size()) list.start = value;
    }
    for_children(node, [&](const GumboNode& c) {
      if (c.type == GUMBO_NODE_ELEMENT && c.v.element.tag == GUMBO_TAG_LI) {
        list.children.push_back(list_item(c));
        return;
      }
      if ((c.type == GUMBO_NODE_WHITESPACE || c.type == GUMBO_NODE_TEXT) && trim(c.v.text.text).empty())
        return;
      if (c.type == GUMBO_NODE_COMMENT) return;
      // Content between the items (a Markdown list's placeholder, stray text): an item of its own.
      Node item = element_node(NodeKind::ListItem, c);
      Blocks inner{item.children, Align::Default};
      add_block(c, inner);
      close_paragraph(inner);
      if (!item.children.empty()) list.children.push_back(std::move(item));
    });
    return list;
  }

  Node list_item(const GumboNode& node) {
    Node item = element_node(NodeKind::ListItem, node);
    check_closed(node);
    Blocks inner{item.children, align_of(node.v.element)};
    for_children(node, [&](const GumboNode& c) { add_block(c, inner); });
    close_paragraph(inner);
    return item;
  }

  Node table_node(const GumboNode& node) {
    Node table = element_node(NodeKind::Table, node);
    std::size_t columns = 0;
    const auto add_row = [&](const GumboNode& tr, bool head) {
      Node row = element_node(NodeKind::TableRow, tr);
      bool all_th = true;
      for_children(tr, [&](const GumboNode& c) {
        if (c.type != GUMBO_NODE_ELEMENT) return;
        if (c.v.element.tag != GUMBO_TAG_TD && c.v.element.tag != GUMBO_TAG_TH) return;
        Node cell = element_node(NodeKind::TableCell, c);
        cell.header = c.v.element.tag == GUMBO_TAG_TH;
        all_th = all_th && cell.header;
        cell.align = align_of(c.v.element);
        const std::string_view span = attribute(c.v.element, "colspan");
        uint32_t colspan = 1;
        std::from_chars(span.data(), span.data() + span.size(), colspan);
        cell.colspan = std::clamp<uint32_t>(colspan, 1, 64);
        add_cell_content(c, cell.children);
        row.children.push_back(std::move(cell));
      });
      if (row.children.empty()) return;
      row.header = head || (table.children.empty() && all_th);
      std::size_t width = 0;
      for (const Node& cell : row.children) width += cell.colspan;
      columns = std::max(columns, width);
      table.children.push_back(std::move(row));
    };
    const std::function<void(const GumboNode&, bool)> rows = [&](const GumboNode& parent, bool head) {
      for_children(parent, [&](const GumboNode& c) {
        if (c.type != GUMBO_NODE_ELEMENT) return;
        switch (c.v.element.tag) {
          case GUMBO_TAG_TR: add_row(c, head); break;
          case GUMBO_TAG_THEAD: rows(c, true); break;
          case GUMBO_TAG_TBODY:
          case GUMBO_TAG_TFOOT: rows(c, false); break;
          default: break;
        }
      });
    };
    rows(node, false);
    table.column_alignments.assign(columns, Align::Default);
    return table;
  }

  // A table cell holds inline content: blocks in it become lines of it.
  void add_cell_content(const GumboNode& cell, std::vector<Node>& out) {
    std::vector<Node> blocks_out;
    Blocks blocks{blocks_out, Align::Default};
    for_children(cell, [&](const GumboNode& c) { add_block(c, blocks); });
    close_paragraph(blocks);
    flatten_blocks(blocks_out, out);
    trim_inlines(out);
  }

  // Blocks as inline content, a line break between two (a table cell, a heading's content).
  static void flatten_blocks(std::vector<Node>& blocks, std::vector<Node>& out) {
    for (Node& b : blocks) {
      if (!b.is_block()) {
        out.push_back(std::move(b));
        continue;
      }
      if (!out.empty() && out.back().kind != NodeKind::HardBreak) {
        Node br;
        br.kind = NodeKind::HardBreak;
        br.range = {b.range.begin, b.range.begin};
        out.push_back(std::move(br));
      }
      if (b.kind == NodeKind::CodeBlock) {
        Node code;
        code.kind = NodeKind::Code;
        code.text = b.text;
        code.range = b.range;
        out.push_back(std::move(code));
        continue;
      }
      std::vector<Node> inner = std::move(b.children);
      flatten_blocks(inner, out);
    }
  }

  void add_inline_children(const GumboNode& node, std::vector<Node>& out) {
    for_children(node, [&](const GumboNode& c) { add_inline(c, out); });
  }

  void add_inline(const GumboNode& node, std::vector<Node>& out) {
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE: {
        std::string text = collapse_spaces(node.v.text.text);
        if (text.empty()) return;
        if (!out.empty() && out.back().kind == NodeKind::Text && !out.back().verbatim) {
          out.back().text += text;
          return;
        }
        Node t;
        t.kind = NodeKind::Text;
        t.text = std::move(text);
        t.range = range(node);
        t.verbatim = false;
        out.push_back(std::move(t));
        return;
      }
      case GUMBO_NODE_COMMENT:
        if (is_pagebreak_comment(node.v.text.text))
          diags_.warning(file_.path(), location(node), "ignored <!-- pagebreak --> inside a paragraph",
                         "put it on a line of its own, with blank lines around it");
        return;
      case GUMBO_NODE_DOCUMENT: return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: break;
    }
    if (const auto index = placeholder(node)) {
      Node md = take(*index);
      if (md.is_block()) {
        std::vector<Node> one;
        one.push_back(std::move(md));
        flatten_blocks(one, out);
      } else {
        out.push_back(std::move(md));
      }
      return;
    }
    const GumboElement& e = node.v.element;
    check_closed(node);
    const auto wrap = [&](NodeKind kind) {
      Node n = element_node(kind, node);
      add_inline_children(node, n.children);
      out.push_back(std::move(n));
    };
    switch (treatment(e)) {
      case Treatment::Dropped: warn_dropped(node); return;
      case Treatment::Break: {
        Node br = element_node(NodeKind::HardBreak, node);
        out.push_back(std::move(br));
        return;
      }
      case Treatment::Strong: wrap(NodeKind::Strong); return;
      case Treatment::Emphasis: wrap(NodeKind::Emphasis); return;
      case Treatment::Strike: wrap(NodeKind::Strikethrough); return;
      case Treatment::Code: {
        Node code = element_node(NodeKind::Code, node);
        code.text = collapse_spaces(text_content(node));
        if (!code.text.empty()) out.push_back(std::move(code));
        return;
      }
      case Treatment::Link: {
        Node link = element_node(NodeKind::Link, node);
        link.url = std::string(trim(attribute(e, "href")));
        link.title = attribute(e, "title");
        add_inline_children(node, link.children);
        if (link.url.empty()) {  // an anchor (`<a name=…>`): its text only
          for (Node& c : link.children) out.push_back(std::move(c));
          return;
        }
        out.push_back(std::move(link));
        return;
      }
      case Treatment::Image: {
        Node image = element_node(NodeKind::Image, node);
        image.url = std::string(trim(attribute(e, "src")));
        image.title = attribute(e, "title");
        if (const std::string_view alt = attribute(e, "alt"); !alt.empty()) {
          Node t;
          t.kind = NodeKind::Text;
          t.text = collapse_spaces(alt);
          t.range = image.range;
          t.verbatim = false;
          image.children.push_back(std::move(t));
        }
        out.push_back(std::move(image));
        return;
      }
      case Treatment::Rule:
      case Treatment::Transparent: add_inline_children(node, out); return;
      default: {
        // A block element inside inline content: its text on a line of its own.
        if (!out.empty() && out.back().kind != NodeKind::HardBreak) {
          Node br = element_node(NodeKind::HardBreak, node);
          out.push_back(std::move(br));
        }
        add_inline_children(node, out);
        return;
      }
    }
  }

  // The text of an element and its descendants, as written (for <pre> and <code>).
  std::string text_content(const GumboNode& node) {
    std::string out;
    for_children(node, [&](const GumboNode& c) {
      switch (c.type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE: out += c.v.text.text; break;
        case GUMBO_NODE_ELEMENT:
          if (const auto index = placeholder(c)) {
            out += doc::plain_text(children_[*index]);
            used_[*index] = true;
          } else if (c.v.element.tag == GUMBO_TAG_BR) {
            out += '\n';
          } else {
            out += text_content(c);
          }
          break;
        default: break;
      }
    });
    return out;
  }

  // No space at the start or end of a block's inline content (HTML collapses it away there).
  static void trim_inlines(std::vector<Node>& inlines) {
    while (!inlines.empty() && inlines.front().kind == NodeKind::Text && !inlines.front().verbatim) {
      Node& t = inlines.front();
      const std::size_t start = t.text.find_first_not_of(' ');
      if (start == std::string::npos) {
        inlines.erase(inlines.begin());
        continue;
      }
      t.text.erase(0, start);
      break;
    }
    while (!inlines.empty() && inlines.back().kind == NodeKind::Text && !inlines.back().verbatim) {
      Node& t = inlines.back();
      const std::size_t end = t.text.find_last_not_of(' ');
      if (end == std::string::npos) {
        inlines.pop_back();
        continue;
      }
      t.text.resize(end + 1);
      break;
    }
    while (!inlines.empty() &&
           (inlines.back().kind == NodeKind::HardBreak || inlines.back().kind == NodeKind::SoftBreak))
      inlines.pop_back();
  }

  const SourceFile& file_;
  Diagnostics& diags_;
  HtmlFacts& facts_;
  std::set<std::string> dropped_kinds_;
  // The container being mapped.
  std::vector<Node> children_;
  std::vector<bool> used_;
  std::vector<Segment> segments_;
  std::string fragment_;
  bool top_ = false;
};

}  // namespace

HtmlFacts map_html(doc::Node& root, const SourceFile& file, Diagnostics& diags) {
  HtmlFacts facts;
  Mapper(file, diags, facts).map_tree(root, true);
  return facts;
}

}  // namespace cvpress::markdown
