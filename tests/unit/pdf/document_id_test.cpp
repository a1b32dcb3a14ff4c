#include "pdf/document_id.h"

#include <doctest/doctest.h>

namespace cvpress::pdf {
namespace {

frame::PagedDocument sample() {
  frame::PagedDocument doc;
  doc.fonts.push_back({"/fonts/a.ttf", 0, "A-Regular"});
  frame::Page page;
  page.size = Size{Pt(595), Pt(842)};
  frame::GlyphRun run;
  run.size = Pt(10);
  run.glyphs.push_back(frame::Glyph{5, 0, Pt(6), Pt(0), Pt(0)});
  run.clusters.push_back("a");
  page.items.emplace_back(run);
  page.items.emplace_back(frame::FillRect{Rect{Pt(1), Pt(2), Pt(3), Pt(4)}, Color{1, 2, 3}});
  doc.pages.push_back(page);
  doc.info.title = "T";
  return doc;
}

TEST_CASE("the same document always gets the same id") {
  CHECK(document_id(sample()) == document_id(sample()));
}

TEST_CASE("any change to text, geometry, colour, fonts or info changes the id") {
  const auto base = document_id(sample());
  auto doc = sample();
  std::get<frame::GlyphRun>(doc.pages[0].items[0]).clusters[0] = "b";
  CHECK(document_id(doc) != base);
  doc = sample();
  std::get<frame::FillRect>(doc.pages[0].items[1]).rect.x = Pt(1.0001);
  CHECK(document_id(doc) != base);
  doc = sample();
  std::get<frame::FillRect>(doc.pages[0].items[1]).color.b = 4;
  CHECK(document_id(doc) != base);
  doc = sample();
  doc.fonts[0].face_index = 1;
  CHECK(document_id(doc) != base);
  doc = sample();
  doc.info.title = "U";
  CHECK(document_id(doc) != base);
  doc = sample();
  doc.info.date = frame::Date{};
  CHECK(document_id(doc) != base);
  const uint64_t program = 1234;
  CHECK(document_id(sample(), std::span(&program, 1)) != base);
}

TEST_CASE("the two halves of the id differ") {
  const auto id = document_id(sample());
  CHECK(!std::equal(id.begin(), id.begin() + 8, id.begin() + 8));
}

}  // namespace
}  // namespace cvpress::pdf
