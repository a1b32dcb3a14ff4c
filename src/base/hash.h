#pragma once
// A stable 64-bit content hash (FNV-1a, http://www.isthe.com/chongo/tech/comp/fnv/):
// used for subset tags, /ID and cache keys, where the value must not depend on the
// platform, the run or the standard library (std::hash guarantees none of that).
#include <cstdint>
#include <string_view>

namespace cvpress {

inline constexpr uint64_t kFnvOffset = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
inline constexpr uint64_t kFnvPrime = 1099511628211ull;          // FNV-1a 64-bit prime

[[nodiscard]] constexpr uint64_t fnv1a(std::string_view bytes, uint64_t h = kFnvOffset) {
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

[[nodiscard]] constexpr uint64_t fnv1a_u64(uint64_t v, uint64_t h = kFnvOffset) {
  for (int i = 0; i < 8; ++i) {
    h ^= (v >> (8 * i)) & 0xFF;
    h *= kFnvPrime;
  }
  return h;
}

}  // namespace cvpress
