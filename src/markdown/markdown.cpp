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
  return document;
}

doc::Metadata parse_front_matter_file(const SourceFile& file, Diagnostics& diags) {
  check_utf8(file, diags);
  const FrontMatterSpan whole{true, 0, file.text().size(), file.text().size()};
  return read_front_matter(file, whole, diags);
}

}  // namespace cvpress::markdown
