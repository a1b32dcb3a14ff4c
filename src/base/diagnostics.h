#pragma once
// User problems are collected, not thrown, so the user sees all of them at once:
//   resume.md:41:17: error: no font covers U+0E01 THAI CHARACTER KO KAI
//   hint: install fonts-noto-core
#include <string>
#include <vector>

#include "base/source.h"

namespace cvpress {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;  // display path; empty when the problem has no file
  SourceLocation location;
  std::string message;  // lowercase, no trailing period, names the thing and the value
  std::string hint;     // optional
};

class Diagnostics {
 public:
  void error(std::string file, SourceLocation at, std::string message, std::string hint = {});
  void warning(std::string file, SourceLocation at, std::string message, std::string hint = {});
  void note(std::string file, SourceLocation at, std::string message, std::string hint = {});
  void add(Diagnostic d);
  void append(const Diagnostics& other);
  /// `--strict`: every warning becomes an error (the same message, location and hint).
  void warnings_to_errors();

  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
  [[nodiscard]] bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
};

/// `file:line:col: error: message` + `\nhint: ...`, one diagnostic per call.
[[nodiscard]] std::string format(const Diagnostic& d);
/// Every diagnostic, each followed by a newline.
[[nodiscard]] std::string format(const Diagnostics& ds);

}  // namespace cvpress
