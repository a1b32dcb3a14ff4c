#pragma once
// Fallback policy: which families a language adds to a chain (the Noto Sans CJK face for
// zh-Hans / zh-Hant / zh-HK / ja / ko, Noto Sans <Script> for other scripts), and the
// fontconfig queries behind FontLibrary::find and per-code-point fallback. fontconfig's
// types stay inside fallback.cpp.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::text {

/// A face inside a font file, as fontconfig reports it.
struct FontLocation {
  std::string path;
  uint32_t face_index = 0;
};

/// ASCII case-insensitive comparison (family names; never locale-dependent).
[[nodiscard]] bool equal_ignore_case(std::string_view a, std::string_view b);

/// The Noto Sans CJK family for `lang` (BCP 47): zh, zh-Hans, zh-CN, zh-SG -> "Noto Sans CJK
/// SC"; zh-Hant, zh-TW, zh-MO -> TC; zh-HK (also zh-Hant-HK) -> HK; ja -> JP; ko -> KR;
/// any other language -> SC.
[[nodiscard]] std::string cjk_family(std::string_view lang);

/// The serif counterpart of cjk_family(): "Noto Serif CJK SC" and so on (fonts-noto-cjk).
[[nodiscard]] std::string serif_cjk_family(std::string_view lang);

/// True when a family name says it is a serif design ("Noto Serif", "EB Garamond"), so
/// its CJK companion should be a serif (Ming/Mincho) face too.
[[nodiscard]] bool is_serif_family(std::string_view family);

/// The serif designs of a script's sans family, best first, for text whose own face is a
/// serif (is_serif_family): "Noto Sans Devanagari" -> {"Noto Serif Devanagari"}, "Noto
/// Sans Arabic" -> {"Noto Naskh Arabic"} (the book hand), "Noto Sans Tamil" in italic ->
/// {"Noto Serif Tamil Slanted", "Noto Serif Tamil"}. Empty for families that are not a
/// script's Noto Sans face (Noto Sans itself, Mono, CJK: cjk_family has its own). The
/// names are candidates: a chain keeps those installed.
[[nodiscard]] std::vector<std::string> serif_script_families(std::string_view family, bool italic);

/// Families for the script a non-CJK `lang` is written in ("th" -> {"Noto Sans Thai"}),
/// tried before the CJK face; empty for Latin, Greek and Cyrillic languages and for CJK.
[[nodiscard]] std::vector<std::string> script_families(std::string_view lang);

/// fontconfig's match for `family` with the requested weight and slant, only when the
/// matched face's family really is `family` (fontconfig always substitutes something).
[[nodiscard]] std::optional<FontLocation> fontconfig_family(std::string_view family, bool bold, bool italic);

/// fontconfig's best installed outline face (TrueType or CFF, not a colour font) covering
/// every code point of `cps`, or nullopt.
[[nodiscard]] std::optional<FontLocation> fontconfig_covering(std::span<const char32_t> cps, bool bold,
                                                              bool italic, std::string_view lang);

/// The files of every font fontconfig lists as installed, sorted by path (for
/// FontFiles::fingerprint()).
[[nodiscard]] std::vector<std::string> fontconfig_files();

}  // namespace cvpress::text
