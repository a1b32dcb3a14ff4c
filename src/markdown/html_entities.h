#pragma once
// HTML5 named character references (&amp; &mdash; ...) and numeric ones (&#x2014;),
// which md4c reports as MD_TEXT_ENTITY without resolving them.
#include <optional>
#include <string>
#include <string_view>

namespace cvpress::markdown {

/// Resolves one character reference as md4c reports it, `&` and `;` included
/// (`&amp;`, `&#233;`, `&#xE9;`) to UTF-8. Numeric references to 0, surrogates or
/// values past U+10FFFF give U+FFFD (CommonMark 0.30 §2.5). Returns nullopt for a
/// name HTML5 does not define, so the caller can keep it literally.
[[nodiscard]] std::optional<std::string> resolve_entity(std::string_view reference);

}  // namespace cvpress::markdown
