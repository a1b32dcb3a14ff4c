#include "markdown/tables.h"

#include <algorithm>
#include <string_view>

namespace cvpress::markdown {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The cells of a table row: split at `|` (a `\|` is text), the outer pipes dropped.
std::vector<std::string_view> cells(std::string_view line) {
  line = trim(line);
  if (line.starts_with('|')) line.remove_prefix(1);
  if (line.ends_with('|') && !line.ends_with("\\|")) line.remove_suffix(1);
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || (line[i] == '|' && (i == 0 || line[i - 1] != '\\'))) {
      out.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

bool is_delimiter_cell(std::string_view cell) {
  if (cell.starts_with(':')) cell.remove_prefix(1);
  if (cell.ends_with(':')) cell.remove_suffix(1);
  return !cell.empty() && cell.find_first_not_of('-') == std::string_view::npos;
}

// GFM §4.10: a delimiter row has a pipe and cells of dashes with optional colons.
bool is_delimiter_row(std::string_view line) {
  if (line.find('|') == std::string_view::npos) return false;
  const auto cs = cells(line);
  return !cs.empty() && std::all_of(cs.begin(), cs.end(), is_delimiter_cell);
}

bool needs_widening(std::string_view line) {
  for (std::string_view cell : cells(line)) {
    const std::size_t dashes = static_cast<std::size_t>(std::count(cell.begin(), cell.end(), '-'));
    if (dashes < 3) return true;
  }
  return false;
}

std::string widened(std::string_view line) {
  std::string out = "|";
  for (std::string_view cell : cells(line)) {
    out += ' ';
    if (cell.starts_with(':')) out += ':';
    out += "---";
    if (cell.size() > 1 && cell.ends_with(':')) out += ':';
    out += " |";
  }
  return out;
}

std::size_t indent(std::string_view line) {
  std::size_t n = 0;
  for (char c : line) {
    if (c == ' ')
      ++n;
    else if (c == '\t')
      n += 4;
    else
      break;
  }
  return n;
}

// A line that continues a paragraph (so a table header row under it is read as text).
bool is_paragraph_line(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty() || indent(line) >= 4) return false;
  if (t.find('|') != std::string_view::npos) return false;  // a table row of its own
  const char c = t.front();
  if (c == '#' || c == '>' || c == '<' || c == '`' || c == '~') return false;
  if ((c == '-' || c == '*' || c == '+') && (t.size() == 1 || t[1] == ' ')) return false;
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits > 0 && digits < t.size() && (t[digits] == '.' || t[digits] == ')')) return false;
  return true;
}

}  // namespace

TablePrepass prepare_tables(const std::string& source, std::size_t body_begin) {
  TablePrepass out;
  std::vector<std::string_view> lines;
  for (std::size_t at = body_begin; at < source.size();) {
    const std::size_t eol = source.find('\n', at);
    const std::size_t end = eol == std::string::npos ? source.size() : eol;
    lines.push_back(std::string_view(source).substr(at, end - at));
    at = eol == std::string::npos ? source.size() : eol + 1;
  }
  const auto head_lines = static_cast<uint32_t>(
      std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(body_begin), '\n'));
  out.text = source.substr(0, body_begin);
  std::string_view fence;  // the open code fence's marker
  uint32_t inserted = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    const std::string_view t = trim(line);
    if (!fence.empty()) {
      if (t.starts_with(fence)) fence = {};
    } else if (indent(line) < 4 && (t.starts_with("```") || t.starts_with("~~~"))) {
      fence = t.substr(0, 3);
    } else if (i + 1 < lines.size() && indent(line) < 4 && line.find('|') != std::string_view::npos &&
               is_delimiter_row(lines[i + 1]) && cells(line).size() == cells(lines[i + 1]).size()) {
      if (i > 0 && is_paragraph_line(lines[i - 1])) {
        out.text += '\n';
        out.inserted_lines.push_back(head_lines + static_cast<uint32_t>(i) + 1 + inserted);
        ++inserted;
        out.edited = true;
      }
      out.text += line;
      out.text += '\n';
      ++i;
      if (needs_widening(lines[i])) {
        out.text += widened(lines[i]);
        out.edited = true;
      } else {
        out.text += lines[i];
      }
      if (i + 1 < lines.size() || source.ends_with('\n')) out.text += '\n';
      continue;
    }
    out.text += line;
    if (i + 1 < lines.size() || source.ends_with('\n')) out.text += '\n';
  }
  return out;
}

uint32_t original_line(const TablePrepass& prepass, uint32_t line) {
  const auto above = std::lower_bound(prepass.inserted_lines.begin(), prepass.inserted_lines.end(), line) -
                     prepass.inserted_lines.begin();
  return line - static_cast<uint32_t>(above);
}

}  // namespace cvpress::markdown
