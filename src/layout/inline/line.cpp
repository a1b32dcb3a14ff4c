// Line building: each chosen line becomes a slice of positioned glyph runs. Runs keep
// HarfBuzz's glyphs and advances exactly; only alignment shifts a line and
// justification widens its spaces. Every run carries the source text of each of its
// clusters, so the PDF extracts what the author wrote.
#include <algorithm>

#include "layout/inline/paragraph.h"

namespace cvpress::layout::inline_ {
namespace {

// Extents of a line box above and below the baseline, CSS 2.1 §10.8.1: each piece
// contributes its font's ascent and descent plus half the leading its line-height adds.
struct Extents {
  Pt above, below;
};

Extents piece_extents(text::FontId face, const style::ComputedStyle& st, Context& cx) {
  const text::FaceInfo& f = cx.fonts().info(face);
  const Pt ascent = text::to_pt(f.ascender, st.font_size, f.units_per_em);
  const Pt descent = -text::to_pt(f.descender, st.font_size, f.units_per_em);
  const Pt half_leading = (st.font_size * st.line_height - (ascent + descent)) / 2;
  return {ascent + half_leading, descent + half_leading};
}

struct Piece {
  const ShapedItem* item;
  std::size_t begin, end;  // bytes of the text on this line
};

}  // namespace

std::vector<Slice> build_lines(const boxes::Box& box, const Collected& c, const Prepared& p,
                               const std::vector<LineRange>& lines, Pt x0, Pt width, Context& cx) {
  std::vector<Slice> slices;
  const style::ComputedStyle& par = cx.style(box.style);
  const Extents strut = piece_extents(cx.primary_face(box.style), par, cx);

  for (const LineRange& line : lines) {
    std::vector<Piece> pieces;
    for (const ShapedItem& item : p.items) {
      const std::size_t b = std::max(item.begin, line.begin);
      const std::size_t e = std::min(item.end, line.end);
      if (b < e) pieces.push_back({&item, b, e});
    }

    Extents ext = strut;
    for (const Piece& piece : pieces) {
      const Extents e = piece_extents(cx.primary_face(piece.item->style), cx.style(piece.item->style), cx);
      ext.above = max(ext.above, e.above);
      ext.below = max(ext.below, e.below);
    }
    const Pt baseline = ext.above;

    // Alignment and justification.
    const Pt natural = p.width(line.begin, line.end);
    const Pt free = width - natural;
    Pt offset;
    Pt extra_per_space;
    // A table cell's own alignment (GFM `:--:`) wins over the style's.
    style::TextAlign align = par.text_align;
    if (box.align == doc::Align::Left) align = style::TextAlign::Left;
    if (box.align == doc::Align::Center) align = style::TextAlign::Center;
    if (box.align == doc::Align::Right) align = style::TextAlign::Right;
    switch (align) {
      case style::TextAlign::Start:
      case style::TextAlign::Left: break;
      case style::TextAlign::End:
      case style::TextAlign::Right: offset = max(free, Pt(0)); break;
      case style::TextAlign::Center: offset = max(free / 2, Pt(0)); break;
      case style::TextAlign::Justify: {
        if (line.last || free <= Pt(0)) break;
        std::size_t spaces = 0;
        for (std::size_t i = line.begin; i < line.end; ++i) spaces += c.text[i] == ' ';
        if (spaces > 0) extra_per_space = free / static_cast<double>(spaces);
        break;
      }
    }

    Slice slice;
    slice.height = ext.above + ext.below;
    slice.location = c.location_of(line.begin);
    std::vector<frame::Item> under, runs, over;
    Pt pen = x0 + offset;
    for (const Piece& piece : pieces) {
      const ShapedItem& item = *piece.item;
      const style::ComputedStyle& st = cx.style(item.style);
      frame::GlyphRun run;
      run.font = item.font;
      run.size = item.size;
      run.color = st.color;
      run.origin = {pen, baseline};
      run.rtl = item.rtl;
      run.artifact = item.span && item.span->icon;  // drawn as an outline, never extracted
      const uint32_t upem = cx.fonts().info(item.face).units_per_em;
      // Cluster starts of this piece, ascending; each glyph refers to its cluster's index.
      std::vector<uint32_t> starts;
      for (const text::ShapedGlyph& g : item.glyphs)
        if (g.cluster >= piece.begin && g.cluster < piece.end) starts.push_back(g.cluster);
      std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
      for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t from = c.original_at[starts[k]];
        const std::size_t to = c.original_at[k + 1 < starts.size() ? starts[k + 1] : piece.end];
        run.clusters.push_back(c.original.substr(from, to - from));
      }
      Pt run_width;
      for (std::size_t g = 0; g < item.glyphs.size(); ++g) {
        const text::ShapedGlyph& sg = item.glyphs[g];
        if (sg.cluster < piece.begin || sg.cluster >= piece.end) continue;
        frame::Glyph glyph;
        glyph.id = sg.glyph;
        glyph.cluster = static_cast<uint32_t>(std::lower_bound(starts.begin(), starts.end(), sg.cluster) -
                                              starts.begin());
        glyph.advance = item.advances[g];
        if (extra_per_space > Pt(0) && c.text[sg.cluster] == ' ') glyph.advance += extra_per_space;
        glyph.x_offset = text::to_pt(sg.x_offset, item.size, upem);
        glyph.y_offset = -text::to_pt(sg.y_offset, item.size, upem);
        run_width += glyph.advance;
        run.glyphs.push_back(glyph);
      }
      if (run.glyphs.empty()) continue;

      const text::FaceInfo& face = cx.fonts().info(cx.primary_face(item.style));
      const Pt ascent = text::to_pt(face.ascender, item.size, face.units_per_em);
      const Pt descent = -text::to_pt(face.descender, item.size, face.units_per_em);
      if (item.span && item.span->code && st.background) {
        // A code span's tint hugs the glyphs: a little air left and right, from a bit
        // above the capitals to a bit below the baseline (the full ascent and descent
        // would touch the lines above and below).
        const Pt air = item.size * 0.15;
        const Pt top =
            baseline - text::to_pt(face.cap_height, item.size, face.units_per_em) - item.size * 0.2;
        const Pt bottom = baseline + item.size * 0.25;
        under.push_back(frame::FillRect{{pen - air, top, run_width + air * 2, bottom - top}, *st.background});
      }
      if (st.underline || st.strikethrough) {
        const Pt thickness =
            max(text::to_pt(face.underline_thickness, item.size, face.units_per_em), Pt(0.4));
        if (st.underline) {
          const Pt y = baseline - text::to_pt(face.underline_position, item.size, face.units_per_em);
          over.push_back(frame::Line{{pen, y}, {pen + run_width, y}, thickness, st.color});
        }
        if (st.strikethrough) {
          const Pt y = baseline - text::to_pt(face.x_height, item.size, face.units_per_em) / 2;
          over.push_back(frame::Line{{pen, y}, {pen + run_width, y}, thickness, st.color});
        }
      }
      if (item.span && !item.span->link.empty()) {
        const Rect area{pen, baseline - ascent, run_width, ascent + descent};
        if (!slice.links.empty() && slice.links.back().uri == item.span->link &&
            abs(slice.links.back().area.right() - pen) < Pt(0.01)) {
          slice.links.back().area.width += run_width;  // one link area per line
        } else {
          slice.links.push_back(frame::Link{area, item.span->link});
        }
      }
      pen += run_width;
      runs.push_back(std::move(run));
    }
    for (auto* group : {&under, &runs, &over})
      for (auto& i : *group) slice.items.push_back(std::move(i));
    slices.push_back(std::move(slice));
  }
  return slices;
}

std::vector<Slice> layout_paragraph(const boxes::Box& box, Pt x, Pt width, Context& cx) {
  const Collected collected = collect(box, cx);
  const Prepared prepared = prepare(collected, cx);
  const std::vector<LineRange> lines = break_lines({collected, prepared, width, box.preformatted, cx.lang()});
  return build_lines(box, collected, prepared, lines, x, width, cx);
}

ContentWidths measure_paragraph(const boxes::Box& box, Context& cx) {
  const Collected collected = collect(box, cx);
  const Prepared prepared = prepare(collected, cx);
  return content_widths(collected, prepared, cx.lang());
}

}  // namespace cvpress::layout::inline_
