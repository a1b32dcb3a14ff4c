// Fallback chains (FontLibrary::chain), per-code-point fallback, and the fontconfig
// queries. The order of a chain:
//   1. the layout's families;
//   2. the faces of the script `lang` is written in (th -> Noto Sans Thai), after its
//      serif design when the text face is a serif (Noto Serif Thai), unless only the sans
//      has the weight or slant asked for: a bold heading stays bold before it stays serif;
//   3. for Chinese, Japanese and Korean: the Noto Sans CJK face of the language, so its
//      punctuation, symbols and digits-in-context take the CJK design;
//   4. Noto Sans and DejaVu Sans, whose wide coverage catches Latin, Greek, Cyrillic and
//      symbols (→ ★ ✓ ∑) the text faces lack, with proportional Latin-text designs;
//   5. for every other language, one Noto Sans CJK face (SC) last: English résumés quote
//      Chinese names and use full-width punctuation ("：", "～"), which only CJK faces have
//      (neither Noto Sans nor DejaVu Sans maps a single code point of U+3000-303F,
//      U+FF00-FFEF, kana, Hangul or Han, so placing it last loses nothing for CJK text and
//      keeps symbols in an English line out of the full-width CJK designs).
// A script no chain face covers gets fontconfig's face for it, in a serif chain its serif
// sibling when that covers the text too (English serif text quoting Hindi: Noto Serif
// Devanagari).
#include "text/fallback.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <string>
#include <utility>

#include <fontconfig/fontconfig.h>

#include "base/error.h"
#include "text/font_library_impl.h"

namespace cvpress::text {
namespace {

using Pattern = CHandle<FcPattern, FcPatternDestroy>;
using CharSet = CHandle<FcCharSet, FcCharSetDestroy>;
using FontSet = CHandle<FcFontSet, FcFontSetDestroy>;

// General fallbacks: Noto Sans (bundled in fonts/, else fonts-noto-core) and DejaVu Sans
// (fonts-dejavu-core, on nearly every Debian system).
constexpr std::array<std::string_view, 2> kGeneralFallbacks = {"Noto Sans", "DejaVu Sans"};

// A code point whose coverage proves a face is a CJK face: U+4E00 CJK UNIFIED IDEOGRAPH-4E00.
constexpr char32_t kCjkProbe = 0x4E00;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

struct LanguageTag {
  std::string language;  // "zh"
  std::string script;    // "hant" (lowercase)
  std::string region;    // "tw" (lowercase)
};

// BCP 47 subtags, enough for the font choice: language, then an optional 4-letter script,
// then an optional 2-letter or 3-digit region (RFC 5646 §2.1). '_' is accepted as ICU writes it.
LanguageTag parse_tag(std::string_view tag) {
  LanguageTag out;
  std::size_t index = 0;
  std::size_t start = 0;
  while (start <= tag.size()) {
    std::size_t stop = tag.find_first_of("-_", start);
    if (stop == std::string_view::npos) stop = tag.size();
    std::string sub;
    for (char c : tag.substr(start, stop - start)) sub.push_back(lower(c));
    if (index == 0) {
      out.language = sub;
    } else if (sub.size() == 4 && out.script.empty() && out.region.empty()) {
      out.script = sub;
    } else if ((sub.size() == 2 || (sub.size() == 3 && std::isdigit(static_cast<unsigned char>(sub[0])))) &&
               out.region.empty()) {
      out.region = sub;
    }
    ++index;
    start = stop + 1;
  }
  return out;
}

void init_fontconfig() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!FcInit()) throw Error("cannot initialise fontconfig");
  });
}

// fontconfig keeps process-wide state (the current FcConfig, its caches, the periodic
// rescan). It documents itself thread-safe since 2.10, but queries are rare here (each
// answer is cached per FontLibrary), so a batch's workers take turns rather than rely on it.
std::mutex& fontconfig_mutex() {
  static std::mutex mutex;
  return mutex;
}

const char* c_str(const FcChar8* s) { return reinterpret_cast<const char*>(s); }

// Only outline formats FreeType and the PDF stage's subsetter handle: TrueType (glyf) and
// CFF (fontconfig's FC_FONTFORMAT values), never colour fonts (no outlines to embed).
bool usable(FcPattern* font) {
  FcChar8* format = nullptr;
  if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch) return false;
  const std::string_view f = c_str(format);
  if (f != "TrueType" && f != "CFF") return false;
  FcBool color = FcFalse;
  if (FcPatternGetBool(font, FC_COLOR, 0, &color) == FcResultMatch && color) return false;
  return true;
}

