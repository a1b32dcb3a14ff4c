#pragma once
// What every part of layout shares while one document is laid out: the box tree's
// styles, the font library, the font table of the output, diagnostics.
#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "boxes/boxes.h"
#include "frame/frame.h"
#include "layout/layout.h"
#include "layout/report.h"
#include "text/text.h"

namespace cvpress::layout {

class Context {
 public:
  Context(const boxes::BoxTree& tree, text::FontLibrary& fonts, const LayoutOptions& options,
          Diagnostics& diags)
      : tree_(tree), fonts_(fonts), options_(options), diags_(diags), rtl_(right_to_left(tree)) {}

  [[nodiscard]] const style::ComputedStyle& style(boxes::StyleId id) const {
    return id < tree_.styles.size() ? tree_.styles[id] : scaled_[id - tree_.styles.size()];
  }
  /// A style like `id` with its type (size and tracking) scaled by `factor`: a code block
  /// set smaller to fit the column. Made once per (style, factor in 1/1000).
  [[nodiscard]] boxes::StyleId scaled(boxes::StyleId id, double factor);
  [[nodiscard]] const std::string& lang() const { return tree_.lang; }
  /// The document is written right to left (layout::right_to_left): paragraphs start at the
  /// right, list markers hang on the right, asides and table columns are mirrored.
  [[nodiscard]] bool rtl() const { return rtl_; }
  [[nodiscard]] const std::string& path() const { return options_.path; }
  [[nodiscard]] text::FontLibrary& fonts() { return fonts_; }
  [[nodiscard]] Diagnostics& diags() { return diags_; }

  /// The font chain of a style (its families, bold/italic, the document language).
  const text::FontChain& chain(boxes::StyleId id);
  /// The face whose metrics set a style's line box: the first face of its chain.
  [[nodiscard]] text::FontId primary_face(boxes::StyleId id);
  /// The output font table index of a face, added on first use.
  frame::FontIndex font_index(text::FontId face);

  /// True the first time a code point no face covers is seen: each is reported once,
  /// at its first occurrence.
  bool first_missing(char32_t cp) { return missing_.insert(cp).second; }

  [[nodiscard]] std::vector<frame::FontFile> take_font_table() { return std::move(font_table_); }

  /// "-" shaped in `face` (glyph 0 when the face has no hyphen), shaped once per face:
  /// the glyph a hyphenated line ends with.
  const text::ShapedGlyph& hyphen(text::FontId face);

  /// Overfull, underfull and hyphen-stacked lines found so far, in layout order (for
  /// `render --report`). Layout appends; the caller reads them after layout().
  [[nodiscard]] std::vector<LineReport>& line_reports() { return line_reports_; }

 private:
  const boxes::BoxTree& tree_;
  text::FontLibrary& fonts_;
  const LayoutOptions& options_;
  Diagnostics& diags_;
  bool rtl_;
  std::map<boxes::StyleId, text::FontChain> chains_;
  std::map<text::FontId, frame::FontIndex> font_indices_;
  std::vector<frame::FontFile> font_table_;
  std::set<char32_t> missing_;
  std::map<text::FontId, text::ShapedGlyph> hyphens_;
  std::vector<LineReport> line_reports_;
  std::deque<style::ComputedStyle> scaled_;  // ids from tree_.styles.size() on; a deque keeps references
  std::map<std::pair<boxes::StyleId, int>, boxes::StyleId> scaled_ids_;
};

}  // namespace cvpress::layout
