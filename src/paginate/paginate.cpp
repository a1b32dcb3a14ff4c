// Page breaking as a shortest path. Reading order: the costs (each constant says what it
// weighs against), the penalty of breaking before each slice, the dynamic programme over
// break points, then placing the chosen pages (repeating table headers) and footers.
//
// Why a dynamic programme and not first fit: the rules of a résumé look ahead. Whether an
// entry must move to the next page depends on how tall all of it is; whether a break two
// lines into a paragraph is allowed depends on where the previous one fell. Knuth and
// Plass's line breaker solves the same shape of problem for lines; TeX's page builder is
// greedy only because TeX could not hold a whole document in memory. A résumé is a few
// hundred slices, so the optimum is cheap: O(slices x slices per page).
#include "paginate/paginate.h"

#include <algorithm>
#include <limits>
#include <map>
#include <variant>

namespace cvpress::paginate {
namespace {

using layout::Slice;

// Rounding slack: a slice that overshoots the text area by less than this still fits.
constexpr Pt kFitEpsilon = Pt(0.01);

// The costs. Their order of magnitude is the order of the rules: a heading left at the foot
// of a page, a widow or an orphan (typographic errors) cost more than a whole extra page;
// an extra page costs more than splitting an entry that could have moved whole (a résumé's
// length matters more than where an entry breaks); splitting an entry costs more than any
// amount of white space at the foot of a page; white space costs more than breaking inside
// a paragraph rather than between two.
constexpr double kOverfull = 1e10;  // a slice taller than the page: unavoidable, but never chosen lightly
constexpr double kKeep = 1e8;       // a heading not followed on its page by two lines of content
constexpr double kWidow = 1e8;      // per widow or orphan (fewer than 2 lines of a paragraph on a side)
constexpr double kPage = 1e6;       // each page
constexpr double kEntry = 1e5;      // an entry split although it fits on a page, or split inside a paragraph
constexpr double kFill = 1e3;       // times the squared fraction of a page left empty (TeX's badness, tamed)
constexpr double kInside = 10;      // a break inside a paragraph rather than between blocks

// Entries are headings of this level and deeper: `###` entries and `####` subentries.
// Sections (`##`) span pages in any résumé worth paginating; moving one whole would leave
// most of a page empty.
constexpr int kEntryLevel = 3;

// Minimum lines of a paragraph on each side of a break (TeX's \clubpenalty and
// \widowpenalty govern one line; the issue asks for two).
constexpr int kMinLines = 2;

void place(Slice& slice, Pt dx, Pt dy, frame::Page& page) {
  for (frame::Item& item : slice.items) {
    std::visit(
        [dx, dy](auto& i) {
          using T = std::decay_t<decltype(i)>;
          if constexpr (std::is_same_v<T, frame::GlyphRun>) {
            i.origin.x += dx;
            i.origin.y += dy;
          } else if constexpr (std::is_same_v<T, frame::Line>) {
            i.from.x += dx;
            i.from.y += dy;
            i.to.x += dx;
            i.to.y += dy;
          } else {
            i.rect.x += dx;
            i.rect.y += dy;
          }
        },
        item);
    page.items.push_back(std::move(item));
  }
  for (frame::Link& l : slice.links) {
    l.area.x += dx;
    l.area.y += dy;
    page.links.push_back(std::move(l));
  }
  for (frame::Bookmark& b : slice.bookmarks) {
    b.y += dy;
    page.bookmarks.push_back(std::move(b));
  }
}

// Why a break before a slice costs what it costs; `cost` is their sum.
struct BreakPenalty {
  double cost = 0;
  bool heading_at_foot = false;
  bool orphan = false;
  bool widow = false;
  bool entry_split = false;  // an entry that would fit on a page is split
};

// The flow with what the breaker precomputes about it.
class Breaker {
 public:
  Breaker(const std::vector<Slice>& slices, int tables, Pt area) : s_(slices), area_(area) {
    const std::size_t n = s_.size();
    prefix_.assign(n + 1, Pt(0));
    for (std::size_t i = 0; i < n; ++i) prefix_[i + 1] = prefix_[i] + s_[i].space_before + s_[i].height;
    find_table_headers(tables);
    penalties_.assign(n + 1, BreakPenalty{});
    for (std::size_t k = 1; k < n; ++k) penalties_[k] = break_penalty(k);
    mark_entries();
  }

