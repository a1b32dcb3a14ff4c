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

// ---- The page breaker's rules (issue 3)

namespace {

// The lines of one paragraph, each `height` tall.
std::vector<layout::Slice> paragraph(int count, double height = 10) {
  std::vector<layout::Slice> out;
  for (int i = 0; i < count; ++i) {
    layout::Slice s = slice(height);
    s.line = i;
    s.lines = count;
    out.push_back(std::move(s));
  }
  return out;
}

layout::Slice heading(int level, double height = 10) {
  layout::Slice s = slice(height, 0, true);
  s.heading = level;
  return s;
}

void add(layout::Flow& flow, std::vector<layout::Slice> slices) {
  for (layout::Slice& s : slices) flow.slices.push_back(std::move(s));
}

}  // namespace

TEST_CASE("a paragraph's last line never starts a page alone: two lines move") {
  layout::Flow flow;
  flow.slices = {slice(70)};
  add(flow, paragraph(5));  // first fit would leave 4 lines on page 1 and 1 on page 2
  paginate::Report report;
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {}, &report);
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 4);
  CHECK(doc.pages[1].items.size() == 2);
  CHECK(report.findings.empty());
  CHECK(report.slices == std::vector<int>{4, 2});
}

TEST_CASE("a paragraph's first line never ends a page alone: the paragraph moves") {
  layout::Flow flow;
  flow.slices = {slice(95)};
  add(flow, paragraph(4));  // one line would fit on page 1; two would not
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 1);
  CHECK(doc.pages[1].items.size() == 4);
}

TEST_CASE("a heading keeps with two lines of its content, not just one") {
  layout::Flow flow;
  flow.slices = {slice(85), heading(2)};
  add(flow, paragraph(1));  // heading + this item fit on page 1 ...
  add(flow, paragraph(1));  // ... but not with this one too
  add(flow, paragraph(1));
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 1);
  CHECK(doc.pages[1].items.size() == 4);
}

TEST_CASE("an entry that fits on a page moves whole to the next one") {
  layout::Flow flow;
  flow.slices = {slice(70), heading(3)};
  for (int i = 0; i < 4; ++i) add(flow, paragraph(1));  // the entry: 10 + 4 x 10 pt
  flow.slices.push_back(heading(3));                    // the next entry ends it
  add(flow, paragraph(2));
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 1);
  CHECK(doc.pages[1].items.size() == 8);
  CHECK(top_of(doc.pages[1], 0) == Pt(10));
}

TEST_CASE("an entry taller than a page splits between paragraphs, never inside one") {
  layout::Flow flow;
  flow.slices = {heading(3)};
  add(flow, paragraph(6));
  add(flow, paragraph(6));  // 130 pt in all: a break inside the second paragraph would fill page 1
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 7);
  CHECK(doc.pages[1].items.size() == 6);
}

TEST_CASE("a section is not an entry: it fills the page and breaks between its items") {
  layout::Flow flow;
  flow.slices = {slice(70), heading(2)};
  for (int i = 0; i < 6; ++i) add(flow, paragraph(1));
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 2);
  CHECK(doc.pages[0].items.size() == 5);  // 70 + heading + 3 items = 110
}

TEST_CASE("table header rows are repeated at the top of every page the table continues on") {
  layout::Flow flow;
  flow.tables = 1;
  layout::Slice head = slice(10, 0, true);
  head.items.push_back(frame::FillRect{{Pt(0), Pt(0), Pt(99), Pt(1)}, Color{}});  // tells it apart
  head.table = 0;
  head.table_header = true;
  flow.slices.push_back(head);
  for (int i = 0; i < 25; ++i) {
    layout::Slice row = slice(10);
    row.table = 0;
    flow.slices.push_back(row);
  }
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  REQUIRE(doc.pages.size() == 3);  // 11 slots a page: header + 10 rows, three times
  for (const frame::Page& page : doc.pages) {
    const auto& marker = std::get<frame::FillRect>(page.items[1]);
    CHECK(marker.rect.width == Pt(99));
    CHECK(marker.rect.y == Pt(10));
  }
  CHECK(doc.pages[2].items.size() == 2 + 5);
}

