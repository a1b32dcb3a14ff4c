// Bidi (UAX #9) with ICU ubidi: embedding levels of a paragraph (bidi_runs), its first
// strong direction, and the visual order of a line's runs (L2).
//
// ICU's bidi API works in UTF-16, so the paragraph is converted with a table from each
// UTF-16 index back to its byte offset; every offset that leaves this file is a byte
// offset into the caller's UTF-8. Most paragraphs of most documents hold no
// right-to-left character: for those, with a left-to-right base, the answer is one run
// at level 0 and ICU is not asked (the levels could only differ under explicit
// embeddings, which would not change the visual order).
//
// One higher-level protocol (UAX #9 HL3, explicit formatting added for the algorithm
// only): a number-like token — digits with the separators of dates, versions and phone
// numbers, maybe with Latin letters ("2019-08", "16.04", "+86-138", "v2.1") — is put
// between LRI and PDI, so it reads left to right and is a neutral to its neighbours.
// Plain UAX #9 turns the digits after an Arabic word into Arabic numbers (W2) and the
// hyphen between them into a neutral that takes the right-to-left direction (N1), so
// "2019-08" would read "08-2019" in an Arabic line; the author meant a date.
#include "text/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include "base/c_handle.h"
#include "base/error.h"
#include "base/utf8.h"

namespace cvpress::text {
namespace {

using Bidi = CHandle<UBiDi, ubidi_close>;

// Code points that can make a level odd under a left-to-right base: the right-to-left
// blocks (Hebrew through Arabic Extended-A, the presentation forms, the supplementary
// right-to-left blocks) and the right-to-left marks and embeddings (RLM, ALM, RLE, RLO,
// RLI). A superset is fine: it only decides whether ICU is asked.
bool may_be_rtl(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x200F || c == 0x061C ||
         c == 0x202B || c == 0x202E || c == 0x2067;
}

bool has_rtl(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    if (may_be_rtl(d.code_point)) return true;
    i += d.length;
  }
  return false;
}

// `text` as UTF-16 for ICU, LRI ... PDI around each number-like token, and the byte
// offset of each unit (size units + 1): kInserted for the isolates, which have no byte.
constexpr std::size_t kInserted = static_cast<std::size_t>(-1);
constexpr char16_t kLri = 0x2066, kPdi = 0x2069;  // LEFT-TO-RIGHT ISOLATE, POP DIRECTIONAL ISOLATE

struct Utf16 {
  std::u16string units;
  std::vector<std::size_t> byte_at;
};

Utf16 to_utf16(std::string_view text) {
  std::vector<char32_t> cps;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    cps.push_back(d.code_point);
    at.push_back(i);
    i += d.length;
  }
  at.push_back(text.size());

  // Which code points open and close an isolate.
  std::vector<uint8_t> opens(cps.size() + 1), closes(cps.size() + 1);
  for (std::size_t k = 0; k < cps.size();) {
    while (k < cps.size() && u_isUWhiteSpace(static_cast<UChar32>(cps[k]))) ++k;
    std::size_t first = cps.size(), last = 0;
    bool digit = false, rtl = false;
    for (; k < cps.size() && !u_isUWhiteSpace(static_cast<UChar32>(cps[k])); ++k) {
      const UCharDirection dir = u_charDirection(static_cast<UChar32>(cps[k]));
      if (dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC) rtl = true;
      const bool number = dir == U_EUROPEAN_NUMBER || dir == U_ARABIC_NUMBER;
      digit = digit || number;
      if (number || dir == U_LEFT_TO_RIGHT) {
        first = std::min(first, k);
        last = k + 1;
      }
    }
    if (digit && !rtl && first < last) {
      opens[first] = 1;
      closes[last] = 1;
    }
  }

  Utf16 out;
  out.units.reserve(text.size());
  out.byte_at.reserve(text.size() + 1);
  for (std::size_t k = 0; k <= cps.size(); ++k) {
    if (closes[k]) {
      out.units.push_back(kPdi);
      out.byte_at.push_back(kInserted);
    }
    if (opens[k]) {
      out.units.push_back(kLri);
      out.byte_at.push_back(kInserted);
    }
    if (k == cps.size()) break;
    if (cps[k] >= 0x10000) {
      const char32_t v = cps[k] - 0x10000;
      out.units.push_back(static_cast<char16_t>(0xD800 + (v >> 10)));
      out.units.push_back(static_cast<char16_t>(0xDC00 + (v & 0x3FF)));
      out.byte_at.push_back(at[k]);
      out.byte_at.push_back(kInserted);  // the low surrogate: the character started above
    } else {
      out.units.push_back(static_cast<char16_t>(cps[k]));
      out.byte_at.push_back(at[k]);
    }
  }
  out.byte_at.push_back(text.size());
  return out;
}

}  // namespace

