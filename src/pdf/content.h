#pragma once
// Content-stream text: number formatting and the writer of one text object
// (`BT /F1 10 Tf r g b rg 1 0 0 1 x y Tm [<cids> adj ...] TJ ET`) for a shaped glyph run.
// Pure string building: no libharu, no fonts; pdf.cpp hands the result to the page stream.
#include <cstdint>
#include <string>
#include <string_view>

#include "base/base.h"

namespace cvpress::pdf {

/// `value` with at most 4 decimals, trailing zeros trimmed, never "-0", never an exponent:
/// the PDF number syntax (ISO 32000-1 §7.3.3). Locale-independent (std::to_chars).
/// Precondition: |value| < 1e15 (content-stream numbers are page coordinates and font units).
[[nodiscard]] std::string format_number(double value);

/// Appends format_number(value) to `out`.
void append_number(std::string& out, double value);

/// Four uppercase hex digits: a 2-byte Identity-H code ("00A1").
[[nodiscard]] std::string hex4(uint16_t code);

/// UTF-16BE as uppercase hex, with surrogate pairs above U+FFFF: the form of ToUnicode
/// destinations and of /ActualText hex strings (without the FEFF byte-order mark).
[[nodiscard]] std::string utf16be_hex(std::u32string_view text);

/// `/Span<</ActualText<FEFF...>>>BDC\n` for `text` (ISO 32000-1 §14.9.4; PDF 1.5).
[[nodiscard]] std::string begin_actual_text(std::u32string_view text);
inline constexpr std::string_view kEndMarkedContent = "EMC\n";

/// Writes one text object. Positions are PDF user space (points, y up). The writer keeps
/// a pen: each glyph advances it by its HarfBuzz advance; the difference from the font's
/// integer /W width is written as a fractional TJ adjustment (MuPDF truncates fractional
/// /W entries, so /W stays integer and the remainder travels in TJ). A glyph with an
/// offset is placed with its own Tm, and so is the glyph after it.
class TextObject {
 public:
  /// Starts `BT /<font_resource> <size> Tf <color> rg` with the pen at `origin`.
  /// Precondition: size > 0.
  TextObject(std::string_view font_resource, Pt size, Color color, Pt origin_x, Pt origin_y);

  /// Shows `cid`, whose /W entry is `width` (1/1000 em), offset from the pen by
  /// (x_offset, y_offset) (y up), then advances the pen by `advance`.
  void glyph(uint16_t cid, int width, Pt advance, Pt x_offset, Pt y_offset);

  /// Wraps the following glyphs in an /ActualText span (closing any open TJ array first).
  void begin_span(std::u32string_view actual_text);
  void end_span();

  /// Closes the text object (`ET`) and returns it. The object is spent afterwards.
  [[nodiscard]] std::string finish();

 private:
  void close_array();

  std::string out_;
  double size_;
  double x_, y_;  // run origin
  double pen_ = 0;
  bool need_tm_ = true;
  bool array_open_ = false;
  bool hex_open_ = false;
  bool span_open_ = false;
};

}  // namespace cvpress::pdf
