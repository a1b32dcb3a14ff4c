#pragma once
// The layout stage: BoxTree -> Flow. Blocks are stacked top to bottom in one endless
// column as wide as the page's text area; paragraphs are itemized, shaped and broken
// into lines. The result is a list of slices, the smallest pieces pagination may put on
// different pages (a line, a table row, a rule).
#include <string>
#include <vector>

#include "base/base.h"
#include "boxes/boxes.h"
#include "frame/frame.h"
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
};

struct Flow {
  std::vector<Slice> slices;
  std::vector<frame::FontFile> fonts;  // every face a GlyphRun refers to, in first-use order
  Pt width;                            // the text area's width the flow was laid out for
};

struct LayoutOptions {
  Pt width;          // width of the text area
  std::string path;  // the source file, for diagnostics
};

/// Lays out `tree`. Faces come from `fonts` (which is extended with fallback faces as
/// needed). A character no face covers is reported to `diags` as an error with its code
/// point, Unicode name and line:column; layout continues so every problem is reported.
[[nodiscard]] Flow layout(const boxes::BoxTree& tree, text::FontLibrary& fonts, const LayoutOptions& options,
                          Diagnostics& diags);

}  // namespace cvpress::layout
