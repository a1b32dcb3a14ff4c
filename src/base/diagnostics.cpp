#include "base/diagnostics.h"

#include <string>

namespace cvpress {

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::error(std::string file, SourceLocation at, std::string message, std::string hint) {
  add({Severity::Error, std::move(file), at, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string file, SourceLocation at, std::string message, std::string hint) {
  add({Severity::Warning, std::move(file), at, std::move(message), std::move(hint)});
}

void Diagnostics::note(std::string file, SourceLocation at, std::string message, std::string hint) {
  add({Severity::Note, std::move(file), at, std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.all()) add(d);
}

std::string format(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.location.known()) {
      out += ':' + std::to_string(d.location.line);
      if (d.location.column != 0) out += ':' + std::to_string(d.location.column);
    }
    out += ": ";
  }
  switch (d.severity) {
    case Severity::Error: out += "error: "; break;
    case Severity::Warning: out += "warning: "; break;
    case Severity::Note: out += "note: "; break;
  }
  out += d.message;
  if (!d.hint.empty()) out += "\nhint: " + d.hint;
  return out;
}

std::string format(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds.all()) out += format(d) + '\n';
  return out;
}

void Diagnostics::warnings_to_errors() {
  for (Diagnostic& d : items_) {
    if (d.severity != Severity::Warning) continue;
    d.severity = Severity::Error;
    ++errors_;
  }
}

}  // namespace cvpress
