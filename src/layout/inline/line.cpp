// Line building: each chosen line becomes a slice of positioned glyph runs. Runs keep
// HarfBuzz's glyphs and advances exactly; only alignment shifts a line and
// justification widens its spaces. The line's runs are cut from items in text order and
// then put in visual order by their bidi levels (UAX #9 L2, per line as the rule says:
// which runs a line holds decides their order); a right-to-left run's glyphs are already
// in visual order from HarfBuzz. Every run carries the source text of each of its
// clusters, so the PDF extracts what the author wrote.
#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "layout/inline/breakers.h"

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

// One run of the line before it is placed: the glyphs of one item between two offsets,
// shaped again when a line edge cut a ligature or a kerning pair.
struct Piece {
  const ShapedItem* item;
  std::size_t begin, end;  // bytes of the text on this line
  std::vector<text::ShapedGlyph> glyphs;
  std::vector<Pt> advances;
  bool hyphen = false;      // ends with the added hyphen
  std::string actual_text;  // the whole hyphenated word (the part before the hyphen)
  bool silent = false;      // the part after the hyphen: the word already extracted
};

// The glyphs of `item` whose clusters lie in [begin, end): an index range. Left-to-right
// items have ascending clusters (HarfBuzz's visual order), so a binary search finds them
// (a long paragraph is one item: a scan per line would be quadratic); right-to-left ones
// are scanned.
std::pair<std::size_t, std::size_t> glyph_range(const ShapedItem& item, std::size_t begin, std::size_t end) {
  const auto& gs = item.glyphs;
  if (!item.rtl) {
    const auto by_cluster = [](const text::ShapedGlyph& g, std::size_t at) { return g.cluster < at; };
    const auto first = std::lower_bound(gs.begin(), gs.end(), begin, by_cluster);
    const auto last = std::lower_bound(first, gs.end(), end, by_cluster);
    return {static_cast<std::size_t>(first - gs.begin()), static_cast<std::size_t>(last - gs.begin())};
  }
  std::size_t first = gs.size(), last = 0;
  for (std::size_t g = 0; g < gs.size(); ++g) {
    if (gs[g].cluster < begin || gs[g].cluster >= end) continue;
    first = std::min(first, g);
    last = g + 1;
  }
  return first < last ? std::pair{first, last} : std::pair{std::size_t{0}, std::size_t{0}};
}

// True when the text may be cut before byte `at` of `item` without shaping again:
// a glyph starts there and HarfBuzz did not flag it unsafe to break.
bool safe_to_cut(const ShapedItem& item, std::size_t at) {
  if (at <= item.begin || at >= item.end) return true;
  const auto [first, last] = glyph_range(item, at, at + 1);
  if (first == last) return false;  // inside a cluster (a ligature across the cut)
  for (std::size_t g = first; g < last; ++g)
    if (item.glyphs[g].unsafe_to_break) return false;
  return true;
}

