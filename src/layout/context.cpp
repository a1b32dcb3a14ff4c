#include "layout/context.h"

#include <optional>

namespace cvpress::layout {

const text::FontChain& Context::chain(boxes::StyleId id) {
  if (auto it = chains_.find(id); it != chains_.end()) return it->second;
  const style::ComputedStyle& s = style(id);
  text::FontChain c = fonts_.chain(s.font_family, s.font_weight == style::FontWeight::Bold,
                                   s.font_style == style::FontStyle::Italic, lang());
  if (c.faces.empty())
    throw Error("no usable font for \"" +
                (s.font_family.empty() ? std::string("(none)") : s.font_family.front()) +
                "\" and no fallback font is installed");
  return chains_.emplace(id, std::move(c)).first->second;
}

text::FontId Context::primary_face(boxes::StyleId id) { return chain(id).faces.front(); }

frame::FontIndex Context::font_index(text::FontId face) {
  if (auto it = font_indices_.find(face); it != font_indices_.end()) return it->second;
  const text::FaceInfo& info = fonts_.info(face);
  font_table_.push_back({info.path, info.face_index, info.postscript_name});
  const auto index = static_cast<frame::FontIndex>(font_table_.size() - 1);
  font_indices_.emplace(face, index);
  return index;
}

const text::ShapedGlyph& Context::hyphen(text::FontId face) {
  if (auto it = hyphens_.find(face); it != hyphens_.end()) return it->second;
  text::ShapeRequest request;
  request.font = face;
  request.text = "-";
  request.begin = 0;
  request.end = 1;
  request.lang = lang();
  text::ShapedRun run = fonts_.shape(request);
  text::ShapedGlyph g;
  if (run.glyphs.size() == 1) g = run.glyphs.front();  // glyph 0 (.notdef) when the face lacks it
  return hyphens_.emplace(face, g).first->second;
}

}  // namespace cvpress::layout

namespace cvpress::layout {
namespace {

// The direction of the first strong character in `box`'s text, in reading order.
std::optional<text::Direction> first_strong(const boxes::Box& box) {
  for (const boxes::Span& span : box.spans)
    if (auto d = text::first_strong_direction(span.text)) return d;
  for (const boxes::Box& child : box.children)
    if (auto d = first_strong(child)) return d;
  return std::nullopt;
}

}  // namespace

bool right_to_left(const boxes::BoxTree& tree) {
  if (tree.dir == "rtl") return true;
  if (tree.dir == "ltr") return false;
  if (text::is_rtl_language(tree.lang)) return true;
  std::optional<text::Direction> d = first_strong(tree.root);
  if (!d) d = first_strong(tree.sidebar);
  return d == text::Direction::RightToLeft;
}

boxes::StyleId Context::scaled(boxes::StyleId id, double factor) {
  const int key = static_cast<int>(factor * 1000 + 0.5);
  if (auto it = scaled_ids_.find({id, key}); it != scaled_ids_.end()) return it->second;
  style::ComputedStyle s = style(id);
  const double f = key / 1000.0;
  s.font_size = s.font_size * f;
  s.letter_spacing = s.letter_spacing * f;
  scaled_.push_back(std::move(s));
  const auto new_id = static_cast<boxes::StyleId>(tree_.styles.size() + scaled_.size() - 1);
  scaled_ids_.emplace(std::make_pair(id, key), new_id);
  return new_id;
}

}  // namespace cvpress::layout
