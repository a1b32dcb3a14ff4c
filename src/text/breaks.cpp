// Break opportunities with ICU: UAX #14 line breaks (line_breaks) and UAX #29 grapheme
// clusters (grapheme_boundaries). The text is given to ICU as UTF-8 through UText
// (utext_openUTF8), so every offset ICU reports is already a byte offset into the text.
//
// Opening a break iterator loads and compiles rules (tens of microseconds, more for the
// dictionaries), so each thread keeps one per locale and rebinds it to new text. ICU
// iterators are not thread-safe; thread_local keeps them to their thread.
#include "text/text.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "base/c_handle.h"
#include "base/error.h"
#include "text/icu_locale.h"

namespace cvpress::text {
namespace {

using BreakIterator = CHandle<UBreakIterator, ubrk_close>;
using Text = CHandle<UText, utext_close>;

// A cached iterator of `type` for ICU locale `locale`, not bound to any text.
UBreakIterator* iterator_for(UBreakIteratorType type, const std::string& locale) {
  thread_local std::map<std::pair<int, std::string>, BreakIterator> cache;
  auto key = std::make_pair(static_cast<int>(type), locale);
  if (auto it = cache.find(key); it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  // ICU falls back from an unknown locale to its parent and finally to root; an empty id is root.
  BreakIterator iterator(ubrk_open(type, locale.c_str(), nullptr, 0, &status));
  if (U_FAILURE(status) || !iterator) {
    throw Error(std::string("cannot open an ICU break iterator for locale \"") + locale +
                "\": " + u_errorName(status));
  }
  return cache.emplace(std::move(key), std::move(iterator)).first->second.get();
}

// Binds `iterator` to `text` (UTF-8); the returned UText must outlive the iteration.
Text bind(UBreakIterator* iterator, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  Text utext(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) throw Error(std::string("cannot open text for ICU: ") + u_errorName(status));
  ubrk_setUText(iterator, utext.get(), &status);
  if (U_FAILURE(status))
    throw Error(std::string("cannot set text for ICU break iterator: ") + u_errorName(status));
  return utext;
}

}  // namespace

std::vector<BreakOpportunity> line_breaks(std::string_view text, std::string_view lang) {
  std::vector<BreakOpportunity> out;
  if (text.empty()) return out;
  CVPRESS_ASSERT(text.size() < static_cast<std::size_t>(INT32_MAX));  // ICU offsets are int32_t
  UBreakIterator* iterator = iterator_for(UBRK_LINE, icu_locale(lang));
  const Text utext = bind(iterator, text);
  ubrk_first(iterator);
  for (int32_t at = ubrk_next(iterator); at != UBRK_DONE; at = ubrk_next(iterator)) {
    // The rule status of a boundary says why it is one: [UBRK_LINE_HARD, UBRK_LINE_HARD_LIMIT)
    // is a mandatory break (UAX #14 BK, CR, LF, NL), the rest are opportunities.
    const int32_t status = ubrk_getRuleStatus(iterator);
    out.push_back(BreakOpportunity{static_cast<std::size_t>(at),
                                   status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT});
  }
  return out;
}

std::vector<std::size_t> grapheme_boundaries(std::string_view text) {
  std::vector<std::size_t> out;
  if (text.empty()) return out;
  CVPRESS_ASSERT(text.size() < static_cast<std::size_t>(INT32_MAX));
  UBreakIterator* iterator = iterator_for(UBRK_CHARACTER, std::string());
  const Text utext = bind(iterator, text);
  ubrk_first(iterator);
  for (int32_t at = ubrk_next(iterator); at != UBRK_DONE; at = ubrk_next(iterator)) {
    out.push_back(static_cast<std::size_t>(at));
  }
  return out;
}

}  // namespace cvpress::text