// The pieces of a line [begin, end): one per item, split where a hyphenated word starts
// or ends so that its parts can carry their /ActualText.
std::vector<Piece> pieces_of(const Collected& c, const Prepared& p, const LineRange& line,
                             const LineRange* previous, Context& cx) {
  std::vector<std::size_t> cuts;
  const bool split_word = line.hyphenated || line.joined;
  if (split_word && line.word_begin > line.begin) cuts.push_back(line.word_begin);
  const bool continues =
      previous && (previous->hyphenated || previous->joined) && previous->word_end > line.begin;
  if (continues && previous->word_end < line.end) cuts.push_back(previous->word_end);
  std::sort(cuts.begin(), cuts.end());
  std::vector<Piece> out;
  for (const ShapedItem& item : p.items) {
    std::size_t b = std::max(item.begin, line.begin);
    const std::size_t e = std::min(item.end, line.end);
    if (b >= e) continue;
    std::vector<std::size_t> ends;
    for (std::size_t cut : cuts)
      if (cut > b && cut < e) ends.push_back(cut);
    ends.push_back(e);
    for (std::size_t pe : ends) {
      Piece piece{&item, b, pe, {}, {}, false, {}, false};
      if (!safe_to_cut(item, b) || !safe_to_cut(item, pe)) {
        Reshaped r = reshape(c, item, b, pe, cx);
        piece.glyphs = std::move(r.glyphs);
        piece.advances = std::move(r.advances);
      } else {
        const auto [first, last] = glyph_range(item, b, pe);
        for (std::size_t g = first; g < last; ++g) {
          if (item.glyphs[g].cluster < b || item.glyphs[g].cluster >= pe) continue;
          piece.glyphs.push_back(item.glyphs[g]);
          piece.advances.push_back(item.advances[g]);
        }
      }
      if (continues && pe <= previous->word_end) piece.silent = true;
      out.push_back(std::move(piece));
      b = pe;
    }
  }
  if (out.empty()) return out;
  // The autospace of a gap at the line's end is not shown.
  if (p.autospace[line.end] > Pt(0) && out.back().end == line.end && !out.back().advances.empty()) {
    out.back().advances.back() -= p.autospace[line.end];
  }
  if (split_word) {
    // The hyphen goes after the word's last part (a written one is there already); its first
    // part carries the whole word.
    if (line.hyphenated) {
      Piece& last = out.back();
      last.glyphs.push_back(
          text::ShapedGlyph{last.item->hyphen_glyph, static_cast<uint32_t>(line.end), 0, 0, 0, false});
      last.advances.push_back(last.item->hyphen_advance);
      last.hyphen = true;
    }
    // A line inside one long word (between two of its hyphens) extracts as nothing: the
    // line before it already gave the whole word.
    bool first = !(continues && previous->word_begin == line.word_begin);
    for (Piece& piece : out) {
      if (piece.begin < line.word_begin) continue;
      if (first) {
        piece.actual_text = c.original.substr(c.original_at[line.word_begin],
                                              c.original_at[line.word_end] - c.original_at[line.word_begin]);
      } else {
        piece.silent = true;
      }
      first = false;
    }
  }
  return out;
}

// UAX #9 L2: the pieces of a line, from left to right. Pieces are at most as long as a
// level run (items never cross a level change), and the line excludes trailing spaces, so
// L1 (trailing white space at the paragraph level) has nothing left to do.
void to_visual_order(std::vector<Piece>& pieces) {
  std::vector<uint8_t> levels;
  bool mixed = false;
  for (const Piece& piece : pieces) {
    levels.push_back(piece.item->level);
    mixed = mixed || piece.item->level != 0;
  }
  if (!mixed) return;
  std::vector<Piece> visual;
  visual.reserve(pieces.size());
  for (std::size_t i : text::visual_order(levels)) visual.push_back(std::move(pieces[i]));
  pieces = std::move(visual);
}

// TeX's badness of a line stretched by ratio r (§108): 100 r^3, capped at 10000.
int badness(double r) { return r > 4.65 ? 10000 : static_cast<int>(std::min(10000.0, 100.0 * r * r * r)); }

// TeX's \hbadness: a justified line worse than this is reported underfull.
constexpr int kReportBadness = 1000;

}  // namespace

