#include "base/error.h"

#include <string>

namespace cvpress {

void assertion_failed(const char* condition, const char* file, int line) {
  throw InternalError(std::string("internal error: assertion `") + condition + "` failed at " + file + ":" +
                      std::to_string(line));
}

}  // namespace cvpress
