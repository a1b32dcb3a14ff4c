#pragma once
// Inside line breaking (private to line_break.cpp, knuth_plass.cpp and greedy.cpp): the
// paragraph as Knuth and Plass's list of feasible breakpoints, and the two strategies
// the dispatcher break_lines() chooses between (minikin's OptimalLineBreaker and
// GreedyLineBreaker behind one LineBreaker entry point).
#include <cstddef>
#include <optional>
#include <vector>

#include "layout/inline/paragraph.h"

namespace cvpress::layout::inline_ {

/// A place a line may end: Knuth–Plass's penalty item (with the glue before it).
struct Candidate {
  std::size_t offset = 0;  // the next line starts here
  std::size_t end = 0;     // this line's text ends here (trailing spaces dropped)
  double penalty = 0;      // TeX's penalty: the aesthetic cost of breaking here
  Pt hyphen;               // > 0: the line gains a hyphen this wide (a hyphenated word)
  bool flagged = false;    // the line ends with a hyphen, added or written (TeX's flagged penalty)
  bool forced = false;     // a forced line end or the paragraph's end
  std::size_t word_begin = 0, word_end = 0;  // hyphenated: the whole word
};

/// Where the lines of a paragraph may end, in text order; the last one is its end.
struct BreakModel {
  std::vector<Candidate> candidates;
  bool has_hyphens = false;  // some candidates are hyphenation points
};

/// One pass of the optimal breaker: TeX's tolerance, and what else it may use.
struct Pass {
  double tolerance = 0;    // the worst badness a line may have
  bool hyphenate = false;  // hyphenation points are candidates
  Pt emergency_stretch;    // added to every line's stretch (TeX's \emergencystretch)
  bool final = false;      // an overfull line is accepted rather than no answer
};

/// Total-fit breaking: the lines minimising the sum of demerits. nullopt when the pass
/// finds no feasible set of lines, or when the candidates that could start the next line
/// become too many to pay for (the dispatcher then sets the paragraph first-fit).
[[nodiscard]] std::optional<std::vector<LineRange>> knuth_plass(const BreakInput& in, const BreakModel& model,
                                                                const Pass& pass);

/// First-fit breaking: each line takes as many candidates as fit. `shrink`: justified
/// text, a line may use its glue's shrink to fit.
[[nodiscard]] std::vector<LineRange> greedy(const BreakInput& in, const BreakModel& model, bool shrink);

/// The line that ends at candidate `c` and starts at `begin`.
[[nodiscard]] LineRange line_to(std::size_t begin, const Candidate& c);

/// No more than two consecutive lines may end with a hyphen (Chicago Manual of Style
/// 7.43; the rule): a third hyphenated line is not feasible.
constexpr int kMaxConsecutiveHyphens = 2;

/// Rounding slack when comparing widths: 1/1000 pt is far below anything visible and
/// absorbs the error of summing advances in a different order.
constexpr Pt kWidthEpsilon = Pt(0.001);

}  // namespace cvpress::layout::inline_
