#include "cli/columns.h"

#include <algorithm>
#include <variant>

namespace cvpress::cli {

ColumnGeometry column_geometry(Size page, const Insets& margin, const style::Sidebar& sidebar) {
  ColumnGeometry g;
  g.main_margin = margin;
  g.sidebar_margin = margin;
  g.sidebar_margin.top += sidebar.padding.top;
  g.sidebar_margin.bottom += sidebar.padding.bottom;
  if (sidebar.side == style::Side::Left) {
    g.main_margin.left = margin.left + sidebar.width + sidebar.gap;
    g.sidebar_margin.left = margin.left + sidebar.padding.left;
    g.sidebar_margin.right = page.width - margin.left - sidebar.width + sidebar.padding.right;
    g.tint = {Pt(0), Pt(0), margin.left + sidebar.width, page.height};
  } else {
    g.main_margin.right = margin.right + sidebar.width + sidebar.gap;
    g.sidebar_margin.right = margin.right + sidebar.padding.right;
    g.sidebar_margin.left = page.width - margin.right - sidebar.width + sidebar.padding.left;
    g.tint = {page.width - margin.right - sidebar.width, Pt(0), margin.right + sidebar.width, page.height};
  }
  return g;
}

frame::PagedDocument merge_columns(frame::PagedDocument main, frame::PagedDocument side,
                                   const ColumnGeometry& geometry, const std::optional<Color>& tint) {
  // The sidebar's fonts join the main table; its runs are renumbered.
  std::vector<frame::FontIndex> remap;
  for (const frame::FontFile& f : side.fonts) {
    auto it = std::find(main.fonts.begin(), main.fonts.end(), f);
    if (it == main.fonts.end()) {
      main.fonts.push_back(f);
      it = main.fonts.end() - 1;
    }
    remap.push_back(static_cast<frame::FontIndex>(it - main.fonts.begin()));
  }
  const Size size = main.pages.empty() ? Size{} : main.pages.front().size;
  const std::size_t pages = std::max(main.pages.size(), side.pages.size());
  main.pages.resize(pages, frame::Page{size, {}, {}, {}});
  for (std::size_t p = 0; p < pages; ++p) {
    frame::Page& page = main.pages[p];
    std::vector<frame::Item> items;
    if (tint) items.emplace_back(frame::FillRect{geometry.tint, *tint});
    if (p < side.pages.size()) {
      frame::Page& s = side.pages[p];
      for (frame::Item& item : s.items) {
        if (auto* run = std::get_if<frame::GlyphRun>(&item)) run->font = remap[run->font];
        items.push_back(std::move(item));
      }
      page.links.insert(page.links.begin(), s.links.begin(), s.links.end());
      page.bookmarks.insert(page.bookmarks.begin(), s.bookmarks.begin(), s.bookmarks.end());
    }
    for (frame::Item& item : page.items) items.push_back(std::move(item));
    page.items = std::move(items);
  }
  return main;
}

}  // namespace cvpress::cli
