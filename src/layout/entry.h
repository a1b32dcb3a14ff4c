#pragma once
// Résumé rows that are more than a paragraph: an entry heading with its aside set flush
// right on the same baseline, and a `Label: value` row with the label in a term column.
#include <vector>

#include "boxes/boxes.h"
#include "layout/block.h"
#include "layout/context.h"
#include "layout/layout.h"

namespace cvpress::layout {

/// A heading with an aside (`### Tencent | 2019-08 ~ 2022-12`): the aside flush right on
/// the heading's first baseline when both fit on one line; otherwise the heading takes the
/// whole measure and the aside follows on its own line(s), flush right, never overlapping.
[[nodiscard]] std::vector<Slice> layout_with_aside(const boxes::Box& box, Pt x, Pt width, Context& cx);

/// A labelled row whose label has a term column (`label-width`): the label in the column,
/// the value beside it, their first lines on one baseline; the value wraps in its column.
[[nodiscard]] std::vector<Slice> layout_labelled(const boxes::Box& box, Pt x, Pt width, Context& cx);

}  // namespace cvpress::layout

namespace cvpress::layout {

/// An image alone in its paragraph: `width` from its style (0: 96 dpi), never wider than
/// the measure, height from its aspect ratio; round when the style says so.
[[nodiscard]] std::vector<Slice> layout_image(const boxes::Box& box, Pt x, Pt width, Context& cx);

/// The header with its portrait: name and contact lines beside the picture, which stands
/// at the top right; the block is at least as tall as the picture.
void layout_masthead(const boxes::Box& header, Pt x, Pt width, Stack& stack, Context& cx);

}  // namespace cvpress::layout