std::vector<Slice> build_lines(const boxes::Box& box, const Collected& c, const Prepared& p,
                               const std::vector<LineRange>& lines, Pt x0, Pt width, Context& cx) {
  std::vector<Slice> slices;
  const style::ComputedStyle& par = cx.style(box.style);
  const Extents strut = piece_extents(cx.primary_face(box.style), par, cx);
  int hyphen_run = 0;  // consecutive hyphenated lines so far
  std::size_t hyphen_run_start = 0;

  for (std::size_t l = 0; l < lines.size(); ++l) {
    const LineRange& line = lines[l];
    std::vector<Piece> pieces = pieces_of(c, p, line, l > 0 ? &lines[l - 1] : nullptr, cx);
    to_visual_order(pieces);

    Extents ext = strut;
    for (const Piece& piece : pieces) {
      const Extents e = piece_extents(cx.primary_face(piece.item->style), cx.style(piece.item->style), cx);
      ext.above = max(ext.above, e.above);
      ext.below = max(ext.below, e.below);
    }
    const Pt baseline = ext.above;

    // Alignment and justification.
    Pt natural;
    for (const Piece& piece : pieces)
      for (Pt a : piece.advances) natural += a;
    const Pt free = width - natural;
    Pt offset;
    double ratio = 0;  // > 0: the glue stretches by ratio x its stretch; < 0: shrinks
    // A table cell's own alignment (GFM `:--:`) wins over the style's.
    style::TextAlign align = par.text_align;
    if (box.align == doc::Align::Left) align = style::TextAlign::Left;
    if (box.align == doc::Align::Center) align = style::TextAlign::Center;
    if (box.align == doc::Align::Right) align = style::TextAlign::Right;
    // `start` and `end` follow the paragraph's direction: a right-to-left line starts at
    // the right (CSS Text 3 §7.1); `left` and `right` are physical.
    const bool rtl = p.base_level % 2 != 0;
    if (align == style::TextAlign::Start) align = rtl ? style::TextAlign::Right : style::TextAlign::Left;
    if (align == style::TextAlign::End) align = rtl ? style::TextAlign::Left : style::TextAlign::Right;
    const Pt stretch = p.line_stretch(line.begin, line.end);
    const Pt shrink = p.line_shrink(line.begin, line.end);
    switch (align) {
      case style::TextAlign::Start:
      case style::TextAlign::Left: break;
      case style::TextAlign::End:
      case style::TextAlign::Right: offset = max(free, Pt(0)); break;
      case style::TextAlign::Center: offset = max(free / 2, Pt(0)); break;
      case style::TextAlign::Justify: {
        if (free < Pt(0)) {
          // Shrink, never below the glue's minimum (TeX: an overfull box instead).
          if (shrink > Pt(0)) ratio = std::max(-1.0, free / shrink);
        } else if (!line.last && stretch > Pt(0)) {
          ratio = free / stretch;
        }
        if (!line.last && free > Pt(0)) {
          const int bad = stretch > Pt(0) ? badness(ratio) : 10000;
          if (bad > kReportBadness)
            cx.line_reports().push_back(
                {LineReport::Kind::Underfull, c.location_of(line.begin), free, bad, 0});
        }
        break;
      }
    }
    const Pt set_width = natural + (ratio < 0 ? shrink * ratio : Pt(0));
    // A justified right-to-left line that is not stretched to the measure (the last line,
    // or one without glue) starts at the right too.
    if (align == style::TextAlign::Justify && rtl && ratio <= 0) offset = width - set_width;
    if (set_width > width + Pt(0.01)) {
      const Pt over = set_width - width;
      const SourceLocation at = c.location_of(line.begin);
      cx.line_reports().push_back({LineReport::Kind::Overfull, at, over, 0, 0});
      std::string amount(16, '\0');
      amount.resize(
          static_cast<std::size_t>(std::snprintf(amount.data(), amount.size(), "%.2f", over.value())));
      cx.diags().warning(cx.path(), at, "overfull line: " + amount + "pt wider than the measure",
                         "no break fits here (a long word or URL); rephrase, or let the layout hyphenate");
    }
    if (line.hyphenated) {
      if (hyphen_run++ == 0) hyphen_run_start = line.begin;
    } else {
      if (hyphen_run > kMaxConsecutiveHyphens)
        cx.line_reports().push_back(
            {LineReport::Kind::HyphenStack, c.location_of(hyphen_run_start), Pt(0), 0, hyphen_run});
      hyphen_run = 0;
    }

    // The glue's share of the free space, per cluster: a space's own glue goes to its
    // glyph, the gap before an ideograph to the last glyph of the character before it.
    std::map<std::size_t, Pt> extra;  // by cluster start
    if (ratio != 0) {
      std::vector<std::size_t> starts;
      for (const Piece& piece : pieces)
        for (const text::ShapedGlyph& g : piece.glyphs)
          if (g.cluster < line.end) starts.push_back(g.cluster);
      std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
      for (std::size_t b = line.begin + 1; b < line.end; ++b) {
        const Pt glue = ratio > 0 ? p.stretch(b, b + 1) : p.shrink(b, b + 1);
        if (glue == Pt(0)) continue;
        const bool space =
            c.text[b] == ' ' || (static_cast<unsigned char>(c.text[b]) == 0xC2 && b + 1 < c.text.size() &&
                                 static_cast<unsigned char>(c.text[b + 1]) == 0xA0);
        std::size_t owner = b;
        if (!space) {
          auto it = std::lower_bound(starts.begin(), starts.end(), b);
          if (it == starts.begin()) continue;
          owner = *(it - 1);
        }
        extra[owner] += glue * ratio;
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
      run.actual_text = piece.actual_text;
      run.silent = piece.silent;
      const uint32_t upem = cx.fonts().info(item.face).units_per_em;
      // Cluster starts of this piece, ascending; each glyph refers to its cluster's index.
      std::vector<uint32_t> starts;
      for (const text::ShapedGlyph& g : piece.glyphs)
        if (g.cluster < piece.end) starts.push_back(g.cluster);
      std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
      for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t from = c.original_at[starts[k]];
        const std::size_t to = c.original_at[k + 1 < starts.size() ? starts[k + 1] : piece.end];
        run.clusters.push_back(c.original.substr(from, to - from));
      }
      if (piece.hyphen) run.clusters.push_back("-");  // the added hyphen (ActualText covers it)
      Pt run_width;
      for (std::size_t g = 0; g < piece.glyphs.size(); ++g) {
        const text::ShapedGlyph& sg = piece.glyphs[g];
        frame::Glyph glyph;
        glyph.id = sg.glyph;
        glyph.cluster =
            sg.cluster >= piece.end
                ? static_cast<uint32_t>(run.clusters.size() - 1)
                : static_cast<uint32_t>(std::lower_bound(starts.begin(), starts.end(), sg.cluster) -
                                        starts.begin());
        glyph.advance = piece.advances[g];
        const bool cluster_ends = g + 1 == piece.glyphs.size() || piece.glyphs[g + 1].cluster != sg.cluster;
        if (cluster_ends && sg.cluster < piece.end)
          if (auto it = extra.find(sg.cluster); it != extra.end()) glyph.advance += it->second;
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
  if (hyphen_run > kMaxConsecutiveHyphens)
    cx.line_reports().push_back(
        {LineReport::Kind::HyphenStack, c.location_of(hyphen_run_start), Pt(0), 0, hyphen_run});
  return slices;
}

namespace {

// A code block is set smaller rather than wrapped, down to this fraction of its size (the
// smallest type a reader takes for the same code: 9 pt code at 6.75 pt).
constexpr double kMinCodeScale = 0.75;

// A code block wider than the column: the same box in type scaled to fit, or to the bound.
std::optional<boxes::Box> fitted_code(const boxes::Box& box, Pt width, Context& cx, double& factor) {
  const Collected collected = collect(box, cx);
  const Prepared prepared = prepare(collected, cx);
  const Pt natural = content_widths(collected, prepared, cx.lang()).max;
  if (natural <= width || natural <= Pt(0)) return std::nullopt;
  factor = std::max(kMinCodeScale, width / natural * 0.999);
  boxes::Box scaled = box;
  scaled.style = cx.scaled(box.style, factor);
  for (boxes::Span& span : scaled.spans) span.style = cx.scaled(span.style, factor);
  return scaled;
}

}  // namespace

std::vector<Slice> layout_paragraph(const boxes::Box& box, Pt x, Pt width, Context& cx) {
  if (box.preformatted) {
    double factor = 1;
    if (std::optional<boxes::Box> fitted = fitted_code(box, width, cx, factor)) {
      const Collected collected = collect(*fitted, cx);
      const Prepared prepared = prepare(collected, cx);
      const std::vector<LineRange> lines = break_lines(
          {collected, prepared, width, true, false, cx.style(fitted->style).font_size, cx.lang()});
      std::size_t source_lines = 1;
      for (const boxes::Span& span : box.spans)
        source_lines += static_cast<std::size_t>(std::count(span.text.begin(), span.text.end(), '\n'));
      LineReport report{LineReport::Kind::WideCode, box.range.begin, Pt(0), 0,
                        static_cast<int>(factor * 100 + 0.5)};
      report.wrapped = static_cast<int>(lines.size() > source_lines ? lines.size() - source_lines : 0);
      cx.line_reports().push_back(report);
      return build_lines(*fitted, collected, prepared, lines, x, width, cx);
    }
  }
  const Collected collected = collect(box, cx);
  const Prepared prepared = prepare(collected, cx);
  const style::ComputedStyle& st = cx.style(box.style);
  // A table cell's own alignment (GFM `:--:`) is never justified (as in build_lines).
  const bool justify = st.text_align == style::TextAlign::Justify && box.align == doc::Align::Default;
  const std::vector<LineRange> lines =
      break_lines({collected, prepared, width, box.preformatted, justify, st.font_size, cx.lang()});
  return build_lines(box, collected, prepared, lines, x, width, cx);
}

ContentWidths measure_paragraph(const boxes::Box& box, Context& cx) {
  const Collected collected = collect(box, cx);
  const Prepared prepared = prepare(collected, cx);
  return content_widths(collected, prepared, cx.lang());
}

}  // namespace cvpress::layout::inline_
