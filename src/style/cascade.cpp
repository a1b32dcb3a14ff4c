// The cascade: a role's rule applied over its parent's computed style. Inherited
// properties (font, colour, line height, alignment, decorations) carry over from the
// parent unless the rule sets them; box properties (margin, padding, border, background,
// list metrics, keeps, bookmarks) start from their defaults in every element, as in
// CSS Cascade 4, "Inheritance" (inherited vs non-inherited properties).
#include "style/schema.h"
#include "style/style.h"

namespace cvpress::style {

namespace {

// The element's own font size is computed first: every other em length of the element is
// relative to it, while an em font size is relative to the parent's (CSS Values 4, "Font-relative lengths").
void set_if(Pt& out, const StyleRule& r, schema::LengthMember m, Pt em) {
  if (const auto v = schema::resolve_length(r, m, em)) out = *v;
}

}  // namespace

ComputedStyle compute(const Layout& layout, Role role, const ComputedStyle& parent) {
  const auto index = static_cast<std::size_t>(role);
  CVPRESS_ASSERT(index < kRoleCount);
  const StyleRule& r = layout.rules[index];

  ComputedStyle s = parent;
  const ComputedStyle defaults;
  s.margin = defaults.margin;
  s.padding = defaults.padding;
  s.border = defaults.border;
  s.background = defaults.background;
  s.indent = defaults.indent;
  s.bullets = defaults.bullets;
  s.marker_gap = defaults.marker_gap;
  s.keep_with_next = defaults.keep_with_next;
  s.bookmark = defaults.bookmark;
  s.separator = defaults.separator;
  s.icons = defaults.icons;
  s.label_width = defaults.label_width;
  s.width = defaults.width;
  s.round = defaults.round;

  set_if(s.font_size, r, &StyleRule::font_size, parent.font_size);
  const Pt em = s.font_size;

  // Inherited
  if (r.font_family) s.font_family = *r.font_family;
  if (r.font_weight) s.font_weight = *r.font_weight;
  if (r.font_style) s.font_style = *r.font_style;
  if (r.color) s.color = *r.color;
  if (r.line_height) s.line_height = *r.line_height;
  set_if(s.letter_spacing, r, &StyleRule::letter_spacing, em);
  if (r.text_transform) s.text_transform = *r.text_transform;
  if (r.text_align) s.text_align = *r.text_align;
  if (r.underline) s.underline = *r.underline;
  if (r.strikethrough) s.strikethrough = *r.strikethrough;
  if (r.ligatures) s.ligatures = *r.ligatures;
  if (r.hyphenate) s.hyphenate = *r.hyphenate;

  // Not inherited
  set_if(s.margin.top, r, &StyleRule::margin_top, em);
  set_if(s.margin.right, r, &StyleRule::margin_right, em);
  set_if(s.margin.bottom, r, &StyleRule::margin_bottom, em);
  set_if(s.margin.left, r, &StyleRule::margin_left, em);
  set_if(s.padding.top, r, &StyleRule::padding_top, em);
  set_if(s.padding.right, r, &StyleRule::padding_right, em);
  set_if(s.padding.bottom, r, &StyleRule::padding_bottom, em);
  set_if(s.padding.left, r, &StyleRule::padding_left, em);
  set_if(s.border.width.top, r, &StyleRule::border_top, em);
  set_if(s.border.width.right, r, &StyleRule::border_right, em);
  set_if(s.border.width.bottom, r, &StyleRule::border_bottom, em);
  set_if(s.border.width.left, r, &StyleRule::border_left, em);
  // As CSS's border-color (initial value currentcolor): default to the text colour.
  s.border.color = r.border_color.value_or(s.color);
  s.background = r.background;
  set_if(s.indent, r, &StyleRule::indent, em);
  if (r.bullets) s.bullets = *r.bullets;
  set_if(s.marker_gap, r, &StyleRule::marker_gap, em);
  if (r.keep_with_next) s.keep_with_next = *r.keep_with_next;
  if (r.bookmark) s.bookmark = *r.bookmark;
  if (r.separator) s.separator = *r.separator;
  if (r.font_features) s.font_features = *r.font_features;
  if (r.icons) s.icons = *r.icons;
  set_if(s.label_width, r, &StyleRule::label_width, em);
  set_if(s.width, r, &StyleRule::width, em);
  if (r.round) s.round = *r.round;
  return s;
}

ComputedStyle root_style(const Layout& layout) {
  return compute(layout, Role::Page, schema::builtin_style());
}

}  // namespace cvpress::style
