// Builds the box tree. The order of the work follows the document: blocks top to
// bottom, each block's style computed from its parent's (the cascade), inline content
// flattened into spans. Résumé roles (DESIGN §3) are recognised here and nowhere else:
// the first `#` is the name, what stands between it and the first `##` is the header.
#include "boxes/boxes.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

namespace cvpress::boxes {
namespace {

using doc::Node;
using doc::NodeKind;
using style::ComputedStyle;
using style::Role;
namespace fs = std::filesystem;

// A label is a few words: "Desired Position", "Reason for Leaving", "Technology stack".
constexpr std::size_t kMaxLabelWords = 5;
constexpr std::size_t kMaxLabelChars = 40;

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

    // The name: the first heading (any level) or bold line that looks like one (doc::name_index).
    const std::size_t name_at = doc::name_index(root);
    const Node* name = name_at < root.children.size() ? &root.children[name_at] : nullptr;

    Box* header = nullptr;
    bool in_header = false;
    for (const Node& child : root.children) {
      if (&child == name) {
        add_heading(child, tree_.root, Role::Name);
        in_header = true;
        // `# Jane Doe <img src="me.jpg" width="120">`: the picture in the name is the portrait.
        for (const Node& inline_node : child.children) {
          if (inline_node.kind != NodeKind::Image) continue;
          if (!header) {
            tree_.root.children.push_back(make_box(BoxKind::Block, Role::Header, 0, child.range));
            header = &tree_.root.children.back();
          }
          add_image(inline_node, *header);
          break;
        }
        continue;
      }
      if (child.kind == NodeKind::Heading && child.level <= 2) in_header = false;
      if (in_header) {
        if (!header) {
          Box h = make_box(BoxKind::Block, Role::Header, 0, child.range);
          tree_.root.children.push_back(std::move(h));
          header = &tree_.root.children.back();
        }
        if (child.kind == NodeKind::List && !tree_.styles[header->style].separator.empty() &&
            is_contact_list(child)) {
          add_contact_row(child, *header);
        } else {
          add_block(child, *header, 0);
        }
        header->range.end = child.range.end;
        continue;
      }
      header = nullptr;
      add_block(child, tree_.root, 0);
    }
    hoist_portrait();
  }