  // The page starts of the least-cost pagination: page p holds [starts[p], starts[p+1]).
  std::vector<std::size_t> solve() const {
    const std::size_t n = s_.size();
    std::vector<double> best(n + 1, std::numeric_limits<double>::infinity());
    std::vector<std::size_t> from(n + 1, 0);
    best[0] = 0;
    for (std::size_t k = 1; k <= n; ++k) {
      // The page [j, k), j walking back from k - 1 while the slices still fit.
      Pt body;  // spaces and heights of j+1 .. k-1
      for (std::size_t j = k; j-- > 0;) {
        const Pt bare = s_[j].height + body;  // the page's content without a repeated header
        const bool overfull = bare > area_ + kFitEpsilon;
        if (overfull && k - j > 1) break;
        const Pt header = header_height(j);
        const Pt height = header > Pt(0) ? header + s_[j].space_before + bare : bare;
        if (best[j] < std::numeric_limits<double>::infinity()) {
          double cost = best[j] + kPage + page_cost(k, height);
          if (overfull || height > area_ + kFitEpsilon) cost += k - j > 1 ? kOverfull * 2 : kOverfull;
          if (cost < best[k]) {
            best[k] = cost;
            from[k] = j;
          }
        }
        // A forced break before j: no page may hold j and what precedes it.
        if (s_[j].break_before) break;
        body += s_[j].space_before + s_[j].height;
      }
    }
    std::vector<std::size_t> starts;
    for (std::size_t k = n; k > 0; k = from[k]) starts.push_back(from[k]);
    std::reverse(starts.begin(), starts.end());
    return starts;
  }

  [[nodiscard]] const BreakPenalty& penalty(std::size_t k) const { return penalties_[k]; }
  // The header rows to repeat above slice j when a page starts there (empty: none).
  [[nodiscard]] const std::vector<std::size_t>& header_rows(std::size_t j) const {
    static const std::vector<std::size_t> kNone;
    const int t = s_[j].table;
    if (t < 0 || s_[j].table_header) return kNone;
    const std::vector<std::size_t>& rows = headers_[static_cast<std::size_t>(t)];
    return !rows.empty() && rows.front() < j ? rows : kNone;
  }

 private:
  // Header rows of each table: the rows marked table_header before its first body row.
  void find_table_headers(int tables) {
    headers_.assign(static_cast<std::size_t>(std::max(tables, 0)), {});
    header_heights_.assign(headers_.size(), Pt(0));
    std::vector<bool> body_seen(headers_.size(), false);
    for (std::size_t i = 0; i < s_.size(); ++i) {
      const int t = s_[i].table;
      if (t < 0 || static_cast<std::size_t>(t) >= headers_.size()) continue;
      const auto ti = static_cast<std::size_t>(t);
      if (!s_[i].table_header) {
        body_seen[ti] = true;
      } else if (!body_seen[ti]) {
        std::vector<std::size_t>& rows = headers_[ti];
        header_heights_[ti] += (rows.empty() ? Pt(0) : s_[i].space_before) + s_[i].height;
        rows.push_back(i);
      }
    }
  }

  [[nodiscard]] Pt header_height(std::size_t j) const {
    const std::vector<std::size_t>& rows = header_rows(j);
    return rows.empty() ? Pt(0) : header_heights_[static_cast<std::size_t>(s_[j].table)];
  }

  // What a page ending before slice k costs besides kPage: its white space, unless it is the
  // last page or a forced break ends it (those are as short as they are), and the break.
  [[nodiscard]] double page_cost(std::size_t k, Pt height) const {
    if (k == s_.size() || s_[k].break_before) return 0;
    const double empty = std::max(0.0, (area_ - height) / area_);
    return kFill * empty * empty + penalties_[k].cost;
  }

  // The height of slices [a, b) stacked on one page (a's space above dropped).
  [[nodiscard]] Pt height_of(std::size_t a, std::size_t b) const {
    return prefix_[b] - prefix_[a] - s_[a].space_before;
  }

  // The penalty of a page break before slice k (0 < k < n), except the entries' (below).
  [[nodiscard]] BreakPenalty break_penalty(std::size_t k) const {
    BreakPenalty p;
    const Slice& next = s_[k];
    if (next.break_before) return p;
    const Slice& prev = s_[k - 1];
    // A heading keeps with the next two lines of content: never the last slice of a page,
    // nor followed there by a single line when more content of its own comes next.
    if (prev.keep_with_next) p.heading_at_foot = true;
    if (k >= 2 && s_[k - 2].keep_with_next && !prev.keep_with_next && next.heading == 0 &&
        !s_[k - 1].break_before)
      p.heading_at_foot = true;
    if (next.line > 0) {  // inside a paragraph
      p.cost += kInside;
      if (next.line < kMinLines) p.orphan = true;
      if (next.lines - next.line < kMinLines) p.widow = true;
    }
    if (p.heading_at_foot) p.cost += kKeep;
    if (p.orphan) p.cost += kWidow;
    if (p.widow) p.cost += kWidow;
    return p;
  }

