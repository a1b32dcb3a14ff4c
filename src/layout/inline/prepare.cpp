// Prepare: each style range is itemized by font (the first face of the style's chain
// that covers each grapheme) and each item shaped by HarfBuzz with the whole paragraph
// as context. Forced line ends (U+000A) are never shaped: they have no glyph.
#include <string>

#include "layout/inline/paragraph.h"

namespace cvpress::layout::inline_ {
namespace {

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

void shape_piece(const Collected& c, const StyledRange& range, std::size_t begin, std::size_t end,
                 Context& cx, Prepared& out, std::vector<Pt>& advance_at) {
  const style::ComputedStyle& st = cx.style(range.style);
  const text::FontChain& chain = cx.chain(range.style);
  for (const text::FontRun& run : cx.fonts().itemize(c.text, begin, end, chain)) {
    if (run.font == text::kNoFont) {
      report_missing(c, run.begin, run.end, cx);
      continue;
    }
    text::ShapeRequest request;
    request.font = run.font;
    request.text = c.text;
    request.begin = run.begin;
    request.end = run.end;
    request.lang = cx.lang();
    request.ligatures = st.ligatures && !(range.span && range.span->code);
    request.features = st.font_features;
    text::ShapedRun shaped = cx.fonts().shape(request);

    ShapedItem item;
    item.begin = run.begin;
    item.end = run.end;
    item.style = range.style;
    item.span = range.span;
    item.face = run.font;
    item.font = cx.font_index(run.font);
    item.size = st.font_size;
    const uint32_t upem = cx.fonts().info(run.font).units_per_em;
    item.advances.reserve(shaped.glyphs.size());
    for (std::size_t g = 0; g < shaped.glyphs.size(); ++g) {
      Pt advance = text::to_pt(shaped.glyphs[g].x_advance, st.font_size, upem);
      // Letter-spacing goes after each cluster (not inside a ligature or a conjunct).
      const bool cluster_ends =
          g + 1 == shaped.glyphs.size() || shaped.glyphs[g + 1].cluster != shaped.glyphs[g].cluster;
      if (cluster_ends) advance += st.letter_spacing;
      item.advances.push_back(advance);
      advance_at[shaped.glyphs[g].cluster] += advance;
    }
    item.glyphs = std::move(shaped.glyphs);
    out.items.push_back(std::move(item));
  }
}

}  // namespace

Prepared prepare(const Collected& c, Context& cx) {
  Prepared out;
  std::vector<Pt> advance_at(c.text.size() + 1);
  for (const StyledRange& range : c.ranges) {
    std::size_t piece = range.begin;
    for (std::size_t i = range.begin; i <= range.end; ++i) {
      if (i == range.end || c.text[i] == '\n') {
        if (i > piece) shape_piece(c, range, piece, i, cx, out, advance_at);
        piece = i + 1;
      }
    }
  }
  out.prefix.assign(c.text.size() + 1, Pt(0));
  for (std::size_t i = 0; i < c.text.size(); ++i) out.prefix[i + 1] = out.prefix[i] + advance_at[i];
  return out;
}

}  // namespace cvpress::layout::inline_
