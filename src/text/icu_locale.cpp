#include "text/icu_locale.h"

#include <array>

#include <unicode/uloc.h>

namespace cvpress::text {

std::string icu_locale(std::string_view lang) {
  if (lang.empty()) return {};
  const std::string tag(lang);
  std::array<char, ULOC_FULLNAME_CAPACITY> id{};
  UErrorCode status = U_ZERO_ERROR;
  int32_t parsed = 0;
  const int32_t length =
      uloc_forLanguageTag(tag.c_str(), id.data(), static_cast<int32_t>(id.size()), &parsed, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || length <= 0) return {};
  return std::string(id.data(), static_cast<std::size_t>(length));
}

}  // namespace cvpress::text
