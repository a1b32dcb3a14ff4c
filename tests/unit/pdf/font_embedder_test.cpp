#include "pdf/font_embedder.h"

#include <doctest/doctest.h>

#include "pdf/libharu.h"
#include "pdf_test_support.h"

namespace cvpress::pdf {
namespace {

using test::kCjk;
using test::kCjkScFace;
using test::kSerif;

frame::FontFile serif() { return {kSerif, 0, "NotoSerif-Regular"}; }

TEST_CASE("fsType bits that forbid embedding are named") {
  CHECK(embedding_refusal(0x0000).empty());  // installable
  CHECK(embedding_refusal(0x0004).empty());  // preview & print
  CHECK(embedding_refusal(0x0008).empty());  // editable
  CHECK(embedding_refusal(0x0006).empty());  // restricted bit with a permission: the permission wins
  CHECK(embedding_refusal(0x0002) == "restricted licence embedding");
  CHECK(embedding_refusal(0x0204) == "bitmap embedding only");
  CHECK(embedding_refusal(0x0108) == "no subsetting");
}

TEST_CASE("a font whose licence restricts embedding is refused, naming the file") {
  const std::string path = test::temp_path("restricted.ttf");
  const auto r = test::run(std::string(test::kPython) +
                           " -c \"import sys; from fontTools.ttLib import TTFont; f = TTFont(sys.argv[1]); "
                           "f['OS/2'].fsType = 2; f.save(sys.argv[2])\" " +
                           kSerif + " " + path);
  REQUIRE_MESSAGE(r.status == 0, r.output);
  HpdfDocument doc;
  CHECK_THROWS_WITH_AS(
      FontEmbedder(doc, {path, 0, "NotoSerif-Regular"}, true),
      ("font " + path +
       " (face 0): its licence does not allow embedding it in a PDF (OS/2 fsType: restricted "
       "licence embedding)")
          .c_str(),
      Error);
  std::filesystem::remove(path);
}

TEST_CASE("a missing font file is an error naming the file") {
  HpdfDocument doc;
  CHECK_THROWS_WITH_AS(FontEmbedder(doc, {"/nonexistent/Font.ttf", 0, "X"}, true),
                       "font /nonexistent/Font.ttf (face 0): cannot be read as a font", Error);
}

TEST_CASE("a ligature glyph stands for the whole cluster text") {
  HpdfDocument doc;
  FontEmbedder font(doc, serif(), true);
  const auto run = test::shape(kSerif, 0, 0, "fi", 10, 0, 0);
  REQUIRE(run.glyphs.size() == 1);  // Noto Serif has an fi ligature
  const uint32_t lig = run.glyphs[0].id;
  const auto first = font.encode_cluster(std::span(&lig, 1), "fi", false);
  REQUIRE(first.cids.size() == 1);
  CHECK(first.cids[0] == lig);  // glyf: CID == original glyph id
  CHECK_FALSE(first.needs_actual_text);
  // The same glyph drawn for U+FB01 needs a second CID with its own meaning.
  const auto second = font.encode_cluster(std::span(&lig, 1), "\uFB01", false);
  CHECK(second.cids[0] != lig);
  CHECK_FALSE(second.needs_actual_text);
}

TEST_CASE("a multi-glyph cluster whose glyphs spell its text maps glyph by glyph") {
  HpdfDocument doc;
  FontEmbedder font(doc, serif(), true);
  const test::HbFont f = test::open_font(kSerif);
  const std::vector<uint32_t> glyphs{test::glyph_of(f, U'a'), test::glyph_of(f, U'b')};
  const auto spelled = font.encode_cluster(glyphs, "ab", false);
  CHECK_FALSE(spelled.needs_actual_text);
  CHECK(spelled.cids ==
        std::vector<uint16_t>{static_cast<uint16_t>(glyphs[0]), static_cast<uint16_t>(glyphs[1])});
  // In an RTL run the glyphs are in visual order: reversed, they still spell the text.
  const std::vector<uint32_t> visual{glyphs[1], glyphs[0]};
  CHECK_FALSE(font.encode_cluster(visual, "ab", true).needs_actual_text);
  // Reordered glyphs in an LTR run do not spell it: ActualText carries the text.
  CHECK(font.encode_cluster(visual, "ab", false).needs_actual_text);
}

TEST_CASE("glyph ids outside the font are an error") {
  HpdfDocument doc;
  FontEmbedder font(doc, serif(), true);
  const uint32_t bad = 999999;
  CHECK_THROWS_AS((void)font.encode_cluster(std::span(&bad, 1), "x", false), Error);
}

TEST_CASE("widths are the advance in thousandths of an em, rounded") {
  HpdfDocument doc;
  FontEmbedder font(doc, serif(), true);
  const test::HbFont f = test::open_font(kSerif);
  const uint32_t a = test::glyph_of(f, U'a');
  const double advance = hb_font_get_glyph_h_advance(f.font.get(), a);
  CHECK(font.width(a) == static_cast<int>(std::lround(advance * 1000.0 / f.upem)));
}

TEST_CASE("a CJK glyph of the CFF collection is shown under its charset CID and subsets to Type0C") {
  HpdfDocument doc;
  FontEmbedder font(doc, {kCjk, kCjkScFace, "NotoSansCJKsc-Regular"}, true);
  const test::HbFont f = test::open_font(kCjk, kCjkScFace);
  const uint32_t zhong = test::glyph_of(f, U'中');
  (void)font.type0();
  CHECK(font.encode_cluster(std::span(&zhong, 1), "中", false).cids[0] == 9544);
  const EmbeddedFont embedded = font.finish();
  CHECK(embedded.cff);
  CHECK(embedded.glyph_count == 1);
  CHECK(embedded.base_font.size() == 7 + std::string("NotoSansCJKsc-Regular").size());
  CHECK(embedded.base_font.substr(6) == "+NotoSansCJKsc-Regular");
  CHECK(embedded.program_bytes < 10000);  // the whole CFF table is megabytes
}

TEST_CASE("the subset tag depends only on the font and the glyphs shown") {
  const auto tag_for = [](std::u32string_view text) {
    HpdfDocument doc;
    FontEmbedder font(doc, serif(), true);
    const test::HbFont f = test::open_font(kSerif);
    (void)font.type0();
    for (char32_t cp : text) {
      const uint32_t g = test::glyph_of(f, cp);
      (void)font.encode_cluster(std::span(&g, 1), utf8::from_u32(std::u32string(1, cp)), false);
    }
    return font.finish().base_font;
  };
  CHECK(tag_for(U"ab") == tag_for(U"ba"));
  CHECK(tag_for(U"ab") != tag_for(U"ac"));
  CHECK(tag_for(U"ab").ends_with("+NotoSerif-Regular"));
}

}  // namespace
}  // namespace cvpress::pdf
