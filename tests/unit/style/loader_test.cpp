#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "style/style.h"

using namespace cvpress;
using namespace cvpress::style;

namespace {

namespace fs = std::filesystem;

const std::string kLayouts = std::string(CVPRESS_SOURCE_DIR) + "/layouts";
const std::string kData = std::string(CVPRESS_TEST_DATA) + "/style";

// Writes `text` to a fresh file named `name` in a scratch folder and loads it.
std::optional<Layout> load_text(const std::string& name, const std::string& text, Diagnostics& diags,
                                std::string* path_out = nullptr) {
  const fs::path dir = fs::temp_directory_path() / "cvpress-unit-style";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  if (path_out) *path_out = path.string();
  return load_layout(path.string(), {}, diags);
}

const Diagnostic& only(const Diagnostics& diags) {
  INFO(format(diags));
  REQUIRE(diags.all().size() == 1);
  return diags.all().front();
}

const StyleRule& rule(const Layout& layout, Role role) {
  return layout.rules[static_cast<std::size_t>(role)];
}

doc::Override override_of(std::string key, std::string value, SourceLocation key_at,
                          SourceLocation value_at) {
  return {std::move(key), std::move(value), key_at, value_at};
}

}  // namespace

TEST_CASE("the classic layout loads without a diagnostic") {
  Diagnostics diags;
  const auto layout = load_layout("classic", {kLayouts}, diags);
  INFO(format(diags));
  CHECK(diags.empty());
  REQUIRE(layout);
  CHECK(layout->name == "classic");
  CHECK(layout->path == kLayouts + "/classic.yaml");
  CHECK_FALSE(layout->description.empty());
  CHECK_FALSE(layout->page.paper.has_value());  // the document's lang decides
  CHECK(layout->page.margin == Insets{Pt::mm(18), Pt::mm(20), Pt::mm(18), Pt::mm(20)});
  CHECK(rule(*layout, Role::Section).color == Color{0x1f, 0x3a, 0x5f});
  CHECK(rule(*layout, Role::Code).em.at("font-size") == 0.9);
}

TEST_CASE("an unknown key is reported at its line and column with the closest key") {
  Diagnostics diags;
  const std::string path = kData + "/bad.yaml";
  CHECK_FALSE(load_layout(path, {}, diags));
  const Diagnostic& d = only(diags);
  CHECK(d.location == SourceLocation{3, 5});
  CHECK(format(d) == path + ":3:5: error: unknown key \"font-wieght\"\nhint: did you mean \"font-weight\"?");
}

TEST_CASE("an unknown key with no close match lists the valid keys") {
  Diagnostics diags;
  CHECK_FALSE(load_text("far.yaml", "entry:\n  flavour: bold\n", diags));
  const Diagnostic& d = only(diags);
  CHECK(d.message == "unknown key \"flavour\"");
  CHECK(d.hint.starts_with("valid keys: font-family, font-size, "));
}

TEST_CASE("a misspelt role is suggested among the top-level keys") {
  Diagnostics diags;
  CHECK_FALSE(load_text("role.yaml", "sectoin:\n  color: red\n", diags));
  const Diagnostic& d = only(diags);
  CHECK(d.location == SourceLocation{1, 1});
  CHECK(d.message == "unknown key \"sectoin\"");
  CHECK(d.hint == "did you mean \"section\"?");
}

TEST_CASE("columns count code points, not bytes") {
  Diagnostics diags;
  CHECK_FALSE(load_text("utf8.yaml", "body: {font-family: \"Café Ünïcode\", font-wieght: bold}\n", diags));
  // "body: {font-family: " is 20 code points, the quoted name 14 (16 bytes), then ", ".
  CHECK(only(diags).location == SourceLocation{1, 37});
}

TEST_CASE("a value of the wrong type is reported at the value") {
  Diagnostics diags;
  CHECK_FALSE(load_text("type.yaml", "body:\n  font-size: [10pt, 11pt]\nsection: 12\n", diags));
  INFO(format(diags));
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].location == SourceLocation{2, 14});
  CHECK(diags.all()[0].message == "font-size expects a length, not a list");
  CHECK(diags.all()[1].location == SourceLocation{3, 10});
  CHECK(diags.all()[1].message.starts_with("section expects a mapping"));
}

TEST_CASE("a bad colour names the key and the value") {
  Diagnostics diags;
  CHECK_FALSE(load_text("colour.yaml", "link:\n  color: \"#12345\"\n", diags));
  const Diagnostic& d = only(diags);
  CHECK(d.location == SourceLocation{2, 10});
  CHECK(d.message == "invalid colour \"#12345\" for color");
  CHECK(d.hint.starts_with("write \"#rrggbb\""));
}

