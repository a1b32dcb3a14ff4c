#include "pdf/content.h"

#include <clocale>
#include <locale>

#include <doctest/doctest.h>

namespace cvpress::pdf {
namespace {

// A numpunct that writes "1,5": what a German locale would do to printf-style formatting.
struct CommaDecimal : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

TEST_CASE("numbers have at most four decimals with trailing zeros trimmed") {
  CHECK(format_number(0) == "0");
  CHECK(format_number(1.5) == "1.5");
  CHECK(format_number(12.345678) == "12.3457");
  CHECK(format_number(595.2756) == "595.2756");
  CHECK(format_number(1000000) == "1000000");
  CHECK(format_number(-2.25) == "-2.25");
  CHECK(format_number(0.00005) == "0.0001");
}

TEST_CASE("a negative number that rounds to zero is written as 0, never -0") {
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(-0.00004) == "0");
}

TEST_CASE("numbers ignore a global locale with a comma decimal separator") {
  const std::locale previous = std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
  // The C locale too, when the system has one with a comma (Debian images often do not).
  const bool c_locale = std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr;
  CHECK(format_number(1234.5) == "1234.5");
  CHECK(format_number(-0.125) == "-0.125");
  if (c_locale) std::setlocale(LC_NUMERIC, "C");
  std::locale::global(previous);
}

TEST_CASE("hex codes are four uppercase digits") {
  CHECK(hex4(0) == "0000");
  CHECK(hex4(0xABC) == "0ABC");
  CHECK(hex4(65535) == "FFFF");
}

TEST_CASE("UTF-16BE hex uses surrogate pairs above U+FFFF") {
  CHECK(utf16be_hex(U"fi") == "00660069");
  CHECK(utf16be_hex(U"\uFB01") == "FB01");
  CHECK(utf16be_hex(U"\U00020BB7") == "D842DFB7");  // 𠮷
  CHECK(utf16be_hex(U"\U0010FFFF") == "DBFFDFFF");
}

TEST_CASE("ActualText spans carry the byte-order mark and the text") {
  CHECK(begin_actual_text(U"ab") == "/Span<</ActualText<FEFF00610062>>>BDC\n");
}

TEST_CASE("a text object places the first glyph with Tm and the rest with TJ adjustments") {
  TextObject text("F1", Pt(10), Color{255, 0, 0}, Pt(72), Pt(700));
  text.glyph(0x24, 600, Pt(6), Pt(0), Pt(0));    // advance == width: no adjustment
  text.glyph(0x25, 500, Pt(5.5), Pt(0), Pt(0));  // 5.5 pt at 10 pt = 550/1000: move 50 right
  text.glyph(0x26, 500, Pt(5), Pt(0), Pt(0));
  CHECK(text.finish() ==
        "BT\n/F1 10 Tf\n1 0 0 rg\n"
        "1 0 0 1 72 700 Tm\n"
        "[<00240025>-50<0026>]TJ\n"
        "ET\n");
}

TEST_CASE("a glyph with an offset and the glyph after it are placed with their own Tm") {
  TextObject text("F2", Pt(20), Color{}, Pt(0), Pt(100));
  text.glyph(1, 500, Pt(10), Pt(0), Pt(0));
  text.glyph(2, 0, Pt(0), Pt(-4), Pt(3.25));  // a mark above the previous glyph
  text.glyph(3, 500, Pt(10), Pt(0), Pt(0));
  CHECK(text.finish() ==
        "BT\n/F2 20 Tf\n0 0 0 rg\n"
        "1 0 0 1 0 100 Tm\n[<0001>]TJ\n"
        "1 0 0 1 6 103.25 Tm\n[<0002>]TJ\n"
        "1 0 0 1 10 100 Tm\n[<0003>]TJ\n"
        "ET\n");
}

TEST_CASE("fractional advances become four-decimal TJ adjustments") {
  TextObject text("F1", Pt(3), Color{}, Pt(0), Pt(0));
  text.glyph(7, 333, Pt(1), Pt(0), Pt(0));  // 1/3 em = 333.3333: adjust by -0.3333
  CHECK(text.finish() == "BT\n/F1 3 Tf\n0 0 0 rg\n1 0 0 1 0 0 Tm\n[<0007>-0.3333]TJ\nET\n");
}

TEST_CASE("an ActualText span closes the TJ array around its glyphs") {
  TextObject text("F1", Pt(10), Color{}, Pt(0), Pt(0));
  text.glyph(1, 500, Pt(5), Pt(0), Pt(0));
  text.begin_span(U"ab");
  text.glyph(2, 500, Pt(5), Pt(0), Pt(0));
  text.end_span();
  text.glyph(3, 500, Pt(5), Pt(0), Pt(0));
  CHECK(text.finish() ==
        "BT\n/F1 10 Tf\n0 0 0 rg\n1 0 0 1 0 0 Tm\n[<0001>]TJ\n"
        "/Span<</ActualText<FEFF00610062>>>BDC\n[<0002>]TJ\nEMC\n"
        "[<0003>]TJ\nET\n");
}

TEST_CASE("colour channels are written as fractions of 255") {
  TextObject text("F1", Pt(9.5), Color{31, 58, 95}, Pt(0), Pt(0));
  CHECK(text.finish() == "BT\n/F1 9.5 Tf\n0.1216 0.2275 0.3725 rg\nET\n");
}

}  // namespace
}  // namespace cvpress::pdf