std::optional<FontLocation> location_of(FcPattern* font) {
  FcChar8* file = nullptr;
  int index = 0;
  if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
  if (FcPatternGetInteger(font, FC_INDEX, 0, &index) != FcResultMatch) index = 0;
  // The high 16 bits of FC_INDEX number a variable font's named instance; the face is the low 16.
  return FontLocation{c_str(file), static_cast<uint32_t>(index) & 0xFFFFu};
}

// How many of bold and italic `face` gets wrong: a real face of the script is never
// synthesised, so a face without the requested weight or slant sets the text as it is.
int style_misses(const FaceInfo& face, bool bold, bool italic) {
  return (face.bold != bold ? 1 : 0) + (face.italic != italic ? 1 : 0);
}

void add_style(FcPattern* pattern, bool bold, bool italic) {
  FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
}

}  // namespace

bool equal_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string cjk_family(std::string_view lang) {
  const LanguageTag tag = parse_tag(lang);
  if (tag.language == "ja") return "Noto Sans CJK JP";
  if (tag.language == "ko") return "Noto Sans CJK KR";
  if (tag.language == "zh" || tag.language == "yue") {
    if (tag.region == "hk") return "Noto Sans CJK HK";
    if (tag.script == "hant" || tag.region == "tw" || tag.region == "mo") return "Noto Sans CJK TC";
    if (tag.script == "hans") return "Noto Sans CJK SC";
    if (tag.language == "yue") return "Noto Sans CJK HK";  // Cantonese, written in Hong Kong forms
  }
  return "Noto Sans CJK SC";
}

std::string serif_cjk_family(std::string_view lang) {
  std::string family = cjk_family(lang);
  const std::string_view sans = "Noto Sans ";
  if (family.rfind(sans, 0) == 0) family.replace(0, sans.size(), "Noto Serif ");
  return family;
}

bool is_serif_family(std::string_view family) {
  std::string lower_family(family);
  for (char& c : lower_family) c = lower(c);
  if (lower_family.find("sans") != std::string::npos || lower_family.find("mono") != std::string::npos)
    return false;
  for (std::string_view serif : {"serif", "garamond", "times", "libertin", "minion", "georgia", "baskerville",
                                 "caslon", "palatino", "bodoni", "charter", "crimson", "merriweather"})
    if (lower_family.find(serif) != std::string::npos) return true;
  return false;
}

std::vector<std::string> serif_script_families(std::string_view family, bool italic) {
  const std::string_view sans = "Noto Sans ";
  if (family.size() <= sans.size() || !equal_ignore_case(family.substr(0, sans.size()), sans)) return {};
  const std::string_view script = family.substr(sans.size());  // "Devanagari"
  if (equal_ignore_case(script, "Mono") || equal_ignore_case(script.substr(0, 4), "CJK ")) return {};
  // Arabic has no Noto Serif; Naskh is its book hand, the one set beside serif Latin.
  if (equal_ignore_case(script, "Arabic")) return {"Noto Naskh Arabic"};
  std::vector<std::string> out;
  // Tamil's only sloped design (fonts-noto-core); other scripts have no italic at all.
  if (italic && equal_ignore_case(script, "Tamil")) out.emplace_back("Noto Serif Tamil Slanted");
  out.push_back("Noto Serif " + std::string(script));
  return out;
}

