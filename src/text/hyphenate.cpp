// Hyphenation (hyphenation_points) with libhyphen, the engine of LibreOffice, over the
// Liang pattern dictionaries Debian installs in /usr/share/hyphen (hyphen-en-us,
// hyphen-de, ...).
//
// A word goes through four steps: UTF-8 -> UTF-16 (ICU), lower-cased for the language
// (the patterns are lower case), converted to the dictionary's own character set (the
// German dictionary is ISO 8859-1, the Russian one KOI8-R, most are UTF-8), and handed to
// hnj_hyphen_hyphenate3 with the language's minimums. Its answer is one digit per
// character (odd: a hyphen may follow that character), which is mapped back to byte
// offsets of the word as given. Replacement hyphenation (the old German "ck" -> "k-k")
// is not used: a point that needs a replacement is dropped.
//
// Loading a dictionary parses up to a megabyte of patterns, so each thread keeps the
// dictionaries it has loaded (as breaks.cpp keeps its ICU iterators); libhyphen's
// dictionaries are not documented as thread-safe.
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "base/c_handle.h"
#include "base/error.h"
#include "base/utf8.h"
#include "text/icu_locale.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

// Where Debian's hyphen-* packages put their dictionaries (hyph_<ll>_<RR>.dic).
constexpr const char* kDictionaryDir = "/usr/share/hyphen";

// Hyphenating a short word gains little room and reads badly: LibreOffice's default
// minimal word length is 5 characters, as is the first value of CSS Text 4's
// `hyphenate-limit-chars: auto`.
constexpr std::size_t kMinWordLength = 5;

// Longer words are left alone: they are never natural-language words (hashes, base64)
// and the dictionary buffers are sized by the word.
constexpr std::size_t kMaxWordLength = 64;

// The language's \lefthyphenmin / \righthyphenmin as TeX's hyph-utf8 and babel set them
// (characters before the first and after the last hyphen). The dictionary's own
// LEFTHYPHENMIN/RIGHTHYPHENMIN still apply when they are larger.
struct Minimums {
  const char* language;
  int left, right;
};
constexpr Minimums kMinimums[] = {
    {"en", 2, 3},  // hyph-en-us and hyph-en-gb: 2 3 (plain TeX's values)
    {"de", 2, 2},  // hyph-de-1996: 2 2
    {"fr", 2, 3},  // babel-french: \lefthyphenmin 2, \righthyphenmin 3
    {"es", 2, 2},  // hyph-es: 2 2
    {"it", 2, 2},  // hyph-it: 2 2
    {"pt", 2, 3},  // hyph-pt: 2 3
    {"ru", 2, 2},  // hyph-ru: 2 2
    {"nl", 2, 2},  // hyph-nl: 2 2
};
// Languages not in the table: TeX's defaults, \lefthyphenmin 2, \righthyphenmin 3.
constexpr Minimums kDefaultMinimums = {"", 2, 3};

// The region Debian's dictionaries use when `lang` names none: en -> en_US, de -> de_DE.
struct DefaultRegion {
  const char* language;
  const char* region;
};
constexpr DefaultRegion kDefaultRegions[] = {{"en", "US"}, {"de", "DE"}, {"es", "ES"}, {"fr", "FR"},
                                             {"it", "IT"}, {"nl", "NL"}, {"pt", "PT"}, {"ru", "RU"}};

using Dictionary = CHandle<HyphenDict, hnj_hyphen_free>;

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// "en_US" from "en-US", "en" + its default region from "en"; language and region from ICU.
std::pair<std::string, std::string> language_and_region(std::string_view lang) {
  const std::string id = icu_locale(lang);  // "en_US", "zh_Hans_CN", "de"
  std::string language = id.substr(0, id.find('_'));
  std::string region;
  std::size_t at = id.find('_');
  while (at != std::string::npos) {
    const std::size_t next = id.find('_', at + 1);
    const std::string part = id.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    if (part.size() == 2 && std::isupper(static_cast<unsigned char>(part[0]))) region = part;
    at = next;
  }
  return {language, region};
}

// The dictionary of `lang`, loaded on first use; null when none is installed.
HyphenDict* dictionary_for(std::string_view lang) {
  thread_local std::map<std::string, Dictionary, std::less<>> cache;
  if (auto it = cache.find(lang); it != cache.end()) return it->second.get();
  auto [language, region] = language_and_region(lang);
  std::vector<std::string> candidates;
  if (!language.empty()) {
    if (!region.empty()) candidates.push_back(language + "_" + region);
    for (const DefaultRegion& d : kDefaultRegions)
      if (language == d.language) candidates.push_back(language + "_" + d.region);
    candidates.push_back(language);
  }
  Dictionary dict;
  for (const std::string& c : candidates) {
    const std::string path = std::string(kDictionaryDir) + "/hyph_" + c + ".dic";
    if (!file_exists(path)) continue;
    dict.reset(hnj_hyphen_load(path.c_str()));
    if (!dict) throw Error("cannot read the hyphenation dictionary " + path);
    break;
  }
  return cache.emplace(std::string(lang), std::move(dict)).first->second.get();
}

