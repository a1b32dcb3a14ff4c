// Tightening a layout for fit-to-pages (issue 3). Every amount runs from 0 (the layout as
// written) to 1 (the bound the layout declares), linearly, so a search over one amount is
// monotone: more tightening never makes a document longer.
#include "style/style.h"

namespace cvpress::style {
namespace {

double lerp(double from, double to, double t) { return from + (to - from) * t; }

}  // namespace

void tighten(ComputedStyle& style, const Tightening& t, const FitBounds& bounds, Pt body_size) {
  // Inter-block spacing: the vertical margins (paddings belong to the box's look: a
  // section's rule keeps its distance from the title).
  const double spacing = lerp(1.0, bounds.min_spacing, t.spacing);
  style.margin.top *= spacing;
  style.margin.bottom *= spacing;
  // Leading: a line height above the bound moves toward it; a tighter one (a display
  // name at 1.1) stays.
  if (style.line_height > bounds.min_leading)
    style.line_height = lerp(style.line_height, bounds.min_leading, t.leading);
  // Type size: every size by the factor that brings the body to its bound, so the
  // hierarchy of sizes is kept.
  const Pt floor = max(bounds.min_font_size, kMinBodyFontSize);
  if (body_size > floor && t.font > 0) {
    const double factor = lerp(1.0, floor / body_size, t.font);
    style.font_size *= factor;
    style.letter_spacing *= factor;
  }
}

Insets tighten(const Insets& margin, const Tightening& t, const FitBounds& bounds) {
  auto side = [&](Pt m) { return m > bounds.min_margin ? m + (bounds.min_margin - m) * t.margin : m; };
  return {side(margin.top), side(margin.right), side(margin.bottom), side(margin.left)};
}

}  // namespace cvpress::style
