#pragma once
// One job of a batch: a Markdown file to render, where to, and with which layout and
// overrides; and what became of it.
#include <cstddef>
#include <string>
#include <vector>

#include "base/base.h"
#include "cli/render.h"

namespace cvpress::cli {

struct Job {
  std::string input;   // the Markdown file, as listed (command line, or resolved against the manifest)
  std::string output;  // the PDF to write
  std::string layout;  // layout name or file for this job; empty: the document's, then the default
  std::string paper;   // "a4" / "letter"; empty: the document's
  std::vector<OverrideSet> overrides;  // applied after the document's, in order
};

enum class JobStatus {
  NotStarted,  // the batch was interrupted first
  Rendered,
  Unchanged,  // skipped: the output is up to date (incremental)
  Failed,
};

struct JobOutcome {
  JobStatus status = JobStatus::NotStarted;
  std::size_t pages = 0;
  double milliseconds = 0;                  // wall-clock time of the job
  std::vector<Diagnostic> diagnostics;      // errors, warnings and notes, as reported
  std::string failure;                      // an environment failure's or internal error's message
  bool internal_error = false;              // failure is a cvpress bug (exit code 3)
  std::vector<std::string> missing_glyphs;  // "U+10FFFD <private-use-10FFFD>", one per error
};

/// "not started", "rendered", "unchanged", "failed".
[[nodiscard]] const char* status_name(JobStatus status);

}  // namespace cvpress::cli
