#include "cli/columns.h"

#include <doctest/doctest.h>

using namespace cvpress;

namespace {

const Size kA4{Pt(595), Pt(842)};
const Insets kMargin{Pt(40), Pt(40), Pt(40), Pt(40)};

style::Sidebar left_sidebar() {
  style::Sidebar s;
  s.width = Pt(150);
  s.gap = Pt(20);
  s.padding = {Pt(0), Pt(10), Pt(0), Pt(0)};
  return s;
}

frame::GlyphRun run(frame::FontIndex font) {
  frame::GlyphRun r;
  r.font = font;
  r.glyphs = {{1, 0, Pt(5), {}, {}}};
  r.clusters = {"a"};
  return r;
}

}  // namespace

TEST_CASE("a left sidebar takes the left margin plus its width; the main column starts after the gap") {
  const cli::ColumnGeometry g = cli::column_geometry(kA4, kMargin, left_sidebar());
  CHECK(g.main_margin.left == Pt(210));
  CHECK(g.main_margin.right == Pt(40));
  CHECK(g.sidebar_margin.left == Pt(40));
  CHECK(kA4.width - g.sidebar_margin.right == Pt(180));  // 150 wide, 10 of them padding
  CHECK(g.tint == Rect{Pt(0), Pt(0), Pt(190), Pt(842)});
}

TEST_CASE("a right sidebar mirrors the geometry") {
  style::Sidebar s = left_sidebar();
  s.side = style::Side::Right;
  const cli::ColumnGeometry g = cli::column_geometry(kA4, kMargin, s);
  CHECK(g.main_margin.right == Pt(210));
  CHECK(g.tint.x == Pt(405));
  CHECK(g.tint.right() == Pt(595));
}

TEST_CASE("merged pages put the tint, then the sidebar, then the main column; fonts are shared") {
  frame::PagedDocument main;
  main.fonts = {{"/f/a.ttf", 0, "A"}};
  main.pages = {frame::Page{kA4, {run(0)}, {}, {}}};
  frame::PagedDocument side;
  side.fonts = {{"/f/b.ttf", 0, "B"}, {"/f/a.ttf", 0, "A"}};
  side.pages = {frame::Page{kA4, {run(0), run(1)}, {}, {{"Skills", 2, Pt(10)}}},
                frame::Page{kA4, {run(1)}, {}, {}}};
  const cli::ColumnGeometry g = cli::column_geometry(kA4, kMargin, left_sidebar());
  const frame::PagedDocument merged = cli::merge_columns(main, side, g, Color{1, 2, 3});
  REQUIRE(merged.fonts.size() == 2);
  CHECK(merged.fonts[1].postscript_name == "B");
  REQUIRE(merged.pages.size() == 2);  // as long as the longer column
  const auto& items = merged.pages[0].items;
  REQUIRE(items.size() == 4);
  CHECK(std::holds_alternative<frame::FillRect>(items[0]));
  CHECK(std::get<frame::GlyphRun>(items[1]).font == 1);  // B, renumbered
  CHECK(std::get<frame::GlyphRun>(items[2]).font == 0);  // A, shared
  CHECK(std::get<frame::GlyphRun>(items[3]).font == 0);  // the main column last
  CHECK(merged.pages[0].bookmarks.size() == 1);
  CHECK(merged.pages[1].items.size() == 2);  // tint + sidebar only
}