std::vector<std::string> script_families(std::string_view lang) {
  // Language -> the Noto family of the script it is written in (all in fonts-noto-core).
  static constexpr std::pair<std::string_view, std::string_view> kTable[] = {
      {"am", "Noto Sans Ethiopic"},   {"ar", "Noto Sans Arabic"},   {"as", "Noto Sans Bengali"},
      {"bn", "Noto Sans Bengali"},    {"bo", "Noto Serif Tibetan"}, {"ckb", "Noto Sans Arabic"},
      {"dv", "Noto Sans Thaana"},     {"dz", "Noto Serif Tibetan"}, {"fa", "Noto Sans Arabic"},
      {"gu", "Noto Sans Gujarati"},   {"he", "Noto Sans Hebrew"},   {"hi", "Noto Sans Devanagari"},
      {"hy", "Noto Sans Armenian"},   {"ka", "Noto Sans Georgian"}, {"km", "Noto Sans Khmer"},
      {"kn", "Noto Sans Kannada"},    {"lo", "Noto Sans Lao"},      {"ml", "Noto Sans Malayalam"},
      {"mr", "Noto Sans Devanagari"}, {"my", "Noto Sans Myanmar"},  {"ne", "Noto Sans Devanagari"},
      {"or", "Noto Sans Oriya"},      {"pa", "Noto Sans Gurmukhi"}, {"ps", "Noto Sans Arabic"},
      {"sa", "Noto Sans Devanagari"}, {"si", "Noto Sans Sinhala"},  {"syr", "Noto Sans Syriac"},
      {"ta", "Noto Sans Tamil"},      {"te", "Noto Sans Telugu"},   {"th", "Noto Sans Thai"},
      {"ti", "Noto Sans Ethiopic"},   {"ug", "Noto Sans Arabic"},   {"ur", "Noto Nastaliq Urdu"},
      {"yi", "Noto Sans Hebrew"},
  };
  const LanguageTag tag = parse_tag(lang);
  std::vector<std::string> out;
  for (const auto& [language, family] : kTable) {
    if (tag.language == language) out.emplace_back(family);
  }
  if (tag.language == "ur") out.emplace_back("Noto Sans Arabic");  // Naskh after Nastaliq
  return out;
}

std::optional<FontLocation> fontconfig_family(std::string_view family, bool bold, bool italic) {
  init_fontconfig();
  const std::lock_guard lock(fontconfig_mutex());
  const std::string name(family);
  Pattern pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
  add_style(pattern.get(), bold, italic);
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  Pattern match(FcFontMatch(nullptr, pattern.get(), &result));
  if (!match || !usable(match.get())) return std::nullopt;
  // fontconfig always returns something: accept it only under the requested family name
  // (any of its names, e.g. a localised one, counts).
  FcChar8* matched = nullptr;
  for (int n = 0; FcPatternGetString(match.get(), FC_FAMILY, n, &matched) == FcResultMatch; ++n) {
    if (equal_ignore_case(c_str(matched), family)) return location_of(match.get());
  }
  return std::nullopt;
}

std::optional<FontLocation> fontconfig_covering(std::span<const char32_t> cps, bool bold, bool italic,
                                                std::string_view lang) {
  init_fontconfig();
  const std::lock_guard lock(fontconfig_mutex());
  CharSet charset(FcCharSetCreate());
  for (char32_t cp : cps) FcCharSetAddChar(charset.get(), cp);
  Pattern pattern(FcPatternCreate());
  FcPatternAddCharSet(pattern.get(), FC_CHARSET, charset.get());
  add_style(pattern.get(), bold, italic);
  const LanguageTag tag = parse_tag(lang);
  if (!tag.language.empty()) {
    FcPatternAddString(pattern.get(), FC_LANG, reinterpret_cast<const FcChar8*>(tag.language.c_str()));
  }
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  // FcFontSort, not FcFontMatch: the best match may lack the character (charset is only
  // one criterion), so walk the sorted list for the first face that really has all of them.
  FontSet fonts(FcFontSort(nullptr, pattern.get(), FcTrue, nullptr, &result));
  if (!fonts) return std::nullopt;
  for (int i = 0; i < fonts->nfont; ++i) {
    FcPattern* font = fonts->fonts[i];
    FcCharSet* has = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch) continue;
    if (!std::all_of(cps.begin(), cps.end(), [&](char32_t cp) { return FcCharSetHasChar(has, cp); }))
      continue;
    if (!usable(font)) continue;
    return location_of(font);
  }
  return std::nullopt;
}

