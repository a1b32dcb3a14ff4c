#pragma once
// UTF-8 helpers. Decoding never throws: an ill-formed sequence decodes to U+FFFD and
// consumes one byte, so a caller can always make progress (and report the position).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cvpress::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;  // Unicode §3.9, U+FFFD REPLACEMENT CHARACTER

struct Decoded {
  char32_t code_point;
  std::size_t length;  // bytes consumed, >= 1
  bool valid;
};

/// Decodes the code point starting at `s[at]`; `at` must be < s.size().
[[nodiscard]] Decoded decode(std::string_view s, std::size_t at);
[[nodiscard]] std::u32string to_u32(std::string_view s);
void append(std::string& out, char32_t cp);
[[nodiscard]] std::string from_u32(std::u32string_view s);
/// Number of code points in `s`.
[[nodiscard]] std::size_t length(std::string_view s);
/// Byte offset of the first ill-formed sequence, or npos when `s` is valid UTF-8.
[[nodiscard]] std::size_t find_invalid(std::string_view s);
/// "U+00E9" style, at least four hex digits.
[[nodiscard]] std::string code_point_label(char32_t cp);

}  // namespace cvpress::utf8
