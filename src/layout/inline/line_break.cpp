// Line breaking: where lines may end, and which breaker chooses among those places.
//
// The candidates (Knuth–Plass's penalties) come from four sources, in text order:
//   - UAX #14 opportunities (ICU): after spaces, between ideographs, after hyphens ...;
//     ICU's rules already keep CJK closing punctuation (、。，）」』 …) off a line's start
//     and opening brackets (（「『) off its end (UAX #14 LB13, LB14, LB22: kinsoku);
//   - hyphenation points (libhyphen) inside plain words of text styled `hyphenate`;
//   - inside URLs, e-mail addresses and paths: after / . - _ ? & without a hyphen;
//   - between grapheme clusters, only inside a piece wider than the measure, so that no
//     text ever overflows into the margin when some break can avoid it.
//
// The dispatcher (break_lines, minikin's one LineBreaker entry point) then picks:
//   - ragged and preformatted text: first-fit (greedy.cpp). A résumé's ragged text is
//     headings, asides, contact rows and table cells, a line or two each; first-fit
//     fills the first line as readers of headings expect, is what browsers do, and
//     optimising the rag of two lines gains nothing visible;
//   - justified text: total fit (knuth_plass.cpp) in TeX's passes: first without
//     hyphenation at \pretolerance, then with it at \tolerance, then an emergency pass
//     with \emergencystretch that accepts any line rather than none;
//   - justified paragraphs with more candidates than kMaxOptimalCandidates, or whose
//     active list explodes: first-fit with shrinking, linear in the paragraph.
#include <algorithm>

#include "layout/inline/breakers.h"

