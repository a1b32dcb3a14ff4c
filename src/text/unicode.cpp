// Unicode properties, names, case mapping and coverage hints, all from ICU (never
// hand-written tables, DESIGN §2), except the script -> font package map of coverage_hint.
#include "text/unicode.h"

#include <algorithm>
#include <array>
#include <string>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "base/error.h"
#include "text/icu_locale.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

// Longest Unicode character name is 88 bytes (Unicode 15, NameAliases/UnicodeData); ICU's
// extended names ("<private-use-10FFFD>") are shorter. 128 leaves room.
constexpr int32_t kNameCapacity = 128;

std::string char_name(char32_t cp, UCharNameChoice choice) {
  std::array<char, kNameCapacity> buffer{};
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_charName(static_cast<UChar32>(cp), choice, buffer.data(),
                                    static_cast<int32_t>(buffer.size()), &status);
  if (U_FAILURE(status) || length <= 0) return {};
  return std::string(buffer.data(), static_cast<std::size_t>(std::min(length, kNameCapacity)));
}

UScriptCode script_of(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  return U_FAILURE(status) ? USCRIPT_INVALID_CODE : script;
}

// Noto's family names for the ICU long script names that are spelt differently.
std::string noto_family_for(UScriptCode script) {
  switch (script) {
    case USCRIPT_TIBETAN: return "Noto Serif Tibetan";  // fonts-noto-core has only the serif
    case USCRIPT_NKO: return "Noto Sans NKo";
    case USCRIPT_PHAGS_PA: return "Noto Sans PhagsPa";
    case USCRIPT_BRAILLE: return "Noto Sans Symbols2";
    case USCRIPT_YI: return "Noto Sans Yi";
    default: break;
  }
  std::string name = uscript_getName(script);  // "Old_Italic"
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  return "Noto Sans " + name;
}

}  // namespace

bool needs_glyph(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) && u_charType(c) != U_CONTROL_CHAR;
}

bool is_common_script(char32_t cp) {
  const UScriptCode script = script_of(cp);
  return script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
}

std::string script_name(char32_t cp) {
  const UScriptCode script = cp > 0x10FFFF ? USCRIPT_INVALID_CODE : script_of(cp);
  const char* name = script == USCRIPT_INVALID_CODE ? nullptr : uscript_getName(script);
  if (name == nullptr) return "Unknown";
  std::string out = name;  // "Old_Italic", "Canadian_Aboriginal"
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string unicode_name(char32_t cp) {
  if (cp > 0x10FFFF || u_charType(static_cast<UChar32>(cp)) == U_UNASSIGNED) return "<unassigned>";
  // The corrected name (NameAliases.txt "correction": U+01A2 is LATIN CAPITAL LETTER GHA),
  // else the name, else ICU's extended label ("<control-000A>", "<private use area-E000>").
  for (UCharNameChoice choice : {U_CHAR_NAME_ALIAS, U_UNICODE_CHAR_NAME, U_EXTENDED_CHAR_NAME}) {
    std::string name = char_name(cp, choice);
    if (!name.empty()) return name;
  }
  return "<unassigned>";
}

std::string coverage_hint(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (cp > 0x10FFFF || u_charType(c) == U_UNASSIGNED) return {};
  if (u_charType(c) == U_PRIVATE_USE_CHAR) {
    return "a private-use character needs the font it was made for: add that font to the layout's font stack";
  }
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) {
    return "install fonts-noto-color-emoji; colour emoji cannot be embedded as outlines, so prefer a "
           "text symbol or an icon font such as fonts-fork-awesome";
  }
  const UScriptCode script = script_of(cp);
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO: return "install fonts-noto-cjk (Noto Sans CJK)";
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      if (cp >= 0x3000 && cp <= 0x303F) return "install fonts-noto-cjk (Noto Sans CJK)";  // CJK punctuation
      if (cp >= 0xFF00 && cp <= 0xFFEF) return "install fonts-noto-cjk (Noto Sans CJK)";  // full-width forms
      return "install fonts-noto-core (Noto Sans Symbols, Noto Sans Symbols2, Noto Sans Math) or "
             "fonts-dejavu";
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC: return "install fonts-noto-core (Noto Sans) or fonts-dejavu";
    case USCRIPT_INVALID_CODE:
    case USCRIPT_UNKNOWN: return {};
    default: return "install fonts-noto-core (" + noto_family_for(script) + ")";
  }
}

std::string to_upper(std::string_view text, std::string_view lang) {
  if (text.empty()) return {};
  // UTF-8 -> UTF-16 (ICU's case mapping works on UChar), upper-case, -> UTF-8. Ill-formed
  // input becomes U+FFFD rather than an error (the substitution character below).
  UErrorCode status = U_ZERO_ERROR;
  int32_t utf16_length = 0;
  u_strFromUTF8WithSub(nullptr, 0, &utf16_length, text.data(), static_cast<int32_t>(text.size()), 0xFFFD,
                       nullptr, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) throw Error("cannot convert text to UTF-16");
  std::u16string utf16(static_cast<std::size_t>(utf16_length), u'\0');
  status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(reinterpret_cast<UChar*>(utf16.data()), utf16_length, nullptr, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) throw Error("cannot convert text to UTF-16");

  const std::string locale = icu_locale(lang);
  std::u16string upper(utf16.size() + 16, u'\0');  // ß -> SS grows; retry with the exact size
  for (int attempt = 0; attempt < 2; ++attempt) {
    status = U_ZERO_ERROR;
    const int32_t length =
        u_strToUpper(reinterpret_cast<UChar*>(upper.data()), static_cast<int32_t>(upper.size()),
                     reinterpret_cast<const UChar*>(utf16.data()), utf16_length, locale.c_str(), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      upper.assign(static_cast<std::size_t>(length), u'\0');
      continue;
    }
    if (U_FAILURE(status)) throw Error("cannot upper-case text");
    upper.resize(static_cast<std::size_t>(length));
    break;
  }

  std::string out;
  int32_t utf8_length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &utf8_length, reinterpret_cast<const UChar*>(upper.data()),
              static_cast<int32_t>(upper.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) throw Error("cannot convert text to UTF-8");
  out.resize(static_cast<std::size_t>(utf8_length));
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), utf8_length, nullptr, reinterpret_cast<const UChar*>(upper.data()),
              static_cast<int32_t>(upper.size()), &status);
  if (U_FAILURE(status)) throw Error("cannot convert text to UTF-8");
  return out;
}

}  // namespace cvpress::text
