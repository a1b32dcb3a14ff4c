#pragma once
// The layout stage: BoxTree -> Flow. Blocks are stacked top to bottom in one endless
// column as wide as the page's text area; paragraphs are itemized, shaped and broken
// into lines. The result is a list of slices, the smallest pieces pagination may put on
// different pages (a line, a table row, a rule).
#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"
#include "boxes/boxes.h"
#include "frame/frame.h"
#include "layout/report.h"
#include "text/text.h"

namespace cvpress::layout {

/// An unbreakable horizontal strip of the flow. Items are positioned relative to the
/// slice: x from the left edge of the text area, y from the slice's top.
struct Slice {
  Pt space_before;  // vertical space above; discarded when the slice starts a page
  Pt height;
  std::vector<frame::Item> items;
  std::vector<frame::Link> links;
  std::vector<frame::Bookmark> bookmarks;
  bool keep_with_next = false;  // a heading line: never the last slice on a page
  bool break_before = false;    // a forced page break precedes this slice
  SourceLocation location;      // where the slice's content starts in the source

  // What pagination needs to know about the slice's place in the document (issue 3).
  // Lines of one paragraph: this line's index and the paragraph's line count, so a
  // break keeps at least two lines on each side (no widows or orphans). A slice that is
  // not a paragraph line (a table row, a rule, an image) is its own one-line paragraph:
  // a page may break before it.
  int line = 0;
  int lines = 1;
  /// 1-6 on the lines of a heading (1 = the name, 2 = `##` section, 3 = `###` entry, 4 =
  /// `####` subentry): where an entry starts; it runs to the next heading of its level or
  /// a higher one. 0 on everything else.
  int heading = 0;
  /// Rows of a table: the table's number in the flow (0, 1, ...); -1 elsewhere. Header
  /// rows (`table_header`) are repeated at the top of a page the table continues on.
  int table = -1;
  bool table_header = false;
};

struct Flow {
  std::vector<Slice> slices;
  int tables = 0;                        // how many tables the flow holds (Slice::table numbers them)
  std::vector<frame::FontFile> fonts;    // every face a GlyphRun refers to, in first-use order
  Pt width;                              // the text area's width the flow was laid out for
  std::vector<LineReport> line_reports;  // overfull, underfull, hyphen-stacked lines, in layout order
};

struct LayoutOptions {
  Pt width;          // width of the text area
  std::string path;  // the source file, for diagnostics
};

/// Sets one running footer (or header) line: `text` in `style`, `width` wide (the text
/// area's), aligned as the style says, at x = 0 and y = 0 (the caller places it). The
/// faces it uses are added to `font_table` (a paginated document's) when missing, and its
/// runs index that table. Pagination owns where footers go and what they say, but may not
/// shape text (DESIGN §1), so it asks the caller, who asks layout.
[[nodiscard]] Slice layout_footer(std::string_view text, const style::ComputedStyle& style,
                                  const std::string& lang, Pt width, text::FontLibrary& fonts,
                                  std::vector<frame::FontFile>& font_table, Diagnostics& diags);

/// The document's direction: right to left when `tree.dir` is "rtl"; left to right when it
/// is "ltr"; else right to left when the language is (text::is_rtl_language: ar, he, fa,
/// ur ...); else the direction of the first strong character of the main column's text
/// (UAX #9 P2), then the sidebar's; left to right when there is none.
[[nodiscard]] bool right_to_left(const boxes::BoxTree& tree);

/// Lays out `tree`. Faces come from `fonts` (which is extended with fallback faces as
/// needed). A character no face covers is reported to `diags` as an error with its code
/// point, Unicode name and line:column; layout continues so every problem is reported.
[[nodiscard]] Flow layout(const boxes::BoxTree& tree, text::FontLibrary& fonts, const LayoutOptions& options,
                          Diagnostics& diags);

}  // namespace cvpress::layout
