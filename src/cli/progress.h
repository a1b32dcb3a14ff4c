#pragma once
// Feedback while a batch runs, on stderr: on a terminal one progress line redrawn in place
// (done/total, rate, ETA), with each failed job's diagnostics printed above it; elsewhere
// (a log, CI) one plain line per finished job.
#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>

#include "cli/job.h"

namespace cvpress::cli {

class Progress {
 public:
  /// `out` must outlive the Progress. `terminal`: redraw a bar in place, else plain lines.
  Progress(std::size_t total, bool terminal, std::ostream& out);

  /// Reports a finished job (and its diagnostics, when it failed or warned). Thread-safe.
  void finished(const Job& job, const JobOutcome& outcome);

  /// Clears the bar (terminal), so the summary starts on a clean line. Thread-safe.
  void close();

  /// The bar: `[#######.............]  35/100  12.5 doc/s  ETA 5s` (`width` cells).
  [[nodiscard]] static std::string bar(std::size_t done, std::size_t total, double seconds,
                                       std::size_t width);

  /// The plain line for a job: `[ 3/100] rendered a.md -> a.pdf (2 pages, 31 ms)`.
  [[nodiscard]] static std::string line(std::size_t done, std::size_t total, const Job& job,
                                        const JobOutcome& outcome);

 private:
  std::mutex mutex_;
  std::ostream& out_;
  const std::size_t total_;
  std::size_t done_ = 0;
  const bool terminal_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

/// "1.2 s", "3 min 05 s": a duration for people.
[[nodiscard]] std::string human_duration(double seconds);

}  // namespace cvpress::cli
