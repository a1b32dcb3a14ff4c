#include "layout/entry.h"

#include <algorithm>
#include <variant>

#include "layout/block.h"
#include "layout/image.h"
#include "layout/inline/paragraph.h"

namespace cvpress::layout {
namespace {

const frame::GlyphRun* first_run(const Slice& slice) {
  for (const frame::Item& item : slice.items)
    if (const auto* run = std::get_if<frame::GlyphRun>(&item)) return run;
  return nullptr;
}

// The baseline of a line: where its first glyph run stands (the top when it has none).
Pt baseline_of(const Slice& slice) {
  const frame::GlyphRun* run = first_run(slice);
  return run ? run->origin.y : Pt(0);
}

// Left and right ends of what a line draws.
std::pair<Pt, Pt> extent(const Slice& slice) {
  Pt left(1e9), right(-1e9);
  for (const frame::Item& item : slice.items)
    if (const auto* run = std::get_if<frame::GlyphRun>(&item)) {
      Pt x = run->origin.x;
      left = min(left, x);
      for (const frame::Glyph& g : run->glyphs) x += g.advance;
      right = max(right, x);
    }
  if (right < left) return {Pt(0), Pt(0)};
  return {left, right};
}

void move_x(Slice& slice, Pt dx) {
  for (frame::Item& item : slice.items)
    std::visit(
        [dx](auto& i) {
          using T = std::decay_t<decltype(i)>;
          if constexpr (std::is_same_v<T, frame::GlyphRun>) {
            i.origin.x += dx;
          } else if constexpr (std::is_same_v<T, frame::Line>) {
            i.from.x += dx;
            i.to.x += dx;
          } else {
            i.rect.x += dx;
          }
        },
        item);
  for (frame::Link& l : slice.links) l.area.x += dx;
}

// Puts `extra`'s content into `line` so that their baselines coincide; the line grows to
// hold both.
void overlay(Slice& line, Slice extra) {
  const Pt dy = baseline_of(line) - baseline_of(extra);
  if (dy < Pt(0)) {  // the extra line reaches higher: move the line down instead
    shift(line, -dy);
    line.height += -dy;
  } else {
    shift(extra, dy);
  }
  line.height = max(line.height, extra.height + max(dy, Pt(0)));
  for (auto& item : extra.items) line.items.push_back(std::move(item));
  for (auto& link : extra.links) line.links.push_back(std::move(link));
}

boxes::Box part(const boxes::Box& of, boxes::StyleId style, const std::vector<boxes::Span>& spans) {
  boxes::Box b;
  b.kind = boxes::BoxKind::Paragraph;
  b.role = of.role;
  b.style = style;
  b.range = of.range;
  b.spans = spans;
  return b;
}

}  // namespace

// In a right-to-left document the aside stands flush left and the heading starts at the
// right (DESIGN §3), the label column of a labelled row on the right.
std::vector<Slice> layout_with_aside(const boxes::Box& box, Pt x, Pt width, Context& cx) {
  const boxes::Box aside = part(box, box.aside_style, box.aside);
  std::vector<Slice> aside_lines = inline_::layout_paragraph(aside, Pt(0), width, cx);
  Pt aside_width;
  for (const Slice& l : aside_lines) aside_width = max(aside_width, extent(l).second - extent(l).first);
  // Moves an aside line flush right (flush left in a right-to-left document).
  const auto place = [&](Slice& a) {
    const auto [left, right] = extent(a);
    move_x(a, cx.rtl() ? x - left : x + width - right);
  };
  // The least space between heading and aside: one em of the heading (a quad).
  const Pt gap = cx.style(box.style).font_size;

  if (aside_lines.size() == 1 && aside_width + gap < width) {
    const Pt main_x = cx.rtl() ? x + aside_width + gap : x;
    std::vector<Slice> main = inline_::layout_paragraph(box, main_x, width - aside_width - gap, cx);
    if (main.size() <= 1) {
      if (main.empty()) main.push_back(Slice{});
      Slice& line = main.front();
      Slice a = std::move(aside_lines.front());
      place(a);
      overlay(line, std::move(a));
      return main;
    }
  }
  // Both do not fit on one line: the heading over the whole measure, the aside below it,
  // still flush right, so the dates keep their column.
  std::vector<Slice> lines = inline_::layout_paragraph(box, x, width, cx);
  for (Slice& a : aside_lines) {
    place(a);
    lines.push_back(std::move(a));
  }
  return lines;
}

std::vector<Slice> layout_labelled(const boxes::Box& box, Pt x, Pt width, Context& cx) {
  const Pt column = min(cx.style(box.label_style).label_width, width / 2);
  const boxes::Box label = part(box, box.label_style, box.label);
  std::vector<Slice> labels = inline_::layout_paragraph(label, cx.rtl() ? x + width - column : x, column, cx);
  std::vector<Slice> values = inline_::layout_paragraph(box, cx.rtl() ? x : x + column, width - column, cx);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i < values.size()) {
      overlay(values[i], std::move(labels[i]));
    } else {
      values.push_back(std::move(labels[i]));
    }
  }
  return values;
}