  // A picture in the header is the portrait: the header block takes it (layout sets it top
  // right) and the name, so that name and contact lines stand beside it.
  void hoist_portrait() {
    auto& top = tree_.root.children;
    for (std::size_t h = 0; h < top.size(); ++h) {
      Box& header = top[h];
      if (header.role != Role::Header) continue;
      auto photo = std::find_if(header.children.begin(), header.children.end(),
                                [](const Box& b) { return b.kind == BoxKind::Image; });
      if (photo == header.children.end()) return;
      header.image = photo->image;
      header.image_style = photo->image_style;
      header.children.erase(photo);
      if (h > 0 && top[h - 1].role == Role::Name) {
        header.children.insert(header.children.begin(), std::move(top[h - 1]));
        top.erase(top.begin() + static_cast<std::ptrdiff_t>(h - 1));
      }
      return;
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

  // A box of `kind` and `role`, styled by the cascade from `parent_style`.
  Box make_box(BoxKind kind, Role role, StyleId parent_style, SourceRange range) {
    Box box;
    box.kind = kind;
    box.role = role;
    box.style = derive(parent_style, role);
    box.range = range;
    return box;
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

  // `style` with the alignment HTML asked for (`<p align="center">`, `<div style="text-align:
  // right">`); text-align is inherited, so what the box holds follows it.
  StyleId aligned(StyleId style, doc::Align align) {
    if (align == doc::Align::Default) return style;
    const auto key = std::make_pair(style, align);
    if (auto it = aligned_.find(key); it != aligned_.end()) return it->second;
    ComputedStyle s = tree_.styles[style];
    s.text_align = align == doc::Align::Center  ? style::TextAlign::Center
                   : align == doc::Align::Right ? style::TextAlign::Right
                                                : style::TextAlign::Left;
    tree_.styles.push_back(std::move(s));
    const auto id = static_cast<StyleId>(tree_.styles.size() - 1);
    aligned_.emplace(key, id);
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

  // Whether a local image can be drawn; a remote or missing one is reported as such.
  bool resolve_image_quietly(const Node& image) { return resolve_image(image).has_value(); }

  void add_heading(const Node& node, Box& parent, Role role) {
    in_name_ = role == Role::Name;
    Box box;
    box.kind = BoxKind::Paragraph;
    box.role = role;
    box.style = aligned(derive(parent.style, role), node.align);
    box.range = node.range;
    add_inlines(node, box, box.style, {});
    if (role == Role::Entry || role == Role::Subentry) split_aside(box);
    if (role == Role::Section) section_ = text_of(box.spans);
    if (tree_.styles[box.style].bookmark) {
      box.bookmark = box.aside.empty() ? doc::plain_text(node) : text_of(box.spans);
      box.bookmark_level = std::max(1, node.level);  // a bold-line name is a level-1 bookmark
    }
    parent.children.push_back(std::move(box));
    in_name_ = false;
  }

  // A paragraph whose only content is an image (blank text around it aside).
  static const Node* lone_image(const Node& paragraph) {
    const Node* image = nullptr;
    for (const Node& c : paragraph.children) {
      if (c.kind == NodeKind::Image && !image) {
        image = &c;
      } else if (c.kind == NodeKind::Text && c.text.find_first_not_of(" \t") == std::string::npos) {
        continue;
      } else if (c.kind != NodeKind::SoftBreak) {
        return nullptr;
      }
    }
    return image;
  }

  // DESIGN §3: local PNG/JPEG files relative to the Markdown file and confined to its
  // folder tree: no URL, no absolute path, no way out through `..` or a symbolic link.
  std::optional<std::string> resolve_image(const Node& image) {
    const std::string& url = image.url;
    // A bare file name (`render r.md`) has no folder part: its folder is the working one.
    fs::path folder = fs::path(path_).parent_path();
    if (folder.empty()) folder = ".";
    std::error_code absolute_ec;
    const fs::path base = fs::absolute(folder, absolute_ec).lexically_normal();
    auto refuse = [&](const std::string& why, const std::string& hint) {
      diags_.error(path_, image.range.begin, "image \"" + url + "\" " + why, hint);
      return std::nullopt;
    };
    // DESIGN §3: a remote or missing image is a warning (`--strict` makes it an error).
    auto skip = [&](const std::string& why, const std::string& hint) {
      diags_.warning(path_, image.range.begin, "image \"" + shorten(url) + "\" " + why, hint);
      return std::nullopt;
    };
    if (url.find("://") != std::string::npos || url.rfind("data:", 0) == 0 || url.rfind("//", 0) == 0)
      return skip(
          "is not drawn: it is not a local file",
          "images are never fetched; save it next to the Markdown file and link it by a relative path");
    const fs::path relative = fs::path(url).lexically_normal();
    if (relative.is_absolute() || url.empty() || (!relative.empty() && *relative.begin() == ".."))
      return refuse("is outside the document's folder",
                    "put the image in the Markdown file's folder (or below it) and use a relative path");
    const fs::path full = (base / relative).lexically_normal();
    std::error_code ec;
    if (!fs::is_regular_file(full, ec))
      return skip("is not drawn: the file does not exist",
                  "the path is relative to the Markdown file's folder");
    const fs::path real = fs::canonical(full, ec);
    const fs::path real_base = fs::canonical(base, ec);
    const auto mismatch = std::mismatch(real_base.begin(), real_base.end(), real.begin(), real.end());
    if (ec || mismatch.first != real_base.end())
      return refuse("is outside the document's folder (through a symbolic link)",
                    "copy the image into the Markdown file's folder");
    return real.string();
  }

  // A URL as a warning shows it: `data:` URLs can be megabytes long.
  static std::string shorten(const std::string& url) {
    constexpr std::size_t kMaxShown = 80;
    if (url.size() <= kMaxShown) return url;
    std::size_t cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(url[cut]) & 0xC0) == 0x80) --cut;  // a whole code point
    return url.substr(0, cut) + "...";
  }

  void add_image(const Node& node, Box& parent) {
    std::optional<std::string> file = resolve_image(node);
    if (!file) return;
    Box box;
    box.kind = BoxKind::Image;
    box.role = Role::Photo;
    box.style = derive(parent.style, Role::Photo);
    box.image_style = box.style;
    box.range = node.range;
    box.image = std::move(*file);
    parent.children.push_back(std::move(box));
  }

  // The items of a list and of the lists nested in it, in reading order, each with the
  // inline content of its own paragraphs (its nested lists' items follow it).
  static void leaf_items(const Node& list, std::vector<const Node*>& out) {
    for (const Node& item : list.children) {
      if (item.kind != NodeKind::ListItem) continue;
      out.push_back(&item);
      for (const Node& c : item.children)
        if (c.kind == NodeKind::List) leaf_items(c, out);
    }
  }

  static std::string first_link(const Node& node) {
    if (node.kind == NodeKind::Link) return node.url;
    for (const Node& c : node.children)
      if (c.kind != NodeKind::List)
        if (std::string url = first_link(c); !url.empty()) return url;
    return {};
  }

  static std::string own_text(const Node& item) {
    std::string out;
    for (const Node& c : item.children)
      if (c.kind != NodeKind::List) out += doc::plain_text(c);
    return out;
  }

  // `Label: value` with a short label (split_label's rule).
  static bool is_labelled(std::string_view text) {
    std::size_t colon = text.find(": ");
    const std::size_t wide = text.find("\uFF1A");
    if (wide != std::string_view::npos && (colon == std::string_view::npos || wide < colon)) colon = wide;
    if (colon == std::string_view::npos || colon == 0) return false;
    const std::string_view name = text.substr(0, colon);
    if (utf8::length(name) > kMaxLabelChars || name.find_first_of(".!?;()[]") != std::string_view::npos)
      return false;
    return static_cast<std::size_t>(std::count(name.begin(), name.end(), ' ')) + 1 <= kMaxLabelWords;
  }

  // A list in the header is a contact row when most of its items are contacts (base/contact.h):
  // a list of talks or dates before the first section stays a list.
  static bool is_contact_list(const Node& list) {
    std::vector<const Node*> items;
    leaf_items(list, items);
    std::size_t contacts = 0, with_text = 0, labelled = 0;
    for (const Node* item : items) {
      const std::string text = own_text(*item);
      if (text.find_first_not_of(" \t") == std::string::npos) continue;
      ++with_text;
      // `Contacts:` over a nested list of them is a label, not an item against the rule.
      const bool label_only = text.back() == ':' && item->children.size() > 1;
      if (label_only || classify_contact(text, first_link(*item)) != ContactKind::None) ++contacts;
      if (label_only || is_labelled(text)) ++labelled;
    }
    // A list of `Label: value` facts (`Born: 1989`, `GitHub: …`) is set as a row too, as before.
    return with_text > 0 && (contacts * 2 >= with_text + 1 || labelled == with_text);
  }

  // The header's contact list set as one wrapped row: `a@b.c · +44 20 … · github.com/x`,
  // each item after its icon when the layout asks for icons.
  void add_contact_row(const Node& list, Box& header) {
    // Copies: building the row derives styles, which may move tree_.styles.
    const std::string separator = tree_.styles[header.style].separator;
    const bool icons = tree_.styles[header.style].icons;
    add_list_row(list, header, Role::Header, separator, icons);
  }

  // A list set as one wrapped row of its items, `separator` between them (contact lines,
  // skill lists), each after its icon when `icons`.
  void add_list_row(const Node& list, Box& parent, Role role, std::string separator, bool icons) {
    Box row;
    row.kind = BoxKind::Paragraph;
    row.role = role;
    row.style = anonymous(parent.style);
    row.range = list.range;
    const StyleId separator_style = derive(row.style, Role::Marker);
    const StyleId icon_style = derive(row.style, Role::Icon);
    bool first = true;
    bool after_label = false;  // the previous item was `Languages:` over a nested list
    std::vector<const Node*> items;
    leaf_items(list, items);
    for (const Node* item_ptr : items) {
      const Node& item = *item_ptr;
      Box content;
      content.style = row.style;
      for (const Node& c : item.children) {
        if (c.kind == NodeKind::Paragraph)
          add_inlines(c, content, row.style, {});
        else if (!c.is_block())
          add_inline(c, content, row.style, {});
      }
      if (content.spans.empty()) continue;
      if (!first) {
        Span sep;
        sep.text = after_label ? " " : separator;
        sep.style = after_label ? row.style : separator_style;
        sep.location = item.range.begin;
        row.spans.push_back(std::move(sep));
      }
      first = false;
      const std::string text = text_of(content.spans);
      const bool has_nested = std::any_of(item.children.begin(), item.children.end(),
                                          [](const Node& c) { return c.kind == NodeKind::List; });
      after_label = has_nested && (text.ends_with(":") || text.ends_with("\uFF1A"));
      if (icons) {
        if (const char32_t glyph = contact_icon(content.spans); glyph != 0) {
          Span icon;
          icon.style = icon_style;
          icon.icon = true;
          utf8::append(icon.text, glyph);
          icon.location = item.range.begin;
          row.spans.push_back(icon);
          Span gap;  // a word space after the icon, so the text does not touch it
          gap.text = " ";
          gap.style = row.style;
          gap.location = item.range.begin;
          row.spans.push_back(std::move(gap));
        }
      }
      for (Span& sp : content.spans) row.spans.push_back(std::move(sp));
    }
    parent.children.push_back(std::move(row));
  }

  // The Fork Awesome icon for a contact item: by its link's scheme or host, else by what
  // its text looks like. 0 when none fits.
  static char32_t contact_icon(const std::vector<Span>& spans) {
    std::string link;
    for (const Span& sp : spans)
      if (!sp.link.empty()) {
        link = sp.link;
        break;
      }
    // Fork Awesome 1.2 code points (its fonts/fork-awesome/ForkAwesome.ttf cmap).
    switch (classify_contact(text_of(spans), link)) {
      case ContactKind::Email: return 0xF0E0;          // envelope
      case ContactKind::Phone: return 0xF095;          // phone
      case ContactKind::Web: return 0xF0AC;            // globe
      case ContactKind::GitHub: return 0xF09B;         // github
      case ContactKind::GitLab: return 0xF296;         // gitlab
      case ContactKind::LinkedIn: return 0xF0E1;       // linkedin
      case ContactKind::Twitter: return 0xF099;        // twitter
      case ContactKind::StackOverflow: return 0xF16C;  // stack-overflow
      case ContactKind::Location: return 0xF041;       // map-marker
      case ContactKind::None: break;
    }
    return 0;
  }

  // `### Tencent | 2019-08 ~ 2022-12`: what follows the last ` | ` outside code is the
  // heading's aside (DESIGN §3). Its spans keep their links; their style is the aside's.
  void split_aside(Box& box) {
    for (std::size_t i = box.spans.size(); i-- > 0;) {
      Span& span = box.spans[i];
      if (span.kind != SpanKind::Text || span.code) continue;
      const std::size_t bar = span.text.rfind(" | ");
      if (bar == std::string::npos) continue;
      box.aside_style = derive(box.style, Role::Aside);
      Span first = span;
      first.text = trim(span.text.substr(bar + 3));
      if (first.exact) {
        const std::size_t skipped = span.text.size() - first.text.size();
        first.location.column +=
            static_cast<uint32_t>(utf8::length(std::string_view(span.text).substr(0, skipped)));
      }
      if (!first.text.empty()) box.aside.push_back(std::move(first));
      for (std::size_t k = i + 1; k < box.spans.size(); ++k) box.aside.push_back(box.spans[k]);
      for (Span& a : box.aside)
        if (!a.code) a.style = box.aside_style;
      span.text = trim(span.text.substr(0, bar));
      box.spans.resize(span.text.empty() ? i : i + 1);
      return;
    }
  }

  // `Label: value` (also the full-width `Label：value`) at the start of a paragraph or list
  // item is a labelled row (DESIGN §3). A label is short: at most kMaxLabelWords words and
  // kMaxLabelChars characters, no sentence punctuation, and text must follow it. It is set
  // as a run-in label, or in a term column when the layout gives the label a width.
  void split_label(Box& box) {
    if (box.spans.size() < 1 || box.spans[0].kind != SpanKind::Text || box.spans[0].code ||
        !box.spans[0].link.empty())
      return;
    const std::string& t = box.spans[0].text;
    std::size_t colon = std::string::npos, after = 0;
    const std::size_t ascii = t.find(": ");
    const std::size_t wide = t.find("\uFF1A");  // FULLWIDTH COLON
    if (ascii != std::string::npos && (wide == std::string::npos || ascii < wide)) {
      colon = ascii;
      after = ascii + 2;
    } else if (wide != std::string::npos) {
      colon = wide;
      after = wide + 3;
    }
    if (colon == std::string::npos || colon == 0) return;
    const std::string_view name(t.data(), colon);
    if (utf8::length(name) > kMaxLabelChars) return;
    if (name.find_first_of(".!?;()[]") != std::string_view::npos) return;
    std::size_t words = 1;
    for (char c : name) words += c == ' ';
    if (words > kMaxLabelWords) return;
    const bool more = after < t.size() || box.spans.size() > 1;
    if (!more) return;

    const StyleId label_style = derive(box.style, Role::Label);
    Span label = box.spans[0];
    label.text = t.substr(0, after);
    label.style = label_style;
    Span rest = box.spans[0];
    rest.text = t.substr(after);
    if (rest.exact) rest.location.column += static_cast<uint32_t>(utf8::length(label.text));
    if (tree_.styles[label_style].label_width > Pt(0)) {
      // Term column: the label leaves the text; layout hangs it in its own column.
      while (!label.text.empty() && label.text.back() == ' ') label.text.pop_back();
      box.label = {std::move(label)};
      box.label_style = label_style;
      if (rest.text.empty())
        box.spans.erase(box.spans.begin());
      else
        box.spans[0] = std::move(rest);
    } else {
      box.spans[0] = std::move(rest);
      if (box.spans[0].text.empty()) box.spans.erase(box.spans.begin());
      box.spans.insert(box.spans.begin(), std::move(label));
    }
  }

  static std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && s[start] == ' ') ++start;
    return s.substr(start);
  }

