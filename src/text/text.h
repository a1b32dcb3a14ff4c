#pragma once
// The text stage: fonts (FreeType, fontconfig), font fallback, itemization by font,
// bidi levels and visual order (ICU ubidi, UAX #9), shaping (HarfBuzz), UAX #14
// line-break opportunities (ICU) and Unicode names.
// No other stage sees a FreeType, HarfBuzz, fontconfig or ICU type: fonts cross
// stages as FontId.
//
// Threading: a FontLibrary is used by one thread at a time (a batch worker owns one).
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"

namespace cvpress::text {

/// A loaded face inside one FontLibrary. Stable for the library's lifetime.
using FontId = uint32_t;
inline constexpr FontId kNoFont = 0xFFFFFFFFu;

/// What layout and the PDF stage need to know about a face. Metrics in font units.
struct FaceInfo {
  std::string path;             // absolute path
  uint32_t face_index = 0;      // index inside a .ttc
  std::string postscript_name;  // "NotoSerif-Regular"
  std::string family;           // "Noto Serif"
  bool bold = false;
  bool italic = false;
  uint32_t units_per_em = 1000;
  int32_t ascender = 0;   // > 0, above the baseline (OS/2 typo if USE_TYPO_METRICS, else hhea)
  int32_t descender = 0;  // < 0, below the baseline
  int32_t line_gap = 0;
  int32_t cap_height = 0;
  int32_t x_height = 0;
  int32_t underline_position = 0;  // < 0: below the baseline
  int32_t underline_thickness = 0;
};

/// Converts font units to points at `size`: the one place where font units become Pt.
[[nodiscard]] inline Pt to_pt(int32_t font_units, Pt size, uint32_t units_per_em) {
  return Pt(static_cast<double>(font_units) * size.value() / static_cast<double>(units_per_em));
}

/// An ordered list of faces to try for text of one style: the layout's families first,
/// then fallbacks for `lang` (e.g. the Noto Sans CJK face matching zh-Hans/zh-Hant/ja/ko).
struct FontChain {
  std::vector<FontId> faces;
  std::string lang;  // BCP 47 used for shaping and the CJK face choice
  bool bold = false;
  bool italic = false;
};

/// A stretch of text [begin, end) (byte offsets into the paragraph's UTF-8) set in one
/// face. font == kNoFont when no face covers it (the caller reports an error).
struct FontRun {
  std::size_t begin = 0;
  std::size_t end = 0;
  FontId font = kNoFont;
};

enum class Direction { LeftToRight, RightToLeft };

/// One shaped glyph, HarfBuzz's output in font units (scale == units per em).
struct ShapedGlyph {
  uint32_t glyph = 0;
  uint32_t cluster = 0;  // byte offset into the paragraph's UTF-8 (not into the run)
  int32_t x_advance = 0;
  int32_t x_offset = 0;
  int32_t y_offset = 0;          // HarfBuzz convention: positive is up
  bool unsafe_to_break = false;  // HB_GLYPH_FLAG_UNSAFE_TO_BREAK
};

struct ShapeRequest {
  FontId font = kNoFont;
  std::string_view text;  // the whole paragraph, UTF-8 (context for shaping)
  std::size_t begin = 0;  // the run to shape: [begin, end) byte offsets in `text`
  std::size_t end = 0;
  Direction direction = Direction::LeftToRight;
  std::string_view lang;  // BCP 47 ("en", "zh-Hans", "ja"); drives `locl`
  bool kerning = true;    // `kern`
  bool ligatures = true;  // `liga`, `clig` (off for code)
  /// More OpenType features, comma-separated in HarfBuzz's syntax ("smcp,c2sc", "onum",
  /// "-kern"); empty for none. Unknown or malformed entries are ignored.
  std::string_view features;
};

/// Glyphs in visual order; clusters are byte offsets into ShapeRequest::text.
struct ShapedRun {
  std::vector<ShapedGlyph> glyphs;
  int64_t advance = 0;  // sum of x_advance, font units
};

/// A position where a line may break: the line after the break starts at `offset`
/// (a byte offset into the text). `mandatory` for hard breaks (UAX #14 BK, CR, LF, NL).
struct BreakOpportunity {
  std::size_t offset = 0;
  bool mandatory = false;
};

class FontFiles;

/// Where to look for fonts and how to pick fallbacks.
struct FontLibraryOptions {
  std::vector<std::string> font_dirs;  // searched first, in order (the project's fonts/)
  bool use_fontconfig = true;          // then installed fonts via fontconfig
  /// Optional store shared by the libraries of one process (a batch's workers): font files
  /// are then read once for all of them and the font_dirs scan is the store's (font_dirs
  /// above is ignored). Not owned; must outlive the library. Null: each library reads its own.
  const FontFiles* files = nullptr;
};

/// Font file bytes and the font_dirs scan, read once and shared read-only by every
/// FontLibrary of a process (DESIGN §8). Thread-safe: a file is mapped on first request,
/// under a mutex, and stays mapped and unchanged until the store is destroyed; FreeType
/// and HarfBuzz objects are never shared, each library creates its own over these bytes.
class FontFiles {
 public:
  /// Scans `font_dirs` as FontLibrary does (recursively, .ttf/.otf/.ttc, hidden files
  /// skipped). Throws cvpress::Error when a directory does not exist or a font file in it
  /// cannot be read or parsed (the message names the file).
  explicit FontFiles(std::vector<std::string> font_dirs);
  ~FontFiles();
  FontFiles(const FontFiles&) = delete;
  FontFiles& operator=(const FontFiles&) = delete;

