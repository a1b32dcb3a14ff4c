#pragma once
// Source files and locations. A location is 1-based line and 1-based column counted
// in Unicode code points (what an editor shows); 0 means "unknown".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress {

struct SourceLocation {
  uint32_t line = 0;
  uint32_t column = 0;
  [[nodiscard]] bool known() const { return line != 0; }
  friend constexpr bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

struct SourceRange {
  SourceLocation begin, end;
  friend constexpr bool operator==(const SourceRange&, const SourceRange&) = default;
};

/// A text file in memory: its display path and its bytes, with a line index so a
/// byte offset converts to line:column in O(log lines).
class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string path, std::string text);

  /// Reads `path`; throws cvpress::Error naming the file when it cannot be read.
  [[nodiscard]] static SourceFile read(const std::string& path);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& text() const { return text_; }
  /// Byte offset -> 1-based line and code-point column. Offsets past the end clamp.
  [[nodiscard]] SourceLocation location_of(std::size_t byte_offset) const;
  /// Byte offset of the start of 1-based `line` (text().size() if past the end).
  [[nodiscard]] std::size_t line_offset(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace cvpress
