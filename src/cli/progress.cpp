#include "cli/progress.h"

#include <cmath>
#include <ostream>

#include <fmt/core.h>

namespace cvpress::cli {

Progress::Progress(std::size_t total, bool terminal, std::ostream& out)
    : out_(out), total_(total), terminal_(terminal) {}

std::string human_duration(double seconds) {
  if (seconds < 60) return fmt::format("{:.1f} s", seconds);
  const auto s = static_cast<long>(std::lround(seconds));
  if (s < 3600) return fmt::format("{} min {:02} s", s / 60, s % 60);
  return fmt::format("{} h {:02} min", s / 3600, s / 60 % 60);
}

std::string Progress::bar(std::size_t done, std::size_t total, double seconds, std::size_t width) {
  const std::size_t filled = total == 0 ? width : done * width / total;
  std::string out = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
  const int digits = static_cast<int>(std::to_string(total).size());
  out += fmt::format(" {:>{}}/{}", done, digits, total);
  if (done > 0 && seconds > 0) {
    const double rate = static_cast<double>(done) / seconds;
    out +=
        fmt::format("  {:.1f} doc/s  ETA {}", rate, human_duration(static_cast<double>(total - done) / rate));
  }
  return out;
}

std::string Progress::line(std::size_t done, std::size_t total, const Job& job, const JobOutcome& outcome) {
  const int digits = static_cast<int>(std::to_string(total).size());
  std::string out =
      fmt::format("[{:>{}}/{}] {} {}", done, digits, total, status_name(outcome.status), job.input);
  if (outcome.status == JobStatus::Rendered) {
    out += fmt::format(" -> {} ({} page{}, {:.0f} ms)", job.output, outcome.pages,
                       outcome.pages == 1 ? "" : "s", outcome.milliseconds);
  }
  return out;
}

void Progress::finished(const Job& job, const JobOutcome& outcome) {
  std::string details;
  for (const Diagnostic& d : outcome.diagnostics) details += format(d) + "\n";
  if (!outcome.failure.empty()) details += outcome.failure + "\n";
  if (outcome.status == JobStatus::Failed) details += fmt::format("{}: failed; no PDF written\n", job.input);

  const std::lock_guard lock(mutex_);
  ++done_;
  if (!terminal_) {
    out_ << line(done_, total_, job, outcome) << '\n' << details << std::flush;
    return;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // \r and "erase line" (ECMA-48 EL) put the diagnostics where the bar was, then redraw it.
  out_ << "\r\x1b[K" << details << bar(done_, total_, seconds, 30) << std::flush;
}

void Progress::close() {
  const std::lock_guard lock(mutex_);
  if (terminal_) out_ << "\r\x1b[K" << std::flush;
}

}  // namespace cvpress::cli
