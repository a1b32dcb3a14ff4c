#include "base/source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "base/error.h"
#include "base/utf8.h"

namespace cvpress {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

SourceFile SourceFile::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": error: cannot open file: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw Error(path + ": error: cannot read file");
  return SourceFile(path, ss.str());
}

SourceLocation SourceFile::location_of(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  const auto line_index = static_cast<std::size_t>(std::distance(line_starts_.begin(), it)) - 1;
  const std::size_t start = line_starts_[line_index];
  const std::string_view prefix(text_.data() + start, byte_offset - start);
  return {static_cast<uint32_t>(line_index + 1), static_cast<uint32_t>(utf8::length(prefix) + 1)};
}

std::size_t SourceFile::line_offset(uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return text_.size();
  return line_starts_[line - 1];
}

}  // namespace cvpress
