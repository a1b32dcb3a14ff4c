#include "layout/block.h"

#include <algorithm>
#include <variant>

#include "layout/entry.h"
#include "layout/inline/paragraph.h"

namespace cvpress::layout {
namespace {

using boxes::Box;
using boxes::BoxKind;

void shift_item(frame::Item& item, Pt dy) {
  std::visit(
      [dy](auto& i) {
        using T = std::decay_t<decltype(i)>;
        if constexpr (std::is_same_v<T, frame::GlyphRun>) {
          i.origin.y += dy;
        } else if constexpr (std::is_same_v<T, frame::Line>) {
          i.from.y += dy;
          i.to.y += dy;
        } else {
          i.rect.y += dy;
        }
      },
      item);
}

bool decorated(const style::ComputedStyle& s) {
  const Insets& b = s.border.width;
  const Insets& p = s.padding;
  return s.background.has_value() || b.top > Pt(0) || b.right > Pt(0) || b.bottom > Pt(0) || b.left > Pt(0) ||
         p.top > Pt(0) || p.right > Pt(0) || p.bottom > Pt(0) || p.left > Pt(0);
}

// Paints a block's background and borders behind its slices. The block's inner spaces
// become part of the slices (a tinted block has no gaps), padding and border are added
// to the first and last slice; each slice carries its own piece of the decoration so
// the block can be split between any two of them.
std::vector<Slice> decorate(std::vector<Slice> inner, const style::ComputedStyle& s, Pt x, Pt width) {
  const Insets& bw = s.border.width;
  if (inner.empty()) inner.push_back(Slice{});
  for (std::size_t i = 0; i < inner.size(); ++i) {
    Slice& slice = inner[i];
    if (i > 0) {
      shift(slice, slice.space_before);
      slice.height += slice.space_before;
    }
    slice.space_before = Pt(0);
  }
  shift(inner.front(), bw.top + s.padding.top);
  inner.front().height += bw.top + s.padding.top;
  inner.back().height += s.padding.bottom + bw.bottom;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    Slice& slice = inner[i];
    std::vector<frame::Item> paint;
    const Pt h = slice.height;
    if (s.background) paint.push_back(frame::FillRect{{x, Pt(0), width, h}, *s.background});
    if (bw.left > Pt(0)) paint.push_back(frame::FillRect{{x, Pt(0), bw.left, h}, s.border.color});
    if (bw.right > Pt(0))
      paint.push_back(frame::FillRect{{x + width - bw.right, Pt(0), bw.right, h}, s.border.color});
    if (i == 0 && bw.top > Pt(0)) paint.push_back(frame::FillRect{{x, Pt(0), width, bw.top}, s.border.color});
    if (i + 1 == inner.size() && bw.bottom > Pt(0))
      paint.push_back(frame::FillRect{{x, h - bw.bottom, width, bw.bottom}, s.border.color});
    slice.items.insert(slice.items.begin(), paint.begin(), paint.end());
  }
  return inner;
}

// The first glyph run of a slice: where a list marker's baseline goes.
const frame::GlyphRun* first_run(const Slice& slice) {
  for (const frame::Item& item : slice.items)
    if (const auto* run = std::get_if<frame::GlyphRun>(&item)) return run;
  return nullptr;
}

// Sets a list marker in the indent, `gap` before the item's text [content_x, content_x +
// content_width), on the baseline of the item's first line: right-aligned in the indent
// on the left, or in a right-to-left document, left-aligned in the indent on the right.
void hang_marker(const Box& item, Pt content_x, Pt content_width, Pt gap, std::vector<Slice>& slices,
                 Context& cx) {
  Box marker;
  marker.kind = BoxKind::Paragraph;
  marker.style = item.marker_style;
  boxes::Span span;
  span.text = item.marker;
  span.style = item.marker_style;
  span.location = item.range.begin;
  marker.spans.push_back(span);
  // Wide enough for any marker: it is one line, right-aligned by hand below.
  std::vector<Slice> set = inline_::layout_paragraph(marker, Pt(0), Pt(1e6), cx);
  if (set.empty()) return;
  Slice& m = set.front();
  const frame::GlyphRun* mrun = first_run(m);
  if (!mrun) return;
  Pt marker_width, marker_left = mrun->origin.x;
  for (const frame::Item& i : m.items)
    if (const auto* r = std::get_if<frame::GlyphRun>(&i)) {
      marker_left = min(marker_left, r->origin.x);
      for (const frame::Glyph& g : r->glyphs) marker_width += g.advance;
    }
  const Pt dx = (cx.rtl() ? content_x + content_width + gap : content_x - gap - marker_width) - marker_left;

  if (slices.empty()) slices.push_back(m);  // an empty item: the marker alone
  Slice& target = slices.front();
  const frame::GlyphRun* trun = first_run(target);
  const Pt baseline = trun ? trun->origin.y : mrun->origin.y;
  for (frame::Item item_copy : m.items) {
    if (auto* r = std::get_if<frame::GlyphRun>(&item_copy)) {
      r->origin.x += dx;
      r->origin.y = baseline;
    }
    target.items.push_back(std::move(item_copy));
  }
}

// The heading level of a role, for pagination's entries (Slice::heading): 0 when the
// role is not a heading.
int heading_level(style::Role role) {
  switch (role) {
    case style::Role::Name: return 1;
    case style::Role::Section: return 2;
    case style::Role::Entry: return 3;
    case style::Role::Subentry: return 4;
    case style::Role::Heading5: return 5;
    case style::Role::Heading6: return 6;
    default: return 0;
  }
}

// Table rows carry the line their table starts on (layout_table cannot count tables);
// here they get their number in the flow instead: 0, 1, 2 ... in order.
int number_tables(std::vector<Slice>& slices) {
  int count = 0;
  int current = -1;  // the start line of the table being numbered
  for (Slice& slice : slices) {
    if (slice.table < 0) continue;
    if (slice.table != current) {
      current = slice.table;
      ++count;
    }
    slice.table = count - 1;
  }
  return count;
}

}  // namespace

