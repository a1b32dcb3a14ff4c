#include "style/schema.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace cvpress;
using namespace cvpress::style;
using namespace cvpress::style::schema;

namespace {

bool near(double a, double b) { return std::fabs(a - b) < 1e-9; }

const Property& property(Scope scope, std::string_view key) {
  const Property* p = find(scope, key);
  REQUIRE(p != nullptr);
  return *p;
}

std::optional<Problem> parse_text(const Property& p, std::string text, Value& v) {
  return parse(p, Raw{{std::move(text)}, false}, v);
}

}  // namespace

TEST_CASE("lengths are read in pt, mm, cm, in, px and em, and a bare zero needs no unit") {
  CHECK(near(parse_length("10pt")->value, 10));
  CHECK(near(parse_length("25.4mm")->value, 72));
  CHECK(near(parse_length("2.54cm")->value, 72));
  CHECK(near(parse_length("0.5in")->value, 36));
  CHECK(near(parse_length("4px")->value, 3));
  CHECK(near(parse_length(".5pt")->value, 0.5));
  CHECK(near(parse_length("-2pt")->value, -2));
  CHECK(parse_length("10PT").has_value());
  const auto em = parse_length("0.9em");
  REQUIRE(em);
  CHECK(em->em);
  CHECK(near(em->value, 0.9));
  CHECK(parse_length("0") == Length{0, false});
  CHECK_FALSE(parse_length("10"));
  CHECK_FALSE(parse_length("10 parsecs"));
  CHECK_FALSE(parse_length("10 pt"));
  CHECK_FALSE(parse_length("1e3pt"));
  CHECK_FALSE(parse_length("pt"));
  CHECK_FALSE(parse_length("10,5pt"));
  CHECK_FALSE(parse_length("inf"));
}

TEST_CASE("numbers are read with a dot whatever the locale and must be finite") {
  CHECK(near(*parse_number("1.32"), 1.32));
  CHECK(near(*parse_number("+2"), 2));
  CHECK_FALSE(parse_number("1,32"));
  CHECK_FALSE(parse_number("nan"));
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("1.3x"));
}

TEST_CASE("colours are #rgb, #rrggbb or a CSS name") {
  CHECK(parse_color("#1f3a5f") == Color{0x1f, 0x3a, 0x5f});
  CHECK(parse_color("#1F3A5F") == Color{0x1f, 0x3a, 0x5f});
  CHECK(parse_color("#fa0") == Color{0xff, 0xaa, 0x00});
  CHECK(parse_color("grey") == Color{128, 128, 128});
  CHECK(parse_color("Navy") == Color{0, 0, 128});
  CHECK_FALSE(parse_color("#12345"));
  CHECK_FALSE(parse_color("#12345g"));
  CHECK_FALSE(parse_color("1f3a5f"));
  CHECK_FALSE(parse_color("blurple"));
}

