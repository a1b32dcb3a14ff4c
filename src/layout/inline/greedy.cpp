// First-fit line breaking (CSS's and Word's way): each line takes the last candidate
// that still fits. Linear in the candidates, so it also sets the paragraphs the optimal
// breaker gives up on. Hyphenation points are candidates like any other, so a word is
// hyphenated exactly when its first part fits and the whole does not (CSS `hyphens: auto`),
// never on a third consecutive line unless the only other choice is an overfull line.
#include "layout/inline/breakers.h"

namespace cvpress::layout::inline_ {

std::vector<LineRange> greedy(const BreakInput& in, const BreakModel& model, bool shrink) {
  const Prepared& p = in.prepared;
  std::vector<LineRange> lines;
  std::size_t start = 0;
  int streak = 0;  // consecutive lines ending with a hyphen so far
  const Candidate* best = nullptr;
  const Candidate* third_hyphen = nullptr;  // fits, but would be a third hyphen in a row
  const auto emit = [&](const Candidate& c) {
    lines.push_back(line_to(start, c));
    streak = c.flagged ? streak + 1 : 0;
    start = c.offset;
    best = nullptr;
    third_hyphen = nullptr;
  };
  const auto& cs = model.candidates;
  for (std::size_t j = 0; j < cs.size(); ++j) {
    const Candidate& c = cs[j];
    const Pt natural = p.line_width(start, c.end) + c.hyphen;
    const Pt room = shrink ? p.line_shrink(start, c.end) : Pt(0);
    if (natural - room <= in.width + kWidthEpsilon) {
      if (c.hyphen > Pt(0) && streak >= kMaxConsecutiveHyphens) {
        third_hyphen = &c;
        continue;
      }
      if (c.forced) {
        emit(c);
      } else {
        best = &c;
      }
      continue;
    }
    if (best) {
      emit(*best);
      --j;  // the same candidate again, measured from the new line start
      continue;
    }
    if (third_hyphen) {
      // Better a third hyphen in a row (reported as a hyphen stack) than an overfull line.
      emit(*third_hyphen);
      --j;
      continue;
    }
    emit(c);  // nothing fits: a single grapheme wider than the measure (reported overfull)
  }
  return lines;
}

}  // namespace cvpress::layout::inline_
