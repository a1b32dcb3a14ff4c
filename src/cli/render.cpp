#include "cli/render.h"

#include <charconv>

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

std::string first_heading(const doc::Node& root) {
  for (const doc::Node& n : root.children)
    if (n.kind == doc::NodeKind::Heading && n.level == 1) return doc::plain_text(n);
  return {};
}

int digits(std::string_view s, std::size_t at, std::size_t n) {
  int v = -1;
  if (at + n > s.size()) return -1;
  auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + n, v);
  return ec == std::errc() && p == s.data() + at + n ? v : -1;
}

}  // namespace

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
  if (diags.has_errors()) return result;

  // 2. The layout template, with the document's overrides applied.
  const std::string layout_name = !request.layout.empty()         ? request.layout
                                  : !document.meta.layout.empty() ? document.meta.layout
                                                                  : std::string(kDefaultLayout);
  std::optional<style::Layout> layout = style::load_layout(layout_name, request.layout_dirs, diags);
  if (!layout) return result;
  // Overrides in rising precedence: the shared front matter's, the document's, a batch
  // manifest's (each located in its own file).
  style::apply_overrides(*layout, shared.meta.overrides, shared.path, diags);
  style::apply_overrides(*layout, document.meta.overrides, source.path(), diags);
  for (const OverrideSet& set : request.overrides)
    style::apply_overrides(*layout, set.overrides, set.path, diags);
  if (diags.has_errors()) return result;

  // 3. Paper and text area.
  const std::string lang = document_lang(document.meta.lang, request.input);
  const std::string paper_name = !request.paper.empty() ? request.paper : document.meta.paper;
  style::Paper paper = layout->page.paper.value_or(style::default_paper(lang));
  if (paper_name == "a4" || paper_name == "A4") paper = style::Paper::A4;
  if (paper_name == "letter" || paper_name == "Letter") paper = style::Paper::Letter;
  const Size page_size = style::paper_size(paper);
  const style::Sidebar& sidebar = layout->page.sidebar;
  const bool two_columns = sidebar.width > Pt(0);
  const ColumnGeometry columns = column_geometry(page_size, layout->page.margin, sidebar);
  const paginate::PageOptions page{page_size, two_columns ? columns.main_margin : layout->page.margin};
  const Pt text_width = page.page.width - page.margin.left - page.margin.right;

  // 4. Box tree: résumé roles and computed styles (two-column layouts: two trees).
  boxes::BoxTree tree = boxes::build(document, *layout, lang, diags);

  // 5. Layout: itemize, shape, break lines, stack blocks -> Flow (one per column).
  layout::Flow flow = layout::layout(tree, fonts, {text_width, source.path()}, diags);
  layout::Flow side_flow;
  const paginate::PageOptions side_page{page_size, columns.sidebar_margin};
  if (two_columns) {
    boxes::BoxTree side_tree;
    side_tree.root = std::move(tree.sidebar);
    side_tree.styles = tree.styles;
    side_tree.lang = tree.lang;
    side_flow = layout::layout(
        side_tree, fonts,
        {side_page.page.width - side_page.margin.left - side_page.margin.right, source.path()}, diags);
  }
  if (diags.has_errors()) return result;

  // 6. Pagination -> PagedDocument, with the document's metadata.
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
  result.pages = paginate::paginate(std::move(flow), page, std::move(info));
  if (two_columns) {
    // 7. Two columns: the sidebar's pages merged under the main column's, sidebar first.
    frame::PagedDocument side = paginate::paginate(std::move(side_flow), side_page, {});
    result.pages = merge_columns(std::move(result.pages), std::move(side), columns, sidebar.background);
  }
  result.ok = true;
  return result;
}

}  // namespace cvpress::cli
