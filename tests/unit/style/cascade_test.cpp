#include <doctest/doctest.h>

#include <string>

#include "style/schema.h"
#include "style/style.h"

using namespace cvpress;
using namespace cvpress::style;

namespace {

StyleRule& rule(Layout& layout, Role role) { return layout.rules[static_cast<std::size_t>(role)]; }

}  // namespace

TEST_CASE("colour is inherited from the parent, margin is not") {
  Layout layout;
  rule(layout, Role::Section).color = Color{1, 2, 3};
  rule(layout, Role::Section).margin_top = Pt(14);
  const ComputedStyle section = compute(layout, Role::Section, root_style(layout));
  const ComputedStyle inside = compute(layout, Role::Strong, section);
  CHECK(section.color == Color{1, 2, 3});
  CHECK(section.margin.top == Pt(14));
  CHECK(inside.color == Color{1, 2, 3});
  CHECK(inside.margin.top == Pt(0));
}

TEST_CASE("box properties reset to their defaults in every element") {
  Layout layout;
  StyleRule& list = rule(layout, Role::List);
  list.indent = Pt(12);
  list.bullets = std::vector<std::string>{"-"};
  list.background = Color{9, 9, 9};
  list.keep_with_next = true;
  list.padding_left = Pt(3);
  const ComputedStyle ls = compute(layout, Role::List, root_style(layout));
  CHECK(ls.indent == Pt(12));
  const ComputedStyle item = compute(layout, Role::ListItem, ls);
  CHECK(item.indent == Pt(0));
  CHECK(item.bullets.empty());
  CHECK_FALSE(item.background.has_value());
  CHECK_FALSE(item.keep_with_next);
  CHECK(item.padding.left == Pt(0));
}

TEST_CASE("an em font size is relative to the parent, other em lengths to the element's own size") {
  Layout layout;
  rule(layout, Role::Page).font_size = Pt(10);
  schema::set_length(rule(layout, Role::Code), &StyleRule::font_size, {0.9, true});
  schema::set_length(rule(layout, Role::Code), &StyleRule::padding_left, {0.5, true});
  schema::set_length(rule(layout, Role::Section), &StyleRule::font_size, {2, true});
  const ComputedStyle body = root_style(layout);
  const ComputedStyle code = compute(layout, Role::Code, body);
  CHECK(code.font_size.value() == doctest::Approx(9));
  CHECK(code.padding.left.value() == doctest::Approx(4.5));
  const ComputedStyle section = compute(layout, Role::Section, body);
  CHECK(compute(layout, Role::Code, section).font_size.value() == doctest::Approx(18));
}

TEST_CASE("a border without a colour takes the element's text colour") {
  Layout layout;
  rule(layout, Role::Section).color = Color{10, 20, 30};
  rule(layout, Role::Section).border_bottom = Pt(0.6);
  ComputedStyle s = compute(layout, Role::Section, root_style(layout));
  CHECK(s.border.width.bottom == Pt(0.6));
  CHECK(s.border.color == Color{10, 20, 30});
  rule(layout, Role::Section).border_color = Color{200, 200, 200};
  s = compute(layout, Role::Section, root_style(layout));
  CHECK(s.border.color == Color{200, 200, 200});
}

TEST_CASE("the root style is the body rule over the built-in defaults") {
  Layout layout;
  CHECK(root_style(layout).font_family == std::vector<std::string>{"Noto Sans"});
  CHECK(root_style(layout).font_size == Pt(10));
  rule(layout, Role::Page).font_family = std::vector<std::string>{"Noto Serif"};
  rule(layout, Role::Page).line_height = 1.32;
  const ComputedStyle root = root_style(layout);
  CHECK(root.font_family == std::vector<std::string>{"Noto Serif"});
  CHECK(root.line_height == 1.32);
  // Inherited all the way down.
  CHECK(compute(layout, Role::ListItem, compute(layout, Role::List, root)).font_family ==
        std::vector<std::string>{"Noto Serif"});
}

TEST_CASE("the classic layout computes a résumé's styles") {
  Diagnostics diags;
  const auto layout = load_layout("classic", {std::string(CVPRESS_SOURCE_DIR) + "/layouts"}, diags);
  REQUIRE(layout);
  const ComputedStyle body = root_style(*layout);
  CHECK(body.font_family == std::vector<std::string>{"Noto Serif"});
  CHECK(body.font_size == Pt(10));
  const ComputedStyle section = compute(*layout, Role::Section, body);
  CHECK(section.font_weight == FontWeight::Bold);
  CHECK(section.text_transform == TextTransform::Uppercase);
  CHECK(section.border.width.bottom == Pt(0.6));
  CHECK(section.border.width.top == Pt(0));
  CHECK(section.keep_with_next);
  CHECK(section.bookmark);
  const ComputedStyle code = compute(*layout, Role::Code, compute(*layout, Role::Paragraph, body));
  CHECK(code.font_size.value() == doctest::Approx(9));
  CHECK(code.font_family == std::vector<std::string>{"Noto Sans Mono"});
  CHECK(code.background == Color{0xf3, 0xf4, 0xf6});
  const ComputedStyle list = compute(*layout, Role::List, body);
  CHECK(list.bullets == std::vector<std::string>{"\u2022", "\u2013", "\u25E6"});
  CHECK(list.indent == Pt(12));
  CHECK(list.marker_gap == Pt(5));
  CHECK_FALSE(compute(*layout, Role::Link, body).underline);
}
