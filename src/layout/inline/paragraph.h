#pragma once
// Paragraph layout (an inline formatting context), in the order of Typst's inline
// stages, one file each:
//   collect.cpp    spans -> one UTF-8 string with style ranges; soft breaks, text-transform
//   prepare.cpp    itemize each style range by font, shape each item with HarfBuzz
//   line_break.cpp choose line breaks among UAX #14 opportunities
//   line.cpp       turn each line into positioned glyph runs, rectangles and links
// The order is forced: shaping needs the fonts itemization chose, breaking needs the
// widths shaping measured, and a line can only be built once its ends are known.
#include <cstddef>
#include <string>
#include <vector>

#include "boxes/boxes.h"
#include "layout/context.h"
#include "layout/layout.h"
#include "text/text.h"

namespace cvpress::layout::inline_ {

/// A stretch of the paragraph text [begin, end) in one style, from one span.
struct StyledRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  boxes::StyleId style = 0;
  const boxes::Span* span = nullptr;
};

/// The paragraph as one string. `text` is what is shaped; `original` is what a reader
/// must extract (they differ under text-transform); `original_at[i]` is the byte offset
/// in `original` of the character that produced text byte i (size text.size() + 1).
struct Collected {
  std::string text;
  std::string original;
  std::vector<std::size_t> original_at;
  std::vector<StyledRange> ranges;
  /// Source location of text byte offsets, for diagnostics: the span and the code-point
  /// index of that byte inside the span's original text.
  [[nodiscard]] SourceLocation location_of(std::size_t offset) const;
};

[[nodiscard]] Collected collect(const boxes::Box& box, Context& cx);

/// One shaped item: a piece of a style range set in one face.
struct ShapedItem {
  std::size_t begin = 0;
  std::size_t end = 0;
  boxes::StyleId style = 0;
  const boxes::Span* span = nullptr;
  text::FontId face = text::kNoFont;
  frame::FontIndex font = 0;
  Pt size;
  std::vector<text::ShapedGlyph> glyphs;  // visual order
  std::vector<Pt> advances;               // per glyph, letter-spacing included
  bool rtl = false;
};

struct Prepared {
  std::vector<ShapedItem> items;
  /// advance_at[b]: the total advance of the glyphs whose cluster starts at byte b.
  /// width(a, b) = prefix[b] - prefix[a].
  std::vector<Pt> prefix;
  [[nodiscard]] Pt width(std::size_t a, std::size_t b) const { return prefix[b] - prefix[a]; }
};

[[nodiscard]] Prepared prepare(const Collected& collected, Context& cx);

/// A line [begin, end) of the text; `end` excludes trailing white space and line ends.
struct LineRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool last = false;  // ends the paragraph or a forced line end (not justified)
};

struct BreakInput {
  const Collected& collected;
  const Prepared& prepared;
  Pt width;           // the measure
  bool preformatted;  // only forced breaks, unless a line would overflow
  std::string_view lang;
};

/// Chooses the lines of a paragraph. Never returns a line wider than `width` unless
/// a single grapheme is wider.
[[nodiscard]] std::vector<LineRange> break_lines(const BreakInput& input);

/// The narrowest and widest the paragraph can be set: the widest unbreakable piece, and
/// the widest forced line. Used for table column widths.
struct ContentWidths {
  Pt min, max;
};
[[nodiscard]] ContentWidths content_widths(const Collected& collected, const Prepared& prepared,
                                           std::string_view lang);

/// Builds one slice per line, at horizontal offset `x`, `width` wide, aligned per style.
[[nodiscard]] std::vector<Slice> build_lines(const boxes::Box& box, const Collected& collected,
                                             const Prepared& prepared, const std::vector<LineRange>& lines,
                                             Pt x, Pt width, Context& cx);

/// The whole paragraph pipeline.
[[nodiscard]] std::vector<Slice> layout_paragraph(const boxes::Box& box, Pt x, Pt width, Context& cx);
[[nodiscard]] ContentWidths measure_paragraph(const boxes::Box& box, Context& cx);

/// True for characters a line may not start or end with: spaces and line ends.
[[nodiscard]] bool is_line_space(char c);

}  // namespace cvpress::layout::inline_
