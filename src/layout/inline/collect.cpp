// Collect: the spans of a paragraph become one string, so that line breaking and
// shaping see the text around each span (UAX #14 pairs cross span boundaries).
//   - a hard break becomes U+000A, a forced line end, never drawn;
//   - a soft break becomes a space, except between two East Asian wide characters
//     (CSS Text 3 §4.1.3 segment break transformation: Chinese and Japanese are
//     written without spaces, so a source line end there is not a word space);
//   - text-transform changes `text` but not `original`, so the PDF still extracts
//     what the author wrote ("Skills List", not "SKILLS LIST").
#include <algorithm>

#include "layout/inline/paragraph.h"

namespace cvpress::layout::inline_ {
namespace {

// East Asian Wide and Fullwidth ranges (UAX #11) that matter for the soft-break rule;
// Hangul is excluded because Korean separates words with spaces.
bool is_wide_no_space(char32_t c) {
  return (c >= 0x2E80 && c <= 0x303F) || (c >= 0x3040 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

char32_t last_code_point(const std::string& s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return utf8::decode(s, i).code_point;
}

char32_t first_code_point(const std::string& s) { return s.empty() ? 0 : utf8::decode(s, 0).code_point; }

// The first character of the first text span after index `i`.
char32_t next_text_char(const std::vector<boxes::Span>& spans, std::size_t i) {
  for (std::size_t k = i + 1; k < spans.size(); ++k)
    if (spans[k].kind == boxes::SpanKind::Text && !spans[k].text.empty())
      return first_code_point(spans[k].text);
  return 0;
}

}  // namespace

bool is_line_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

SourceLocation Collected::location_of(std::size_t offset) const {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](std::size_t o, const StyledRange& r) { return o < r.begin; });
  if (it == ranges.begin()) return {};
  const StyledRange& r = *(it - 1);
  if (!r.span) return {};
  SourceLocation at = r.span->location;
  if (!r.span->exact) return at;
  const std::size_t from = original_at[r.begin];
  const std::size_t to = original_at[std::min(offset, original_at.size() - 1)];
  at.column += code_points[to] - code_points[from];
  return at;
}

Collected collect(const boxes::Box& box, Context& cx) {
  Collected out;
  const auto& spans = box.spans;
  // Appends text that extracts as itself: byte i of `shaped` came from byte i.
  auto append = [&](std::string_view shaped) {
    const std::size_t origin = out.original.size();
    out.text.append(shaped);
    out.original.append(shaped);
    for (std::size_t k = 0; k < shaped.size(); ++k) out.original_at.push_back(origin + k);
  };
  // Appends `shaped`, all of whose bytes came from the one character `extracted`.
  auto append_transformed = [&](std::string_view shaped, std::string_view extracted) {
    const std::size_t origin = out.original.size();
    out.text.append(shaped);
    out.original.append(extracted);
    out.original_at.insert(out.original_at.end(), shaped.size(), origin);
  };
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const boxes::Span& span = spans[i];
    const std::size_t begin = out.text.size();
    if (span.kind == boxes::SpanKind::HardBreak) {
      append("\n");
    } else if (!span.exact && span.text == " " && is_wide_no_space(last_code_point(out.text)) &&
               is_wide_no_space(next_text_char(spans, i))) {
      continue;  // a source line end between two ideographs: no space
    } else {
      const style::ComputedStyle& st = cx.style(span.style);
      std::string t = span.text;
      if (box.preformatted) {
        // Tabs to the next multiple of four columns (the convention of most editors).
        std::string expanded;
        std::size_t column = 0;
        for (char c : t) {
          if (c == '\t') {
            const std::size_t n = 4 - column % 4;
            expanded.append(n, ' ');
            column += n;
          } else {
            expanded += c;
            column = c == '\n' ? 0 : column + 1;
          }
        }
        t = std::move(expanded);
      }
      if (st.text_transform == style::TextTransform::Uppercase) {
        // Per code point, so each shaped character knows the character it came from.
        for (std::size_t k = 0; k < t.size();) {
          const utf8::Decoded d = utf8::decode(t, k);
          const std::string_view ch(t.data() + k, d.length);
          append_transformed(text::to_upper(ch, cx.lang()), ch);
          k += d.length;
        }
      } else {
        append(t);
      }
    }
    if (out.text.size() > begin) {
      // Code is never hyphenated (a hyphen would change what the reader copies); nor is
      // preformatted text, which keeps its lines.
      const bool hyphenate = cx.style(span.style).hyphenate && !span.code && !box.preformatted;
      out.ranges.push_back({begin, out.text.size(), span.style, &span, hyphenate});
    }
  }
  out.original_at.push_back(out.original.size());
  out.code_points.resize(out.original.size() + 1);
  uint32_t n = 0;
  for (std::size_t i = 0; i < out.original.size(); ++i) {
    out.code_points[i] = n;
    if ((static_cast<unsigned char>(out.original[i]) & 0xC0) != 0x80) ++n;
  }
  out.code_points[out.original.size()] = n;
  return out;
}

}  // namespace cvpress::layout::inline_
