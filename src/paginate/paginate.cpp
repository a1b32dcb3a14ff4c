#include "paginate/paginate.h"

#include <variant>

namespace cvpress::paginate {
namespace {

// Rounding slack: a slice that overshoots the text area by less than this still fits.
constexpr Pt kFitEpsilon = Pt(0.01);

void place(layout::Slice& slice, Pt dx, Pt dy, frame::Page& page) {
  for (frame::Item& item : slice.items) {
    std::visit(
        [dx, dy](auto& i) {
          using T = std::decay_t<decltype(i)>;
          if constexpr (std::is_same_v<T, frame::GlyphRun>) {
            i.origin.x += dx;
            i.origin.y += dy;
          } else if constexpr (std::is_same_v<T, frame::Line>) {
            i.from.x += dx;
            i.from.y += dy;
            i.to.x += dx;
            i.to.y += dy;
          } else {
            i.rect.x += dx;
            i.rect.y += dy;
          }
        },
        item);
    page.items.push_back(std::move(item));
  }
  for (frame::Link& l : slice.links) {
    l.area.x += dx;
    l.area.y += dy;
    page.links.push_back(std::move(l));
  }
  for (frame::Bookmark& b : slice.bookmarks) {
    b.y += dy;
    page.bookmarks.push_back(std::move(b));
  }
}

}  // namespace

frame::PagedDocument paginate(layout::Flow flow, const PageOptions& options, frame::DocumentInfo info) {
  frame::PagedDocument doc;
  doc.fonts = std::move(flow.fonts);
  doc.info = std::move(info);
  const Pt area = options.page.height - options.margin.top - options.margin.bottom;
  auto new_page = [&] { doc.pages.push_back(frame::Page{options.page, {}, {}, {}}); };
  new_page();
  Pt cursor;          // used height of the current page's text area
  bool empty = true;  // nothing placed on the current page yet

  std::vector<layout::Slice>& slices = flow.slices;
  for (std::size_t i = 0; i < slices.size(); ++i) {
    layout::Slice& slice = slices[i];
    if (slice.break_before && !empty) {
      new_page();
      cursor = Pt(0);
      empty = true;
    }
    // A heading keeps with what follows: the slices marked keep_with_next plus the first
    // one after them must fit together, or the group starts a new page.
    Pt group = (empty ? Pt(0) : slice.space_before) + slice.height;
    for (std::size_t k = i; k + 1 < slices.size() && slices[k].keep_with_next; ++k) {
      if (slices[k + 1].break_before) break;
      group += slices[k + 1].space_before + slices[k + 1].height;
    }
    if (!empty && cursor + group > area + kFitEpsilon) {
      new_page();
      cursor = Pt(0);
      empty = true;
    }
    if (!empty) cursor += slice.space_before;
    place(slice, options.margin.left, options.margin.top + cursor, doc.pages.back());
    cursor += slice.height;
    empty = false;
  }
  return doc;
}

}  // namespace cvpress::paginate