void shift(Slice& slice, Pt dy) {
  for (frame::Item& item : slice.items) shift_item(item, dy);
  for (frame::Link& l : slice.links) l.area.y += dy;
  for (frame::Bookmark& b : slice.bookmarks) b.y += dy;
}

Slice merge(std::vector<Slice> slices) {
  Slice out;
  Pt y;
  for (std::size_t i = 0; i < slices.size(); ++i) {
    Slice& s = slices[i];
    if (i > 0) y += s.space_before;
    shift(s, y);
    for (auto& item : s.items) out.items.push_back(std::move(item));
    for (auto& l : s.links) out.links.push_back(std::move(l));
    for (auto& b : s.bookmarks) out.bookmarks.push_back(std::move(b));
    if (i == 0) out.location = s.location;
    y += s.height;
  }
  out.height = y;
  return out;
}

void Stack::push(Slice slice) {
  slice.space_before = max(slice.space_before, pending_);
  pending_ = Pt(0);
  if (break_pending_) {
    slice.break_before = true;
    break_pending_ = false;
  }
  slices_.push_back(std::move(slice));
}

void Stack::append(std::vector<Slice> slices) {
  for (Slice& s : slices) push(std::move(s));
}

void layout_block(const Box& box, Pt x, Pt width, Stack& stack, Context& cx) {
  const style::ComputedStyle& s = cx.style(box.style);
  if (box.kind == BoxKind::PageBreak) {
    stack.force_break();
    return;
  }
  if (box.kind == BoxKind::Block && !box.image.empty()) {  // the header with its portrait
    layout_masthead(box, x + s.margin.left, width - s.margin.left - s.margin.right, stack, cx);
    return;
  }
  stack.margin(s.margin.top);
  const Pt bx = x + s.margin.left;
  const Pt bwidth = width - s.margin.left - s.margin.right;
  const bool deco = decorated(s);
  const Pt cx0 = deco ? bx + s.border.width.left + s.padding.left : bx;
  const Pt cwidth =
      deco ? bwidth - s.border.width.left - s.padding.left - s.padding.right - s.border.width.right : bwidth;

  Stack inner;
  switch (box.kind) {
    case BoxKind::Paragraph: {
      std::vector<Slice> lines = !box.aside.empty()   ? layout_with_aside(box, cx0, cwidth, cx)
                                 : !box.label.empty() ? layout_labelled(box, cx0, cwidth, cx)
                                                      : inline_::layout_paragraph(box, cx0, cwidth, cx);
      const int count = static_cast<int>(lines.size());
      const int level = heading_level(box.role);
      for (int i = 0; i < count; ++i) {
        Slice& line = lines[static_cast<std::size_t>(i)];
        line.keep_with_next = s.keep_with_next;
        line.line = i;
        line.lines = count;
        line.heading = level;
        inner.push(std::move(line));
      }
      if (!box.bookmark.empty() && !inner.slices().empty())
        inner.slices().front().bookmarks.push_back({box.bookmark, box.bookmark_level, Pt(0)});
      break;
    }
    case BoxKind::Rule: {
      // A thematic break: a hairline across the measure, its weight and colour from the
      // rule's top border (0.5 pt mid-gray when the layout sets none).
      const Pt t = s.border.width.top > Pt(0) ? s.border.width.top : Pt(0.5);
      const Color color = s.border.width.top > Pt(0) ? s.border.color : Color{0x99, 0x99, 0x99};
      Slice slice;
      slice.height = t;
      slice.items.push_back(frame::FillRect{{bx, Pt(0), bwidth, t}, color});
      stack.push(std::move(slice));
      stack.margin(s.margin.bottom);
      return;
    }
    case BoxKind::Table: layout_table(box, cx0, cwidth, inner, cx); break;
    case BoxKind::List: {
      for (const Box& item : box.children) {
        const style::ComputedStyle& is = cx.style(item.style);
        inner.margin(is.margin.top);
        const Pt content_x = cx.rtl() ? cx0 : cx0 + s.indent;  // the indent is on the right in RTL
        Stack item_stack;
        for (const Box& child : item.children)
          layout_block(child, content_x, cwidth - s.indent, item_stack, cx);
        std::vector<Slice> slices = item_stack.take();
        const Pt gap = s.marker_gap > Pt(0) ? s.marker_gap : cx.style(item.marker_style).marker_gap;
        hang_marker(item, content_x, cwidth - s.indent, gap, slices, cx);
        inner.append(std::move(slices));
        inner.margin(is.margin.bottom);
      }
      break;
    }
    case BoxKind::Block:
    case BoxKind::ListItem:
    case BoxKind::TableRow:
    case BoxKind::TableCell:
      for (const Box& child : box.children) layout_block(child, cx0, cwidth, inner, cx);
      break;
    case BoxKind::Image:
      for (Slice& slice : layout_image(box, cx0, cwidth, cx)) inner.push(std::move(slice));
      break;
    case BoxKind::PageBreak: break;
  }

  const Pt trailing = inner.pending();
  std::vector<Slice> slices = inner.take();
  if (deco) slices = decorate(std::move(slices), s, bx, bwidth);
  stack.append(std::move(slices));
  if (!deco) stack.margin(trailing);  // CSS 2.1 §8.3.1: collapses through the bottom
  stack.margin(s.margin.bottom);
}

