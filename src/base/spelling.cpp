#include "base/spelling.h"

#include <algorithm>
#include <vector>

namespace cvpress {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows suffice: the transposition looks two rows back.
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string_view closest(std::string_view word, std::span<const std::string_view> candidates) {
  constexpr std::size_t kMaxDistance = 2;
  std::string_view best;
  std::size_t best_distance = kMaxDistance + 1;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance && d < std::max(word.size(), std::size_t{1})) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

bool near_miss(std::string_view word, std::string_view key) {
  const std::size_t d = edit_distance(word, key);
  return d > 0 && d <= (key.size() >= 6 ? 2u : 1u) && d < word.size();
}

}  // namespace cvpress
