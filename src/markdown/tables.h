#pragma once
// GitHub's tables where md4c 0.4.8 reads none: a pre-pass over the Markdown source.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cvpress::markdown {

/// The source as md4c should see it, and how to map its lines back.
struct TablePrepass {
  std::string text;                      // the whole file, edited
  std::vector<uint32_t> inserted_lines;  // 1-based lines of `text` that the pre-pass inserted, ascending
  [[nodiscard]] bool changed() const { return edited; }
  bool edited = false;
};

/// GitHub renders a table whose delimiter row has cells of one or two dashes (`| - | :-: |`,
/// md4c issue 161) and a table right under a paragraph line (md4c issue 262); md4c prints
/// both as text. From byte `body_begin` on (outside fenced and indented code), such delimiter
/// rows are widened to three dashes (columns of that line change; it holds no text) and a
/// blank line is inserted before a header row that follows a paragraph line. Every other line
/// keeps its bytes, so a location in `text` maps back by subtracting the inserted lines above it.
[[nodiscard]] TablePrepass prepare_tables(const std::string& source, std::size_t body_begin);

/// A 1-based line of the pre-passed text as a line of the source.
[[nodiscard]] uint32_t original_line(const TablePrepass& prepass, uint32_t line);

}  // namespace cvpress::markdown
