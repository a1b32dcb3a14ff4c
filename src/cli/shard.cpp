#include "cli/shard.h"

#include <charconv>

#include "base/hash.h"

namespace cvpress::cli {
namespace {

std::optional<uint32_t> number(std::string_view s) {
  uint32_t v = 0;
  if (s.empty() || s.front() == '+' || s.front() == '-') return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto index = number(text.substr(0, slash));
  const auto count = number(text.substr(slash + 1));
  if (!index || !count || *count == 0 || *index >= *count) return std::nullopt;
  return Shard{*index, *count};
}

uint32_t shard_of(std::string_view input_path, uint32_t count) {
  // FNV-1a's low bits follow the last bytes closely (paths often differ only in a digit
  // before ".md"): MurmurHash3's 64-bit finaliser spreads every bit over the whole value
  // first, so shards stay balanced for any N.
  uint64_t h = fnv1a(input_path);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return static_cast<uint32_t>(h % count);
}

}  // namespace cvpress::cli