BidiParagraph bidi_runs(std::string_view text, BaseDirection base) {
  BidiParagraph out;
  if (base == BaseDirection::RightToLeft) out.base_level = 1;
  if (base == BaseDirection::Auto && first_strong_direction(text) == Direction::RightToLeft)
    out.base_level = 1;
  if (text.empty()) return out;
  if (out.base_level == 0 && !has_rtl(text)) {
    out.runs.push_back({0, text.size(), 0});
    return out;
  }
  const Utf16 u = to_utf16(text);
  CVPRESS_ASSERT(u.units.size() < static_cast<std::size_t>(INT32_MAX));  // ICU lengths are int32_t
  UErrorCode status = U_ZERO_ERROR;
  Bidi bidi(ubidi_open());
  if (!bidi) throw Error("out of memory opening an ICU bidi object");
  // The base level is decided above for the whole text: a U+000A inside (a forced line
  // end) starts a new ICU paragraph, which must not pick a direction of its own.
  ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(u.units.data()),
                static_cast<int32_t>(u.units.size()), out.base_level, nullptr, &status);
  if (U_FAILURE(status)) throw Error(std::string("ICU bidi failed: ") + u_errorName(status));
  const UBiDiLevel* resolved = ubidi_getLevels(bidi.get(), &status);
  if (U_FAILURE(status)) throw Error(std::string("ICU bidi failed: ") + u_errorName(status));
  // Runs of equal level over the real characters (the isolates have no bytes).
  for (std::size_t k = 0; k < u.units.size(); ++k) {
    const std::size_t at = u.byte_at[k];
    if (at == kInserted) continue;
    if (out.runs.empty() || out.runs.back().level != resolved[k]) out.runs.push_back({at, at, resolved[k]});
  }
  for (std::size_t r = 0; r + 1 < out.runs.size(); ++r) out.runs[r].end = out.runs[r + 1].begin;
  out.runs.back().end = text.size();
  return out;
}

std::optional<Direction> first_strong_direction(std::string_view text) {
  // UAX #9 P2, without explicit isolates to skip: the text holds none that matter for a
  // résumé, and ubidi_getBaseDirection would need UTF-16 for the same answer.
  for (std::size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    switch (u_charDirection(static_cast<UChar32>(d.code_point))) {
      case U_LEFT_TO_RIGHT: return Direction::LeftToRight;
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC: return Direction::RightToLeft;
      default: break;
    }
    i += d.length;
  }
  return std::nullopt;
}

std::vector<std::size_t> visual_order(std::span<const uint8_t> levels) {
  std::vector<std::size_t> order(levels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (levels.empty()) return order;
  const uint8_t highest = *std::max_element(levels.begin(), levels.end());
  uint8_t lowest_odd = *std::min_element(levels.begin(), levels.end());
  if (lowest_odd % 2 == 0) ++lowest_odd;
  // order[i] is the run shown at position i; levels are read through it.
  for (uint8_t level = highest; level >= lowest_odd && level > 0; --level) {
    for (std::size_t i = 0; i < order.size();) {
      if (levels[order[i]] < level) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < order.size() && levels[order[j]] >= level) ++j;
      std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                   order.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }
  return order;
}

bool is_rtl_language(std::string_view lang) {
  const std::string_view primary = lang.substr(0, std::min(lang.find_first_of("-_"), lang.size()));
  std::string lower;
  for (char ch : primary) lower.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  // Languages written in Arabic, Hebrew or Thaana script by default (CLDR likely subtags).
  static constexpr std::array<std::string_view, 11> kRtl = {"ar", "he",  "iw", "fa", "ur", "yi",
                                                            "ps", "ckb", "dv", "sd", "ug"};
  return std::find(kRtl.begin(), kRtl.end(), lower) != kRtl.end();
}

}  // namespace cvpress::text
