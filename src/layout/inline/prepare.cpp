// Prepare: the paragraph's bidi levels are resolved first (UAX #9, at the document's
// direction), because a HarfBuzz run has one direction: each style range is split where
// the level changes, each piece itemized by font (the first face of the style's chain
// that covers each grapheme) and each item shaped by HarfBuzz in its level's direction,
// with the whole paragraph as context. Items stay in text order; lines put them in visual
// order. Forced line ends (U+000A) are never shaped: they have no glyph.
//
// Then the measured text gets what line breaking needs besides widths, in this order
// because each step reads the advances the one before settled:
//   1. autospace: a quarter em between CJK and Latin letters or digits, added to the
//      advance of the glyph before the gap (no space character: extraction unchanged);
//   2. glue: how much each word space, and each gap between two ideographs, may stretch
//      and shrink when a line is justified (Knuth–Plass's glue);
//   3. the hyphen of each item, for lines that end inside one of its words.
#include <algorithm>
#include <array>
#include <string>

#include "layout/inline/paragraph.h"

namespace cvpress::layout::inline_ {
namespace {

// Inter-word glue of justified text, relative to the space's own advance: TeX's fonts
// give a word space stretch 1/2 and shrink 1/3 of its width (cmr10: space 3.33pt plus
// 1.67pt minus 1.11pt, The TeXbook ch. 12). The font's real space is used, so a narrow
// or wide face keeps its own colour.
constexpr double kSpaceStretch = 1.0 / 2.0;
constexpr double kSpaceShrink = 1.0 / 3.0;

// Gaps between ideographs (and kana, CJK punctuation) may stretch by 1/10 em each and
// never shrink: CSS Text 3 `text-justify: inter-character` for CJK, with xeCJK's
// \CJKglue (0pt plus 0.08em) rounded up so a line of 20 characters can take up one more.
constexpr double kCjkStretch = 0.1;

// The space between CJK and Latin letters or digits (JIS X 4051's 和欧間 quarter em;
// Typst's `cjk-latin-spacing`, CSS Text 4 `text-autospace`).
constexpr double kAutospace = 0.25;

// Han, kana, Bopomofo, CJK symbols and full-width forms: the characters written without
// spaces between them (UAX #11 wide, Hangul excluded as Korean uses spaces).
bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x303F) || (c >= 0x3040 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// CJK characters that take autospace: ideographs and kana, not punctuation (a full-width
// comma or bracket already carries its own space).
bool is_cjk_letter(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Latin letters and digits in the sense of autospace: ASCII letters and digits and the
// Latin-1/Extended letters (Greek and Cyrillic too: they are set like Latin).
bool is_western_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x4FF);
}

void report_missing(const Collected& c, std::size_t begin, std::size_t end, Context& cx) {
  for (std::size_t i = begin; i < end;) {
    const utf8::Decoded d = utf8::decode(c.text, i);
    const char32_t cp = d.code_point;
    if (!is_line_space(c.text[i]) && cx.first_missing(cp)) {
      std::string glyph;
      utf8::append(glyph, cp);
      cx.diags().error(
          cx.path(), c.location_of(i),
          "no font covers \"" + glyph + "\" " + utf8::code_point_label(cp) + " " + text::unicode_name(cp),
          text::coverage_hint(cp));
    }
    i += d.length;
  }
}

// What HarfBuzz is asked for one piece of text of one style in one face.
text::ShapeRequest shape_request(const Collected& c, text::FontId face, boxes::StyleId style,
                                 const boxes::Span* span, std::size_t begin, std::size_t end, bool rtl,
                                 Context& cx) {
  const style::ComputedStyle& st = cx.style(style);
  text::ShapeRequest request;
  request.font = face;
  request.text = c.text;
  request.begin = begin;
  request.end = end;
  request.direction = rtl ? text::Direction::RightToLeft : text::Direction::LeftToRight;
  request.lang = cx.lang();
  request.ligatures = st.ligatures && !(span && span->code);
  request.features = st.font_features;
  return request;
}

// Letter-spacing for text [begin, end): none for scripts whose letters join or hang from a
// headline (CSS Text 3 §8.2: spacing would break the connections; Devanagari's bar, Thai's
// clusters), so a tracked section title stays readable in Arabic, Hindi or Thai.
Pt letter_spacing_for(const Collected& c, std::size_t begin, std::size_t end,
                      const style::ComputedStyle& st) {
  if (st.letter_spacing == Pt(0)) return st.letter_spacing;
  static const std::array<std::string_view, 13> kUnspaced = {
      "Arabic",   "Syriac", "Nko", "Mongolian", "Mandaic", "Devanagari", "Bengali",
      "Gurmukhi", "Thai",   "Lao", "Khmer",     "Myanmar", "Tibetan"};
  for (std::size_t i = begin; i < end;) {
    const utf8::Decoded d = utf8::decode(c.text, i);
    const std::string script = text::script_name(d.code_point);
    if (std::find(kUnspaced.begin(), kUnspaced.end(), script) != kUnspaced.end()) return Pt(0);
    i += d.length;
  }
  return st.letter_spacing;
}

// Advances in points, `spacing` (letter-spacing) after each cluster (not inside a ligature
// or a conjunct); `advance_at` (when given) gets each glyph's advance at its cluster.
std::vector<Pt> advances_of(const std::vector<text::ShapedGlyph>& glyphs, const style::ComputedStyle& st,
                            Pt spacing, uint32_t upem, std::vector<Pt>* advance_at) {
  std::vector<Pt> out;
  out.reserve(glyphs.size());
  for (std::size_t g = 0; g < glyphs.size(); ++g) {
    Pt advance = text::to_pt(glyphs[g].x_advance, st.font_size, upem);
    const bool cluster_ends = g + 1 == glyphs.size() || glyphs[g + 1].cluster != glyphs[g].cluster;
    if (cluster_ends) advance += spacing;
    out.push_back(advance);
    if (advance_at) (*advance_at)[glyphs[g].cluster] += advance;
  }
  return out;
}

void shape_piece(const Collected& c, const StyledRange& range, std::size_t begin, std::size_t end,
                 uint8_t level, Context& cx, Prepared& out, std::vector<Pt>& advance_at) {
  const bool rtl = level % 2 != 0;
  const style::ComputedStyle& st = cx.style(range.style);
  const text::FontChain& chain = cx.chain(range.style);
  for (const text::FontRun& run : cx.fonts().itemize(c.text, begin, end, chain)) {
    if (run.font == text::kNoFont) {
      report_missing(c, run.begin, run.end, cx);
      continue;
    }
    text::ShapedRun shaped =
        cx.fonts().shape(shape_request(c, run.font, range.style, range.span, run.begin, run.end, rtl, cx));

    ShapedItem item;
    item.begin = run.begin;
    item.end = run.end;
    item.style = range.style;
    item.span = range.span;
    item.face = run.font;
    item.font = cx.font_index(run.font);
    item.size = st.font_size;
    item.level = level;
    item.rtl = rtl;
    const uint32_t upem = cx.fonts().info(run.font).units_per_em;
    const Pt spacing = letter_spacing_for(c, run.begin, run.end, st);
    item.advances = advances_of(shaped.glyphs, st, spacing, upem, &advance_at);
    item.glyphs = std::move(shaped.glyphs);
    const text::ShapedGlyph& hyphen = cx.hyphen(run.font);
    item.hyphen_glyph = hyphen.glyph;
    item.hyphen_advance = text::to_pt(hyphen.x_advance, st.font_size, upem) + spacing;
    out.items.push_back(std::move(item));
  }
}

}  // namespace

