#include "markdown/markdown.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "markdown/front_matter.h"
#include "markdown/html.h"
#include "markdown/md4c_adapter.h"
#include "markdown/tables.h"

namespace cvpress::markdown {
namespace {

// After this many, the file is almost certainly not UTF-8 at all and more lines say nothing new.
constexpr int kMaxEncodingErrors = 10;

std::string hex_byte(unsigned char byte) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  return {'0', 'x', kDigits[byte >> 4], kDigits[byte & 0xF]};
}

// Reports each ill-formed UTF-8 sequence at its line:column (the parse goes on: the tree
// gets U+FFFD in their place).
void check_utf8(const SourceFile& file, Diagnostics& diags) {
  const std::string_view text = file.text();
  int reported = 0;
  for (std::size_t at = utf8::find_invalid(text); at < text.size();) {
    const utf8::Decoded d = utf8::decode(text, at);
    if (!d.valid) {
      if (reported == kMaxEncodingErrors) {
        diags.note(file.path(), file.location_of(at),
                   "more invalid UTF-8 bytes follow; only the first " + std::to_string(kMaxEncodingErrors) +
                       " are shown");
        return;
      }
      diags.error(file.path(), file.location_of(at),
                  "invalid UTF-8 byte " + hex_byte(static_cast<unsigned char>(text[at])),
                  reported == 0 ? "cvpress reads Markdown as UTF-8; save the file with that encoding" : "");
      ++reported;
    }
    at += d.length;
  }
}

void remap_lines(doc::Node& node, const TablePrepass& tables) {
  for (SourceLocation* at : {&node.range.begin, &node.range.end})
    if (at->known()) at->line = original_line(tables, at->line);
  for (doc::Node& child : node.children) remap_lines(child, tables);
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// C0 and C1 control characters and DEL (other than tab and line ends) have no glyph and no
// place in a text layer: each line holding some gets one warning, and they are removed.
bool is_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

std::string code_point_name(char32_t c) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(c >> shift) & 0xF];
  return out;
}

void remove_controls(doc::Node& node, const SourceFile& file, Diagnostics& diags, uint32_t& last_line) {
  for (doc::Node& child : node.children) remove_controls(child, file, diags, last_line);
  if (node.kind != doc::NodeKind::Text && node.kind != doc::NodeKind::Code &&
      node.kind != doc::NodeKind::CodeBlock)
    return;
  std::string kept;
  bool removed = false;
  SourceLocation at = node.range.begin;
  for (std::size_t i = 0; i < node.text.size();) {
    const utf8::Decoded d = utf8::decode(node.text, i);
    if (d.valid && is_control(d.code_point)) {
      if (!removed && at.line != last_line) {
        SourceLocation where = at;
        if (node.verbatim && node.kind == doc::NodeKind::Text)
          where.column += static_cast<uint32_t>(utf8::length(std::string_view(node.text).substr(0, i)));
        diags.warning(file.path(), where,
                      "removed control character " + code_point_name(d.code_point) + " from the text",
                      "control characters have no glyph; delete them from the file (the editor may show them "
                      "as ^? or a box)");
        last_line = at.line;
      }
      removed = true;
    } else {
      kept.append(node.text, i, d.length);
    }
    i += d.length;
  }
  if (!removed) return;
  node.text = std::move(kept);
  node.verbatim = false;
}

// RFC 3986 §2.1: PDF URIs are 7-bit ASCII (ISO 32000-1 §12.6.4.7), so every other byte of
// the UTF-8 (and a space) is percent-encoded; what is already encoded stays as it is.
std::string percent_encode(std::string_view url) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  std::string out;
  for (char ch : url) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte >= 0x80 || byte <= 0x20 || byte == 0x7F || ch == '"' || ch == '<' || ch == '>' || ch == '\\' ||
        ch == '^' || ch == '`' || ch == '{' || ch == '|' || ch == '}') {
      out += '%';
      out += kDigits[byte >> 4];
      out += kDigits[byte & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

bool has_scheme(std::string_view url) {
  // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(url[0])) return false;
  for (char c : url.substr(0, colon))
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  return true;
}

bool looks_like_email(std::string_view s) {
  const std::size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
         s.find_first_of(" /:") == std::string_view::npos;
}

// Link targets a PDF can follow: an absolute URL (percent-encoded), `mailto:` for a bare
// e-mail address, `http://` for `www.`; a relative target (another Markdown file, `#anchor`,
// `/cv/`) leaves its text without a dead annotation, with a located warning.
void fix_links(std::vector<doc::Node>& nodes, const SourceFile& file, Diagnostics& diags) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    doc::Node& n = nodes[i];
    fix_links(n.children, file, diags);
    if (n.kind != doc::NodeKind::Link) continue;
    std::string url(trim_spaces(n.url));
    if (looks_like_email(url) && !has_scheme(url)) url = "mailto:" + url;
    if (url.starts_with("www.")) url = "http://" + url;
    if (has_scheme(url)) {
      n.url = percent_encode(url);
      continue;
    }
    diags.warning(file.path(), n.range.begin,
                  "link target \"" + url + "\" is not a URL; the text stays, without a link",
                  "a PDF cannot follow a relative link; write the full address (https://...)");
    std::vector<doc::Node> text = std::move(n.children);
    nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(i));
    nodes.insert(nodes.begin() + static_cast<std::ptrdiff_t>(i), std::make_move_iterator(text.begin()),
                 std::make_move_iterator(text.end()));
    i += text.size();
    --i;
  }
}