namespace cvpress::layout::inline_ {
namespace {

// TeX's \hyphenpenalty and \exhyphenpenalty (plain.tex: 50 each): a break at a hyphen,
// added or written, costs a little.
constexpr double kHyphenPenalty = 50;
constexpr double kExHyphenPenalty = 50;

// url.sty's \UrlBreakPenalty (its default, \binoppenalty = 700): a break inside a URL or
// path is taken only when the line would otherwise be very loose.
constexpr double kUrlBreakPenalty = 700;

// A break between two letters of a word with no hyphen, offered only where the piece is
// wider than the measure: a large penalty, still below TeX's 10000 (= never), so that it
// is taken only where nothing else fits.
constexpr double kEmergencyBreakPenalty = 5000;

// TeX's passes (plain.tex): \pretolerance 100 for the first pass, without hyphenation;
// \tolerance 200 for the second; the emergency pass takes any badness (inf_bad, 10000)
// with LaTeX's \sloppy \emergencystretch of 3em added to each line's stretch.
constexpr double kPretolerance = 100;
constexpr double kTolerance = 200;
constexpr double kEmergencyTolerance = 10000;
constexpr double kEmergencyStretchEm = 3;

// Total fit costs O(candidates x active nodes), and the active nodes grow with the
// measure. A résumé paragraph has a few hundred candidates; past 10,000 (a paragraph of
// some 5,000 words) it is no prose a reader weighs line by line, and first-fit keeps the
// time linear whatever the measure. (bench/line_break.cpp, 2 cores: 5,000 words set by
// total fit 18 ms, 20,000 words first-fit 73 ms, total fit would take 81 ms.)
constexpr std::size_t kMaxOptimalCandidates = 10000;

std::size_t trim_end(const std::string& text, std::size_t begin, std::size_t end) {
  while (end > begin && is_line_space(text[end - 1])) --end;
  return end;
}

bool is_hyphen_char(const std::string& text, std::size_t end) {
  if (end >= 1 && text[end - 1] == '-') return true;
  return end >= 3 && text.compare(end - 3, 3, "\u2010") == 0;  // U+2010 HYPHEN
}

// A whitespace-delimited token [begin, end) that is a URL, an e-mail address or a path.
bool is_url_like(std::string_view token) {
  if (token.find("://") != std::string_view::npos || token.starts_with("www.")) return true;
  const std::size_t at = token.find('@');
  if (at != std::string_view::npos && token.find('.', at) != std::string_view::npos) return true;
  const std::size_t slash = token.find('/');
  return slash != std::string_view::npos && token.size() > 1;
}

bool is_url_break_char(char c) {
  return c == '/' || c == '.' || c == '-' || c == '_' || c == '?' || c == '&';
}

bool hyphenate_at(const Collected& c, std::size_t offset) {
  auto it = std::upper_bound(c.ranges.begin(), c.ranges.end(), offset,
                             [](std::size_t o, const StyledRange& r) { return o < r.begin; });
  return it != c.ranges.begin() && (it - 1)->hyphenate && offset < (it - 1)->end;
}

// The compound around a word: from the white space before to the white space after.
std::size_t compound_begin(const std::string& text, std::size_t at) {
  const std::size_t space = at == 0 ? std::string::npos : text.find_last_of(" \t\n", at - 1);
  return space == std::string::npos ? 0 : space + 1;
}

std::size_t compound_end(const std::string& text, std::size_t at) {
  const std::size_t space = text.find_first_of(" \t\n", at);
  return space == std::string::npos ? text.size() : space;
}

BreakModel build_model(const BreakInput& in) {
  const std::string& text = in.collected.text;
  const Prepared& p = in.prepared;
  BreakModel model;
  std::vector<Candidate>& out = model.candidates;

  // URL-like tokens: their bytes, and the extra candidates inside them.
  std::vector<bool> in_url(text.size(), false);
  for (std::size_t i = 0; i < text.size();) {
    if (is_line_space(text[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && !is_line_space(text[e])) ++e;
    if (is_url_like(std::string_view(text).substr(i, e - i))) {
      std::fill(in_url.begin() + static_cast<std::ptrdiff_t>(i),
                in_url.begin() + static_cast<std::ptrdiff_t>(e), true);
      for (std::size_t k = i; k + 1 < e; ++k) {
        // After the last of a run of break characters ("://" breaks after "//").
        if (is_url_break_char(text[k]) && !is_url_break_char(text[k + 1]))
          out.push_back({k + 1, k + 1, kUrlBreakPenalty, Pt(0), false, false, 0, 0});
      }
    }
    i = e;
  }

  std::size_t piece = 0;
  for (const text::BreakOpportunity& op : text::line_breaks(text, in.lang)) {
    const std::size_t end = trim_end(text, piece, op.offset);
    // Hyphenation points inside the piece's word.
    if (end > piece && !in_url[piece] && hyphenate_at(in.collected, piece)) {
      const std::string_view s = std::string_view(text).substr(piece, end - piece);
      if (const auto word = text::hyphenatable_word(s)) {
        const std::size_t wb = piece + word->begin, we = piece + word->end;
        for (std::size_t at : text::hyphenation_points(text.substr(wb, we - wb), in.lang)) {
          const ShapedItem* item = p.item_at(wb + at - 1);
          if (!item || item->hyphen_glyph == 0 || !hyphenate_at(in.collected, wb + at - 1)) continue;
          // The whole compound (`Hybrid-Cloud-Design`), not only the part hyphenated: an
          // /ActualText ending in "-" makes poppler join it to the next line without the hyphen.
          out.push_back({wb + at, wb + at, kHyphenPenalty, item->hyphen_advance, true, false,
                         compound_begin(text, wb), compound_end(text, end)});
          model.has_hyphens = true;
        }
      }
    }
    const bool forced = op.mandatory || op.offset == text.size();
    const bool hyphen = !forced && is_hyphen_char(text, end);
    // Code keeps `--sort-by` whole: a line of code ending in "-" reads as a hyphenated word
    // to extractors (pdftotext joins it to the next line without the hyphen).
    if (!(hyphen && in.preformatted)) {
      // After a written hyphen (`Multi-|Cluster`) the line ends inside a compound: its first
      // part carries the whole word as /ActualText, as a hyphenated word's does, so that
      // extractors that join a line ending in "-" to the next keep the hyphen.
      std::size_t wb = 0, we = 0;
      if (hyphen && op.offset == end && end >= 2 && text[end - 2] != ' ') {
        wb = compound_begin(text, end);
        we = compound_end(text, op.offset);
      }
      out.push_back({op.offset, end, hyphen ? kExHyphenPenalty : 0.0, Pt(0), hyphen, forced, wb, we});
    }
    piece = op.offset;
  }

  // In text order; of two candidates at one place, the cheaper (an opportunity wins over
  // a URL break, a forced break over both).
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.offset != b.offset) return a.offset < b.offset;
    if (a.forced != b.forced) return a.forced;
    return a.penalty < b.penalty;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Candidate& a, const Candidate& b) { return a.offset == b.offset; }),
            out.end());

