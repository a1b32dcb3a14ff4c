// Front matter: splitting, document keys, overrides and every error with its location.
#include "markdown/front_matter.h"

#include <doctest/doctest.h>

#include "tree_dump.h"

namespace cvpress::markdown {
namespace {

using testing::position;

doc::Metadata meta_of(const std::string& text, Diagnostics& diags) {
  const SourceFile file("t.md", text);
  const FrontMatterSpan span = find_front_matter(file, diags);
  REQUIRE(span.present);
  return read_front_matter(file, span, diags);
}

std::string errors_of(const std::string& text) {
  Diagnostics diags;
  (void)meta_of(text, diags);
  return format(diags);
}

TEST_CASE("front matter is found between the first line and a closing line") {
  Diagnostics diags;
  const SourceFile file("t.md", "---\na: 1\n---\n# x\n");
  const FrontMatterSpan span = find_front_matter(file, diags);
  CHECK(span.present);
  CHECK(file.text().substr(span.yaml_begin, span.yaml_end - span.yaml_begin) == "a: 1\n");
  CHECK(file.text().substr(span.body_begin) == "# x\n");
  CHECK(diags.empty());
}

TEST_CASE("front matter may close with three dots, carry trailing blanks and CRLF line ends") {
  Diagnostics diags;
  const SourceFile file("t.md", "--- \r\na: 1\r\n...\r\nbody");
  const FrontMatterSpan span = find_front_matter(file, diags);
  CHECK(span.present);
  CHECK(file.text().substr(span.body_begin) == "body");
}

TEST_CASE("a byte order mark before the front matter is skipped") {
  Diagnostics diags;
  const SourceFile file("t.md", "\xEF\xBB\xBF---\na: 1\n---\nbody");
  CHECK(find_front_matter(file, diags).present);
}

TEST_CASE("a file that does not start with three dashes has no front matter") {
  Diagnostics diags;
  const FrontMatterSpan span = find_front_matter(SourceFile("t.md", "# a\n---\nb\n---\n"), diags);
  CHECK_FALSE(span.present);
  CHECK(span.body_begin == 0);
  CHECK(diags.empty());
}

TEST_CASE("front matter that is never closed is an error at 1:1") {
  Diagnostics diags;
  const FrontMatterSpan span = find_front_matter(SourceFile("t.md", "---\ntitle: x\n# body\n"), diags);
  CHECK_FALSE(span.present);
  CHECK(span.body_begin == 0);
  CHECK(format(diags) ==
        "t.md:1:1: error: front matter is not closed\n"
        "hint: end the front matter with a line that is exactly `---`; a file without front matter must not "
        "start with `---`\n");
}

TEST_CASE("document keys are read into the metadata") {
  Diagnostics diags;
  const doc::Metadata m = meta_of(
      "---\nlang: zh-CN\ntitle: 朱慧鹏 — 简历\nauthor: Hui Peng Zhu\nlayout: classic\npaper: Letter\n"
      "date: 2024-05-01\nsubject: Résumé\nkeywords: [SRE, Go]\nfit: 2\ndir: RTL\n---\n",
      diags);
  CHECK(format(diags) == "");
  CHECK(m.lang == "zh-CN");
  CHECK(m.title == "朱慧鹏 — 简历");
  CHECK(m.author == "Hui Peng Zhu");
  CHECK(m.layout == "classic");
  CHECK(position(m.layout_location) == "5:9");
  CHECK(m.paper == "letter");
  CHECK(m.date == "2024-05-01");
  CHECK(m.subject == "Résumé");
  CHECK(m.keywords == std::vector<std::string>{"SRE", "Go"});
  CHECK(m.fit == 2);
  CHECK(m.dir == "rtl");
  CHECK(m.overrides.empty());
}

TEST_CASE("keywords may be one comma-separated string") {
  Diagnostics diags;
  CHECK(meta_of("---\nkeywords: SRE, Go ,, Kubernetes\n---\n", diags).keywords ==
        std::vector<std::string>{"SRE", "Go", "Kubernetes"});
}

TEST_CASE("dates may carry a time of day") {
  Diagnostics diags;
  CHECK(meta_of("---\ndate: 2024-05-01T09:30\n---\n", diags).date == "2024-05-01T09:30");
  CHECK(meta_of("---\ndate: 2024-05-01T09:30:59Z\n---\n", diags).date == "2024-05-01T09:30:59Z");
  CHECK(diags.empty());
}

TEST_CASE("empty front matter and empty values say nothing") {
  Diagnostics diags;
  const doc::Metadata m = meta_of("---\n---\n", diags);
  CHECK(m.title.empty());
  CHECK_FALSE(m.fit);
  (void)meta_of("---\ntitle:\nlang: ~\n---\n", diags);
  CHECK(diags.empty());
}

TEST_CASE("other keys become overrides with nested maps flattened and locations in the file") {
  Diagnostics diags;
  const doc::Metadata m = meta_of(
      "---\ntitle: x\naccent: \"#0b5394\"\nsection:\n  color: red\n  title: {size: 12pt}\n"
      "fonts: [Inter, Noto Sans]\né: 1\n---\n",
      diags);
  CHECK(format(diags) == "");
  REQUIRE(m.overrides.size() == 5);
  const auto check = [&](std::size_t i, const char* key, const char* value, const char* key_at,
                         const char* value_at) {
    CAPTURE(i);
    CHECK(m.overrides[i].key == key);
    CHECK(m.overrides[i].value == value);
    CHECK(position(m.overrides[i].key_location) == key_at);
    CHECK(position(m.overrides[i].value_location) == value_at);
  };
  check(0, "accent", "#0b5394", "3:1", "3:9");
  check(1, "section.color", "red", "5:3", "5:10");
  check(2, "section.title.size", "12pt", "6:11", "6:17");
  check(3, "fonts", "Inter, Noto Sans", "7:1", "7:8");
  check(4, "é", "1", "8:1", "8:4");  // columns in code points although yaml-cpp counts bytes
}

TEST_CASE("an override without a value is kept, located at its key") {
  Diagnostics diags;
  const doc::Metadata m = meta_of("---\naccent:\n---\n", diags);
  REQUIRE(m.overrides.size() == 1);
  CHECK(m.overrides[0].value.empty());
  CHECK(position(m.overrides[0].value_location) == "2:1");
}

TEST_CASE("invalid yaml is an error at the yaml-cpp mark shifted into the file") {
  CHECK(errors_of("---\ntitle: ok\nkeywords: [a, b\n---\n") ==
        "t.md:4:1: error: invalid front matter: end of sequence flow not found\n");
  CHECK(errors_of("---\ntitle: \"a\" b\n---\n") ==
        "t.md:2:12: error: invalid front matter: end of map not found\n");
}

TEST_CASE("front matter that is not a mapping is an error") {
  CHECK(errors_of("---\n- a\n- b\n---\n") ==
        "t.md:2:1: error: front matter must be a mapping of keys to values, not a list\n"
        "hint: write one `key: value` per line, e.g. `lang: en`\n");
}

TEST_CASE("a document key with the wrong type is an error naming the key and the type") {
  CHECK(errors_of("---\ntitle: [a]\n---\n") ==
        "t.md:2:8: error: front matter key \"title\" must be a string, not a list\n");
  CHECK(errors_of("---\nauthor:\n  email: x\n---\n") ==
        "t.md:3:3: error: front matter key \"author\" must be a name or a list of names, not a mapping\n");
  CHECK(errors_of("---\nkeywords: {a: b}\n---\n") ==
        "t.md:2:11: error: front matter key \"keywords\" must be a list of strings or one comma-separated "
        "string\n"
        "hint: e.g. `keywords: [SRE, Kubernetes]`\n");
  CHECK(errors_of("---\nkeywords: [a, [b]]\n---\n") ==
        "t.md:2:15: error: front matter key \"keywords\" must be a list of strings, found a list in it\n");
}

TEST_CASE("fit must be a whole number of pages from 1 to 20") {
  const std::string hint = "hint: e.g. `fit: 1` shrinks the résumé onto one page\n";
  CHECK(errors_of("---\nfit: many\n---\n") ==
        "t.md:2:6: error: front matter key \"fit\" must be a whole number of pages from 1 to 20, not "
        "\"many\"\n" +
            hint);
  CHECK(errors_of("---\nfit: 0\n---\n").find("not \"0\"") != std::string::npos);
  CHECK(errors_of("---\nfit: 21\n---\n").find("not \"21\"") != std::string::npos);
  CHECK(errors_of("---\nfit: 1.5\n---\n").find("not \"1.5\"") != std::string::npos);
  CHECK(errors_of("---\nfit: [1]\n---\n").find("from 1 to 20, not a list") != std::string::npos);
  Diagnostics diags;
  CHECK(meta_of("---\nfit: 20\n---\n", diags).fit == 20);
}

TEST_CASE("lang must have the shape of a BCP 47 tag") {
  CHECK(errors_of("---\nlang: en_US\n---\n") ==
        "t.md:2:7: error: invalid lang \"en_US\"\nhint: BCP 47 separates subtags with hyphens: \"en-US\"\n");
  CHECK(errors_of("---\nlang: e\n---\n") ==
        "t.md:2:7: error: invalid lang \"e\"\n"
        "hint: use a BCP 47 language tag such as \"en\", \"en-US\" or \"zh-Hans\"\n");
  CHECK(errors_of("---\nlang: en-toolongsubtag\n---\n").find("invalid lang") != std::string::npos);
  CHECK(errors_of("---\nlang: zh-Hans-CN\n---\n").empty());
  CHECK(errors_of("---\nlang: de-CH-1996\n---\n").empty());
}

TEST_CASE("paper, dir and date are validated with a hint") {
  CHECK(errors_of("---\npaper: a5\n---\n") ==
        "t.md:2:8: error: invalid paper \"a5\"\nhint: use a4 or letter\n");
  CHECK(errors_of("---\ndir: up\n---\n") ==
        "t.md:2:6: error: invalid dir \"up\"\nhint: use ltr (left to right) or rtl (right to left, e.g. "
        "Arabic or "
        "Hebrew)\n");
  CHECK(errors_of("---\ndate: 2024-13-01\n---\n") ==
        "t.md:2:7: error: invalid date \"2024-13-01\"\n"
        "hint: use ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z], e.g. 2024-05-01\n");
  CHECK(errors_of("---\ndate: May 2024\n---\n") ==
        "t.md:2:7: warning: date \"May 2024\" is not used as the PDF's date\n"
        "hint: the PDF's date needs ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z], e.g. 2024-05-01\n");
  CHECK(errors_of("---\ndate: 2024-05-01T25:00\n---\n").find("invalid date") != std::string::npos);
  CHECK(errors_of("---\ndate: 2024-05-01 \n---\n").empty());
}

TEST_CASE("a duplicate key is an error at its second occurrence") {
  CHECK(errors_of("---\ntitle: a\ntitle: b\n---\n") ==
        "t.md:3:1: error: duplicate front matter key \"title\"\n");
}

TEST_CASE("errors after a multi-byte character are located in code points") {
  CHECK(errors_of("---\n{\"é\": 1, fit: x}\n---\n").find("t.md:2:15: error: front matter key \"fit\"") !=
        std::string::npos);
}

TEST_CASE("all problems in the front matter are reported at once") {
  Diagnostics diags;
  (void)meta_of("---\nfit: x\npaper: b5\ndir: up\n---\n", diags);
  CHECK(diags.error_count() == 3);
}

TEST_CASE("a misspelt document key is an error with a did-you-mean hint, not a layout override") {
  Diagnostics diags;
  const doc::Metadata meta = meta_of("---\ntitel: CV\nauthr: A\n---\n# A\n", diags);
  const std::string text = format(diags);
  CHECK(text.find("t.md:2:1: error: unknown front matter key \"titel\"\nhint: did you mean \"title\"?") !=
        std::string::npos);
  CHECK(text.find("did you mean \"author\"?") != std::string::npos);
  CHECK(meta.overrides.empty());
}

}  // namespace
}  // namespace cvpress::markdown
