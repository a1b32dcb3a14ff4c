#pragma once
// Shared by the text stage's tests: a FontLibrary over the project's bundled fonts/.
#include <string>

#include "text/text.h"

namespace cvpress::text::testing {

inline const std::string kFontsDir = std::string(CVPRESS_SOURCE_DIR) + "/fonts";
inline const std::string kDataDir = std::string(CVPRESS_TEST_DATA) + "/text";

inline FontLibraryOptions bundled_fonts() { return FontLibraryOptions{{kFontsDir}, true}; }

}  // namespace cvpress::text::testing
