#pragma once
// The md4c adapter: drives md4c's push parser (enter/leave/text callbacks) and builds
// the doc::Node tree from its events, with a source range on every node.
#include <cstddef>

#include "base/base.h"
#include "doc/doc.h"

namespace cvpress::markdown {

/// Parses the Markdown in `file.text()` from byte `body_offset` to the end (the part after
/// the front matter) with GitHub-flavoured extensions: tables, strikethrough, permissive
/// URL / e-mail / www autolinks and task lists. Returns the NodeKind::Document node.
///
/// Ranges are in `file`'s coordinates: a Text node begins at its first character, and its
/// text is one contiguous run of the source, so `begin.column + i` is the column of its i-th
/// code point (entities and backslash escapes get Text nodes of their own). `end` is the
/// position just past the last character. Blocks span their first to last descendant.
///
/// Raw HTML is kept as HtmlBlock / HtmlInline nodes with the origins of their text, for
/// markdown/html.h to map into document nodes.
/// Throws cvpress::Error if md4c fails (out of memory) and rethrows anything a callback threw.
[[nodiscard]] doc::Node parse_body(const SourceFile& file, std::size_t body_offset, Diagnostics& diags);

}  // namespace cvpress::markdown
