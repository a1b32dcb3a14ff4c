#include "markdown/markdown.h"

#include <string>
#include <string_view>

#include "markdown/front_matter.h"
#include "markdown/html.h"
#include "markdown/md4c_adapter.h"

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
  document.root = parse_body(file, span.body_begin, diags);
  const HtmlFacts html = map_html(document.root, file, diags);
  if (document.meta.dir.empty()) document.meta.dir = html.dir;
  doc::normalize_headings(document.root);
  fill_from_front_matter(document);
  return document;
}

doc::Metadata parse_front_matter_file(const SourceFile& file, Diagnostics& diags) {
  check_utf8(file, diags);
  const FrontMatterSpan whole{true, 0, file.text().size(), file.text().size()};
  return read_front_matter(file, whole, diags);
}

}  // namespace cvpress::markdown