  // An entry (a heading of level >= kEntryLevel and everything up to the next heading of its
  // level or a higher one) that fits on one page moves whole: every break inside it costs
  // kEntry. One that does not fit splits only between blocks: a break inside one of its
  // paragraphs costs kEntry. An entry made of sub-entries (`### Momenta` with its `####`
  // projects) may also break between them at no entry cost: each sub-entry is an entry and
  // keeps itself whole, and moving the whole group would leave most of a page blank.
  void mark_entries() {
    const std::size_t n = s_.size();
    for (std::size_t start = 0; start < n; ++start) {
      const int level = s_[start].heading;
      if (level < kEntryLevel || s_[start].line != 0) continue;
      std::size_t end = start + 1;
      bool forced = false;
      while (end < n && !(s_[end].heading > 0 && s_[end].heading <= level && s_[end].line == 0)) {
        forced = forced || s_[end].break_before;
        ++end;
      }
      const bool fits = !forced && height_of(start, end) <= area_ + kFitEpsilon;
      for (std::size_t k = start + 1; k < end; ++k) {
        BreakPenalty& p = penalties_[k];
        if (s_[k].break_before) continue;
        if (s_[k].heading > level && s_[k].line == 0) continue;  // between sub-entries
        if (fits && !p.entry_split) {
          p.entry_split = true;
          p.cost += kEntry;
        } else if (!fits && s_[k].line > 0 && p.cost < kEntry) {
          p.cost += kEntry;
        }
      }
    }
  }

  const std::vector<Slice>& s_;
  Pt area_;
  std::vector<Pt> prefix_;  // prefix_[i]: spaces and heights of slices [0, i)
  std::vector<BreakPenalty> penalties_;
  std::vector<std::vector<std::size_t>> headers_;  // per table: its header rows
  std::vector<Pt> header_heights_;                 // per table: its header rows stacked
};

}  // namespace

const char* kind_name(Finding::Kind kind) {
  switch (kind) {
    case Finding::Kind::HeadingAtFoot: return "heading at the foot of a page";
    case Finding::Kind::Orphan: return "orphan";
    case Finding::Kind::Widow: return "widow";
    case Finding::Kind::EntrySplit: return "entry split across pages";
    case Finding::Kind::Overfull: return "taller than the page";
  }
  return "finding";
}

frame::PagedDocument paginate(layout::Flow flow, const PageOptions& options, frame::DocumentInfo info,
                              Report* report) {
  frame::PagedDocument doc;
  doc.fonts = std::move(flow.fonts);
  doc.info = std::move(info);
  const Pt area = options.page.height - options.margin.top - options.margin.bottom;
  std::vector<Slice>& slices = flow.slices;
  if (slices.empty()) {
    doc.pages.push_back(frame::Page{options.page, {}, {}, {}});
    if (report) report->slices.push_back(0);
    return doc;
  }

  const Breaker breaker(slices, flow.tables, area);
  const std::vector<std::size_t> starts = breaker.solve();
  // Copies of the header rows to repeat, taken before the rows themselves move onto a page.
  std::map<std::size_t, Slice> header_copies;
  for (std::size_t p = 1; p < starts.size(); ++p)
    for (std::size_t h : breaker.header_rows(starts[p]))
      if (!header_copies.contains(h)) {
        Slice copy = slices[h];
        copy.bookmarks.clear();
        header_copies.emplace(h, std::move(copy));
      }
  for (std::size_t p = 0; p < starts.size(); ++p) {
    const std::size_t begin = starts[p];
    const std::size_t end = p + 1 < starts.size() ? starts[p + 1] : slices.size();
    doc.pages.push_back(frame::Page{options.page, {}, {}, {}});
    frame::Page& page = doc.pages.back();
    Pt cursor;
    bool first = true;
    auto put = [&](Slice slice) {
      if (!first) cursor += slice.space_before;
      first = false;
      const Pt height = slice.height;
      if (report && height > area + kFitEpsilon)
        report->findings.push_back({Finding::Kind::Overfull, slice.location, static_cast<int>(p) + 1});
      place(slice, options.margin.left, options.margin.top + cursor, page);
      cursor += height;
    };
    // A table continued from the previous page: its header rows again (without bookmarks,
    // which belong to the first occurrence).
    for (std::size_t h : breaker.header_rows(begin)) put(header_copies.at(h));
    // The heading or line left at the foot of the page, before it moves onto the page.
    const SourceLocation foot = slices[end - 1].location;
    for (std::size_t i = begin; i < end; ++i) put(std::move(slices[i]));
    if (!report) continue;
    report->slices.push_back(static_cast<int>(end - begin));
    report->last_forced = begin > 0 && slices[begin].break_before;
    if (end == slices.size()) continue;
    const BreakPenalty& why = breaker.penalty(end);
    const SourceLocation head = slices[end].location;  // the slice that starts the next page
    const int number = static_cast<int>(p) + 1;
    if (why.heading_at_foot) report->findings.push_back({Finding::Kind::HeadingAtFoot, foot, number});
    if (why.orphan) report->findings.push_back({Finding::Kind::Orphan, foot, number});
    if (why.widow) report->findings.push_back({Finding::Kind::Widow, head, number});
    if (why.entry_split) report->findings.push_back({Finding::Kind::EntrySplit, head, number});
  }
  return doc;
}

void place_footer(frame::Page& page, layout::Slice footer, const PageOptions& options) {
  const Pt top = page.size.height - options.margin.bottom + (options.margin.bottom - footer.height) / 2.0;
  place(footer, options.margin.left, top, page);
}

}  // namespace cvpress::paginate
