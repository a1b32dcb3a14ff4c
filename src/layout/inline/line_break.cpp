// Line breaking. This version fills lines first-fit: each line takes as many UAX #14
// break opportunities as fit the measure. (The optimal, Knuth–Plass breaker is the
// subject of a later change; it plugs in behind the same break_lines().)
// A piece with no opportunity that is wider than the measure (a long URL) is broken
// between grapheme clusters rather than left to overflow into the margin.
#include <algorithm>

#include "layout/inline/paragraph.h"

namespace cvpress::layout::inline_ {
namespace {

// Rounding slack when comparing widths: 1/1000 pt is far below anything visible and
// absorbs the error of summing advances in a different order.
constexpr Pt kWidthEpsilon = Pt(0.001);

std::size_t trim_end(const std::string& text, std::size_t begin, std::size_t end) {
  while (end > begin && is_line_space(text[end - 1])) --end;
  return end;
}

}  // namespace

std::vector<LineRange> break_lines(const BreakInput& in) {
  const std::string& text = in.collected.text;
  std::vector<LineRange> lines;
  if (text.empty()) return lines;
  const std::vector<text::BreakOpportunity> ops = text::line_breaks(text, in.lang);
  std::vector<std::size_t> graphemes;  // computed only when an emergency break is needed

  std::size_t start = 0;
  std::size_t last_fit = ops.size();  // index into ops of the last opportunity that fit
  for (std::size_t k = 0; k < ops.size();) {
    const text::BreakOpportunity& op = ops[k];
    const std::size_t end = trim_end(text, start, op.offset);
    const bool fits = in.prepared.width(start, end) <= in.width + kWidthEpsilon;
    const bool forced = op.mandatory || op.offset == text.size();
    if (fits) {
      if (forced) {
        lines.push_back({start, end, true});
        start = op.offset;
        last_fit = ops.size();
      } else {
        last_fit = k;
      }
      ++k;
      continue;
    }
    if (last_fit < ops.size()) {
      lines.push_back({start, trim_end(text, start, ops[last_fit].offset), false});
      start = ops[last_fit].offset;
      last_fit = ops.size();
      continue;  // the same opportunity again, measured from the new line start
    }
    // Nothing fits: break between grapheme clusters (at least one per line).
    if (graphemes.empty()) graphemes = text::grapheme_boundaries(text);
    auto first = std::upper_bound(graphemes.begin(), graphemes.end(), start);
    std::size_t cut = first == graphemes.end() ? end : *first;
    for (auto it = first; it != graphemes.end() && *it <= end; ++it) {
      if (in.prepared.width(start, *it) > in.width + kWidthEpsilon) break;
      cut = *it;
    }
    if (cut >= end) {  // the rest fits after all (only trailing spaces were too wide)
      lines.push_back({start, end, forced});
      start = op.offset;
      ++k;
      continue;
    }
    lines.push_back({start, cut, false});
    start = cut;
  }
  return lines;
}

ContentWidths content_widths(const Collected& collected, const Prepared& prepared, std::string_view lang) {
  ContentWidths w;
  const std::string& text = collected.text;
  if (text.empty()) return w;
  std::size_t piece = 0;
  std::size_t line = 0;
  for (const text::BreakOpportunity& op : text::line_breaks(text, lang)) {
    w.min = max(w.min, prepared.width(piece, trim_end(text, piece, op.offset)));
    piece = op.offset;
    if (op.mandatory || op.offset == text.size()) {
      w.max = max(w.max, prepared.width(line, trim_end(text, line, op.offset)));
      line = op.offset;
    }
  }
  return w;
}

}  // namespace cvpress::layout::inline_
