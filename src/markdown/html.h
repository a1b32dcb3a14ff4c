#pragma once
// Raw HTML inside Markdown, mapped into the document tree (DESIGN §3, §10).
#include <string>

#include "base/base.h"
#include "doc/doc.h"

namespace cvpress::markdown {

/// What the HTML said about the whole document.
struct HtmlFacts {
  std::string dir;  // `<html dir="rtl">` (or a top-level `<div dir>`): "ltr", "rtl" or empty
};

/// Most nested elements the HTML of one container may open (the parser's time and memory
/// grow with depth; no real résumé nests a tenth of this). Deeper HTML is a located error.
inline constexpr int kMaxHtmlDepth = 256;

/// Replaces every HtmlBlock and HtmlInline node below `root` with the document nodes its
/// HTML means, parsed by an HTML5 parser (gumbo). md4c hands raw HTML over in pieces (each
/// inline tag apart from the Markdown between, a `<div>` and its `</div>` as two HTML blocks
/// around Markdown blocks), so each container's children are parsed as one fragment in which
/// the Markdown nodes stand as placeholders: an element holds the Markdown up to its
/// closing tag (a centred `<div>` centres the heading inside it). An element left open closes
/// at the end of its container, with a located warning.
///
/// Mapped: br h1-h6 p div center section header footer article span (align= and
/// style="text-align" as alignment, style="page-break-before|after: always" as page breaks),
/// b strong i em u s del sub sup code kbd mark small, a href, img src (alt kept), table tr th
/// td (colspan), ul ol li, details/summary (shown open), hr, pre, comments (`<!-- pagebreak -->`
/// a page break, the rest nothing). Dropped with one located warning per kind: script, style,
/// head, meta, link, iframe, forms and other embedded content. Nothing is executed or fetched.
[[nodiscard]] HtmlFacts map_html(doc::Node& root, const SourceFile& file, Diagnostics& diags);

}  // namespace cvpress::markdown
