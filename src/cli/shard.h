#pragma once
// `--shard K/N`: a stable, deterministic partition of a batch's job list, so N processes
// (a Kubernetes Indexed Job, a Slurm job array) cover every job exactly once (DESIGN §8).
#include <cstdint>
#include <optional>
#include <string_view>

namespace cvpress::cli {

struct Shard {
  uint32_t index = 0;  // K, 0-based
  uint32_t count = 1;  // N
};

/// Parses "K/N" with 0 <= K < N (decimal, no signs or spaces); nullopt otherwise.
[[nodiscard]] std::optional<Shard> parse_shard(std::string_view text);

/// The shard of a job: the FNV-1a 64-bit hash of its input path (as listed), modulo
/// `count`. Depends on the path alone: not on the job's position, the other jobs, the
/// machine or the run.
[[nodiscard]] uint32_t shard_of(std::string_view input_path, uint32_t count);

}  // namespace cvpress::cli
