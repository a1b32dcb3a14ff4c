#pragma once
// Unicode properties the text stage uses internally (ICU behind them, in unicode.cpp).

namespace cvpress::text {

/// False for code points that never need a glyph of their own, so font coverage ignores
/// them: Default_Ignorable_Code_Point (ZWJ, ZWNJ, variation selectors, soft hyphen; UAX #44,
/// Unicode §5.21) and controls (general category Cc: tab, line feed), which layout handles.
[[nodiscard]] bool needs_glyph(char32_t cp);

}  // namespace cvpress::text
