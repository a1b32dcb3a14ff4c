#pragma once
// The output vocabulary: laid-out pages as positioned glyph runs, rules, rectangles,
// images, links and bookmarks. This is the one boundary between layout and drawing
// (litehtml's document_container): the PDF stage needs nothing but a PagedDocument.
//
// Coordinates are PostScript points with the origin at the top-left corner of the
// page and y pointing down; the PDF stage flips y exactly once.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/base.h"

namespace cvpress::frame {

/// Index into PagedDocument::fonts.
using FontIndex = uint32_t;

/// A font face as a file: what the PDF stage embeds. PagedDocument owns the table.
struct FontFile {
  std::string path;             // absolute path of the .ttf/.otf/.ttc
  uint32_t face_index = 0;      // face inside a collection
  std::string postscript_name;  // e.g. "NotoSerif-Bold"
  friend bool operator==(const FontFile&, const FontFile&) = default;
};

/// One glyph as HarfBuzz placed it, converted to points.
struct Glyph {
  uint32_t id = 0;       // glyph id in the font (not a CID)
  uint32_t cluster = 0;  // index into GlyphRun::clusters
  Pt advance;            // horizontal advance (including letter-spacing / justification)
  Pt x_offset;           // HarfBuzz x_offset
  Pt y_offset;           // HarfBuzz y_offset, converted to y-down (positive moves the glyph down)
};

/// A run of glyphs of one font, size and colour on one baseline, in visual order.
struct GlyphRun {
  FontIndex font = 0;
  Pt size;  // font size
  Color color;
  Point origin;      // baseline start: pen position before the first (leftmost) glyph
  bool rtl = false;  // the run's text direction (glyphs are still in visual order)
  std::vector<Glyph> glyphs;
  /// Source text of each cluster, UTF-8, in logical order. Every glyph points at one.
  /// What a text extractor must get back for the glyphs of that cluster.
  std::vector<std::string> clusters;
  /// When not empty, the whole run extracts as this text instead (PDF /ActualText),
  /// e.g. "typesetting" for the first half of a hyphenated "type-setting".
  std::string actual_text;
  /// Extracts as nothing (an empty /ActualText): the second part of a hyphenated word,
  /// whose first part's actual_text already holds the whole word.
  bool silent = false;
  /// An ornament, not text (a contact icon): drawn as filled glyph outlines, so a text
  /// extractor never sees it. `clusters` may be empty.
  bool artifact = false;
};

/// A filled rectangle: backgrounds, borders, table rules.
struct FillRect {
  Rect rect;
  Color color;
};

/// A stroked line segment: thematic breaks, underlines, strike-throughs.
struct Line {
  Point from, to;
  Pt thickness;
  Color color;
};

/// A raster image drawn into `rect` (PNG or JPEG file).
struct Image {
  Rect rect;
  std::string path;
  bool clip_circle = false;  // show only the ellipse inscribed in `rect` (a round photo)
};

using Item = std::variant<GlyphRun, FillRect, Line, Image>;

/// A clickable area that opens `uri`.
struct Link {
  Rect area;
  std::string uri;
};

/// An outline (bookmark) entry pointing at a position on its page.
struct Bookmark {
  std::string title;  // UTF-8
  int level = 1;      // 1 = top level
  Pt y;               // top of the target, page coordinates
};

struct Page {
  Size size;
  std::vector<Item> items;  // painted in order (later items on top)
  std::vector<Link> links;
  std::vector<Bookmark> bookmarks;
};

/// A calendar time in UTC, for /CreationDate and /ModDate.
struct Date {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  friend bool operator==(const Date&, const Date&) = default;
};

struct DocumentInfo {
  std::string title, author, subject, creator, producer;
  std::vector<std::string> keywords;
  std::string lang;          // BCP 47; becomes the catalog's /Lang
  std::optional<Date> date;  // only from front matter or SOURCE_DATE_EPOCH: never the clock
};

struct PagedDocument {
  std::vector<FontFile> fonts;
  std::vector<Page> pages;
  DocumentInfo info;
};

struct DumpOptions {
  bool glyph_ids = false;  // also list glyph ids and advances of every run
};

/// The laid-out pages as text, coordinates rounded to 0.01 pt: the golden-test format
/// (SILE's debug outputter). Stable across platforms and locales.
[[nodiscard]] std::string dump(const PagedDocument& doc, const DumpOptions& options = {});

/// Fixed-point decimal with at most `decimals` digits, locale-independent, no "-0".
[[nodiscard]] std::string format_number(double value, int decimals = 2);

}  // namespace cvpress::frame
