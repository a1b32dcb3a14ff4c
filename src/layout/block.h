#pragma once
// Block layout: stacks boxes top to bottom with collapsed margins (CSS 2.1 §8.3.1),
// hangs list markers in the indent, draws borders and backgrounds slice by slice so a
// block can still be split between pages.
#include <vector>

#include "boxes/boxes.h"
#include "layout/context.h"
#include "layout/layout.h"

namespace cvpress::layout {

/// Slices being stacked: vertical margins wait in `pending` and collapse (the larger
/// wins) until the next slice arrives.
class Stack {
 public:
  void margin(Pt m) { pending_ = max(pending_, m); }
  void force_break() { break_pending_ = true; }
  void push(Slice slice);
  /// Appends already stacked slices; the first one's space collapses with `pending`.
  void append(std::vector<Slice> slices);
  [[nodiscard]] std::vector<Slice>& slices() { return slices_; }
  /// The margin still waiting after the last slice (it collapses through the parent).
  [[nodiscard]] Pt pending() const { return pending_; }
  [[nodiscard]] std::vector<Slice> take() { return std::move(slices_); }

 private:
  std::vector<Slice> slices_;
  Pt pending_;
  bool break_pending_ = false;
};

/// Lays out `box` into `stack` at horizontal offset `x` (from the text area's left
/// edge), `width` wide (the box's margin box).
void layout_block(const boxes::Box& box, Pt x, Pt width, Stack& stack, Context& cx);

/// Lays out a table (table.cpp).
void layout_table(const boxes::Box& table, Pt x, Pt width, Stack& stack, Context& cx);

/// Moves everything in `slice` down by `dy`.
void shift(Slice& slice, Pt dy);

/// Merges stacked slices into one (a table cell is set whole), spaces between them kept.
[[nodiscard]] Slice merge(std::vector<Slice> slices);

}  // namespace cvpress::layout