doc::Node text_node(std::string text, SourceLocation at);

// ---- Syntax of other dialects (issue 10 item 10): printed as written, with one hint per kind.

struct DialectHints {
  const SourceFile& file;
  Diagnostics& diags;
  std::set<std::string> given;

  void hint(const std::string& kind, SourceLocation at, const std::string& what, const std::string& how) {
    if (!given.insert(kind).second) return;
    diags.warning(file.path(), at, what + " is not CommonMark and is printed as written", how);
  }

  void scan(const doc::Node& node) {
    if (node.kind == doc::NodeKind::Heading) {
      const std::string text = doc::plain_text(node);
      const std::size_t brace = text.rfind('{');
      if (brace != std::string::npos && text.ends_with("}") && brace + 2 < text.size() &&
          (text[brace + 1] == '#' || text[brace + 1] == '.'))
        hint("attributes", node.range.begin, "a heading attribute `" + text.substr(brace) + "`",
             "delete it; cvpress makes a bookmark of every heading by itself");
    }
    if (node.kind == doc::NodeKind::Paragraph && !node.children.empty() &&
        node.children.front().kind == doc::NodeKind::Text) {
      const std::string& first = node.children.front().text;
      if (first.starts_with("#. "))
        hint("#.", node.range.begin, "a `#.` list (pandoc)", "number the items: `1.`, `2.` ...");
      for (std::size_t i = 0; i + 1 < node.children.size(); ++i)
        if (node.children[i].kind == doc::NodeKind::SoftBreak &&
            node.children[i + 1].kind == doc::NodeKind::Text && node.children[i + 1].text.starts_with(": "))
          hint("deflist", node.children[i + 1].range.begin,
               "a definition list (pandoc `Term` / `: definition`)",
               "write `Term: definition` on one line (a labelled row) or a list item `- **Term**: "
               "definition`");
    }
    if (node.kind == doc::NodeKind::Text) {
      static constexpr std::string_view kLatex[] = {"\\hfill",   "\\vspace",  "\\hspace",   "\\newpage",
                                                    "\\textbf{", "\\textit{", "\\section{", "\\begin{",
                                                    "\\item ",   "\\\\"};
      for (std::string_view command : kLatex)
        if (const std::size_t at = node.text.find(command); at != std::string::npos) {
          SourceLocation where = node.range.begin;
          if (node.verbatim)
            where.column += static_cast<uint32_t>(utf8::length(std::string_view(node.text).substr(0, at)));
          hint(
              "latex", where, "raw LaTeX `" + std::string(command) + "`",
              "LaTeX is not run; for a page break write <!-- pagebreak -->, for an aside `### Title | 2024`");
          break;
        }
    }
    for (const doc::Node& c : node.children) scan(c);
  }
};

// ---- GitHub's extensions md4c does not know (issue 10 item 12).

