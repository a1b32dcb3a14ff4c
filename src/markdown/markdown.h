#pragma once
// The markdown stage: Markdown (CommonMark + GFM tables, strikethrough, autolinks,
// task lists) with optional YAML front matter -> doc::Document.
#include "base/base.h"
#include "doc/doc.h"

namespace cvpress::markdown {

/// Parses `file`. Front matter (`---` YAML `---` at the very top) is split off and read
/// with yaml-cpp; the body is parsed with md4c. Problems (bad YAML, unknown or mistyped
/// document keys, invalid UTF-8, raw HTML that is ignored) are reported to `diags`
/// with file:line:column; parsing continues where it can, so all problems show at once.
/// Every node's range is in `file`'s coordinates (front-matter lines included).
[[nodiscard]] doc::Document parse(const SourceFile& file, Diagnostics& diags);

/// Reads a whole YAML file as front matter: the front matter a résumé's language variants
/// share (`resume.yaml` beside `resume.en.md`, `resume.zh.md`). The same keys and checks as
/// a document's front matter; problems are reported at their line:column in `file`.
[[nodiscard]] doc::Metadata parse_front_matter_file(const SourceFile& file, Diagnostics& diags);

}  // namespace cvpress::markdown