  /// A stable 64-bit digest of the scanned font files (path, size, modification time) and
  /// of the files fontconfig lists as installed: it changes when a font is added, removed
  /// or replaced. For a batch's incremental check, never for output.
  [[nodiscard]] uint64_t fingerprint() const;

  /// How many distinct files have been read so far (for tests).
  [[nodiscard]] std::size_t files_read() const;

  struct Impl;  // internal to the text stage
  [[nodiscard]] const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

class FontLibrary {
 public:
  /// Scans `options.font_dirs` recursively for .ttf/.otf/.ttc files (skipping hidden files
  /// and folders) and records every face's family and style; faces load on first use.
  /// Throws cvpress::Error when FreeType cannot be initialised, a font directory does not
  /// exist, or a font file in it cannot be read or parsed (the message names the file).
  explicit FontLibrary(FontLibraryOptions options);
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  /// The face of `family` closest to bold/italic: font_dirs first, then fontconfig.
  /// Only faces whose family name really is `family` (case-insensitive) qualify: a
  /// fontconfig substitute for an unknown family returns nullopt. When the family has no
  /// real bold or italic face, returns the closest face and sets info().bold/italic to
  /// what the face really is (never synthesised).
  [[nodiscard]] std::optional<FontId> find(std::string_view family, bool bold, bool italic);

  /// Loads a face from a file. Throws cvpress::Error naming the file on failure.
  FontId load(const std::string& path, uint32_t face_index);

  [[nodiscard]] const FaceInfo& info(FontId id) const;

  /// True when the face maps `cp` in its cmap.
  [[nodiscard]] bool covers(FontId id, char32_t cp) const;

  /// `families` resolved in order (missing ones skipped), then the language- and
  /// script-specific fallbacks for `lang` (CJK: the Noto Sans CJK face of the TTC that
  /// matches zh-Hans / zh-Hant / zh-HK / ja / ko, found in font_dirs or via fontconfig), then
  /// general fallbacks (Noto Sans family, DejaVu Sans). Every chain has a CJK face: for a
  /// language other than Chinese, Japanese or Korean it is Noto Sans CJK SC, placed after
  /// the general fallbacks (it then only takes CJK characters and full-width punctuation).
  /// Faces match `bold`/`italic` as closely as find() does; each appears once.
  [[nodiscard]] FontChain chain(std::span<const std::string> families, bool bold, bool italic,
                                std::string_view lang);

  /// Splits [begin, end) of `text` into runs of one face each: every grapheme cluster goes
  /// to the first face of `chain` that covers all of its code points; spaces, punctuation
  /// and other common characters stay in the face of the text around them when it covers
  /// them. When no chain face covers a cluster, fontconfig is asked for any installed face
  /// that does; when none does, the run has font == kNoFont.
  [[nodiscard]] std::vector<FontRun> itemize(std::string_view text, std::size_t begin, std::size_t end,
                                             const FontChain& chain);