  static std::string text_of(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& sp : spans)
      if (!sp.icon) out += sp.kind == SpanKind::HardBreak ? std::string(" ") : sp.text;
    return out;
  }

  void add_block(const Node& node, Box& parent, int list_depth, bool tight = false) {
    switch (node.kind) {
      case NodeKind::Heading: add_heading(node, parent, heading_role(node.level)); return;
      case NodeKind::Paragraph: {
        Box box;
        box.kind = BoxKind::Paragraph;
        box.role = Role::Paragraph;
        if (const Node* image = lone_image(node)) {
          add_image(*image, parent);
          return;
        }
        box.style =
            aligned(tight ? anonymous(parent.style) : derive(parent.style, Role::Paragraph), node.align);
        box.range = node.range;
        add_inlines(node, box, box.style, {});
        split_label(box);
        parent.children.push_back(std::move(box));
        return;
      }
      case NodeKind::List:
        if (list_depth == 0 && inline_list_section()) {
          const StyleId ls = derive(parent.style, Role::List);
          const std::string separator =
              tree_.styles[ls].separator.empty() ? " \u00B7 " : tree_.styles[ls].separator;
          add_list_row(node, parent, Role::List, separator, false);
          return;
        }
        add_list(node, parent, list_depth);
        return;
      case NodeKind::BlockQuote: {
        Box box = make_box(BoxKind::Block, Role::BlockQuote, parent.style, node.range);
        for (const Node& c : node.children) add_block(c, box, list_depth);
        parent.children.push_back(std::move(box));
        return;
      }
      case NodeKind::CodeBlock: {
        Box box = make_box(BoxKind::Paragraph, Role::CodeBlock, parent.style, node.range);
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
        Box box = make_box(BoxKind::Rule, Role::Rule, parent.style, node.range);
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
    Box list = make_box(BoxKind::List, Role::List, parent.style, node.range);
    list.style = aligned(list.style, node.align);
    const StyleId marker_style = derive(list.style, Role::Marker);
    // A copy, and looked up only now: deriving a style may move tree_.styles.
    std::vector<std::string> bullets = tree_.styles[list.style].bullets;
    if (bullets.empty()) bullets = tree_.styles[marker_style].bullets;
    if (bullets.empty()) bullets = kDefaultBullets;
    uint32_t number = node.start;
    for (const Node& item : node.children) {
      if (item.kind != NodeKind::ListItem) continue;
      Box box = make_box(BoxKind::ListItem, Role::ListItem, list.style, item.range);
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
      std::vector<std::size_t> anonymous_paragraphs;  // their indices, for labels once complete
      for (const Node& c : item.children) {
        if (!c.is_block()) {
          if (!open) {
            Box p;
            p.kind = BoxKind::Paragraph;
            p.role = Role::Paragraph;
            p.style = anonymous(box.style);
            p.range = c.range;
            box.children.push_back(std::move(p));
            anonymous_paragraphs.push_back(box.children.size() - 1);
            open = &box.children.back();
          }
          add_inline(c, *open, open->style, {});
          open->range.end = c.range.end;
          continue;
        }
        open = nullptr;
        add_block(c, box, depth + 1, node.tight);
      }
      for (std::size_t k : anonymous_paragraphs) split_label(box.children[k]);
      list.children.push_back(std::move(box));
    }
    parent.children.push_back(std::move(list));
  }

  void add_table(const Node& node, Box& parent) {
    Box table = make_box(BoxKind::Table, Role::Table, parent.style, node.range);
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
        s.exact = node.verbatim;
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
        if (in_name_) return;  // the portrait (build_document)
        if (resolve_image_quietly(node))
          diags_.warning(
              path_, node.range.begin,
              "image \"" + shorten(node.url) + "\" inside a line of text is not drawn",
              "put the image in a paragraph of its own (a lone image in the header is the portrait)");
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
  std::map<std::pair<StyleId, doc::Align>, StyleId> aligned_;
  std::string section_;   // the title of the section being built
  bool in_name_ = false;  // building the name's heading: its picture is the portrait

  // Whether the layout sets the lists of the current section as rows (page.inline-lists).
  bool inline_list_section() const {
    for (const std::string& title : layout_.page.inline_lists) {
      if (title.size() != section_.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < title.size() && same; ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        same = lower(title[i]) == lower(section_[i]);
      }
      if (same) return true;
    }
    return false;
  }
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
    case BoxKind::Image: return "image";
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
    if (s.icon) out += " icon";
    if (!s.link.empty()) out += " -> " + s.link;
    out += '\n';
  }
  for (const Box& c : box.children) dump_box(c, depth + 1, out);
}

}  // namespace

namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string spans_text(const Box& box) {
  std::string out;
  for (const Span& sp : box.spans) out += sp.text;
  return out;
}

// Two-column layouts: the header, the name and the sections the layout names move to the
// sidebar, in document order; a section takes everything up to the next section.
void split_sidebar(BoxTree& tree, const style::Sidebar& sidebar) {
  std::vector<std::string> wanted;
  for (const std::string& s : sidebar.sections) wanted.push_back(lowercase(s));
  if (wanted.empty()) wanted.push_back("header");
  auto wants = [&](const std::string& what) {
    return std::find(wanted.begin(), wanted.end(), lowercase(what)) != wanted.end();
  };
  tree.sidebar.kind = BoxKind::Block;
  tree.sidebar.role = Role::Page;
  tree.sidebar.style = tree.root.style;
  std::vector<Box> main;
  bool moving = false;
  for (Box& box : tree.root.children) {
    if (box.role == Role::Section || box.role == Role::Name) moving = false;
    if (box.role == Role::Name && wants("name")) {
      tree.sidebar.children.push_back(std::move(box));
      continue;
    }
    if (box.role == Role::Header) {
      (wants("header") ? tree.sidebar.children : main).push_back(std::move(box));
      continue;
    }
    if (box.role == Role::Section && wants(spans_text(box))) moving = true;
    (moving ? tree.sidebar.children : main).push_back(std::move(box));
  }
  tree.root.children = std::move(main);
}

}  // namespace

BoxTree build(const doc::Document& document, const style::Layout& layout, std::string lang,
              Diagnostics& diags) {
  BoxTree tree;
  tree.lang = std::move(lang);
  tree.dir = document.meta.dir;
  Builder(layout, tree, diags, document.path).build_document(document.root);
  if (layout.page.sidebar.width > Pt(0)) split_sidebar(tree, layout.page.sidebar);
  return tree;
}

std::string dump(const BoxTree& tree) {
  std::string out;
  dump_box(tree.root, 0, out);
  return out;
}

}  // namespace cvpress::boxes
