#include "paginate/paginate.h"

#include <doctest/doctest.h>

using namespace cvpress;

namespace {

// A slice of `height` points carrying one rectangle, so where it landed can be read back.
layout::Slice slice(double height, double space_before = 0, bool keep = false, bool forced = false) {
  layout::Slice s;
  s.height = Pt(height);
  s.space_before = Pt(space_before);
  s.keep_with_next = keep;
  s.break_before = forced;
  s.items.push_back(frame::FillRect{{Pt(0), Pt(0), Pt(10), Pt(height)}, Color{}});
  return s;
}

Pt top_of(const frame::Page& page, std::size_t i) { return std::get<frame::FillRect>(page.items[i]).rect.y; }

// A 100 x 130 pt page with 10 pt margins: a 110 pt tall text area.
const paginate::PageOptions kPage{{Pt(100), Pt(130)}, {Pt(10), Pt(10), Pt(10), Pt(10)}};

}  // namespace

TEST_CASE("slices stack down the page from the top margin, spaces between them kept") {
  layout::Flow flow;
  flow.slices = {slice(20, 5), slice(20, 5), slice(20, 5)};
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 1);
  CHECK(top_of(doc.pages[0], 0) == Pt(10));  // the first slice's space is dropped at the page top
  CHECK(top_of(doc.pages[0], 1) == Pt(35));
  CHECK(top_of(doc.pages[0], 2) == Pt(60));
}

TEST_CASE("a slice that does not fit starts the next page and loses its space above") {
  layout::Flow flow;
  flow.slices = {slice(50), slice(50), slice(20, 8)};
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 2);
  CHECK(top_of(doc.pages[1], 0) == Pt(10));
}

TEST_CASE("a heading is never the last slice on a page") {
  layout::Flow flow;
  // 90 pt used; the heading (10) would fit, but not with the line after it (20).
  flow.slices = {slice(90), slice(10, 0, true), slice(20)};
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 1);
  CHECK(doc.pages[1].items.size() == 2);
}

TEST_CASE("consecutive headings travel together with the first line after them") {
  layout::Flow flow;
  flow.slices = {slice(75), slice(10, 0, true), slice(10, 0, true), slice(20)};
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 1);
  CHECK(doc.pages[1].items.size() == 3);
}

TEST_CASE("a forced break starts a new page, but never an empty one") {
  layout::Flow flow;
  flow.slices = {slice(10, 0, false, true), slice(10), slice(10, 0, false, true)};
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 2);
}

TEST_CASE("an empty flow still makes one page, and links and bookmarks move with their slice") {
  CHECK(paginate::paginate(layout::Flow{}, kPage, {}).pages.size() == 1);
  layout::Flow flow;
  flow.slices = {slice(100), slice(20)};
  flow.slices[1].links.push_back({{Pt(1), Pt(2), Pt(3), Pt(4)}, "https://x"});
  flow.slices[1].bookmarks.push_back({"Work", 2, Pt(0)});
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[1].links[0].area.x == Pt(11));
  CHECK(doc.pages[1].links[0].area.y == Pt(12));
  CHECK(doc.pages[1].bookmarks[0].y == Pt(10));
}
