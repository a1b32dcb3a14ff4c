#include "pdf/content.h"

#include <charconv>
#include <cmath>

namespace cvpress::pdf {
namespace {

// Four decimals: 1/10000 pt in positions and 1/10000 of a glyph-space unit in TJ, far
// below anything a viewer resolves (the PoC measured a worst glyph deviation of 0.00005 pt).
constexpr int kDecimals = 4;
constexpr double kScale = 10000.0;  // 10^kDecimals

constexpr char kHex[] = "0123456789ABCDEF";

void append_hex4(std::string& out, uint32_t v) {
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

}  // namespace

void append_number(std::string& out, double value) {
  CVPRESS_ASSERT(std::isfinite(value) && std::fabs(value) < 1e15);
  double rounded = std::round(value * kScale) / kScale;
  if (rounded == 0) rounded = 0;  // turns -0 into 0
  char buf[40];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, kDecimals);
  CVPRESS_ASSERT(ec == std::errc());
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  while (s.back() == '0') s.remove_suffix(1);  // fixed with 4 decimals always has a '.'
  if (s.back() == '.') s.remove_suffix(1);
  out += s;
}

std::string format_number(double value) {
  std::string out;
  append_number(out, value);
  return out;
}

std::string hex4(uint16_t code) {
  std::string out;
  append_hex4(out, code);
  return out;
}

std::string utf16be_hex(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 4);
  for (char32_t cp : text) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = utf8::kReplacement;
    if (cp >= 0x10000) {  // Unicode §3.9 D91: a surrogate pair
      const uint32_t v = static_cast<uint32_t>(cp) - 0x10000;
      append_hex4(out, 0xD800 + (v >> 10));
      append_hex4(out, 0xDC00 + (v & 0x3FF));
    } else {
      append_hex4(out, static_cast<uint32_t>(cp));
    }
  }
  return out;
}

std::string begin_actual_text(std::u32string_view text) {
  return "/Span<</ActualText<FEFF" + utf16be_hex(text) + ">>>BDC\n";
}

TextObject::TextObject(std::string_view font_resource, Pt size, Color color, Pt origin_x, Pt origin_y)
    : size_(size.value()), x_(origin_x.value()), y_(origin_y.value()) {
  CVPRESS_ASSERT(size_ > 0);
  out_ = "BT\n/";
  out_ += font_resource;
  out_ += ' ';
  append_number(out_, size_);
  out_ += " Tf\n";
  for (uint8_t channel : {color.r, color.g, color.b}) {
    append_number(out_, channel / 255.0);
    out_ += ' ';
  }
  out_ += "rg\n";
}

void TextObject::close_array() {
  if (hex_open_) out_ += '>';
  if (array_open_) out_ += "]TJ\n";
  hex_open_ = array_open_ = false;
}

void TextObject::glyph(uint16_t cid, int width, Pt advance, Pt x_offset, Pt y_offset) {
  const bool has_offset = x_offset != Pt(0) || y_offset != Pt(0);
  if (need_tm_ || has_offset) {
    close_array();
    out_ += "1 0 0 1 ";
    append_number(out_, x_ + pen_ + x_offset.value());
    out_ += ' ';
    append_number(out_, y_ + y_offset.value());
    out_ += " Tm\n";
    need_tm_ = false;
  }
  if (!array_open_) out_ += '[';
  if (!hex_open_) out_ += '<';
  array_open_ = hex_open_ = true;
  append_hex4(out_, cid);
  pen_ += advance.value();
  if (has_offset) {
    need_tm_ = true;  // the next glyph is placed from the pen again
    return;
  }
  // Tj/TJ move by (w/1000 - adj/1000) * size (ISO 32000-1 §9.4.4), so this adjustment
  // turns the integer width into the exact advance. Positive numbers move left.
  const double adjust = width - advance.value() * 1000.0 / size_;
  if (std::round(adjust * kScale) != 0) {
    out_ += '>';
    hex_open_ = false;
    append_number(out_, adjust);
  }
}

void TextObject::begin_span(std::u32string_view actual_text) {
  CVPRESS_ASSERT(!span_open_);
  close_array();
  out_ += begin_actual_text(actual_text);
  span_open_ = true;
}

void TextObject::end_span() {
  CVPRESS_ASSERT(span_open_);
  close_array();
  out_ += kEndMarkedContent;
  span_open_ = false;
}

std::string TextObject::finish() {
  CVPRESS_ASSERT(!span_open_);
  close_array();
  out_ += "ET\n";
  return std::move(out_);
}

}  // namespace cvpress::pdf
