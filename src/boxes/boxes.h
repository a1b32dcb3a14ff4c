#pragma once
// The boxes stage: doc::Document + a layout template -> BoxTree, the styled tree that
// layout measures. It decides what each element is to the résumé (name, header,
// section, entry ...), computes every box's style through the cascade, turns lists
// into items with their markers and tables into a grid. No fonts, no measuring.
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "base/base.h"
#include "doc/doc.h"
#include "style/style.h"

namespace cvpress::boxes {

/// Index into BoxTree::styles.
using StyleId = uint32_t;

enum class BoxKind {
  Block,      // a container of blocks (document, header, blockquote, list item body)
  Paragraph,  // an inline formatting context: headings, paragraphs, table cells' text
  List,
  ListItem,  // marker + blocks, the marker hanging in the indent
  Table,
  TableRow,
  TableCell,
  Rule,       // thematic break
  PageBreak,  // <!-- pagebreak -->
  Image,      // a picture standing alone in its paragraph (Box::image)
};

enum class SpanKind { Text, HardBreak };

/// A piece of inline text in one style. `location` is where text[0] stands in the
/// source; when `exact` each code point of `text` is one source column to the right of
/// the previous (so a character can be reported at its own line:column).
struct Span {
  SpanKind kind = SpanKind::Text;
  std::string text;  // UTF-8
  StyleId style = 0;
  std::string link;   // the link target, empty when the text is not a link
  bool code = false;  // an inline code span (its background is drawn behind it)
  bool icon = false;  // an ornament drawn as an outline, never extracted (a contact icon)
  SourceLocation location;
  bool exact = false;
};

struct Box {
  BoxKind kind = BoxKind::Block;
  style::Role role = style::Role::Page;
  StyleId style = 0;
  SourceRange range;
  std::vector<Box> children;

  std::vector<Span> spans;    // Paragraph: its inline content
  bool preformatted = false;  // Paragraph of a code block: keep spaces and line ends, never wrap

  std::string marker;        // ListItem: "•", "3." ...
  StyleId marker_style = 0;  // ListItem

  std::vector<Span> aside;  // entry headings: the text after ` | ` (dates, place), set flush right
  StyleId aside_style = 0;
  std::vector<Span> label;  // a `Label: value` row whose label is set in a term column
  StyleId label_style = 0;

  std::string image;        // Image: the file (absolute); a Header block: its portrait, if any
  StyleId image_style = 0;  // the Photo style of `image`

  std::string bookmark;  // headings: outline title (empty: no bookmark)
  int bookmark_level = 0;

  doc::Align align = doc::Align::Default;  // TableCell
  bool header = false;                     // TableRow / TableCell in the table head
};

struct BoxTree {
  Box root;     // kind Block, role Page: the (main) column
  Box sidebar;  // two-column layouts: what the sidebar holds
  /// Every distinct style, referenced by StyleId. A deque: references to a style stay valid
  /// while more styles are added (the builder derives styles while it holds others).
  std::deque<style::ComputedStyle> styles;
  std::string lang;  // the document language (BCP 47)
  std::string dir;   // front matter `dir`: "ltr", "rtl" or empty (layout decides)
};

/// Builds the box tree. `layout` has overrides applied already. Problems (e.g. ignored
/// raw HTML) go to `diags`.
[[nodiscard]] BoxTree build(const doc::Document& document, const style::Layout& layout, std::string lang,
                            Diagnostics& diags);

/// The text dump of a box tree (roles, kinds, spans), for tests.
[[nodiscard]] std::string dump(const BoxTree& tree);

}  // namespace cvpress::boxes