  /// Shapes [begin, end) of request.text with HarfBuzz, the whole text as context. Glyph
  /// clusters are HarfBuzz's default monotone-grapheme clusters (a base and its marks share
  /// one), as byte offsets into request.text. request.font must be a face of this library.
  [[nodiscard]] ShapedRun shape(const ShapeRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// UAX #14 line-break opportunities of `text` (ICU line BreakIterator for `lang`,
/// including dictionary-based breaking for Thai, Lao, Khmer, Burmese). Offsets are
/// increasing, exclude 0 and include text.size() (the end is always a break).
[[nodiscard]] std::vector<BreakOpportunity> line_breaks(std::string_view text, std::string_view lang);

/// The base (paragraph) direction bidi_runs() is asked for: given, or found from the
/// first strong character (UAX #9 P2-P3; left-to-right when there is none).
enum class BaseDirection { Auto, LeftToRight, RightToLeft };

/// A stretch [begin, end) of text (byte offsets) at one UAX #9 embedding level: even
/// levels are left-to-right, odd levels right-to-left (Latin inside an Arabic line: 2).
struct BidiRun {
  std::size_t begin = 0;
  std::size_t end = 0;
  uint8_t level = 0;
};

/// The resolved levels of one paragraph (UAX #9 rules P2-I2, ICU ubidi).
struct BidiParagraph {
  uint8_t base_level = 0;  // 0: left-to-right paragraph, 1: right-to-left
  /// In text order, covering the whole text, neighbours at different levels. One run at
  /// level 0 for left-to-right text without right-to-left characters (no ICU call).
  std::vector<BidiRun> runs;
};

/// Resolves the embedding levels of `text` (UTF-8, one paragraph; a U+000A inside is a
/// forced line end and keeps the base level). Byte offsets in and out. Throws
/// cvpress::Error when ICU fails.
[[nodiscard]] BidiParagraph bidi_runs(std::string_view text, BaseDirection base);

/// The direction of the first strong character of `text` (UAX #9 P2: L, R or AL;
/// explicit isolates are not skipped); nullopt when it has none (digits and punctuation only).
[[nodiscard]] std::optional<Direction> first_strong_direction(std::string_view text);

/// UAX #9 L2: from the highest level down to the lowest odd one, every sequence of
/// neighbours at that level or higher is reversed. `levels` are the levels of a line's
/// runs in text order; returns their indices from left to right.
[[nodiscard]] std::vector<std::size_t> visual_order(std::span<const uint8_t> levels);

/// True for the languages written right to left (BCP 47 primary subtag ar, he, fa, ur,
/// yi, ps, ckb, dv, sd, ug; also the old code iw; case-insensitive).
[[nodiscard]] bool is_rtl_language(std::string_view lang);

/// Byte offsets of grapheme cluster boundaries (ICU character BreakIterator), excluding 0,
/// including text.size().
[[nodiscard]] std::vector<std::size_t> grapheme_boundaries(std::string_view text);

/// The Unicode name of `cp` ("THAI CHARACTER KO KAI"), from ICU; "<unassigned>" if none.
[[nodiscard]] std::string unicode_name(char32_t cp);

/// Which Debian package or font would cover `cp` ("install fonts-noto-core (Noto Sans Thai)"),
/// by script; empty when no suggestion is known.
[[nodiscard]] std::string coverage_hint(char32_t cp);

/// The Unicode script of `cp` (UAX #24 Script property, ICU's long name with underscores
/// as spaces): "Latin", "Han", "Devanagari", "Thai", "Hiragana", "Common" (spaces,
/// punctuation, digits), "Inherited" (combining marks), "Unknown" (unassigned, private use).
[[nodiscard]] std::string script_name(char32_t cp);

/// True for characters that take the font of their neighbours during itemization
/// (UAX #24 Common and Inherited: spaces, punctuation, digits, combining marks).
[[nodiscard]] bool is_common_script(char32_t cp);

/// Locale-aware upper-casing (ICU; e.g. Turkish dotted i, German ß -> SS).
[[nodiscard]] std::string to_upper(std::string_view text, std::string_view lang);

/// Where a hyphen may break `word` (UTF-8, one word without spaces or punctuation around
/// it) by the hyphenation patterns of `lang` (BCP 47: "en" is en-US, "en-GB", "de", "fr",
/// "es", "ru", "pt", "it", "nl", ... whatever Debian's hyphen-* packages installed in
/// /usr/share/hyphen). Returns byte offsets into `word`, increasing: the line may end
/// with word[0, offset) and a hyphen. Honours the language's minimum characters before
/// the first and after the last break (TeX's \lefthyphenmin/\righthyphenmin: en 2/3,
/// de 2/2, fr 2/3 ...) and a minimum word length of 5 characters. Empty when the word is
/// too short or too long, the language has no dictionary, or the word cannot be written
/// in the dictionary's character set. Case-insensitive. Dictionaries load once per
/// thread; throws cvpress::Error when an installed dictionary cannot be read.
[[nodiscard]] std::vector<std::size_t> hyphenation_points(std::string_view word, std::string_view lang);

/// True when a hyphenation dictionary for `lang` is installed.
[[nodiscard]] bool can_hyphenate(std::string_view lang);

/// The word hyphenation may break inside `piece` (the text between two line-break
/// opportunities, e.g. "(typesetting)," or "company’s"): bytes [begin, end) of `piece`,
/// from its first to its last letter. Nullopt when the piece is not one plain word: it
/// holds a digit or an @ (numbers, versions, e-mail addresses), it has no lower-case
/// letter (ALL-CAPS words and initialisms stay whole), or something other than letters,
/// marks and apostrophes stands between its first and last letter (URLs, paths,
/// identifiers: "example.com", "snake_case", "and/or").
struct WordRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};
[[nodiscard]] std::optional<WordRange> hyphenatable_word(std::string_view piece);

}  // namespace cvpress::text