// `> [!NOTE]` (GitHub alerts): the marker becomes a bold label of the quote.
void map_alerts(doc::Node& node) {
  for (doc::Node& c : node.children) map_alerts(c);
  if (node.kind != doc::NodeKind::BlockQuote || node.children.empty()) return;
  doc::Node& p = node.children.front();
  if (p.kind != doc::NodeKind::Paragraph || p.children.empty() ||
      p.children.front().kind != doc::NodeKind::Text)
    return;
  static constexpr std::pair<std::string_view, std::string_view> kAlerts[] = {{"[!NOTE]", "Note"},
                                                                              {"[!TIP]", "Tip"},
                                                                              {"[!IMPORTANT]", "Important"},
                                                                              {"[!WARNING]", "Warning"},
                                                                              {"[!CAUTION]", "Caution"}};
  doc::Node& first = p.children.front();
  for (const auto& [marker, label] : kAlerts) {
    if (first.text != marker && !first.text.starts_with(std::string(marker) + " ")) continue;
    doc::Node strong;
    strong.kind = doc::NodeKind::Strong;
    strong.range = first.range;
    strong.children.push_back(text_node(std::string(label), first.range.begin));
    first.text.erase(0, marker.size());
    first.verbatim = false;
    if (p.children.size() > 1 && p.children[1].kind == doc::NodeKind::SoftBreak) {
      // `> [!NOTE]` on a line of its own: the label, then the text on the next line.
      p.children[1].kind = doc::NodeKind::HardBreak;
    }
    if (first.text.empty()) p.children.erase(p.children.begin());
    p.children.insert(p.children.begin(), std::move(strong));
    return;
  }
}

// GitHub's footnotes: `Text[^1]` ... `[^1]: Note.`. md4c 0.4.8 reads neither (the reference
// stays text, the definition a paragraph). References become superscript numbers in order of
// first use; the definitions move to the end, numbered, under a rule.
void map_footnotes(doc::Node& root) {
  std::map<std::string, int> numbers;
  std::vector<std::pair<std::string, doc::Node>> definitions;  // label, its paragraph
  // The definitions: top-level paragraphs that start `[^label]: `.
  for (std::size_t i = 0; i < root.children.size();) {
    doc::Node& p = root.children[i];
    if (p.kind == doc::NodeKind::Paragraph && !p.children.empty() &&
        p.children.front().kind == doc::NodeKind::Text && p.children.front().text.starts_with("[^")) {
      std::string& t = p.children.front().text;
      const std::size_t close = t.find("]:");
      if (close != std::string::npos && close > 2 && t.find(' ') > close) {
        const std::string label = t.substr(2, close - 2);
        t.erase(0, std::min(t.size(), close + 2 + (close + 2 < t.size() && t[close + 2] == ' ' ? 1 : 0)));
        p.children.front().verbatim = false;
        definitions.emplace_back(label, std::move(p));
        root.children.erase(root.children.begin() + static_cast<std::ptrdiff_t>(i));
        continue;
      }
    }
    ++i;
  }
  if (definitions.empty()) return;
  const auto superscript = [](int n) {
    static constexpr std::string_view kDigits[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                                   "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::string out;
    for (char c : std::to_string(n)) out += kDigits[c - '0'];
    return out;
  };
  const std::function<void(doc::Node&)> references = [&](doc::Node& node) {
    for (doc::Node& c : node.children) references(c);
    if (node.kind != doc::NodeKind::Text) return;
    std::string out;
    bool changed = false;
    for (std::size_t at = 0; at < node.text.size();) {
      const std::size_t open = node.text.find("[^", at);
      const std::size_t close = open == std::string::npos ? open : node.text.find(']', open);
      if (close == std::string::npos) {
        out += node.text.substr(at);
        break;
      }
      const std::string label = node.text.substr(open + 2, close - open - 2);
      const bool known = std::any_of(definitions.begin(), definitions.end(),
                                     [&](const auto& d) { return d.first == label; });
      out += node.text.substr(at, open - at);
      if (known) {
        const int n = numbers.emplace(label, static_cast<int>(numbers.size()) + 1).first->second;
        out += superscript(n);
        changed = true;
      } else {
        out += node.text.substr(open, close + 1 - open);
      }
      at = close + 1;
    }
    if (changed) {
      node.text = std::move(out);
      node.verbatim = false;
    }
  };
  references(root);
  const SourceRange at{definitions.front().second.range.begin, definitions.front().second.range.begin};
  doc::Node rule;
  rule.kind = doc::NodeKind::ThematicBreak;
  rule.range = at;
  root.children.push_back(std::move(rule));
  doc::Node list;
  list.kind = doc::NodeKind::List;
  list.ordered = true;
  list.range = at;
  std::stable_sort(definitions.begin(), definitions.end(), [&](const auto& a, const auto& b) {
    const auto na = numbers.find(a.first), nb = numbers.find(b.first);
    return (na == numbers.end() ? 1 << 30 : na->second) < (nb == numbers.end() ? 1 << 30 : nb->second);
  });
  for (auto& [label, paragraph] : definitions) {
    doc::Node item;
    item.kind = doc::NodeKind::ListItem;
    item.range = paragraph.range;
    item.children.push_back(std::move(paragraph));
    list.children.push_back(std::move(item));
  }
  root.children.push_back(std::move(list));
}

doc::Node text_node(std::string text, SourceLocation at) {
  doc::Node t;
  t.kind = doc::NodeKind::Text;
  t.text = std::move(text);
  t.range = {at, at};
  t.verbatim = false;
  return t;
}

// A contact from the front matter as the list item the body would have had.
doc::Node contact_item(const doc::Contact& c) {
  doc::Node item;
  item.kind = doc::NodeKind::ListItem;
  item.range = {c.location, c.location};
  std::string url;
  if (c.kind == "email") url = "mailto:" + c.value;
  if (c.kind == "phone") {
    url = "tel:";
    for (char ch : c.value)
      if ((ch >= '0' && ch <= '9') || ch == '+') url += ch;
  }
  if (c.kind == "website" || c.kind == "github" || c.kind == "linkedin") {
    url = c.value.find("://") == std::string::npos ? "https://" + c.value : c.value;
    if (c.kind == "github" && c.value.find('.') == std::string::npos) url = "https://github.com/" + c.value;
    if (c.kind == "linkedin" && c.value.find('.') == std::string::npos)
      url = "https://www.linkedin.com/in/" + c.value;
  }
  if (url.empty()) {
    item.children.push_back(text_node(c.value, c.location));
  } else {
    doc::Node link;
    link.kind = doc::NodeKind::Link;
    link.url = url;
    link.range = item.range;
    link.children.push_back(text_node(c.value, c.location));
    item.children.push_back(std::move(link));
  }
  return item;
}

// Front matter written for résumé templates of other tools carries the name and contacts
// (`name:`, `email:`, `phone:` ...): they fill the name and the contact row when the body
// has none of its own.
void fill_from_front_matter(doc::Document& document) {
  const doc::Metadata& meta = document.meta;
  std::vector<doc::Node>& blocks = document.root.children;
  std::size_t name = doc::name_index(document.root);
  if (name == std::string::npos && !meta.name.empty()) {
    doc::Node heading;
    heading.kind = doc::NodeKind::Heading;
    heading.level = 1;
    heading.range = {meta.name_location, meta.name_location};
    heading.children.push_back(text_node(meta.name, meta.name_location));
    blocks.insert(blocks.begin(), std::move(heading));
    name = 0;
  }
  if (meta.contacts.empty() || name == std::string::npos) return;
  const bool header_empty = name + 1 >= blocks.size() || blocks[name + 1].kind == doc::NodeKind::Heading;
  if (!header_empty) return;
  doc::Node list;
  list.kind = doc::NodeKind::List;
  list.delimiter = '-';
  list.range = {meta.contacts.front().location, meta.contacts.back().location};
  for (const doc::Contact& c : meta.contacts) list.children.push_back(contact_item(c));
  blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(name + 1), std::move(list));
}

}  // namespace

