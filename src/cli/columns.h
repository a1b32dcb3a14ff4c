#pragma once
// Two-column layouts: the sidebar and the main column are laid out and paginated as two
// flows, then put on the same pages. The sidebar's content comes first in each page's
// content stream, so text extractors read the sidebar and the main column as two blocks,
// never interleaved line by line.
#include "frame/frame.h"
#include "style/style.h"

namespace cvpress::cli {

/// Page geometry of the two columns, from the page size, the margins and the sidebar.
struct ColumnGeometry {
  Insets main_margin;     // margins that leave exactly the main column as the text area
  Insets sidebar_margin;  // margins that leave exactly the sidebar's text area
  Rect tint;              // the sidebar's background: page edge to the gap, top to bottom
};

[[nodiscard]] ColumnGeometry column_geometry(Size page, const Insets& margin, const style::Sidebar& sidebar);

/// Puts `side`'s pages under/beside `main`'s: as many pages as the longer of the two, each
/// with the tint first, then the sidebar, then the main column. Fonts are merged into one
/// table. Info and page sizes come from `main`.
[[nodiscard]] frame::PagedDocument merge_columns(frame::PagedDocument main, frame::PagedDocument side,
                                                 const ColumnGeometry& geometry,
                                                 const std::optional<Color>& tint);

}  // namespace cvpress::cli
