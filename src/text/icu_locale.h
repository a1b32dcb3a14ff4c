#pragma once
// BCP 47 tags -> ICU locale ids. Never ICU's default locale: it comes from the process
// environment (LANG), and nothing below cli/ may depend on that (DESIGN §9).
#include <string>
#include <string_view>

namespace cvpress::text {

/// The ICU locale id for BCP 47 `lang` ("zh-Hant-TW" -> "zh_Hant_TW"); "" (ICU's root
/// locale) when `lang` is empty or not a well-formed tag.
[[nodiscard]] std::string icu_locale(std::string_view lang);

}  // namespace cvpress::text