TEST_CASE("a rule that cannot be kept is reported with its page and location") {
  layout::Flow flow;
  flow.slices = {heading(2), slice(105)};  // heading + the block never fit one page
  flow.slices[0].location = {7, 1};
  paginate::Report report;
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {}, &report);
  REQUIRE(doc.pages.size() == 2);
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].kind == paginate::Finding::Kind::HeadingAtFoot);
  CHECK(report.findings[0].page == 1);
  CHECK(report.findings[0].location == SourceLocation{7, 1});
}

TEST_CASE("pagination is fast on long flows: 3,000 lines of one paragraph") {
  layout::Flow flow;
  add(flow, paragraph(3000));
  const frame::PagedDocument doc = paginate::paginate(flow, kPage, {});
  CHECK(doc.pages.size() == 273);  // 11 lines a page; the last page keeps 2
}

// ---- Footers

TEST_CASE("footer text fills the name, the page numbers and the language's page label") {
  CHECK(paginate::footer_text("{name} · {page-label}", "en", "Ada", 2, 3) == "Ada · Page 2 of 3");
  CHECK(paginate::footer_text("{page-label}", "de-CH", "", 1, 2) == "Seite 1 von 2");
  CHECK(paginate::footer_text("{page-label}", "zh", "", 1, 2) == "第 1 页，共 2 页");
  CHECK(paginate::footer_text("{page-label}", "zh-TW", "", 1, 2) == "第 1 頁，共 2 頁");
  CHECK(paginate::footer_text("{page-label}", "zh-Hant-HK", "", 1, 2) == "第 1 頁，共 2 頁");
  CHECK(paginate::footer_text("{page}/{pages} {continued}", "fr", "", 1, 2) == "1/2 suite");
  CHECK(paginate::footer_text("{page}/{pages} {continued}", "fr", "", 2, 2) == "2/2");
  CHECK(paginate::footer_text("{name} {unknown}", "en", "{page}", 1, 1) == "{page} {unknown}");
}

TEST_CASE("a document without a name gets a footer without one, and without the separator") {
  CHECK(paginate::footer_text("{name} · {page-label}", "en", "", 2, 3) == "Page 2 of 3");
  CHECK(paginate::footer_text("{page-label} | {name}", "en", "", 1, 3) == "Page 1 of 3");
}

TEST_CASE("every catalog language has its own words; an unknown one gets English") {
  for (const char* lang :
       {"de", "fr", "es", "zh", "ja", "ko", "ru", "ar", "he", "hi", "th", "el", "pt", "it", "nl"})
    CHECK(paginate::page_words(lang).page_label != paginate::page_words("en").page_label);
  CHECK(paginate::page_words("tlh").page_label == "Page {page} of {pages}");
  CHECK(paginate::page_words("PT_br").page_label == "Página {page} de {pages}");
}

TEST_CASE("a footer goes in the middle of the bottom margin") {
  frame::Page page{kPage.page, {}, {}, {}};
  paginate::place_footer(page, slice(4), kPage);
  REQUIRE(page.items.size() == 1);
  CHECK(top_of(page, 0) == Pt(123));  // 130 - 10 + (10 - 4) / 2
  CHECK(std::get<frame::FillRect>(page.items[0]).rect.x == Pt(10));
}

TEST_CASE("footer page numbers can be set in the language's own digits") {
  CHECK(paginate::localized_number(12, "ar") == "\u0661\u0662");
  CHECK(paginate::localized_number(3, "hi-IN") == "\u0969");
  CHECK(paginate::localized_number(10, "th") == "\u0E51\u0E50");
  CHECK(paginate::localized_number(7, "de") == "7");
  CHECK(paginate::footer_text("{page}/{pages}", "fa", "", 2, 3, true) == "\u06F2/\u06F3");
  CHECK(paginate::footer_text("{page}/{pages}", "fa", "", 2, 3, false) == "2/3");
}
