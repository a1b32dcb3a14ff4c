#include "cli/render.h"

#include <algorithm>
#include <charconv>
#include <span>

#include <fmt/core.h>

#include "boxes/boxes.h"
#include "cli/columns.h"
#include "cli/variants.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "markdown/markdown.h"
#include "paginate/paginate.h"
#include "style/style.h"

namespace cvpress::cli {
namespace {

// The layout when neither the command line nor the front matter names one.
constexpr std::string_view kDefaultLayout = "classic";

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The person's name as the document gives it (doc::name_index), or empty: none is invented.
std::string first_heading(const doc::Node& root) {
  const std::size_t name = doc::name_index(root);
  return name < root.children.size() ? doc::plain_text(root.children[name]) : std::string();
}

// The layout a document asks for in its front matter, when it is one: a layout name, a near
// miss of one (an error, located, with did-you-mean), or a path. Anything else was written for
// another tool (Jekyll's `layout: cv`): a located warning, and the default layout.
std::string front_matter_layout(const doc::Metadata& meta, const std::string& path,
                                const std::vector<std::string>& layout_dirs, Diagnostics& diags) {
  if (meta.layout.empty()) return std::string(kDefaultLayout);
  const std::string& name = meta.layout;
  if (name.find('/') != std::string::npos || name.ends_with(".yaml") || name.ends_with(".yml")) return name;
  std::vector<std::string> names;
  for (auto& [layout, description] : style::list_layouts(layout_dirs)) names.push_back(layout);
  if (std::find(names.begin(), names.end(), name) != names.end()) return name;
  for (const std::string& known : names)
    if (near_miss(name, known)) return name;  // load_layout reports it, with did-you-mean
  std::string list;
  for (const std::string& known : names) list += (list.empty() ? "" : ", ") + known;
  diags.warning(meta.layout_location.known() ? path : std::string(), meta.layout_location,
                "layout \"" + name + "\" is not a cvpress layout; using " + std::string(kDefaultLayout),
                "cvpress layouts: " + list + " (a `layout:` written for Jekyll or another tool can stay)");
  return std::string(kDefaultLayout);
}

int digits(std::string_view s, std::size_t at, std::size_t n) {
  int v = -1;
  if (at + n > s.size()) return -1;
  auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + n, v);
  return ec == std::errc() && p == s.data() + at + n ? v : -1;
}

// Layout's message for a character no font covers (layout/inline/prepare.cpp).
constexpr std::string_view kMissingGlyph = "no font covers ";

// Whether the pipeline stops at the errors in `diags`: at any, unless missing glyphs may
// pass (`cvpress fonts`).
bool stops(const Diagnostics& diags, bool past_missing_glyphs) {
  if (!past_missing_glyphs) return diags.has_errors();
  return std::any_of(diags.all().begin(), diags.all().end(), [](const Diagnostic& d) {
    return d.severity == Severity::Error && !is_missing_glyph(d);
  });
}

// ---- The typesetting half of the pipeline (stages 4-7), repeatable under a tightening.

// One run of boxes, layout and pagination.
struct Typeset {
  frame::PagedDocument document;
  paginate::Report report;                // the main column's
  std::vector<layout::LineReport> lines;  // the line breaker's findings, both columns
  Diagnostics diags;                      // what this run reported: only the run that is kept passes them on
  Size page_size;
  Insets margin;  // the main column's page margins in this run (tightened ones when fitting)
  [[nodiscard]] int pages() const { return static_cast<int>(document.pages.size()); }
};

// What stays the same from one run to the next.
struct Typesetter {
  const doc::Document& document;
  const style::Layout& layout;
  const std::string& lang;
  Size page_size;
  const std::string& path;
  text::FontLibrary& fonts;
  const frame::DocumentInfo& info;
  bool past_missing_glyphs = false;  // RenderRequest::past_missing_glyphs