Prepared prepare(const Collected& c, Context& cx) {
  Prepared out;
  std::vector<Pt> advance_at(c.text.size() + 1);
  const text::BidiParagraph bidi =
      text::bidi_runs(c.text, cx.rtl() ? text::BaseDirection::RightToLeft : text::BaseDirection::LeftToRight);
  out.base_level = bidi.base_level;
  std::size_t run = 0;  // the first bidi run that may overlap the current piece
  for (const StyledRange& range : c.ranges) {
    std::size_t piece = range.begin;
    for (std::size_t i = range.begin; i <= range.end; ++i) {
      if (i == range.end || c.text[i] == '\n') {
        // Pieces come in text order, so the runs are walked once.
        while (run < bidi.runs.size() && bidi.runs[run].end <= piece) ++run;
        for (std::size_t r = run; r < bidi.runs.size() && bidi.runs[r].begin < i; ++r) {
          const std::size_t b = std::max(piece, bidi.runs[r].begin), e = std::min(i, bidi.runs[r].end);
          if (e > b) shape_piece(c, range, b, e, bidi.runs[r].level, cx, out, advance_at);
        }
        piece = i + 1;
      }
    }
  }

  // Code points of the text, for the autospace and glue rules.
  struct Char {
    std::size_t at;
    char32_t cp;
  };
  std::vector<Char> chars;
  for (std::size_t i = 0; i < c.text.size();) {
    const utf8::Decoded d = utf8::decode(c.text, i);
    chars.push_back({i, d.code_point});
    i += d.length;
  }

  // 1. Autospace, on the last glyph of the character before the gap.
  out.autospace.assign(c.text.size() + 1, Pt(0));
  for (std::size_t k = 1; k < chars.size(); ++k) {
    const char32_t a = chars[k - 1].cp, b = chars[k].cp;
    if (!((is_cjk_letter(a) && is_western_alnum(b)) || (is_western_alnum(a) && is_cjk_letter(b)))) continue;
    const ShapedItem* found = out.item_at(chars[k - 1].at);
    if (!found || found->rtl) continue;
    ShapedItem* item = &out.items[static_cast<std::size_t>(found - out.items.data())];
    const Pt space = cx.style(item->style).font_size * kAutospace;
    for (std::size_t g = item->glyphs.size(); g-- > 0;) {
      if (item->glyphs[g].cluster != chars[k - 1].at) continue;
      item->advances[g] += space;
      advance_at[chars[k - 1].at] += space;
      out.autospace[chars[k].at] = space;
      break;
    }
  }

  // 2. Glue: a space stretches and shrinks by its own advance; the gap before a CJK
  // character that follows another stretches. Glue at byte b is the space at b or the gap
  // before the character at b, so a line [begin, end) owns the glue in (begin, end).
  std::vector<Pt> stretch_at(c.text.size() + 1), shrink_at(c.text.size() + 1);
  for (std::size_t k = 0; k < chars.size(); ++k) {
    const char32_t cp = chars[k].cp;
    const std::size_t at = chars[k].at;
    if (cp == U' ' || cp == 0xA0) {
      stretch_at[at] = advance_at[at] * kSpaceStretch;
      shrink_at[at] = advance_at[at] * kSpaceShrink;
    } else if (k > 0 && is_cjk(cp) && is_cjk(chars[k - 1].cp)) {
      if (const ShapedItem* item = out.item_at(at)) stretch_at[at] = item->size * kCjkStretch;
    }
  }

  out.prefix.assign(c.text.size() + 1, Pt(0));
  out.stretch_prefix.assign(c.text.size() + 1, Pt(0));
  out.shrink_prefix.assign(c.text.size() + 1, Pt(0));
  for (std::size_t i = 0; i < c.text.size(); ++i) {
    out.prefix[i + 1] = out.prefix[i] + advance_at[i];
    out.stretch_prefix[i + 1] = out.stretch_prefix[i] + stretch_at[i];
    out.shrink_prefix[i + 1] = out.shrink_prefix[i] + shrink_at[i];
  }
  return out;
}

Reshaped reshape(const Collected& c, const ShapedItem& item, std::size_t begin, std::size_t end,
                 Context& cx) {
  Reshaped out;
  out.glyphs =
      cx.fonts().shape(shape_request(c, item.face, item.style, item.span, begin, end, item.rtl, cx)).glyphs;
  const style::ComputedStyle& st = cx.style(item.style);
  out.advances = advances_of(out.glyphs, st, letter_spacing_for(c, begin, end, st),
                             cx.fonts().info(item.face).units_per_em, nullptr);
  return out;
}

const ShapedItem* Prepared::item_at(std::size_t offset) const {
  // Items are in text order and do not overlap.
  auto it = std::upper_bound(items.begin(), items.end(), offset,
                             [](std::size_t o, const ShapedItem& item) { return o < item.begin; });
  if (it == items.begin()) return nullptr;
  --it;
  return offset < it->end ? &*it : nullptr;
}

}  // namespace cvpress::layout::inline_