doc::Document parse(const SourceFile& file, Diagnostics& diags) {
  doc::Document document;
  document.path = file.path();
  check_utf8(file, diags);
  const FrontMatterSpan span = find_front_matter(file, diags);
  if (span.present) document.meta = read_front_matter(file, span, diags);
  const TablePrepass tables = prepare_tables(file.text(), span.body_begin);
  HtmlFacts html;
  if (!tables.changed()) {
    document.root = parse_body(file, span.body_begin, diags);
    html = map_html(document.root, file, diags);
  } else {
    // md4c reads the pre-passed text; locations come back to the file's lines.
    const SourceFile edited(file.path(), tables.text);
    Diagnostics local;
    document.root = parse_body(edited, span.body_begin, local);
    html = map_html(document.root, edited, local);
    remap_lines(document.root, tables);
    for (Diagnostic d : local.all()) {
      if (d.location.known()) d.location.line = original_line(tables, d.location.line);
      diags.add(std::move(d));
    }
  }
  if (document.meta.dir.empty()) document.meta.dir = html.dir;
  uint32_t last_control_line = 0;
  remove_controls(document.root, file, diags, last_control_line);
  doc::normalize_headings(document.root);
  fix_links(document.root.children, file, diags);
  DialectHints{file, diags, {}}.scan(document.root);
  map_alerts(document.root);
  map_footnotes(document.root);
  fill_from_front_matter(document);
  return document;
}

doc::Metadata parse_front_matter_file(const SourceFile& file, Diagnostics& diags) {
  check_utf8(file, diags);
  const FrontMatterSpan whole{true, 0, file.text().size(), file.text().size()};
  return read_front_matter(file, whole, diags);
}

}  // namespace cvpress::markdown
