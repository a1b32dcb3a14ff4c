#pragma once
// The render pipeline for one document, as an ordered list of stage calls.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/base.h"
#include "doc/doc.h"
#include "frame/frame.h"
#include "text/text.h"

namespace cvpress::cli {

/// Layout overrides from one file (a batch manifest), with that file for error locations.
struct OverrideSet {
  std::string path;
  std::vector<doc::Override> overrides;
};

struct RenderRequest {
  std::string input;   // the Markdown file
  std::string layout;  // layout name or file; empty: front matter, then "classic"
  std::string paper;   // "a4" / "letter"; empty: front matter, layout, then lang
  std::vector<std::string> layout_dirs;
  std::optional<int64_t> source_date_epoch;  // SOURCE_DATE_EPOCH, read by the caller
  std::vector<OverrideSet> overrides;        // after the document's own, in order (a batch manifest's)
  std::optional<int> fit_pages;              // --fit-pages N; wins over the front matter's `fit`
  /// `cvpress fonts`: characters no font covers are still reported to `diags`, but the
  /// document is laid out and paginated without them (result.ok, pages filled), so the
  /// faces that set the rest can be listed. Never when rendering: no PDF with a hole in it.
  bool past_missing_glyphs = false;
  /// `--strict`: every warning (an ignored key, a remote image, dropped HTML ...) is an error.
  bool strict = false;
};

struct RenderResult {
  frame::PagedDocument pages;  // empty when errors were reported
  bool ok = false;
  /// The typographic report (`render --report`), one finding per line, in page order:
  /// `file:line:col: what: detail`, then what fit-to-pages (or the last-page tightening)
  /// changed as `file: fit: ...`.
  std::vector<std::string> report;
};

/// Parses, styles, lays out and paginates `request.input`. Problems go to `diags`;
/// environment failures throw cvpress::Error.
///
/// Fit to pages: with `request.fit_pages` or front matter `fit: N`, a document longer than
/// N pages is set again with the smallest tightening (style::Tightening: inter-block
/// spacing first, then leading, then page margins, then type size, each within the
/// layout's `page.fit-*` bounds) that lands on N pages; when even the tightest allowed
/// layout is longer, that is an error naming N and the page count reached. Without a
/// target, a last page holding fewer than three lines is avoided by tightening spacing
/// and leading only, when that suffices.
[[nodiscard]] RenderResult render_pages(const RenderRequest& request, text::FontLibrary& fonts,
                                        Diagnostics& diags);

/// True for layout's "no font covers U+XXXX ..." error, the one RenderRequest::
/// past_missing_glyphs lets the pipeline go on after.
[[nodiscard]] bool is_missing_glyph(const Diagnostic& d);

/// The language of a document: front matter `lang`, else a variant suffix of the file
/// name (`resume.de.md` -> "de"), else "en".
[[nodiscard]] std::string document_lang(const std::string& meta_lang, const std::string& path);

/// Parses an ISO 8601 date (`2024-05-01`, `2024-05-01T10:30:00Z`); nullopt if malformed.
[[nodiscard]] std::optional<frame::Date> parse_date(std::string_view text);

/// The UTC calendar time of a Unix time.
[[nodiscard]] frame::Date date_from_epoch(int64_t seconds);

}  // namespace cvpress::cli
