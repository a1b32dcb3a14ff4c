#pragma once
// Front matter: an optional YAML block between `---` lines at the very top of the file,
// split off before md4c sees the rest, and read with yaml-cpp into doc::Metadata.
#include <cstddef>

#include "base/base.h"
#include "doc/doc.h"

namespace cvpress::markdown {

/// Where the front matter sits in a file, as byte offsets into SourceFile::text().
struct FrontMatterSpan {
  bool present = false;
  std::size_t yaml_begin = 0;  // start of the first YAML line (after the opening `---`)
  std::size_t yaml_end = 0;    // start of the closing `---` / `...` line
  std::size_t body_begin = 0;  // where the Markdown starts: after the closing line, else 0
};

/// Finds the front matter: the first line is exactly `---` (trailing blanks allowed; a UTF-8
/// byte order mark before it is skipped) and a later line is exactly `---` or `...`.
/// An opening line without a closing one is reported to `diags` (`front matter is not
/// closed`, at 1:1); the whole file is then Markdown.
[[nodiscard]] FrontMatterSpan find_front_matter(const SourceFile& file, Diagnostics& diags);

/// Reads the YAML of `span` (which must be present). Document keys (DESIGN §3: lang, title,
/// author, layout, paper, date, subject, keywords, fit, dir) are validated and stored;
/// every other key becomes an Override, nested maps flattened with '.'. YAML syntax errors,
/// wrong types and invalid values are reported to `diags` at their line:column in `file`.
[[nodiscard]] doc::Metadata read_front_matter(const SourceFile& file, const FrontMatterSpan& span,
                                              Diagnostics& diags);

}  // namespace cvpress::markdown
