#pragma once
// Paragraph layout (an inline formatting context), in the order of Typst's inline
// stages, one file each:
//   collect.cpp    spans -> one UTF-8 string with style ranges; soft breaks, text-transform
//   prepare.cpp    resolve bidi levels (UAX #9), itemize each style range by level and
//                  font, shape each item with HarfBuzz in its direction
//   line_break.cpp where lines may end (UAX #14 opportunities, hyphenation points, URL
//                  breaks) and the one dispatcher that picks a breaker:
//     knuth_plass.cpp  total-fit (optimal) breaking, for justified paragraphs
//     greedy.cpp       first-fit breaking, for ragged text and pathological paragraphs
//   line.cpp       turn each line into positioned glyph runs, rectangles and links;
//                  put its runs in visual order (UAX #9 L2); justify, reshape line edges, add the hyphen,
//                  report bad lines
// The order is forced: shaping needs the direction and the fonts itemization chose, breaking needs the
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
  bool hyphenate = false;  // words here may be hyphenated (the style says so; not code)
};

/// The paragraph as one string. `text` is what is shaped; `original` is what a reader
/// must extract (they differ under text-transform); `original_at[i]` is the byte offset
/// in `original` of the character that produced text byte i (size text.size() + 1).
struct Collected {
  std::string text;
  std::string original;
  std::vector<std::size_t> original_at;
  std::vector<StyledRange> ranges;
  /// code_points[i]: how many code points of `original` start before byte i (size
  /// original.size() + 1), so that location_of costs no scan of a long paragraph.
  std::vector<uint32_t> code_points;
  /// Source location of text byte offsets, for diagnostics: the span and the code-point
  /// index of that byte inside the span's original text.
  [[nodiscard]] SourceLocation location_of(std::size_t offset) const;
};

[[nodiscard]] Collected collect(const boxes::Box& box, Context& cx);

/// One shaped item: a piece of a style range at one bidi level, set in one face.
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
  uint8_t level = 0;                      // UAX #9 embedding level: odd is right-to-left
  bool rtl = false;                       // level is odd: shaped right to left (glyphs still in visual order)
  /// The hyphen a line broken inside a word of this item ends with: "-" shaped in this
  /// item's face (glyph 0: the face has none, so its words are not hyphenated).
  uint32_t hyphen_glyph = 0;
  Pt hyphen_advance;
};

struct Prepared {
  std::vector<ShapedItem> items;  // in text order (not visual order)
  /// The paragraph's base level: 1 in a right-to-left document (lines start at the right).
  uint8_t base_level = 0;
  /// advance_at[b]: the total advance of the glyphs whose cluster starts at byte b.
  /// width(a, b) = prefix[b] - prefix[a].
  std::vector<Pt> prefix;
  /// The elasticity of the paragraph's glue, as prefix sums like `prefix`: how much the
  /// word spaces (and the gaps between ideographs) in [a, b) may stretch and shrink
  /// when the line is justified. Knuth–Plass's glue, kept beside the glyphs.
  std::vector<Pt> stretch_prefix, shrink_prefix;
  /// autospace[b]: the space added before the character at byte b (CJK next to Latin),
  /// carried by the advance of the glyph before it; a line ending at b does not show it.
  std::vector<Pt> autospace;
  [[nodiscard]] Pt width(std::size_t a, std::size_t b) const { return prefix[b] - prefix[a]; }
  /// The natural width of a line [a, b): without the autospace of a gap at its end.
  [[nodiscard]] Pt line_width(std::size_t a, std::size_t b) const {
    return prefix[b] - prefix[a] - autospace[b];
  }
  /// The glue of a line [a, b): the glue at byte a belongs to the gap before the line.
  [[nodiscard]] Pt line_stretch(std::size_t a, std::size_t b) const {
    return a < b ? stretch_prefix[b] - stretch_prefix[a + 1] : Pt(0);
  }
  [[nodiscard]] Pt line_shrink(std::size_t a, std::size_t b) const {
    return a < b ? shrink_prefix[b] - shrink_prefix[a + 1] : Pt(0);
  }
  [[nodiscard]] Pt stretch(std::size_t a, std::size_t b) const {
    return stretch_prefix[b] - stretch_prefix[a];
  }
  [[nodiscard]] Pt shrink(std::size_t a, std::size_t b) const { return shrink_prefix[b] - shrink_prefix[a]; }
  /// The item that shaped text byte `offset` (nullptr for a forced line end).
  [[nodiscard]] const ShapedItem* item_at(std::size_t offset) const;
};

[[nodiscard]] Prepared prepare(const Collected& collected, Context& cx);

/// [begin, end) of `item` shaped again on its own, for a line edge where HarfBuzz marked
/// the break unsafe (a ligature or kerning pair across it): glyphs and advances as
/// prepare() makes them.
struct Reshaped {
  std::vector<text::ShapedGlyph> glyphs;
  std::vector<Pt> advances;
};
[[nodiscard]] Reshaped reshape(const Collected& collected, const ShapedItem& item, std::size_t begin,
                               std::size_t end, Context& cx);

/// A line [begin, end) of the text; `end` excludes trailing white space and line ends.
struct LineRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool last = false;  // ends the paragraph or a forced line end (not justified)
  /// The line ends inside the word [word_begin, word_end), with an added hyphen.
  bool hyphenated = false;
  /// The line ends after a hyphen written in the word [word_begin, word_end) (`Multi-`).
  bool joined = false;
  std::size_t word_begin = 0, word_end = 0;
};

struct BreakInput {
  const Collected& collected;
  const Prepared& prepared;
  Pt width;           // the measure
  bool preformatted;  // ragged, whatever the style says
  bool justify;       // lines are stretched or shrunk to the measure
  Pt em;              // the paragraph's font size (scales the emergency stretch)
  std::string_view lang;
};

/// Chooses the lines of a paragraph (minikin's one entry point): total-fit Knuth–Plass
/// for justified text, first-fit for ragged text and for paragraphs too long for the
/// optimum to pay (line_break.cpp says which and why). Never returns a line wider than
/// `width` unless a single grapheme is wider, or a justified line that cannot shrink
/// enough; build_lines reports those.
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