TEST_CASE("edit distance counts an adjacent transposition as one edit") {
  CHECK(edit_distance("font-wieght", "font-weight") == 1);
  CHECK(edit_distance("colr", "color") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("the closest candidate is suggested only within two edits") {
  const std::vector<std::string_view> words = {"font-size", "font-style", "font-weight"};
  CHECK(closest("font-wieght", words) == "font-weight");
  CHECK(closest("font-syze", words) == "font-size");  // first on a tie with font-style
  CHECK(closest("colour-scheme", words).empty());
  CHECK(closest("x", std::vector<std::string_view>{"em"}).empty());
}

TEST_CASE("every key is declared once per scope with help text and a default") {
  for (const Property& p : properties()) {
    CAPTURE(p.key);
    CHECK(find(p.scope, p.key) == &p);
    CHECK_FALSE(p.help.empty());
    CHECK((p.apply != nullptr));
    if (p.scope != Scope::Layout) CHECK_FALSE(p.fallback.empty());
    CHECK((p.type == Type::Enum) == !p.choices.empty());
  }
}

TEST_CASE("enum choices are declared in the order of the enumerators they map to") {
  Layout layout;
  Value v;
  REQUIRE_FALSE(parse_text(property(Scope::Rule, "text-align"), "justify", v));
  property(Scope::Rule, "text-align").apply(layout, Role::Paragraph, v);
  CHECK(layout.rules[static_cast<std::size_t>(Role::Paragraph)].text_align == TextAlign::Justify);
  REQUIRE_FALSE(parse_text(property(Scope::Rule, "font-weight"), "bold", v));
  property(Scope::Rule, "font-weight").apply(layout, Role::Paragraph, v);
  CHECK(layout.rules[static_cast<std::size_t>(Role::Paragraph)].font_weight == FontWeight::Bold);
  REQUIRE_FALSE(parse_text(property(Scope::Rule, "font-style"), "italic", v));
  property(Scope::Rule, "font-style").apply(layout, Role::Paragraph, v);
  CHECK(layout.rules[static_cast<std::size_t>(Role::Paragraph)].font_style == FontStyle::Italic);
  REQUIRE_FALSE(parse_text(property(Scope::Rule, "text-transform"), "uppercase", v));
  property(Scope::Rule, "text-transform").apply(layout, Role::Paragraph, v);
  CHECK(layout.rules[static_cast<std::size_t>(Role::Paragraph)].text_transform == TextTransform::Uppercase);
  REQUIRE_FALSE(parse_text(property(Scope::Page, "paper"), "letter", v));
  property(Scope::Page, "paper").apply(layout, Role::Page, v);
  CHECK(layout.page.paper == Paper::Letter);
}

TEST_CASE("every length property accepts em and resolves it through StyleRule::em") {
  for (const Property& p : properties()) {
    if (p.scope != Scope::Rule || p.type != Type::Length) continue;
    CAPTURE(p.key);
    Layout layout;
    Value v;
    REQUIRE_FALSE(parse_text(p, "2em", v));
    p.apply(layout, Role::Entry, v);
    const StyleRule& r = layout.rules[static_cast<std::size_t>(Role::Entry)];
    REQUIRE(r.em.count(std::string(p.key)) == 1);
    CHECK(near(r.em.at(std::string(p.key)), 2));
    // The absolute form replaces the em form.
    REQUIRE_FALSE(parse_text(p, "3pt", v));
    p.apply(layout, Role::Entry, v);
    CHECK(layout.rules[static_cast<std::size_t>(Role::Entry)].em.empty());
  }
}

TEST_CASE("the schema's rule defaults are ComputedStyle's defaults") {
  // Apply every parseable default to a rule: the cascade must then change nothing.
  Layout layout;
  for (const Property& p : properties()) {
    if (p.scope != Scope::Rule || p.key == "font-family" || p.key == "bullets") continue;
    Value v;
    if (p.key == "border-color") continue;  // "the text colour": no fixed value
    CAPTURE(p.key);
    REQUIRE_FALSE(parse_text(p, std::string(p.fallback), v));
    p.apply(layout, Role::Paragraph, v);
  }
  ComputedStyle expected = builtin_style();
  CHECK(compute(layout, Role::Paragraph, expected).font_size == expected.font_size);
  ComputedStyle got = compute(layout, Role::Paragraph, expected);
  CHECK(got.line_height == expected.line_height);
  CHECK(got.color == expected.color);
  CHECK(got.font_weight == expected.font_weight);
  CHECK(got.text_align == expected.text_align);
  CHECK(got.ligatures == expected.ligatures);
  CHECK(got.margin == expected.margin);
  CHECK(got.border == expected.border);
  CHECK(got.background == expected.background);
  CHECK(builtin_style().font_family == std::vector<std::string>{"Noto Sans"});
}

TEST_CASE("the box shorthand expands 1 to 4 lengths in CSS order") {
  const Property& margin = property(Scope::Rule, "margin");
  Value v;
  REQUIRE_FALSE(parse_text(margin, "1pt 2pt", v));
  CHECK(v.box == std::array<Length, 4>{Length{1}, Length{2}, Length{1}, Length{2}});
  REQUIRE_FALSE(parse_text(margin, "1pt 2pt 3pt", v));
  CHECK(v.box == std::array<Length, 4>{Length{1}, Length{2}, Length{3}, Length{2}});
  REQUIRE_FALSE(parse(margin, Raw{{"1pt", "2pt", "3pt", "4pt"}, true}, v));
  CHECK(v.box == std::array<Length, 4>{Length{1}, Length{2}, Length{3}, Length{4}});
  const auto problem = parse_text(margin, "1pt 2pt 3pt 4pt 5pt", v);
  REQUIRE(problem);
  CHECK(problem->message == "invalid margin \"1pt 2pt 3pt 4pt 5pt\": expected 1 to 4 lengths");
}

TEST_CASE("a border is a width with an optional colour, or none") {
  const Property& border = property(Scope::Rule, "border");
  Value v;
  REQUIRE_FALSE(parse_text(border, "0.6pt #cccccc", v));
  CHECK(v.box[2] == Length{0.6});
  CHECK(v.color == Color{0xcc, 0xcc, 0xcc});
  REQUIRE_FALSE(parse_text(border, "none", v));
  CHECK(v.box[0] == Length{0});
  const auto problem = parse_text(border, "#cccccc", v);
  REQUIRE(problem);
  CHECK(problem->message == "border \"#cccccc\" for border has no width");
}

TEST_CASE("problems name the key and the value and hint at the accepted form") {
  Value v;
  auto p = parse_text(property(Scope::Rule, "font-size"), "10", v);
  REQUIRE(p);
  CHECK(p->message == "missing unit in \"10\" for font-size");
  p = parse_text(property(Scope::Rule, "padding"), "-1pt", v);
  REQUIRE(p);
  CHECK(p->message == "negative length \"-1pt\" for padding");
  p = parse_text(property(Scope::Page, "margin"), "2em", v);
  REQUIRE(p);
  CHECK(p->message == "em is not allowed for margin: \"2em\"");
  p = parse_text(property(Scope::Rule, "line-height"), "0", v);
  REQUIRE(p);
  CHECK(p->message == "line-height must be greater than 0, not \"0\"");
  p = parse_text(property(Scope::Rule, "underline"), "yes", v);
  REQUIRE(p);
  CHECK(p->message == "invalid value \"yes\" for underline");
  CHECK(p->hint == "expected true or false");
  p = parse(property(Scope::Rule, "color"), Raw{}, v, "section.color");
  REQUIRE(p);
  CHECK(p->message == "missing value for section.color");
  CHECK(p->hint.find("unquoted #") != std::string::npos);
}

TEST_CASE("a font stack may be a list or a comma-separated string, bullets only a list") {
  Value v;
  REQUIRE_FALSE(parse_text(property(Scope::Rule, "font-family"), "Noto Serif, Noto Sans", v));
  CHECK(v.list == std::vector<std::string>{"Noto Serif", "Noto Sans"});
  REQUIRE_FALSE(parse_text(property(Scope::Rule, "bullets"), "a, b", v));
  CHECK(v.list == std::vector<std::string>{"a, b"});
}

TEST_CASE("the base layout makes strong bold and code monospace before the template speaks") {
  const Layout layout = base_layout();
  CHECK(layout.rules[static_cast<std::size_t>(Role::Strong)].font_weight == FontWeight::Bold);
  CHECK(layout.rules[static_cast<std::size_t>(Role::Emphasis)].font_style == FontStyle::Italic);
  CHECK(layout.rules[static_cast<std::size_t>(Role::Code)].font_family ==
        std::vector<std::string>{"Noto Sans Mono"});
  CHECK(layout.page.margin.top == Pt::mm(20));
  CHECK_FALSE(layout.page.paper.has_value());
}

TEST_CASE("role keys and roles map both ways") {
  for (std::size_t i = 0; i < kRoleCount; ++i) {
    const auto role = static_cast<Role>(i);
    CHECK(role_from_key(role_key(role)) == role);
  }
  CHECK(std::string(role_key(Role::Page)) == "body");
  CHECK(std::string(role_key(Role::ListItem)) == "list-item");
  CHECK(std::string(role_key(Role::CodeBlock)) == "code-block");
  CHECK_FALSE(role_from_key("page"));
}
