#include <doctest/doctest.h>

#include <clocale>
#include <locale>

#include "frame/frame.h"

using namespace cvpress;

TEST_CASE("numbers are formatted with a point, at most two decimals, and never -0") {
  CHECK(frame::format_number(1.005) == "1");  // binary 1.005 is just below: rounds down
  CHECK(frame::format_number(12.345678) == "12.35");
  CHECK(frame::format_number(-0.001) == "0");
  CHECK(frame::format_number(595.2756) == "595.28");
  CHECK(frame::format_number(3.0) == "3");
  CHECK(frame::format_number(0.5, 4) == "0.5");
}

TEST_CASE("number formatting ignores the C locale") {
  const char* old = std::setlocale(LC_ALL, nullptr);
  const std::string saved = old ? old : "C";
  if (std::setlocale(LC_ALL, "de_DE.UTF-8")) {
    CHECK(frame::format_number(1.25) == "1.25");
    std::setlocale(LC_ALL, saved.c_str());
  }
}

TEST_CASE("a page dump lists fonts, items, links and bookmarks in order") {
  frame::PagedDocument doc;
  doc.fonts.push_back({"/usr/share/fonts/x/NotoSerif-Regular.ttf", 0, "NotoSerif-Regular"});
  frame::Page page;
  page.size = {Pt(595.2756), Pt(841.8898)};
  frame::GlyphRun run;
  run.font = 0;
  run.size = Pt(10);
  run.origin = {Pt(56.7), Pt(70.12345)};
  run.glyphs = {{10, 0, Pt(5), {}, {}}, {11, 1, Pt(4.5), {}, {}}};
  run.clusters = {"H", "i"};
  page.items.push_back(run);
  page.items.push_back(frame::FillRect{{Pt(1), Pt(2), Pt(3), Pt(4)}, Color{255, 0, 16}});
  page.items.push_back(frame::Line{{Pt(0), Pt(1)}, {Pt(10), Pt(1)}, Pt(0.5), Color{}});
  page.links.push_back({{Pt(1), Pt(2), Pt(3), Pt(4)}, "https://example.com"});
  page.bookmarks.push_back({"Skills", 2, Pt(100)});
  doc.pages.push_back(page);
  CHECK(frame::dump(doc) ==
        "font 0 NotoSerif-Regular NotoSerif-Regular.ttf#0\n"
        "page 1 595.28x841.89\n"
        "  text 56.7 70.12 w=9.5 font=0 size=10 #000000 \"Hi\"\n"
        "  rect 1 2 3x4 #ff0010\n"
        "  line 0 1 -> 10 1 t=0.5 #000000\n"
        "  link 1 2 3x4 \"https://example.com\"\n"
        "  bookmark 2 100 \"Skills\"\n");
  CHECK(frame::dump(doc, {true}).find("    10@5 11@4.5\n") != std::string::npos);
}
