#pragma once
// Environment failures (a font file that cannot be read, libharu running out of
// memory) throw cvpress::Error; its what() is the final, user-facing message.
// Bugs are caught by CVPRESS_ASSERT, which stays on in release builds.
#include <stdexcept>
#include <string>

namespace cvpress {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// Thrown by CVPRESS_ASSERT: an invariant of cvpress itself was broken (exit code 3).
class InternalError : public std::logic_error {
 public:
  explicit InternalError(const std::string& message) : std::logic_error(message) {}
};

[[noreturn]] void assertion_failed(const char* condition, const char* file, int line);

}  // namespace cvpress

#define CVPRESS_ASSERT(cond) \
  ((cond) ? static_cast<void>(0) : ::cvpress::assertion_failed(#cond, __FILE__, __LINE__))