std::vector<std::string> fontconfig_files() {
  init_fontconfig();
  const std::lock_guard lock(fontconfig_mutex());
  std::vector<std::string> files;
  if (FcFontSet* set = FcConfigGetFonts(nullptr, FcSetSystem)) {  // owned by the config
    for (int i = 0; i < set->nfont; ++i) {
      FcChar8* file = nullptr;
      if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
        files.emplace_back(c_str(file));
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

FontChain FontLibrary::chain(std::span<const std::string> families, bool bold, bool italic,
                             std::string_view lang) {
  FontChain out;
  out.lang = std::string(lang);
  out.bold = bold;
  out.italic = italic;
  auto add = [&](std::optional<FontId> id) {
    if (id && std::find(out.faces.begin(), out.faces.end(), *id) == out.faces.end()) out.faces.push_back(*id);
  };
  for (const std::string& family : families) add(find(family, bold, italic));
  // A serif text face gets the serif designs of other scripts (and the Ming/Song/Mincho/
  // Myeongjo CJK design), so they share one contrast with Latin; sans text gets sans.
  const bool serif = !out.faces.empty() && is_serif_family(impl_->face(out.faces.front()).info().family);
  for (const std::string& family : script_families(lang)) {
    const std::optional<FontId> sans = find(family, bold, italic);
    if (serif) {
      for (const std::string& serif_family : serif_script_families(family, italic)) {
        const std::optional<FontId> face = find(serif_family, bold, italic);
        // Behind the sans face when only that one has the weight or slant asked for.
        if (face && sans && style_misses(info(*face), bold, italic) > style_misses(info(*sans), bold, italic))
          add(sans);
        add(face);
      }
    }
    add(sans);
  }

  const std::string language = parse_tag(lang).language;
  const bool cjk_language = language == "zh" || language == "ja" || language == "ko" || language == "yue";
  auto add_cjk = [&] {
    std::optional<FontId> cjk;
    if (serif) cjk = find(serif_cjk_family(lang), bold, italic);
    if (!cjk) cjk = find(cjk_family(lang), bold, italic);
    if (!cjk && impl_->options.use_fontconfig) {
      // No Noto Sans CJK: any installed face fontconfig picks for the language's ideographs.
      const char32_t probe[] = {kCjkProbe};
      if (auto location = fontconfig_covering(probe, bold, italic, cjk_language ? lang : "zh")) {
        cjk = impl_->load(location->path, location->face_index);
      }
    }
    add(cjk);
  };
  if (cjk_language) add_cjk();
  for (std::string_view family : kGeneralFallbacks) add(find(family, bold, italic));
  if (!cjk_language) add_cjk();
  return out;
}

FontId FontLibrary::Impl::fallback_for(const FontChain& chain, std::span<const char32_t> cps,
                                       std::vector<FontId>& extension) {
  if (cps.empty()) return kNoFont;
  auto covers_all = [&](FontId id) {
    return std::all_of(cps.begin(), cps.end(), [&](char32_t cp) { return face(id).covers(cp); });
  };
  for (FontId id : extension) {
    if (covers_all(id)) return id;
  }
  if (!options.use_fontconfig) return kNoFont;

  auto remember = [&](FontId id) {
    if (std::find(extension.begin(), extension.end(), id) == extension.end()) extension.push_back(id);
    return id;
  };
  const bool serif = !chain.faces.empty() && is_serif_family(face(chain.faces.front()).info().family);
  // In a serif chain, fontconfig's face gives way to its serif sibling when that covers
  // `these` as well and is no further from the style asked for.
  auto serif_sibling = [&](FontId id, std::span<const char32_t> these) {
    if (!serif) return id;
    const FaceInfo& original = face(id).info();
    for (const std::string& family : serif_script_families(original.family, chain.italic)) {
      const auto location = fontconfig_family(family, chain.bold, chain.italic);
      if (!location) continue;
      const FontId sibling = load(location->path, location->face_index);
      const Face& f = face(sibling);
      if (std::all_of(these.begin(), these.end(), [&](char32_t cp) { return f.covers(cp); }) &&
          style_misses(f.info(), chain.bold, chain.italic) <=
              style_misses(original, chain.bold, chain.italic))
        return sibling;
    }
    return id;
  };
  for (char32_t cp : cps) {
    const auto key = std::make_tuple(cp, chain.bold, chain.italic, serif, parse_tag(chain.lang).language);
    auto it = code_point_fallback.find(key);
    if (it == code_point_fallback.end()) {
      FontId id = kNoFont;
      const char32_t one[] = {cp};
      if (auto location = fontconfig_covering(one, chain.bold, chain.italic, chain.lang)) {
        id = load(location->path, location->face_index);
        if (!face(id).covers(cp)) id = kNoFont;  // fontconfig's charset and the cmap disagree
      }
      if (id != kNoFont) id = serif_sibling(id, one);
      it = code_point_fallback.emplace(key, id).first;
    }
    if (it->second != kNoFont && covers_all(it->second)) return remember(it->second);
  }
  if (cps.size() > 1) {
    // No single code point's face has them all: ask for the whole cluster at once.
    if (auto location = fontconfig_covering(cps, chain.bold, chain.italic, chain.lang)) {
      const FontId id = load(location->path, location->face_index);
      if (covers_all(id)) return remember(serif_sibling(id, cps));
    }
  }
  return kNoFont;
}

}  // namespace cvpress::text
