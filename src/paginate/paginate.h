#pragma once
// The paginate stage: a Flow (one endless column of slices) -> pages. Decides where
// pages break, as TeX does with costs rather than first-fit: every place between two
// slices is a candidate break with a penalty (a heading left at the foot of a page, a
// widow or an orphan, an entry split that moving it whole would avoid), every page costs
// its unused height, and a dynamic programme picks the breaks of least total cost.
// Forced breaks (`<!-- pagebreak -->`) always break; the space above a slice that starts
// a page is discarded; table header rows are repeated at the top of the pages a table
// continues on. Running footers are placed here too, but their text is set by layout
// (paginate may not shape text, DESIGN §1): see footer_text() and place_footer().
#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"
#include "frame/frame.h"
#include "layout/layout.h"

namespace cvpress::paginate {

struct PageOptions {
  Size page;      // the paper size
  Insets margin;  // text area = page minus margins (the flow was laid out for its width)
};

/// Something pagination could not avoid, for `cvpress render --report`.
struct Finding {
  enum class Kind {
    HeadingAtFoot,  // a heading at the foot of a page without the two lines after it
    Orphan,         // a paragraph's first line alone at the foot of a page
    Widow,          // a paragraph's last line alone at the top of a page
    EntrySplit,     // an entry that fits on one page split across two (moving it would add a page)
    Overfull,       // a slice taller than the page: it overflows the bottom margin
  };
  Kind kind = Kind::Widow;
  SourceLocation location;  // the heading, orphan or overfull slice; the widow, or where the entry splits
  int page = 0;             // 1-based: the page that ends at the break (Overfull: holds the slice)
};

/// The name of a finding's kind as the report prints it ("widow", "orphan", ...).
[[nodiscard]] const char* kind_name(Finding::Kind kind);

/// What paginate() reports besides the pages.
struct Report {
  std::vector<Finding> findings;  // in page order
  std::vector<int> slices;        // per page: how many of the flow's slices it holds (lines, rows ...)
  bool last_forced = false;       // the last page starts at a forced break
};

/// Places the flow's slices on pages. The returned document takes the flow's font table
/// and `info`. A document always has at least one page. When `report` is given, it
/// receives what could not be avoided and the slice count of each page.
[[nodiscard]] frame::PagedDocument paginate(layout::Flow flow, const PageOptions& options,
                                            frame::DocumentInfo info, Report* report = nullptr);

// ---- Running footers

/// The words a footer needs in one language (catalog.cpp): a page label with `{page}` and
/// `{pages}` placeholders ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页") and a
/// continuation mark for pages that are not the last ("continued").
struct PageWords {
  std::string_view page_label;
  std::string_view continued;
};

/// The catalog entry of a BCP 47 tag: the language and script or region first
/// ("zh-Hant", "zh-TW"), then the language ("zh"); English when the catalog lacks it.
/// Covers en de fr es pt it nl ru el zh ja ko ar he hi th.
[[nodiscard]] PageWords page_words(std::string_view lang);

/// A footer's text: `pattern` (the layout's `page.footer-text`) with `{name}`, `{page}`,
/// `{pages}`, `{page-label}` (the catalog's label, filled in) and `{continued}` (the
/// catalog's mark on every page but the last, else nothing) replaced. Unknown
/// placeholders stay as written. `page` is 1-based.
/// With `native_digits`, page numbers are written in the language's own digits (Arabic-Indic
/// for ar, Devanagari for hi, Thai for th ...; Latin digits where the language has none).
[[nodiscard]] std::string footer_text(std::string_view pattern, std::string_view lang, std::string_view name,
                                      int page, int pages, bool native_digits = false);

/// `n` in decimal, in the digits of `lang` (see footer_text); Latin digits by default.
[[nodiscard]] std::string localized_number(int n, std::string_view lang);

/// Puts a footer (set by layout::layout_footer at y = 0, x from the text area's left edge)
/// in the bottom margin of `page`, centred vertically in it.
void place_footer(frame::Page& page, layout::Slice footer, const PageOptions& options);

}  // namespace cvpress::paginate