  // Grapheme breaks inside pieces wider than the measure.
  std::vector<std::size_t> graphemes;
  std::vector<Candidate> emergency;
  std::size_t from = 0;
  for (const Candidate& c : out) {
    if (p.line_width(from, c.end) > in.width + kWidthEpsilon) {
      if (graphemes.empty()) graphemes = text::grapheme_boundaries(text);
      for (auto it = std::upper_bound(graphemes.begin(), graphemes.end(), from);
           it != graphemes.end() && *it < c.end; ++it) {
        // Spaces at the break stay at the end of the line, as at any other break.
        std::size_t next = *it;
        while (next < c.end && is_line_space(text[next])) ++next;
        const std::size_t end = trim_end(text, from, *it);
        if (end > from && (emergency.empty() || emergency.back().offset < next))
          emergency.push_back({next, end, kEmergencyBreakPenalty, Pt(0), false, false, 0, 0});
      }
    }
    from = c.offset;
  }
  if (!emergency.empty()) {
    out.insert(out.end(), emergency.begin(), emergency.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& a, const Candidate& b) { return a.offset < b.offset; });
  }
  return model;
}

}  // namespace

LineRange line_to(std::size_t begin, const Candidate& c) {
  LineRange line{begin, std::max(begin, c.end), c.forced};
  if (c.hyphen > Pt(0)) {
    line.hyphenated = true;
    line.word_begin = c.word_begin;
    line.word_end = c.word_end;
  } else if (c.flagged && !c.forced && c.word_end > c.word_begin && c.word_begin >= begin) {
    line.joined = true;  // after a written hyphen
    line.word_begin = c.word_begin;
    line.word_end = c.word_end;
  }
  return line;
}

std::vector<LineRange> break_lines(const BreakInput& in) {
  if (in.collected.text.empty()) return {};
  const BreakModel model = build_model(in);
  if (!in.justify || in.preformatted) return greedy(in, model, false);
  if (model.candidates.size() > kMaxOptimalCandidates) return greedy(in, model, true);
  if (auto lines = knuth_plass(in, model, {kPretolerance, false, Pt(0), false})) return *lines;
  if (model.has_hyphens)
    if (auto lines = knuth_plass(in, model, {kTolerance, true, Pt(0), false})) return *lines;
  if (auto lines = knuth_plass(in, model, {kEmergencyTolerance, true, in.em * kEmergencyStretchEm, true}))
    return *lines;
  return greedy(in, model, true);
}

ContentWidths content_widths(const Collected& collected, const Prepared& prepared, std::string_view lang) {
  ContentWidths w;
  const std::string& text = collected.text;
  if (text.empty()) return w;
  std::size_t piece = 0;
  std::size_t line = 0;
  for (const text::BreakOpportunity& op : text::line_breaks(text, lang)) {
    w.min = max(w.min, prepared.line_width(piece, trim_end(text, piece, op.offset)));
    piece = op.offset;
    if (op.mandatory || op.offset == text.size()) {
      w.max = max(w.max, prepared.line_width(line, trim_end(text, line, op.offset)));
      line = op.offset;
    }
  }
  return w;
}

}  // namespace cvpress::layout::inline_
