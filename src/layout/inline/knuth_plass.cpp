// Total-fit line breaking (Knuth and Plass, "Breaking Paragraphs into Lines", 1981; TeX
// §813-890): of all ways to break the paragraph at its candidates, choose the one whose
// lines add up to the fewest demerits, by dynamic programming over the "active" nodes,
// the breaks that could still start the next line.
//
// A line from break a to candidate b has a natural width L, a stretch Y and a shrink Z
// (its glue, prepare.cpp) and must fill the measure W. Its adjustment ratio is
// r = (W - L) / Y when it must stretch and (W - L) / Z when it must shrink; r < -1 cannot
// be set (glue never shrinks below its minimum), so a is deactivated. Its badness is
// 100 |r|^3, and it is feasible when the badness is within the pass's tolerance. The last
// line of a paragraph (or before a forced line end) ends with \parfillskip, infinite
// stretch: it is never stretched, so its badness is 0 unless it must shrink.
//
// The state of a node is (candidate, fitness class, hyphen streak): the fitness class so
// that \adjdemerits can punish a tight line next to a loose one, the streak so that a
// third consecutive hyphenated line is never chosen. For each candidate the best
// predecessor of each state is kept (TeX keeps one per fitness class).
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "layout/inline/breakers.h"

namespace cvpress::layout::inline_ {
namespace {

// TeX's defaults (plain.tex; The TeXbook ch. 14), the values LaTeX keeps:
constexpr double kLinePenalty = 10;              // \linepenalty: every line costs, fewer lines win
constexpr double kAdjDemerits = 10000;           // \adjdemerits: a very loose line next to a tight one
constexpr double kDoubleHyphenDemerits = 10000;  // \doublehyphendemerits: two hyphenated lines in a row
constexpr double kFinalHyphenDemerits = 5000;    // \finalhyphendemerits: the last full line hyphenated
// Not TeX's: the cost of a third hyphenated line in a row in the final pass, ten times
// \doublehyphendemerits, so that it is chosen only where the alternative is worse still.
constexpr double kThirdHyphenDemerits = 100000;
constexpr double kInfBad = 10000;  // TeX's inf_bad: badness of a line with no glue to stretch
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Above this many active nodes the optimum costs more than it can gain: the measure is so
// wide (or the tolerance so loose) that every break since the paragraph start may begin
// the next line. TeX has no such limit; minikin bounds its candidates the same way.
constexpr std::size_t kMaxActiveNodes = 1000;

// TeX's badness (§108), 100 r^3, capped at inf_bad.
double badness(double r) {
  const double a = std::abs(r);
  if (a > 4.65) return kInfBad;  // 100 * 4.65^3 > 10000
  return std::min(kInfBad, 100.0 * a * a * a);
}

// TeX's fitness classes (§817): 0 very loose (r > 1), 1 loose (r > 0.5), 2 decent,
// 3 tight (r < -0.5).
int fitness(double r) {
  if (r > 1) return 0;
  if (r > 0.5) return 1;
  if (r >= -0.5) return 2;
  return 3;
}

struct Node {
  std::size_t candidate;  // index into the model, kRoot for the paragraph's start
  int fitness;
  int streak;            // consecutive lines ending with a hyphen, this one included
  double demerits;       // total, from the paragraph start
  std::size_t previous;  // index into the node store
};
constexpr std::size_t kRoot = std::numeric_limits<std::size_t>::max();

}  // namespace

std::optional<std::vector<LineRange>> knuth_plass(const BreakInput& in, const BreakModel& model,
                                                  const Pass& pass) {
  const Prepared& p = in.prepared;
  const auto& cs = model.candidates;
  const double width = in.width.value();
  std::vector<Node> nodes{{kRoot, 2, 0, 0.0, kRoot}};
  std::vector<std::size_t> active{0};
  std::vector<std::size_t> still;  // the active nodes that stay active
  still.reserve(64);

  for (std::size_t j = 0; j < cs.size(); ++j) {
    const Candidate& b = cs[j];
    if (!pass.hyphenate && b.hyphen > Pt(0)) continue;
    // Best predecessor per (fitness, streak) of a node at j.
    struct Best {
      double demerits = kInfinity;
      std::size_t from = 0;
      double ratio = 0;
    };
    std::array<std::array<Best, kMaxConsecutiveHyphens + 1>, 4> best{};
    bool found = false;
    std::size_t last_removed = kRoot;
    still.clear();
    for (std::size_t n : active) {
      const Node& a = nodes[n];
      const std::size_t begin = a.candidate == kRoot ? 0 : cs[a.candidate].offset;
      if (begin >= b.end && !b.forced) {  // nothing on the line yet (spaces only)
        still.push_back(n);
        continue;
      }
      const double natural = (p.line_width(begin, std::max(begin, b.end)) + b.hyphen).value();
      double r = 0;
      if (natural < width) {
        const double stretch = (p.line_stretch(begin, b.end) + pass.emergency_stretch).value();
        if (b.forced) {
          r = 0;  // \parfillskip
        } else {
          r = stretch > 0 ? (width - natural) / stretch : kInfinity;
        }
      } else if (natural > width + kWidthEpsilon.value()) {
        const double shrink = p.line_shrink(begin, b.end).value();
        r = shrink > 0 ? (width - natural) / shrink : -kInfinity;
      }
      const bool deactivate = r < -1 || b.forced;
      if (deactivate) {
        last_removed = n;
      } else {
        still.push_back(n);
      }
      if (r < -1) continue;
      const double bad = std::isinf(r) ? kInfBad : badness(r);
      if (bad > pass.tolerance) continue;
      // A third hyphenated line in a row is infeasible, except in the final pass, where
      // it is only very costly (better than an overfull line; reported as a hyphen stack).
      const bool third_hyphen = b.hyphen > Pt(0) && a.streak >= kMaxConsecutiveHyphens;
      if (third_hyphen && !pass.final) continue;
      // TeX §859: (l + b)^2, plus or minus the penalty squared (forced breaks add nothing).
      double d = (kLinePenalty + bad) * (kLinePenalty + bad);
      if (!b.forced) d += b.penalty >= 0 ? b.penalty * b.penalty : -b.penalty * b.penalty;
      const bool a_flagged = a.candidate != kRoot && cs[a.candidate].flagged;
      if (a_flagged && b.flagged) d += kDoubleHyphenDemerits;
      if (third_hyphen) d += kThirdHyphenDemerits;
      if (a_flagged && b.forced && j + 1 == cs.size()) d += kFinalHyphenDemerits;
      const int fit = std::isinf(r) ? 0 : fitness(r);
      if (std::abs(fit - a.fitness) > 1) d += kAdjDemerits;
      d += a.demerits;
      const int streak = b.flagged ? std::min(a.streak + 1, kMaxConsecutiveHyphens) : 0;
      Best& slot = best[static_cast<std::size_t>(fit)][static_cast<std::size_t>(streak)];
      if (d < slot.demerits) slot = {d, n, r};
      found = true;
    }
    active.swap(still);

    if (!found && active.empty()) {
      if (!pass.final) return std::nullopt;
      // TeX §851 artificial_demerits: in the final pass, rather than no paragraph at all,
      // the break that just became impossible is taken anyway (an overfull line).
      const Node& a = nodes[last_removed];
      const int streak = b.flagged ? std::min(a.streak + 1, kMaxConsecutiveHyphens) : 0;
      best[2][static_cast<std::size_t>(streak)] = {a.demerits, last_removed, 0};
      found = true;
    }
    if (!found) continue;
    for (std::size_t fit = 0; fit < best.size(); ++fit) {
      for (std::size_t streak = 0; streak < best[fit].size(); ++streak) {
        const Best& slot = best[fit][streak];
        if (slot.demerits == kInfinity) continue;
        nodes.push_back({j, static_cast<int>(fit), static_cast<int>(streak), slot.demerits, slot.from});
        active.push_back(nodes.size() - 1);
      }
    }
    if (active.size() > kMaxActiveNodes) return std::nullopt;
  }

  // The paragraph's end is the last candidate and forced: only its nodes remain.
  std::size_t end = kRoot;
  for (std::size_t n : active)
    if (nodes[n].candidate == cs.size() - 1 && (end == kRoot || nodes[n].demerits < nodes[end].demerits))
      end = n;
  if (end == kRoot) return std::nullopt;
  std::vector<LineRange> lines;
  for (std::size_t n = end; nodes[n].candidate != kRoot; n = nodes[n].previous) {
    const Node& from = nodes[nodes[n].previous];
    lines.push_back(line_to(from.candidate == kRoot ? 0 : cs[from.candidate].offset, cs[nodes[n].candidate]));
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

}  // namespace cvpress::layout::inline_