TEST_CASE("an unquoted colour is a YAML comment, and the hint says so") {
  Diagnostics diags;
  CHECK_FALSE(load_text("comment.yaml", "link:\n  color: #1f3a5f\n", diags));
  const Diagnostic& d = only(diags);
  CHECK(d.location == SourceLocation{2, 3});
  CHECK(d.message == "missing value for color");
  CHECK(d.hint.find("an unquoted # starts a YAML comment") != std::string::npos);
}

TEST_CASE("a bad length names the key and the value") {
  Diagnostics diags;
  CHECK_FALSE(load_text("length.yaml", "body:\n  font-size: 10 parsecs\n", diags));
  const Diagnostic& d = only(diags);
  CHECK(d.location == SourceLocation{2, 14});
  CHECK(d.message == "invalid length \"10 parsecs\" for font-size");
  CHECK(d.hint.starts_with("write a number and a unit"));
}

TEST_CASE("an unknown enum value lists the allowed ones, or suggests the closest") {
  Diagnostics diags;
  CHECK_FALSE(load_text("enum.yaml", "body:\n  font-weight: heavy\n  text-align: centre\n", diags));
  INFO(format(diags));
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].message == "invalid value \"heavy\" for font-weight");
  CHECK(diags.all()[0].hint == "expected one of: normal, bold");
  CHECK(diags.all()[1].message == "invalid value \"centre\" for text-align");
  CHECK(diags.all()[1].hint ==
        "did you mean \"center\"? (expected one of: start, end, left, right, center, justify)");
}

TEST_CASE("every problem in a file is reported in one run") {
  Diagnostics diags;
  CHECK_FALSE(
      load_text("many.yaml",
                "page:\n  papr: a4\nbody:\n  color: \"#zzz\"\n  line-height: tall\n  font-size: 10pt\n"
                "  font-size: 11pt\n",
                diags));
  INFO(format(diags));
  REQUIRE(diags.error_count() == 4);
  CHECK(diags.all()[0].hint == "did you mean \"paper\"?");
  CHECK(diags.all()[3].message == "duplicate key \"font-size\"");
  CHECK(diags.all()[3].location == SourceLocation{7, 3});
}

TEST_CASE("a YAML syntax error is located") {
  Diagnostics diags;
  CHECK_FALSE(load_text("syntax.yaml", "body:\n  color: red\n bad: indent\n", diags));
  const Diagnostic& d = only(diags);
  CHECK(d.message == "invalid YAML: end of map not found");
  CHECK(d.location == SourceLocation{3, 2});
}

TEST_CASE("the person's name is styled by a mapping, not named by a string") {
  Diagnostics diags;
  CHECK_FALSE(load_text("name.yaml", "name: Classic\n", diags));
  CHECK(only(diags).hint.find("a layout is named by its file name") != std::string::npos);
}

TEST_CASE("an empty layout is the built-in styles") {
  Diagnostics diags;
  const auto layout = load_text("empty.yaml", "# nothing\n", diags);
  CHECK(diags.empty());
  REQUIRE(layout);
  CHECK(layout->name == "empty");
  CHECK(rule(*layout, Role::Strong).font_weight == FontWeight::Bold);
}

TEST_CASE("an unknown layout name lists the available layouts") {
  Diagnostics diags;
  CHECK_FALSE(load_layout("clasic", {kLayouts}, diags, "resume.md", {2, 9}));
  const Diagnostic& d = only(diags);
  CHECK(format(d).rfind("resume.md:2:9: error: unknown layout \"clasic\"\nhint: did you mean \"classic\"? "
                        "(available layouts: ",
                        0) == 0);
  CHECK(d.hint.find("classic") != std::string::npos);
  Diagnostics none;
  CHECK_FALSE(load_layout("nonesuch", {kData}, none));
  CHECK(only(none).hint == "available layouts: bad, plain");
}

TEST_CASE("a missing layout file is a user error") {
  Diagnostics diags;
  CHECK_FALSE(load_layout("nowhere/none.yaml", {kLayouts}, diags));
  CHECK(only(diags).message == "layout file \"nowhere/none.yaml\" not found");
}

TEST_CASE("layout names are found in the first directory that has them") {
  Diagnostics diags;
  const auto layout = load_layout("plain", {kLayouts, kData}, diags);
  REQUIRE(layout);
  CHECK(layout->path == kData + "/plain.yaml");
  CHECK(layout->description == "A second layout for tests");
}

TEST_CASE("list_layouts gives names and descriptions sorted by name") {
  const auto layouts = list_layouts({kData, "/nonexistent"});
  REQUIRE(layouts.size() == 2);
  CHECK(layouts[0].first == "bad");
  CHECK(layouts[0].second.empty());
  CHECK(layouts[1] == std::pair<std::string, std::string>{"plain", "A second layout for tests"});
  const auto shipped = list_layouts({kLayouts});
  const auto classic =
      std::find_if(shipped.begin(), shipped.end(), [](const auto& l) { return l.first == "classic"; });
  REQUIRE(classic != shipped.end());
  CHECK(classic->second.find("serif") != std::string::npos);
}

