#include "pdf/pdf.h"

#include <doctest/doctest.h>

#include "pdf/render_options.h"
#include "pdf_test_support.h"

namespace cvpress::pdf {
namespace {

using test::contains;
using test::kCjk;
using test::kCjkScFace;
using test::kSerif;

constexpr Size kA4{Pt(595.276), Pt(841.89)};
constexpr Size kLetter{Pt(612), Pt(792)};
const std::string kPng = std::string(CVPRESS_TEST_DATA) + "/pdf/red_blue_4x4.png";

// Two pages with every kind of item: glyf text with a ligature, CJK from the CFF
// collection (with a character above U+FFFF), name-keyed CFF, a hyphenated word with
// ActualText, rectangles, a rule, an image, a link and a two-level outline.
frame::PagedDocument sample() {
  frame::PagedDocument doc;
  doc.fonts = {{kSerif, 0, "NotoSerif-Regular"},
               {kCjk, kCjkScFace, "NotoSansCJKsc-Regular"},
               {test::kSans, 0, "NotoSans-Regular"},  // in the table, never drawn
               {test::kInter, 0, "Inter-Regular"}};
  frame::Page one;
  one.size = kA4;
  one.items.emplace_back(frame::FillRect{Rect{Pt(0), Pt(0), kA4.width, Pt(40)}, Color{255, 0, 0}});
  auto latin = test::shape(kSerif, 0, 0, "office fifty Résumé", 12, 72, 100);
  latin.color = Color{0, 0, 255};
  one.items.emplace_back(latin);
  one.items.emplace_back(test::shape(kCjk, kCjkScFace, 1, "简历 中文 𠮷野家", 12, 72, 140));
  one.items.emplace_back(
      frame::Line{Point{Pt(72), Pt(150)}, Point{Pt(520), Pt(150)}, Pt(0.5), Color{0, 128, 0}});
  one.items.emplace_back(frame::FillRect{Rect{Pt(72), Pt(155), Pt(10), Pt(10)}, Color{255, 0, 0}});
  one.items.emplace_back(test::shape(test::kInter, 0, 3, "Inter CFF", 12, 72, 180));
  auto hyphenated = test::shape(kSerif, 0, 0, "type-", 12, 72, 220);
  hyphenated.actual_text = "typesetting";
  one.items.emplace_back(hyphenated);
  one.items.emplace_back(frame::Image{Rect{Pt(400), Pt(60), Pt(40), Pt(40)}, kPng});
  one.links.push_back(frame::Link{Rect{Pt(72), Pt(88), Pt(100), Pt(14)}, "https://example.org/jane"});
  one.bookmarks.push_back(frame::Bookmark{"Experience", 1, Pt(90)});
  one.bookmarks.push_back(frame::Bookmark{"Acme — Engineer", 2, Pt(130)});
  frame::Page two;
  two.size = kLetter;
  two.items.emplace_back(test::shape(kSerif, 0, 0, "setting, page two", 12, 72, 100));
  two.items.emplace_back(frame::Image{Rect{Pt(400), Pt(60), Pt(20), Pt(20)}, kPng});
  two.bookmarks.push_back(frame::Bookmark{"Education", 1, Pt(90)});
  two.bookmarks.push_back(frame::Bookmark{"MIT", 2, Pt(120)});
  doc.pages = {one, two};
  doc.info.title = "Résumé — Jane Doe";
  doc.info.author = "Jane Doe";
  doc.info.subject = "Curriculum vitae";
  doc.info.keywords = {"cv", "engineer"};
  doc.info.lang = "en-GB";
  doc.info.date = frame::Date{2024, 1, 15, 12, 30, 5};
  return doc;
}

std::string render_to_file(const frame::PagedDocument& doc, const std::string& name, bool compress = true) {
  return test::write_temp(name, render(doc, RenderOptions{compress}).bytes);
}

TEST_CASE("rendering the same document twice gives identical bytes") {
  const frame::PagedDocument doc = sample();
  const std::string first = render(doc);
  CHECK(first.starts_with("%PDF-1.5\n"));
  CHECK(first == render(doc));
  MESSAGE("sample document: " << first.size() << " bytes");
}

TEST_CASE("the file passes qpdf --check") {
  const std::string path = render_to_file(sample(), "check.pdf");
  const auto r = test::run("qpdf --check " + path);
  CHECK_MESSAGE(r.status == 0, r.output);
  CHECK(contains(r.output, "PDF Version: 1.5"));
  CHECK(contains(r.output, "No syntax or stream encoding errors found"));
  std::filesystem::remove(path);
}

TEST_CASE("every font drawn with is embedded, subset and has a ToUnicode map, and no other") {
  const Rendered rendered = render(sample(), RenderOptions{});
  const std::string path = test::write_temp("fonts.pdf", rendered.bytes);
  const auto r = test::run("pdffonts " + path);
  REQUIRE_MESSAGE(r.status == 0, r.output);
  std::vector<std::string> lines;
  std::size_t at = 0;
  for (std::size_t nl; (nl = r.output.find('\n', at)) != std::string::npos; at = nl + 1)
    lines.push_back(r.output.substr(at, nl - at));
  REQUIRE(lines.size() == 2 + 3);  // header, rule, three fonts: Noto Sans is never drawn
  const auto line_with = [&](std::string_view name) {
    for (const auto& l : lines)
      if (contains(l, name)) return l;
    return std::string();
  };
  CHECK(contains(line_with("+NotoSerif-Regular"), "CID TrueType      Identity-H       yes yes yes"));
  CHECK(contains(line_with("+NotoSansCJKsc-Regular"), "CID Type 0C       Identity-H       yes yes yes"));
  CHECK(contains(line_with("+Inter-Regular"), "CID Type 0C       Identity-H       yes yes yes"));
  CHECK(line_with("NotoSans-Regular").empty());
  REQUIRE(rendered.fonts.size() == 3);
  for (const EmbeddedFont& f : rendered.fonts)
    MESSAGE(f.base_font << ": " << f.glyph_count << " glyphs, program " << f.program_bytes << " bytes");
  std::filesystem::remove(path);
}

TEST_CASE("Latin with a ligature, CJK, a character above U+FFFF and ActualText extract as written") {
  const std::string path = render_to_file(sample(), "text.pdf");
  const auto r = test::run("pdftotext -enc UTF-8 -layout " + path + " -");
  REQUIRE_MESSAGE(r.status == 0, r.output);
  CHECK(contains(r.output, "office fifty Résumé"));
  CHECK(contains(r.output, "简历 中文 𠮷野家"));
  CHECK(contains(r.output, "Inter CFF"));
  CHECK(contains(r.output, "typesetting"));
  CHECK_FALSE(contains(r.output, "type-"));
  CHECK(contains(r.output, "setting, page two"));
  std::filesystem::remove(path);
}

TEST_CASE("the catalog has /Lang, /DisplayDocTitle and the trailer an /ID of two equal strings") {
  const std::string pdf = render(sample(), RenderOptions{false}).bytes;
  CHECK(contains(pdf, "/Lang (en-GB)"));
  CHECK(contains(pdf, "/DisplayDocTitle true"));
  const std::size_t id = pdf.rfind("/ID [ <");
  REQUIRE(id != std::string::npos);
  const std::string first = pdf.substr(id + 7, 32);
  CHECK(pdf.substr(id + 7 + 32, 3) == "> <");
  CHECK(pdf.substr(id + 7 + 35, 32) == first);
}

TEST_CASE("a link becomes a borderless URI annotation over its area") {
  const std::string pdf = render(sample(), RenderOptions{false}).bytes;
  CHECK(contains(pdf, "/Subtype /Link"));
  CHECK(contains(pdf, "/URI (https:\\057\\057example.org\\057jane)"));  // libharu escapes '/' as \057
  CHECK(contains(pdf, "/Border [ 0 0 0 ]"));
  // Frame y 88..102 on an A4 page: PDF bottom 739.89, top 753.89 (libharu writes floats).
  CHECK(contains(pdf, "/Rect [ 72 739.89001 172 753.89001 ]"));
}

TEST_CASE("bookmarks form an outline nested by level, across pages") {
  const std::string path = render_to_file(sample(), "outline.pdf");
  const std::string tree =
      "import json, sys\n"
      "def walk(items):\n"
      "    return ','.join(i['title'] + ('[' + walk(i['kids']) + ']' if i['kids'] else '') for i in items)\n"
      "print(walk(json.load(sys.stdin)['outlines']))\n";
  const auto r = test::run("qpdf --json " + path + " | " + test::kPython + " -c \"" + tree + "\"");
  REQUIRE_MESSAGE(r.status == 0, r.output);
  CHECK(r.output == "Experience[Acme — Engineer],Education[MIT]\n");
  std::filesystem::remove(path);
}

TEST_CASE("the info dictionary has the document's title, author, keywords, dates and producer") {
  const std::string path = render_to_file(sample(), "info.pdf");
  const auto r = test::run("pdfinfo -isodates " + path);
  REQUIRE_MESSAGE(r.status == 0, r.output);
  CHECK(contains(r.output, "Title:           Résumé — Jane Doe\n"));
  CHECK(contains(r.output, "Author:          Jane Doe\n"));
  CHECK(contains(r.output, "Subject:         Curriculum vitae\n"));
  CHECK(contains(r.output, "Keywords:        cv, engineer\n"));
  CHECK(contains(r.output, "Producer:        cvpress\n"));
  CHECK(contains(r.output, "CreationDate:    2024-01-15T12:30:05Z\n"));
  CHECK(contains(r.output, "ModDate:         2024-01-15T12:30:05Z\n"));
  CHECK(contains(r.output, "Pages:           2\n"));
  CHECK(contains(r.output, "Page size:       595.276 x 841.89 pts (A4)"));
  std::filesystem::remove(path);
}

TEST_CASE("without a date there is no /CreationDate, and the producer can be overridden") {
  frame::PagedDocument doc = sample();
  doc.info.date.reset();
  doc.info.producer = "cvpress 0.1";
  const std::string pdf = render(doc, RenderOptions{false}).bytes;
  CHECK_FALSE(contains(pdf, "/CreationDate"));
  CHECK_FALSE(contains(pdf, "/ModDate"));
  CHECK(contains(pdf, "/Producer"));
}

TEST_CASE("items paint in order and a rectangle after coloured text sets its own colour") {
  const std::string pdf = render(sample(), RenderOptions{false}).bytes;
  const std::size_t first_rect = pdf.find(" re\nf\n");
  const std::size_t first_text = pdf.find("BT\n");
  const std::size_t blue = pdf.find("0 0 1 rg\n", first_text);
  const std::size_t stroke = pdf.find(" l\nS\n");
  const std::size_t second_rect = pdf.find(" re\nf\n", first_rect + 1);
  const std::size_t inter_text = pdf.find("BT\n", pdf.find("BT\n", first_text + 1) + 1);
  REQUIRE(first_rect != std::string::npos);
  CHECK(first_rect < first_text);
  CHECK(first_text < blue);
  CHECK(blue < stroke);
  CHECK(stroke < second_rect);
  CHECK(second_rect < inter_text);
  // The red of the second rectangle is written again after the blue text.
  CHECK(pdf.rfind("1 0 0 rg\n", second_rect) > blue);
}

TEST_CASE("a run with ActualText is wrapped in one span") {
  const std::string pdf = render(sample(), RenderOptions{false}).bytes;
  CHECK(contains(pdf, "/Span<</ActualText<FEFF007400790070006500730065007400740069006E0067>>>BDC\nBT\n"));
}

TEST_CASE("a glyph with a y offset gets its own text matrix") {
  frame::PagedDocument doc;
  doc.fonts = {{kSerif, 0, "NotoSerif-Regular"}};
  frame::Page page;
  page.size = kA4;
  auto run = test::shape(kSerif, 0, 0, "ab", 10, 100, 100);
  run.glyphs[1].y_offset = Pt(-2);  // raised by 2 pt
  page.items.emplace_back(run);
  doc.pages = {page};
  const std::string pdf = render(doc, RenderOptions{false}).bytes;
  const double a_advance = run.glyphs[0].advance.value();
  CHECK(contains(pdf, "1 0 0 1 100 741.89 Tm\n"));
  CHECK(contains(pdf, "1 0 0 1 " + std::to_string(100 + a_advance).substr(0, 5)));
  CHECK(contains(pdf, " 743.89 Tm\n"));
}

TEST_CASE("each image file is embedded once however often it is drawn") {
  const std::string pdf = render(sample(), RenderOptions{false}).bytes;
  std::size_t count = 0;
  for (std::size_t at = 0; (at = pdf.find("/Subtype /Image", at)) != std::string::npos; ++at) ++count;
  CHECK(count == 1);
}

TEST_CASE("a font file that cannot be read is an error naming it") {
  frame::PagedDocument doc = sample();
  doc.fonts[0].path = "/nonexistent/NotoSerif-Regular.ttf";
  CHECK_THROWS_WITH_AS((void)render(doc),
                       "font /nonexistent/NotoSerif-Regular.ttf (face 0): cannot be read as a font", Error);
}

TEST_CASE("an image that cannot be read is an error naming it") {
  frame::PagedDocument doc = sample();
  std::get<frame::Image>(doc.pages[0].items[7]).path = "/nonexistent/photo.png";
  CHECK_THROWS_WITH_AS((void)render(doc), "image /nonexistent/photo.png: cannot be read", Error);
}

TEST_CASE("a document without text or info still renders a valid PDF") {
  frame::PagedDocument doc;
  frame::Page page;
  page.size = kLetter;
  page.items.emplace_back(frame::FillRect{Rect{Pt(10), Pt(10), Pt(100), Pt(50)}, Color{10, 20, 30}});
  doc.pages = {page};
  const std::string bytes = render(doc);
  MESSAGE("one page with one rectangle: " << bytes.size() << " bytes");
  const std::string path = test::write_temp("plain.pdf", bytes);
  CHECK(test::run("qpdf --check " + path).status == 0);
  std::filesystem::remove(path);
}

TEST_CASE("an artifact run is drawn as filled outlines: no font, no extracted text") {
  const std::string icons = std::string(CVPRESS_SOURCE_DIR) + "/fonts/fork-awesome/ForkAwesome.ttf";
  frame::PagedDocument doc;
  doc.fonts = {{kSerif, 0, "NotoSerif-Regular"}, {icons, 0, "forkawesome"}};
  frame::Page page;
  page.size = kA4;
  auto icon = test::shape(icons, 0, 1, "\uF0E0", 10, 72, 100);  // fa-envelope
  icon.artifact = true;
  icon.color = Color{31, 58, 95};
  page.items.emplace_back(icon);
  page.items.emplace_back(test::shape(kSerif, 0, 0, "jane@example.org", 10, 86, 100));
  doc.pages = {page};
  const std::string pdf = render(doc, RenderOptions{false}).bytes;
  CHECK(contains(pdf, "/Artifact BMC\nq\n0.1216 0.2275 0.3725 rg\n"));
  CHECK(contains(pdf, " c\n"));               // curves of the outline
  CHECK_FALSE(contains(pdf, "forkawesome"));  // the icon font is not embedded
  const std::string file = test::write_temp("artifact.pdf", render(doc));
  const std::string text = test::run("pdftotext -enc UTF-8 " + file + " -").output;
  CHECK(contains(text, "jane@example.org"));
  CHECK_FALSE(contains(text, "\uF0E0"));
  CHECK(contains(test::run("qpdf --check " + file).output, "No syntax or stream encoding errors"));
}

TEST_CASE("a round image is clipped to the ellipse in its rectangle") {
  frame::PagedDocument doc;
  frame::Page page;
  page.size = kA4;
  page.items.emplace_back(frame::Image{Rect{Pt(100), Pt(100), Pt(40), Pt(40)}, kPng, true});
  doc.pages = {page};
  const std::string pdf = render(doc, RenderOptions{false}).bytes;
  CHECK(contains(pdf, "q\n140 721.89 m\n"));
  CHECK(contains(pdf, "h W n\n"));
}

// The non-empty lines pdftotext reads from a page with `texts` shaped in `font` at `size`,
// one run per line, joined by line feeds.
std::string extracted(const std::string& font, const std::vector<std::string>& texts, double size) {
  frame::PagedDocument doc;
  doc.fonts = {{font, 0, "Test"}};
  frame::Page page;
  page.size = kA4;
  double y = 100;
  for (const std::string& t : texts) {
    page.items.emplace_back(test::shape(font, 0, 0, t, size, 72, y));
    y += 2 * size;
  }
  doc.pages = {page};
  const std::string path = test::write_temp("complex.pdf", render(doc));
  const auto r = test::run("pdftotext -enc UTF-8 " + path + " -");
  std::filesystem::remove(path);
  REQUIRE_MESSAGE(r.status == 0, r.output);
  std::string lines;
  std::size_t at = 0;
  for (std::size_t nl; (nl = r.output.find_first_of("\n\f", at)) != std::string::npos; at = nl + 1)
    if (nl > at) lines += (lines.empty() ? "" : "\n") + r.output.substr(at, nl - at);
  return lines;
}

// Thai and Devanagari marks have (almost) no advance, so the glyph after a mark starts
// where the mark does: poppler takes that for overprinted text and splits the word there.
TEST_CASE("Thai marks and Devanagari reordering extract in logical order") {
  const std::string noto = "/usr/share/fonts/truetype/noto/";
  const std::vector<std::string> thai = {"ปัจจุบัน เซิร์ฟเวอร์", "น้ำ ที่ ผู้ใช้ กำลัง สิ่ง"};
  for (const char* face : {"NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", "NotoSerifThai-Regular.ttf",
                           "NotoSerifThai-Bold.ttf"}) {
    for (double size : {9.5, 24.0}) {
      const std::string name = face;
      CAPTURE(name);
      CAPTURE(size);
      CHECK(extracted(noto + face, thai, size) == thai[0] + "\n" + thai[1]);
    }
  }
  const std::vector<std::string> hindi = {"हिन्दी प्रोजेक्ट क्षमता", "पेंग रिज़्यूमे कि र्क"};
  for (const char* face :
       {"NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", "NotoSerifDevanagari-Regular.ttf"}) {
    for (double size : {9.5, 24.0}) {
      const std::string name = face;
      CAPTURE(name);
      CAPTURE(size);
      CHECK(extracted(noto + face, hindi, size) == hindi[0] + "\n" + hindi[1]);
    }
  }
}

TEST_CASE("a cluster whose mark does not advance is wrapped in ActualText, others are not") {
  const std::string thai = "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf";
  frame::PagedDocument doc;
  doc.fonts = {{thai, 0, "NotoSansThai-Regular"}};
  frame::Page page;
  page.size = kA4;
  page.items.emplace_back(test::shape(thai, 0, 0, "บัน", 10, 72, 100));
  doc.pages = {page};
  const std::string pdf = render(doc, RenderOptions{false}).bytes;
  CHECK(contains(pdf, "/Span<</ActualText<FEFF0E1A0E31>>>BDC\n"));  // บั
  CHECK_FALSE(contains(pdf, "/ActualText<FEFF0E19>"));              // น stands alone
}

}  // namespace
}  // namespace cvpress::pdf
