// Tables (GFM): column widths from content, then one slice per row, so a table breaks
// between rows and never inside one.
//
// Column widths follow the automatic table layout of CSS 2.1 §17.5.2.2 in spirit:
// each column's minimum is its widest unbreakable piece, its maximum its widest
// unwrapped line. When the maxima fit, the spare width is shared in proportion to
// them (a résumé table spans the measure); otherwise each column gets its minimum
// plus a share of what is left in proportion to how much it would still grow.
#include <algorithm>

#include "layout/block.h"
#include "layout/inline/paragraph.h"

namespace cvpress::layout {
namespace {

using boxes::Box;

Pt horizontal_frame(const style::ComputedStyle& s) {
  return s.padding.left + s.padding.right + s.border.width.left + s.border.width.right;
}

std::vector<Pt> column_widths(const Box& table, Pt available, Context& cx) {
  std::size_t columns = 0;
  for (const Box& row : table.children) columns = std::max(columns, row.children.size());
  std::vector<Pt> lo(columns), hi(columns);
  for (const Box& row : table.children)
    for (std::size_t c = 0; c < row.children.size(); ++c) {
      const Box& cell = row.children[c];
      const inline_::ContentWidths w = inline_::measure_paragraph(cell, cx);
      const Pt frame = horizontal_frame(cx.style(cell.style));
      lo[c] = max(lo[c], w.min + frame);
      hi[c] = max(hi[c], w.max + frame);
    }
  Pt sum_lo, sum_hi;
  for (std::size_t c = 0; c < columns; ++c) {
    sum_lo += lo[c];
    sum_hi += hi[c];
  }
  std::vector<Pt> widths(columns);
  if (columns == 0) return widths;
  if (sum_hi <= available) {
    const Pt spare = available - sum_hi;
    for (std::size_t c = 0; c < columns; ++c)
      widths[c] = hi[c] + (sum_hi > Pt(0) ? spare * (hi[c] / sum_hi) : spare / static_cast<double>(columns));
  } else if (sum_lo >= available) {
    // Even the minima do not fit: scale them down; lines will break inside pieces.
    for (std::size_t c = 0; c < columns; ++c) widths[c] = lo[c] * (available / sum_lo);
  } else {
    const Pt spare = available - sum_lo;
    const Pt growth = sum_hi - sum_lo;
    for (std::size_t c = 0; c < columns; ++c) widths[c] = lo[c] + spare * ((hi[c] - lo[c]) / growth);
  }
  return widths;
}

}  // namespace

void layout_table(const Box& table, Pt x, Pt width, Stack& stack, Context& cx) {
  const std::vector<Pt> widths = column_widths(table, width, cx);
  // Where each column starts: left to right, or mirrored in a right-to-left document (the
  // first column on the right).
  Pt total;
  for (Pt w : widths) total += w;
  std::vector<Pt> column_x(widths.size());
  Pt before;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    column_x[c] = cx.rtl() ? x + total - before - widths[c] : x + before;
    before += widths[c];
  }
  for (const Box& row : table.children) {
    // Each cell is set whole; the row is as tall as its tallest cell.
    std::vector<Slice> cells;
    Pt row_height;
    for (std::size_t c = 0; c < row.children.size() && c < widths.size(); ++c) {
      const Pt cell_x = column_x[c];
      const Box& cell = row.children[c];
      const style::ComputedStyle& s = cx.style(cell.style);
      const Pt inner_x = cell_x + s.border.width.left + s.padding.left;
      const Pt inner_w = widths[c] - horizontal_frame(s);
      std::vector<Slice> lines = inline_::layout_paragraph(cell, inner_x, inner_w, cx);
      Slice content = merge(std::move(lines));
      shift(content, s.border.width.top + s.padding.top);
      content.height += s.border.width.top + s.padding.top + s.padding.bottom + s.border.width.bottom;
      row_height = max(row_height, content.height);
      cells.push_back(std::move(content));
    }
    Slice slice;
    slice.height = row_height;
    slice.keep_with_next = row.header;  // a header row never ends a page
    slice.location = row.range.begin;
    // The table's start line until layout() numbers the tables (two tables never start
    // on the same line); header rows repeat on the pages the table continues on.
    slice.table = static_cast<int>(table.range.begin.line);
    slice.table_header = row.header;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const Pt cell_x = column_x[c];
      const style::ComputedStyle& s = cx.style(row.children[c].style);
      const Insets& bw = s.border.width;
      if (s.background)
        slice.items.push_back(frame::FillRect{{cell_x, Pt(0), widths[c], row_height}, *s.background});
      if (bw.top > Pt(0))
        slice.items.push_back(frame::FillRect{{cell_x, Pt(0), widths[c], bw.top}, s.border.color});
      if (bw.bottom > Pt(0))
        slice.items.push_back(
            frame::FillRect{{cell_x, row_height - bw.bottom, widths[c], bw.bottom}, s.border.color});
      if (bw.left > Pt(0))
        slice.items.push_back(frame::FillRect{{cell_x, Pt(0), bw.left, row_height}, s.border.color});
      if (bw.right > Pt(0))
        slice.items.push_back(
            frame::FillRect{{cell_x + widths[c] - bw.right, Pt(0), bw.right, row_height}, s.border.color});
    }
    for (Slice& cell : cells) {
      for (auto& item : cell.items) slice.items.push_back(std::move(item));
      for (auto& l : cell.links) slice.links.push_back(std::move(l));
    }
    stack.push(std::move(slice));
  }
}

}  // namespace cvpress::layout