Minimums minimums_for(std::string_view lang) {
  const std::string language = language_and_region(lang).first;
  for (const Minimums& m : kMinimums)
    if (language == m.language) return m;
  return kDefaultMinimums;
}

// `word` lower-cased for `lang`, in the dictionary's character set, one unit per code
// point for 8-bit sets; empty when it cannot be (a character the set lacks, or a case
// mapping that changes the number of characters).
std::string prepare_word(std::string_view word, std::string_view lang, const HyphenDict& dict,
                         std::size_t code_points) {
  UErrorCode status = U_ZERO_ERROR;
  std::u16string utf16(word.size() + 1, u'\0');
  int32_t length = 0;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &length, word.data(),
                static_cast<int32_t>(word.size()), &status);
  if (U_FAILURE(status)) return {};
  utf16.resize(static_cast<std::size_t>(length));
  std::u16string lower(utf16.size() * 2 + 1, u'\0');
  const std::string locale = icu_locale(lang);
  status = U_ZERO_ERROR;
  length = u_strToLower(lower.data(), static_cast<int32_t>(lower.size()), utf16.data(),
                        static_cast<int32_t>(utf16.size()), locale.c_str(), &status);
  if (U_FAILURE(status)) return {};
  lower.resize(static_cast<std::size_t>(length));
  if (static_cast<std::size_t>(u_countChar32(lower.data(), length)) != code_points) return {};

  std::string out(lower.size() * 4 + 1, '\0');
  status = U_ZERO_ERROR;
  if (dict.utf8) {
    int32_t n = 0;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &n, lower.data(), length, &status);
    if (U_FAILURE(status)) return {};
    out.resize(static_cast<std::size_t>(n));
    return out;
  }
  using Converter = CHandle<UConverter, ucnv_close>;
  Converter converter(ucnv_open(dict.cset, &status));
  if (U_FAILURE(status)) return {};
  // A character the set lacks is an error, not a substitute: the word is not hyphenated.
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const int32_t n = ucnv_fromUChars(converter.get(), out.data(), static_cast<int32_t>(out.size()),
                                    lower.data(), length, &status);
  if (U_FAILURE(status) || static_cast<std::size_t>(n) != code_points) return {};
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }

// Characters that make a whole piece a number, a version or an e-mail address. (Other
// punctuation only matters between letters: "example.com", "a_b", "and/or".)
bool is_technical(char32_t c) { return u_isdigit(static_cast<UChar32>(c)) || c == U'@'; }

bool is_word_char(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  const int8_t type = u_charType(cp);
  return u_isalpha(cp) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

}  // namespace

std::optional<WordRange> hyphenatable_word(std::string_view piece) {
  std::optional<std::size_t> first, last;  // first letter, end of the last letter
  bool lower = false;
  for (std::size_t i = 0; i < piece.size();) {
    const utf8::Decoded d = utf8::decode(piece, i);
    if (is_technical(d.code_point)) return std::nullopt;
    if (u_isalpha(static_cast<UChar32>(d.code_point))) {
      if (!first) first = i;
      last = i + d.length;
      lower = lower || u_islower(static_cast<UChar32>(d.code_point));
    }
    i += d.length;
  }
  if (!first || !lower) return std::nullopt;
  for (std::size_t i = *first; i < *last;) {
    const utf8::Decoded d = utf8::decode(piece, i);
    if (!is_word_char(d.code_point) && !is_apostrophe(d.code_point)) return std::nullopt;
    i += d.length;
  }
  return WordRange{*first, *last};
}

bool can_hyphenate(std::string_view lang) { return dictionary_for(lang) != nullptr; }

std::vector<std::size_t> hyphenation_points(std::string_view word, std::string_view lang) {
  std::vector<std::size_t> out;
  // Byte offset of each code point of the word (and the end).
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < word.size(); ++i)
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) starts.push_back(i);
  const std::size_t n = starts.size();
  starts.push_back(word.size());
  if (n < kMinWordLength || n > kMaxWordLength) return out;
  HyphenDict* dict = dictionary_for(lang);
  if (!dict) return out;
  const std::string prepared = prepare_word(word, lang, *dict, n);
  if (prepared.empty()) return out;

  const Minimums m = minimums_for(lang);
  // libhyphen wants word_size + 5 bytes for the hyphen digits.
  std::vector<char> hyphens(prepared.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int failed = hnj_hyphen_hyphenate3(dict, prepared.data(), static_cast<int>(prepared.size()),
                                           hyphens.data(), nullptr, &rep, &pos, &cut, m.left, m.right, 0, 0);
  if (!failed) {
    // One digit per character (libhyphen folds UTF-8 sequences into one position).
    for (std::size_t c = 0; c + 1 < n; ++c) {
      if ((hyphens[c] & 1) == 0) continue;
      if (rep && rep[c]) continue;  // replacement hyphenation: not supported
      out.push_back(starts[c + 1]);
    }
  }
  if (rep) {
    for (std::size_t c = 0; c < prepared.size(); ++c) std::free(rep[c]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return out;
}

}  // namespace cvpress::text
