#include "pdf/hpdf_internals.h"

#include <doctest/doctest.h>

#include "pdf_test_support.h"

namespace cvpress::pdf {
namespace {

using test::contains;

// Saves `doc` uncompressed and returns the bytes.
std::string save(const HpdfDocument& doc) {
  doc.check(HPDF_SaveToStream(doc.get()), "save");
  std::string bytes(HPDF_GetStreamSize(doc.get()), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  (void)HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  return bytes;
}

TEST_CASE("raw operators and libharu drawing share one content stream in call order") {
  HpdfDocument doc;
  HPDF_Page page = HPDF_AddPage(doc.get());
  const HPDF_Stream stream = hpdf::start_content_stream(doc, page);
  hpdf::write(doc, stream, "% ours first\n");
  doc.check(HPDF_Page_SetLineWidth(page, 2), "set a line width");
  hpdf::write(doc, stream, "% ours last\n");
  const std::string pdf = save(doc);
  const std::size_t first = pdf.find("% ours first\n");
  const std::size_t width = pdf.find("2 w\n");
  const std::size_t last = pdf.find("% ours last\n");
  REQUIRE(first != std::string::npos);
  CHECK(first < width);
  CHECK(width < last);
}

TEST_CASE("a page names a font resource once, however often it is asked") {
  HpdfDocument doc;
  HPDF_Page page = HPDF_AddPage(doc.get());
  HPDF_Dict font = hpdf::new_dict(doc, true);
  HPDF_Dict other = hpdf::new_dict(doc, true);
  CHECK(hpdf::local_font_name(doc, page, font) == "F1");
  CHECK(hpdf::local_font_name(doc, page, font) == "F1");
  CHECK(hpdf::local_font_name(doc, page, other) == "F2");
}

TEST_CASE("stream objects hold the bytes written and their dictionary entries") {
  HpdfDocument doc;
  (void)HPDF_AddPage(doc.get());
  HPDF_Dict stream = hpdf::new_stream(doc, false);
  hpdf::write(doc, stream, std::string_view("hello stream"));
  hpdf::add_name(doc, stream, "Subtype", "CIDFontType0C");
  HPDF_Array array = hpdf::new_array(doc);
  hpdf::append(doc, array, 7);
  hpdf::add(doc, doc.get()->catalog, "Test", array);
  const std::string pdf = save(doc);
  CHECK(contains(pdf, "/Subtype /CIDFontType0C"));
  CHECK(contains(pdf, "hello stream"));
  CHECK(contains(pdf, "/Test [ 7 ]"));
}

TEST_CASE("catalog and trailer entries libharu has no setter for") {
  HpdfDocument doc;
  (void)HPDF_AddPage(doc.get());
  hpdf::set_lang(doc, "zh-Hans");
  hpdf::set_display_doc_title(doc);
  std::array<uint8_t, 16> id{};
  for (std::size_t i = 0; i < id.size(); ++i) id[i] = static_cast<uint8_t>(i * 17);
  hpdf::set_file_id(doc, id);
  hpdf::require_pdf_version_1_5(doc);
  const std::string pdf = save(doc);
  CHECK(pdf.starts_with("%PDF-1.5\n"));
  CHECK(contains(pdf, "/Lang (zh-Hans)"));
  CHECK(contains(pdf, "/ViewerPreferences <<\n/DisplayDocTitle true\n>>"));
  CHECK(contains(pdf, "/ID [ <00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF> ]"));
}

}  // namespace
}  // namespace cvpress::pdf
