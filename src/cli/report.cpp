#include "cli/report.h"

#include <fmt/core.h>

namespace cvpress::cli {
namespace {

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_string(items[i]);
  return out + "]";
}

}  // namespace

const char* status_name(JobStatus status) {
  switch (status) {
    case JobStatus::NotStarted: return "not started";
    case JobStatus::Rendered: return "rendered";
    case JobStatus::Unchanged: return "unchanged";
    case JobStatus::Failed: return "failed";
  }
  return "?";
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string report_line(const Job& job, const JobOutcome& outcome) {
  std::vector<std::string> warnings, errors;
  for (const Diagnostic& d : outcome.diagnostics) {
    if (d.severity == Severity::Error) errors.push_back(format(d));
    if (d.severity == Severity::Warning) warnings.push_back(format(d));
  }
  if (!outcome.failure.empty()) errors.push_back(outcome.failure);
  // Milliseconds to 0.1: finer is noise; std::to_chars-style formatting, never the locale.
  return fmt::format(
      "{{\"input\":{},\"output\":{},\"status\":{},\"pages\":{},\"ms\":{:.1f},\"warnings\":{},\"errors\":{},"
      "\"missing_glyphs\":{}}}",
      json_string(job.input), json_string(job.output), json_string(status_name(outcome.status)),
      outcome.pages, outcome.milliseconds, json_list(warnings), json_list(errors),
      json_list(outcome.missing_glyphs));
}

}  // namespace cvpress::cli