  [[nodiscard]] Typeset run(const style::Tightening& t) const {
    Typeset out;
    out.page_size = page_size;
    const style::FitBounds& bounds = layout.page.fit;
    const Insets margin = style::tighten(layout.page.margin, t, bounds);
    // 4. Box tree: résumé roles and computed styles (two-column layouts: two trees); a
    // tightening scales the computed styles.
    boxes::BoxTree tree = boxes::build(document, layout, lang, out.diags);

    // A right-to-left document mirrors the columns: the sidebar goes to the other side.
    style::Sidebar sidebar = layout.page.sidebar;
    if (layout::right_to_left(tree))
      sidebar.side = sidebar.side == style::Side::Left ? style::Side::Right : style::Side::Left;
    const bool two_columns = sidebar.width > Pt(0);
    const ColumnGeometry columns = column_geometry(page_size, margin, sidebar);
    const paginate::PageOptions page{page_size, two_columns ? columns.main_margin : margin};
    out.margin = page.margin;  // the footer goes under the main column
    const Pt text_width = page.page.width - page.margin.left - page.margin.right;
    if (t != style::Tightening{}) {
      const Pt body = style::root_style(layout).font_size;
      for (style::ComputedStyle& s : tree.styles) style::tighten(s, t, bounds, body);
    }

    // 5. Layout: itemize, shape, break lines, stack blocks -> Flow (one per column).
    layout::Flow flow = layout::layout(tree, fonts, {text_width, path}, out.diags);
    layout::Flow side_flow;
    const paginate::PageOptions side_page{page_size, columns.sidebar_margin};
    if (two_columns) {
      boxes::BoxTree side_tree;
      side_tree.dir = layout::right_to_left(tree) ? "rtl" : "ltr";  // the whole document's, not the sidebar's
      side_tree.root = std::move(tree.sidebar);
      side_tree.styles = tree.styles;
      side_tree.lang = tree.lang;
      side_flow = layout::layout(
          side_tree, fonts, {side_page.page.width - side_page.margin.left - side_page.margin.right, path},
          out.diags);
    }
    if (stops(out.diags, past_missing_glyphs)) return out;
    out.lines = std::move(flow.line_reports);
    for (layout::LineReport& r : side_flow.line_reports) out.lines.push_back(std::move(r));

    // 6. Pagination -> PagedDocument, with the document's metadata.
    out.document = paginate::paginate(std::move(flow), page, info, &out.report);
    if (two_columns) {
      // 7. Two columns: the sidebar's pages merged under the main column's, sidebar first.
      frame::PagedDocument side = paginate::paginate(std::move(side_flow), side_page, {});
      out.document = merge_columns(std::move(out.document), std::move(side), columns, sidebar.background);
    }
    return out;
  }
};

// Fit to pages: which amount of style::Tightening to raise, in the order the issue gives
// (the least visible change first).
using Stage = double style::Tightening::*;
constexpr Stage kAllStages[] = {&style::Tightening::spacing, &style::Tightening::leading,
                                &style::Tightening::margin, &style::Tightening::font};
// The last-page rule may only touch what a reader hardly sees.
constexpr Stage kLastPageStages[] = {&style::Tightening::spacing, &style::Tightening::leading};
// Bisection steps per stage: the amount is found to 1/128 of the way to its bound, in at
// most 4 + 7 runs of layout (a few milliseconds each for a résumé); a fixed count keeps the
// result deterministic.
constexpr int kSearchSteps = 7;
// A last page with fewer lines than this is avoided (issue 3).
constexpr int kMinLastPageLines = 3;

struct Fitted {
  Typeset set;                   // the run chosen (still too long if the bounds do not allow it)
  style::Tightening tightening;  // what it used
  int natural = 0;               // pages without tightening
};

// Raises each stage in turn to its bound until the document takes at most `target` pages,
// then bisects the amount of that stage: the smallest change that lands on `target`.
Fitted fit(const Typesetter& typesetter, int target, std::span<const Stage> stages, Typeset natural) {
  const int natural_pages = natural.pages();
  style::Tightening t;
  Typeset last = std::move(natural);
  for (const Stage stage : stages) {
    style::Tightening full = t;
    full.*stage = 1;
    Typeset at_full = typesetter.run(full);
    if (at_full.diags.has_errors() || at_full.pages() > target) {
      t = full;
      last = std::move(at_full);
      if (last.diags.has_errors()) break;
      continue;
    }
    double lo = 0, hi = 1;
    Typeset best = std::move(at_full);
    for (int i = 0; i < kSearchSteps; ++i) {
      const double mid = (lo + hi) / 2;
      style::Tightening trial = t;
      trial.*stage = mid;
      Typeset run = typesetter.run(trial);
      if (!run.diags.has_errors() && run.pages() <= target) {
        hi = mid;
        best = std::move(run);
      } else {
        lo = mid;
      }
    }
    t.*stage = hi;
    return {std::move(best), t, natural_pages};
  }
  return {std::move(last), t, natural_pages};
}

std::string mm(Pt v) { return frame::format_number(v / Pt::mm(1), 1); }

// Page margins as CSS shorthand in millimetres: "18 20 mm", "12 mm".
std::string margins_mm(const Insets& m) {
  if (m.top == m.bottom && m.left == m.right)
    return m.top == m.left ? mm(m.top) + " mm" : mm(m.top) + " " + mm(m.left) + " mm";
  return mm(m.top) + " " + mm(m.right) + " " + mm(m.bottom) + " " + mm(m.left) + " mm";
}

// What a tightening changes, in the layout's terms, for the report and the fit error.
std::string describe(const Typesetter& ts, const style::Tightening& t) {
  const style::FitBounds& b = ts.layout.page.fit;
  const style::ComputedStyle root = style::root_style(ts.layout);
  const auto bound = [](double amount) { return amount >= 1 ? " (the layout's bound)" : ""; };
  std::vector<std::string> parts;
  if (t.spacing > 0)
    parts.push_back(fmt::format("space between blocks x{}{}",
                                frame::format_number(1 + (b.min_spacing - 1) * t.spacing, 2),
                                bound(t.spacing)));
  if (t.leading > 0) {
    style::ComputedStyle s = root;
    style::tighten(s, {0, t.leading, 0, 0}, b, root.font_size);
    parts.push_back(fmt::format("line height {} -> {}{}", frame::format_number(root.line_height, 2),
                                frame::format_number(s.line_height, 2), bound(t.leading)));
  }
  if (t.margin > 0)
    parts.push_back(fmt::format("page margins {} -> {}{}", margins_mm(ts.layout.page.margin),
                                margins_mm(style::tighten(ts.layout.page.margin, t, b)), bound(t.margin)));
  if (t.font > 0) {
    style::ComputedStyle s = root;
    style::tighten(s, {0, 0, 0, t.font}, b, root.font_size);
    parts.push_back(fmt::format("body text {} pt -> {} pt, other sizes in proportion{}",
                                frame::format_number(root.font_size / Pt(1), 2),
                                frame::format_number(s.font_size / Pt(1), 2), bound(t.font)));
  }
  if (parts.empty()) return "nothing changed";
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// One line of the report for a pagination finding.
std::string describe(const std::string& path, const paginate::Finding& f) {
  std::string what;
  switch (f.kind) {
    case paginate::Finding::Kind::HeadingAtFoot:
      what = fmt::format("page {} ends with a heading not followed by two lines of its content", f.page);
      break;
    case paginate::Finding::Kind::Orphan:
      what = fmt::format("page {} ends with the first line of a paragraph", f.page);
      break;
    case paginate::Finding::Kind::Widow:
      what = fmt::format("page {} starts with the last line of a paragraph", f.page + 1);
      break;
    case paginate::Finding::Kind::EntrySplit:
      what = fmt::format(
          "an entry that fits on a page is split across pages {} and {} (moving it whole would "
          "add a page)",
          f.page, f.page + 1);
      break;
    case paginate::Finding::Kind::Overfull:
      what = fmt::format("on page {}: it runs into the bottom margin", f.page);
      break;
  }
  const std::string at =
      f.location.known() ? fmt::format("{}:{}:{}", path, f.location.line, f.location.column) : path;
  return fmt::format("{}: {}: {}", at, paginate::kind_name(f.kind), what);
}

// The line breaker's findings (layout::LineReport, collected by layout while it sets
// lines), one report line each, in source order.
std::vector<std::string> line_findings(const std::string& path, std::vector<layout::LineReport> lines) {
  std::stable_sort(lines.begin(), lines.end(), [](const layout::LineReport& a, const layout::LineReport& b) {
    return std::pair(a.location.line, a.location.column) < std::pair(b.location.line, b.location.column);
  });
  std::vector<std::string> out;
  for (const layout::LineReport& r : lines) {
    const std::string at =
        r.location.known() ? fmt::format("{}:{}:{}", path, r.location.line, r.location.column) : path;
    switch (r.kind) {
      case layout::LineReport::Kind::Overfull:
        out.push_back(fmt::format("{}: overfull line: {} pt wider than the measure", at,
                                  frame::format_number(r.amount / Pt(1), 2)));
        break;
      case layout::LineReport::Kind::Underfull:
        out.push_back(fmt::format("{}: underfull line: badness {}, spaces stretched by {} pt", at, r.badness,
                                  frame::format_number(r.amount / Pt(1), 2)));
        break;
      case layout::LineReport::Kind::WideCode:
        out.push_back(
            r.wrapped == 0
                ? fmt::format("{}: wide code: set at {} % of its size to fit the column", at, r.count)
                : fmt::format("{}: wide code: set at {} % of its size, {} line{} still wrap", at, r.count,
                              r.wrapped, r.wrapped == 1 ? "" : "s"));
        break;
      case layout::LineReport::Kind::HyphenStack:
        out.push_back(fmt::format("{}: hyphen stack: {} consecutive lines end with a hyphen", at, r.count));
        break;
    }
  }
  return out;
}

}  // namespace

bool is_missing_glyph(const Diagnostic& d) { return d.message.starts_with(kMissingGlyph); }

std::string document_lang(const std::string& meta_lang, const std::string& path) {
  if (!meta_lang.empty()) return meta_lang;
  // resume.en.md, cv.zh-TW.md: the last dotted part before ".md", if it looks like a
  // BCP 47 tag (2-3 letter language, optional region/script subtags).
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  const std::size_t ext = name.rfind('.');
  if (ext != std::string::npos) name.resize(ext);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string::npos) {
    const std::string tag = name.substr(dot + 1);
    const std::size_t dash = tag.find('-');
    const std::string primary = tag.substr(0, dash);
    bool letters = primary.size() >= 2 && primary.size() <= 3;
    for (char c : primary) letters = letters && is_alpha(c);
    if (letters) return tag;
  }
  return "en";
}

