#pragma once
// `--report report.jsonl`: one JSON object per job, one per line (JSON Lines), in job
// order, e.g.
//   {"input":"a/resume.en.md","output":"out/resume.en.pdf","status":"rendered","pages":2,
//    "ms":31.2,"warnings":[],"errors":[],"missing_glyphs":[]}
// Warnings and errors are the diagnostics as printed (`file:line:col: error: message`).
#include <string>
#include <string_view>

#include "cli/job.h"

namespace cvpress::cli {

/// `text` as a JSON string literal, quotes included (RFC 8259: `"` `\` and control
/// characters escaped; other UTF-8 passes through as is).
[[nodiscard]] std::string json_string(std::string_view text);

/// The report line of one job, without the newline.
[[nodiscard]] std::string report_line(const Job& job, const JobOutcome& outcome);

}  // namespace cvpress::cli