TEST_CASE("front-matter overrides set template keys") {
  Diagnostics diags;
  auto layout = load_layout("classic", {kLayouts}, diags);
  REQUIRE(layout);
  apply_overrides(*layout,
                  {override_of("section.color", "#0b5394", {2, 1}, {2, 16}),
                   override_of("page.margin", "15mm", {3, 1}, {3, 14}),
                   override_of("body.font-size", "10.5pt", {4, 1}, {4, 17}),
                   override_of("body.font-family", "[Noto Sans, \"Noto Serif\"]", {5, 1}, {5, 19}),
                   override_of("page.paper", "letter", {6, 1}, {6, 13})},
                  "resume.md", diags);
  INFO(format(diags));
  CHECK(diags.empty());
  CHECK(rule(*layout, Role::Section).color == Color{0x0b, 0x53, 0x94});
  CHECK(layout->page.margin.left == Pt::mm(15));
  CHECK(rule(*layout, Role::Page).font_size == Pt(10.5));
  CHECK(rule(*layout, Role::Page).font_family == std::vector<std::string>{"Noto Sans", "Noto Serif"});
  CHECK(layout->page.paper == Paper::Letter);
}

TEST_CASE("a bad override is reported in the Markdown file") {
  Diagnostics diags;
  auto layout = load_layout("classic", {kLayouts}, diags);
  REQUIRE(layout);
  apply_overrides(*layout,
                  {override_of("section.color", "#12345", {2, 1}, {2, 16}),
                   override_of("section.colr", "#123456", {3, 1}, {3, 15}),
                   override_of("sectoin.color", "#123456", {4, 1}, {4, 16}),
                   override_of("accent", "#123456", {5, 1}, {5, 9})},
                  "resume.md", diags);
  INFO(format(diags));
  REQUIRE(diags.all().size() == 4);
  CHECK(format(diags.all()[0])
            .starts_with("resume.md:2:16: error: invalid colour \"#12345\" for section.color"));
  CHECK(format(diags.all()[1]) ==
        "resume.md:3:1: error: unknown key \"section.colr\"\nhint: did you mean \"section.color\"?");
  CHECK(format(diags.all()[2]) ==
        "resume.md:4:1: error: unknown key \"sectoin.color\"\nhint: did you mean \"section.color\"?");
  CHECK(diags.all()[3].message == "unknown key \"accent\"");
  CHECK(rule(*layout, Role::Section).color == Color{0x1f, 0x3a, 0x5f});  // unchanged
}

TEST_CASE("a layout extends another: the base's values, then its own") {
  Diagnostics diags;
  std::string base_path;
  REQUIRE(load_text("base-x.yaml", "description: base\nsection:\n  color: \"#112233\"\n  font-size: 12pt\n",
                    diags, &base_path));
  const auto child = load_text("child-x.yaml", "extends: base-x.yaml\nsection:\n  font-size: 14pt\n", diags);
  INFO(format(diags));
  REQUIRE(child);
  CHECK(child->name == "child-x");
  CHECK(child->description == "base");
  CHECK(rule(*child, Role::Section).color == Color{0x11, 0x22, 0x33});
  CHECK(rule(*child, Role::Section).font_size == Pt(14));
}

TEST_CASE("a layout can extend a shipped layout by name") {
  Diagnostics diags;
  const fs::path dir = fs::temp_directory_path() / "cvpress-unit-style";
  fs::create_directories(dir);
  std::ofstream(dir / "mine.yaml") << "extends: classic\nbody:\n  font-size: 11pt\n";
  const auto layout = load_layout((dir / "mine.yaml").string(), {kLayouts}, diags);
  INFO(format(diags));
  REQUIRE(layout);
  CHECK(rule(*layout, Role::Page).font_size == Pt(11));
  CHECK(rule(*layout, Role::Section).text_transform == TextTransform::Uppercase);
}

TEST_CASE("a circle of extends is an error naming the circle") {
  Diagnostics diags;
  std::string a_path;
  load_text("loop-b.yaml", "extends: loop-a.yaml\n", diags);
  Diagnostics d2;
  const auto a = load_text("loop-a.yaml", "extends: loop-b.yaml\n", d2, &a_path);
  CHECK_FALSE(a);
  CHECK(format(d2).find("extends itself: loop-a -> loop-b -> loop-a") != std::string::npos);
}

TEST_CASE("extending a missing layout is reported at the extends value") {
  Diagnostics diags;
  const auto l = load_text("bad-ext.yaml", "description: x\nextends: clasic\n", diags);
  CHECK_FALSE(l);
  CHECK(format(diags).find("bad-ext.yaml:2:10: error: unknown layout \"clasic\"") != std::string::npos);
}