std::optional<frame::Date> parse_date(std::string_view s) {
  frame::Date d;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  d.year = digits(s, 0, 4);
  d.month = digits(s, 5, 2);
  d.day = digits(s, 8, 2);
  if (d.year < 0 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  if (s.size() == 10) return d;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  d.hour = digits(s, 11, 2);
  d.minute = s.size() >= 16 && s[13] == ':' ? digits(s, 14, 2) : -1;
  if (d.hour < 0 || d.hour > 23 || d.minute < 0 || d.minute > 59) return std::nullopt;
  std::size_t at = 16;
  if (s.size() >= 19 && s[16] == ':') {
    d.second = digits(s, 17, 2);
    if (d.second < 0 || d.second > 60) return std::nullopt;
    at = 19;
  }
  if (at == s.size() || (at + 1 == s.size() && s[at] == 'Z')) return d;
  return std::nullopt;
}

frame::Date date_from_epoch(int64_t seconds) {
  // Howard Hinnant's civil_from_days (public-domain algorithm, proleptic Gregorian).
  int64_t days = seconds / 86400;
  int64_t rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2);
  return frame::Date{
      static_cast<int>(year),       static_cast<int>(month),           static_cast<int>(day),
      static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60)};
}

RenderResult render_pages(const RenderRequest& request, text::FontLibrary& fonts, Diagnostics& diags) {
  RenderResult result;

  // 1. Read and parse: front matter (yaml-cpp) + Markdown (md4c) -> doc::Document.
  const SourceFile source = SourceFile::read(request.input);
  doc::Document document = markdown::parse(source, diags);
  // A language variant (resume.en.md) inherits the front matter its siblings share
  // (resume.yaml beside it); its own keys win.
  const SharedFrontMatter shared = read_shared_front_matter(request.input, diags);
  inherit_front_matter(document.meta, shared.meta);
  // Problems so far are reported with the layout's and the overrides' below: all at once.

  // 2. The layout template, with the document's overrides applied.
  const std::string layout_name =
      !request.layout.empty() ? request.layout
                              : front_matter_layout(document.meta, source.path(), request.layout_dirs, diags);
  std::optional<style::Layout> layout =
      request.layout.empty() && !document.meta.layout.empty() && document.meta.layout_location.known()
          ? style::load_layout(layout_name, request.layout_dirs, diags, source.path(),
                               document.meta.layout_location)
          : style::load_layout(layout_name, request.layout_dirs, diags);
  if (!layout) return result;
  // Overrides in rising precedence: the shared front matter's, the document's, a batch
  // manifest's (each located in its own file).
  style::apply_overrides(*layout, shared.meta.overrides, shared.path, diags,
                         style::OverrideSource::FrontMatter);
  style::apply_overrides(*layout, document.meta.overrides, source.path(), diags,
                         style::OverrideSource::FrontMatter);
  if (!document.meta.cjk_font.empty()) {
    // pandoc's CJKmainfont: after the layout's own families, before fontconfig's fallback.
    std::string families;
    for (const std::string& f : style::root_style(*layout).font_family) families += f + ", ";
    const doc::Override cjk{"body.font-family", families + document.meta.cjk_font,
                            document.meta.cjk_font_location, document.meta.cjk_font_location};
    style::apply_overrides(*layout, {cjk}, source.path(), diags);
  }
  for (const OverrideSet& set : request.overrides)
    style::apply_overrides(*layout, set.overrides, set.path, diags);
  if (diags.has_errors()) return result;

  // 3. Paper.
  const std::string lang = document_lang(document.meta.lang, request.input);
  const std::string paper_name = !request.paper.empty() ? request.paper : document.meta.paper;
  style::Paper paper = layout->page.paper.value_or(style::default_paper(lang));
  if (paper_name == "a4" || paper_name == "A4") paper = style::Paper::A4;
  if (paper_name == "letter" || paper_name == "Letter") paper = style::Paper::Letter;

  frame::DocumentInfo info;
  info.title = !document.meta.title.empty() ? document.meta.title : first_heading(document.root);
  info.author = document.meta.author;
  info.subject = document.meta.subject;
  info.keywords = document.meta.keywords;
  info.lang = lang;
  info.creator = "cvpress " CVPRESS_VERSION;
  info.producer = "cvpress " CVPRESS_VERSION " (libharu, HarfBuzz)";
  if (!document.meta.date.empty()) {
    info.date = parse_date(document.meta.date);
  } else if (request.source_date_epoch) {
    info.date = date_from_epoch(*request.source_date_epoch);
  }

  // 4-7. Boxes, layout, pagination: once, or again under a tightening while fitting pages.
  const Typesetter typesetter{document,      *layout, lang, style::paper_size(paper),
                              source.path(), fonts,   info, request.past_missing_glyphs};
  const std::optional<int> target = request.fit_pages ? request.fit_pages : document.meta.fit;
  Typeset set = typesetter.run({});
  std::string fit_note;
  if (target && set.pages() > *target) {
    const Fitted fitted = fit(typesetter, *target, kAllStages, std::move(set));
    if (fitted.set.pages() > *target) {
      diags.error(
          source.path(), {},
          fmt::format("cannot fit the résumé on {} page{}: within the layout's bounds it takes at least {} "
                      "pages",
                      *target, *target == 1 ? "" : "s", fitted.set.pages()),
          fmt::format("at its tightest ({}) it still takes {} pages; shorten the résumé, or let the "
                      "layout tighten further (page.fit-min-spacing, page.fit-min-leading, "
                      "page.fit-min-margin; body text never goes below 8.5pt)",
                      describe(typesetter, fitted.tightening), fitted.set.pages()));
      return result;
    }
    set = std::move(fitted.set);
    fit_note =
        fmt::format("fit: {} page{} -> {} (fit {}): {}", fitted.natural, fitted.natural == 1 ? "" : "s",
                    set.pages(), *target, describe(typesetter, fitted.tightening));
  } else if (target) {
    fit_note = fmt::format("fit: already on {} page{} (fit {}): nothing changed", set.pages(),
                           set.pages() == 1 ? "" : "s", *target);
  } else if (set.pages() > 1 && set.report.slices.back() < kMinLastPageLines && !set.report.last_forced) {
    // A last page with a line or two: set it on one page fewer when spacing and leading
    // can give that much; otherwise leave it (and a page the author broke to, too).
    const int last = set.report.slices.back();
    const int natural = set.pages();
    Fitted fitted = fit(typesetter, natural - 1, kLastPageStages, std::move(set));
    if (fitted.set.pages() < natural) {
      fit_note =
          fmt::format("fit: the last page held {} line{}; {} pages -> {}: {}", last, last == 1 ? "" : "s",
                      natural, fitted.set.pages(), describe(typesetter, fitted.tightening));
    } else {
      fitted = Fitted{typesetter.run({}), {}, natural};  // no tightening helps: as the layout says
    }
    set = std::move(fitted.set);
  }
  diags.append(set.diags);
  if (stops(diags, request.past_missing_glyphs)) return result;

  // 8. The running footer (name, page N of M): its words from paginate's catalog, set by
  // layout, placed by paginate in the bottom margin.
  const style::FooterSetup& footer = layout->page.footer;
  const int pages = set.pages();
  if (footer.show == style::FooterShow::Always || (footer.show == style::FooterShow::Auto && pages > 1)) {
    const std::string name =
        !document.meta.author.empty() ? document.meta.author : first_heading(document.root);
    const style::ComputedStyle footer_style =
        style::compute(*layout, style::Role::Footer, style::root_style(*layout));
    const paginate::PageOptions area{set.page_size, set.margin};
    const Pt width = area.page.width - area.margin.left - area.margin.right;
    for (int p = 0; p < pages; ++p) {
      const std::string text =
          paginate::footer_text(footer.text, lang, name, p + 1, pages, footer.native_digits);
      layout::Slice slice =
          layout::layout_footer(text, footer_style, lang, width, fonts, set.document.fonts, diags);
      paginate::place_footer(set.document.pages[static_cast<std::size_t>(p)], std::move(slice), area);
    }
    if (stops(diags, request.past_missing_glyphs)) return result;
  }

  // 9. The report: pagination's findings, the line breaker's, what fitting changed.
  for (const paginate::Finding& f : set.report.findings) result.report.push_back(describe(source.path(), f));
  for (std::string& line : line_findings(source.path(), std::move(set.lines)))
    result.report.push_back(std::move(line));
  if (!fit_note.empty()) result.report.push_back(source.path() + ": " + fit_note);

  if (request.strict && std::any_of(diags.all().begin(), diags.all().end(),
                                    [](const Diagnostic& d) { return d.severity == Severity::Warning; })) {
    diags.warnings_to_errors();
    return result;
  }
  result.pages = std::move(set.document);
  result.ok = true;
  return result;
}

}  // namespace cvpress::cli
