#pragma once
// An sRGB colour, 8 bits per channel: what layouts write ("#1f3a5f") and the PDF stage draws.
#include <cstdint>

namespace cvpress {

struct Color {
  uint8_t r = 0, g = 0, b = 0;
  friend constexpr bool operator==(const Color&, const Color&) = default;
};

}  // namespace cvpress