namespace {

// The size an image is shown at: its style's width, else 96 dpi (the CSS pixel), never
// wider than `width`; its height from its aspect ratio. Reports unreadable images.
std::optional<Size> shown_size(const boxes::Box& box, Pt width, Context& cx) {
  std::string why;
  const std::optional<PixelSize> px = image_size(box.image, why);
  if (!px) {
    const std::string name = box.image.substr(box.image.rfind('/') + 1);
    cx.diags().error(cx.path(), box.range.begin, "image \"" + name + "\" " + why, "use a PNG or JPEG file");
    return std::nullopt;
  }
  const style::ComputedStyle& st = cx.style(box.image_style);
  // CSS Values 3 §5.2: 1px = 1/96 in = 0.75 pt.
  constexpr double kPointsPerPixel = 72.0 / 96.0;
  Pt w = st.width > Pt(0) ? st.width : Pt(px->width * kPointsPerPixel);
  w = min(w, width);
  return Size{w, w * (static_cast<double>(px->height) / px->width)};
}

}  // namespace

std::vector<Slice> layout_image(const boxes::Box& box, Pt x, Pt width, Context& cx) {
  const std::optional<Size> size = shown_size(box, width, cx);
  if (!size) return {};
  Slice slice;
  slice.height = size->height;
  slice.location = box.range.begin;
  slice.items.push_back(
      frame::Image{{x, Pt(0), size->width, size->height}, box.image, cx.style(box.style).round});
  return {slice};
}

void layout_masthead(const boxes::Box& header, Pt x, Pt width, Stack& stack, Context& cx) {
  const style::ComputedStyle& s = cx.style(header.style);
  boxes::Box photo;
  photo.image = header.image;
  photo.image_style = header.image_style;
  photo.range = header.range;
  // A portrait takes at most a third of the measure.
  const std::optional<Size> size = shown_size(photo, width / 3, cx);
  stack.margin(s.margin.top);
  // Between the text and the picture: one and a half ems of the header's text.
  const Pt gap = s.font_size * 1.5;
  // In a narrow column (a sidebar) the picture goes below the header's text instead of
  // beside it (beside, the text would have less than twice the picture's width). Below,
  // not above or between: text extractors (poppler) read a column as one flow only while
  // its text has no tall gap, and order flows by their first line, so a picture above or
  // inside the header would let the main column's first lines be read first.
  const bool beside = size && width - size->width - gap >= size->width * 2;
  if (size && !beside) {
    for (const boxes::Box& child : header.children) layout_block(child, x, width, stack, cx);
    Slice picture;
    picture.height = size->height;
    picture.location = header.range.begin;
    picture.items.push_back(frame::Image{
        {x, Pt(0), size->width, size->height}, header.image, cx.style(header.image_style).round});
    stack.margin(gap);
    stack.push(std::move(picture));
    stack.margin(s.margin.bottom);
    return;
  }
  const Pt text_width = beside ? width - size->width - gap : width;
  Stack inner;
  for (const boxes::Box& child : header.children) layout_block(child, x, text_width, inner, cx);
  std::vector<Slice> slices = inner.take();
  if (slices.empty()) slices.push_back(Slice{});
  if (beside) {
    slices.front().items.push_back(frame::Image{{x + width - size->width, Pt(0), size->width, size->height},
                                                header.image,
                                                cx.style(header.image_style).round});
    Pt used;
    for (std::size_t i = 0; i < slices.size(); ++i)
      used += (i ? slices[i].space_before : Pt(0)) + slices[i].height;
    if (used < size->height) slices.back().height += size->height - used;
    // The picture spans the slices beside it: they stay on one page.
    for (std::size_t i = 0; i + 1 < slices.size(); ++i) slices[i].keep_with_next = true;
  }
  stack.append(std::move(slices));
  stack.margin(inner.pending());
  stack.margin(s.margin.bottom);
}

}  // namespace cvpress::layout