Flow layout(const boxes::BoxTree& tree, text::FontLibrary& fonts, const LayoutOptions& options,
            Diagnostics& diags) {
  Context cx(tree, fonts, options, diags);
  Stack stack;
  for (const Box& child : tree.root.children) layout_block(child, Pt(0), options.width, stack, cx);
  Flow flow;
  flow.slices = stack.take();
  flow.tables = number_tables(flow.slices);
  flow.fonts = cx.take_font_table();
  flow.width = options.width;
  flow.line_reports = std::move(cx.line_reports());
  return flow;
}

Slice layout_footer(std::string_view text, const style::ComputedStyle& style, const std::string& lang,
                    Pt width, text::FontLibrary& fonts, std::vector<frame::FontFile>& font_table,
                    Diagnostics& diags) {
  // A box tree of one paragraph in one style, laid out by the ordinary paragraph code.
  boxes::BoxTree tree;
  tree.styles.push_back(style);
  tree.lang = lang;
  Box box;
  box.kind = BoxKind::Paragraph;
  box.role = style::Role::Footer;
  boxes::Span span;
  span.text = std::string(text);
  box.spans.push_back(std::move(span));
  const LayoutOptions options{width, {}};
  Context cx(tree, fonts, options, diags);
  Slice footer = merge(inline_::layout_paragraph(box, Pt(0), width, cx));
  // The footer's faces join the document's table; its runs are renumbered.
  std::vector<frame::FontIndex> remap;
  for (const frame::FontFile& f : cx.take_font_table()) {
    auto it = std::find(font_table.begin(), font_table.end(), f);
    if (it == font_table.end()) it = font_table.insert(font_table.end(), f);
    remap.push_back(static_cast<frame::FontIndex>(it - font_table.begin()));
  }
  for (frame::Item& item : footer.items)
    if (auto* run = std::get_if<frame::GlyphRun>(&item)) run->font = remap[run->font];
  return footer;
}

}  // namespace cvpress::layout
