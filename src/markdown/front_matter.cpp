#include "markdown/front_matter.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace cvpress::markdown {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";  // U+FEFF as UTF-8, which some editors write first

// `fit` is a number of pages; a résumé longer than this is a mistake, not a request.
constexpr int kMaxFitPages = 20;

// The line starting at `at` without its line end (and trailing blanks), and where the next
// line starts.
std::pair<std::string_view, std::size_t> line_at(std::string_view text, std::size_t at) {
  std::size_t eol = text.find('\n', at);
  const std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
  if (eol == std::string_view::npos) eol = text.size();
  std::string_view line = text.substr(at, eol - at);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.remove_suffix(1);
  return {line, next};
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The shape of a BCP 47 tag (RFC 5646 §2.1): subtags of letters and digits separated by
// hyphens, each at most 8 long; the first (the language) 2-8 letters. Whether the subtags
// are registered is not checked here.
bool is_language_tag(std::string_view tag) {
  bool first = true;
  while (true) {
    const std::size_t hyphen = tag.find('-');
    const std::string_view subtag = tag.substr(0, hyphen);
    if (subtag.empty() || subtag.size() > 8) return false;
    if (first && (subtag.size() < 2 || !std::all_of(subtag.begin(), subtag.end(), is_alpha))) return false;
    if (!std::all_of(subtag.begin(), subtag.end(), [](char c) { return is_alpha(c) || is_digit(c); }))
      return false;
    if (hyphen == std::string_view::npos) return true;
    tag.remove_prefix(hyphen + 1);
    first = false;
  }
}

// `width` digits from `s[at]` as a number in [low, high].
bool number_in(std::string_view s, std::size_t at, std::size_t width, int low, int high) {
  if (at + width > s.size()) return false;
  int value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (!is_digit(s[i])) return false;
    value = value * 10 + (s[i] - '0');
  }
  return value >= low && value <= high;
}

// ISO 8601 calendar date `YYYY-MM-DD`, optionally with `THH:MM`, `:SS` and `Z`.
bool is_iso_date(std::string_view s) {
  if (s.size() < 10 || !number_in(s, 0, 4, 0, 9999) || s[4] != '-' || !number_in(s, 5, 2, 1, 12) ||
      s[7] != '-' || !number_in(s, 8, 2, 1, 31))
    return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' || s.size() < 16 || !number_in(s, 11, 2, 0, 23) || s[13] != ':' ||
      !number_in(s, 14, 2, 0, 59))
    return false;
  std::string_view rest = s.substr(16);
  if (rest.starts_with(':')) {
    if (!number_in(rest, 1, 2, 0, 60)) return false;  // 60: a leap second
    rest.remove_prefix(3);
  }
  return rest.empty() || rest == "Z";
}

// The document keys of DESIGN §3, for "did you mean" hints.
constexpr std::array<std::string_view, 10> kDocumentKeys = {"lang", "title",   "author",   "layout", "paper",
                                                            "date", "subject", "keywords", "fit",    "dir"};

// The document key `name` is a near miss of (base/spelling.h), or empty.
std::string_view near_document_key(std::string_view name) {
  const std::string lower = lowercase(name);
  for (std::string_view key : kDocumentKeys)
    if (lower == key || near_miss(lower, key)) return key;
  return {};
}

// Keys that Jekyll, Hugo, pandoc, R Markdown, Quarto, Obsidian, md-to-pdf and site generators
// write, which mean nothing to cvpress: ignored with one warning each, never taken for a
// misspelling of a cvpress key (`data` is no slip for `date`).
constexpr std::array<std::string_view, 71> kForeignKeys = {"permalink",
                                                           "author_profile",
                                                           "redirect_from",
                                                           "redirect_to",
                                                           "excerpt",
                                                           "published",
                                                           "draft",
                                                           "slug",
                                                           "tags",
                                                           "categories",
                                                           "category",
                                                           "data",
                                                           "description",
                                                           "sidebar",
                                                           "toc",
                                                           "toc_sticky",
                                                           "toc_label",
                                                           "toc-title",
                                                           "classoption",
                                                           "documentclass",
                                                           "header-includes",
                                                           "include-before",
                                                           "include-after",
                                                           "output",
                                                           "format",
                                                           "created",
                                                           "updated",
                                                           "modified",
                                                           "aliases",
                                                           "alias",
                                                           "cssclass",
                                                           "cssclasses",
                                                           "stylesheet",
                                                           "pdf_options",
                                                           "body_class",
                                                           "navbar",
                                                           "nav",
                                                           "menu",
                                                           "weight",
                                                           "type",
                                                           "image",
                                                           "share",
                                                           "comments",
                                                           "read_time",
                                                           "sitemap",
                                                           "search",
                                                           "hidden",
                                                           "linkcolor",
                                                           "urlcolor",
                                                           "colorlinks",
                                                           "fontfamily",
                                                           "linestretch",
                                                           "template",
                                                           "css",
                                                           "theme",
                                                           "publish",
                                                           "status",
                                                           "id",
                                                           "uuid",
                                                           "version",
                                                           "summary",
                                                           "bibliography",
                                                           "csl",
                                                           "abstract",
                                                           "thanks",
                                                           "last_modified_at",
                                                           "nav_order",
                                                           "parent",
                                                           "has_children",
                                                           "lastmod",
                                                           "exclude"};

bool is_foreign_key(std::string_view name) {
  const std::string lower = lowercase(name);
  return std::find(kForeignKeys.begin(), kForeignKeys.end(), lower) != kForeignKeys.end();
}

// Contact keys of résumé templates for other tools, by the kind of contact they give.
std::string_view contact_kind(std::string_view name) {
  const std::string lower = lowercase(name);
  if (lower == "email" || lower == "e-mail" || lower == "mail") return "email";
  if (lower == "phone" || lower == "mobile" || lower == "telephone" || lower == "tel") return "phone";
  if (lower == "website" || lower == "url" || lower == "homepage" || lower == "web" || lower == "site")
    return "website";
  if (lower == "location" || lower == "address" || lower == "city") return "location";
  if (lower == "github") return "github";
  if (lower == "linkedin") return "linkedin";
  return {};
}

constexpr std::string_view kKnownKeysHint =
    "cvpress reads lang, title, author, layout, paper, date, keywords, fit, dir and layout overrides such as "
    "section.color; other tools' keys can stay";

const char* type_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Null: return "empty";
    default: return "a value";
  }
}

class FrontMatterReader {
 public:
  FrontMatterReader(const SourceFile& file, const FrontMatterSpan& span, Diagnostics& diags)
      : file_(file), diags_(diags), first_line_(file.location_of(span.yaml_begin).line), span_(span) {}

  doc::Metadata read() {
    const std::string yaml = file_.text().substr(span_.yaml_begin, span_.yaml_end - span_.yaml_begin);
    YAML::Node root;
    try {
      root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
      error(e.mark, "invalid front matter: " + e.msg);
      return std::move(meta_);
    }
    if (root.IsNull()) return std::move(meta_);  // `---` `---`: nothing said
    if (!root.IsMap()) {
      error(root.Mark(),
            std::string("front matter must be a mapping of keys to values, not ") + type_name(root),
            "write one `key: value` per line, e.g. `lang: en`");
      return std::move(meta_);
    }
    std::vector<std::string> seen;
    for (const auto& entry : root) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar()) {
        error(key.Mark(), "front matter key must be a plain name");
        continue;
      }
      const std::string name = key.Scalar();
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        error(key.Mark(), "duplicate front matter key \"" + name + "\"");
        continue;
      }
      seen.push_back(name);
      if (read_document_key(name, key, entry.second) || read_other_tools_key(name, key, entry.second))
        continue;
      add_override(name, key, entry.second);
    }
    return std::move(meta_);
  }

 private:
  // yaml-cpp marks are 0-based lines of the YAML text and 0-based byte columns.
  SourceLocation location(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return file_.location_of(span_.yaml_begin);
    const auto line = first_line_ + static_cast<uint32_t>(mark.line);
    const std::size_t line_start = file_.line_offset(line);
    const std::size_t line_end = std::min(file_.text().find('\n', line_start), file_.text().size());
    return file_.location_of(std::min(line_start + static_cast<std::size_t>(mark.column), line_end));
  }

  void error(const YAML::Mark& mark, std::string message, std::string hint = {}) {
    diags_.error(file_.path(), location(mark), std::move(message), std::move(hint));
  }

  // A value for a key that takes one string; nullopt (and an error) for a list or mapping.
  std::optional<std::string> string_value(const std::string& name, const YAML::Node& value) {
    if (value.IsNull()) return std::string();
    if (value.IsScalar()) return value.Scalar();
    error(value.Mark(), "front matter key \"" + name + "\" must be a string, not " + type_name(value));
    return std::nullopt;
  }

  void warning(const YAML::Mark& mark, std::string message, std::string hint = {}) {
    diags_.warning(file_.path(), location(mark), std::move(message), std::move(hint));
  }

  void ignore(const std::string& name, const YAML::Node& key, const std::string& why) {
    warning(key.Mark(), "ignored front matter key \"" + name + "\": " + why, std::string(kKnownKeysHint));
  }

  // An override written by a front matter key of pandoc's (fontsize, mainfont, geometry).
  void add_mapped_override(const std::string& key, const std::string& value, const YAML::Node& at) {
    doc::Override item;
    item.key = key;
    item.value = value;
    item.key_location = item.value_location = location(at.Mark());
    meta_.overrides.push_back(std::move(item));
  }

  // Keys other tools write: what means what cvpress means is honoured (pandoc's metadata,
  // the name and contacts of résumé templates); the rest is ignored with a warning. False
  // for a key no other tool is known to write.
  bool read_other_tools_key(const std::string& name, const YAML::Node& key, const YAML::Node& value) {
    const std::string lower = lowercase(name);
    if (lower == "name" && !value.IsMap()) {
      if (auto s = string_value(name, value); s && !s->empty()) {
        meta_.name = *s;
        meta_.name_location = location(value.Mark());
      }
      return true;
    }
    if (const std::string_view kind = contact_kind(lower); !kind.empty() && !value.IsMap()) {
      if (value.IsScalar() && !value.Scalar().empty())
        meta_.contacts.push_back({std::string(kind), value.Scalar(), location(value.Mark())});
      else if (!value.IsNull())
        ignore(name, key, "a contact is one value");
      return true;
    }
    if (lower == "subtitle") {
      if (auto s = string_value(name, value); s && meta_.subject.empty()) meta_.subject = *s;
      return true;
    }
    if (lower == "papersize") {
      if (auto s = string_value(name, value); s && !s->empty()) {
        const std::string paper = lowercase(*s);
        if (paper == "a4" || paper == "a4paper") {
          meta_.paper = "a4";
        } else if (paper == "letter" || paper == "letterpaper" || paper == "us-letter") {
          meta_.paper = "letter";
        } else {
          warning(value.Mark(), "ignored papersize \"" + *s + "\": cvpress sets A4 and Letter",
                  "use a4 or letter");
        }
      }
      return true;
    }
    if (lower == "geometry") {
      read_geometry(value);
      return true;
    }
    if (lower == "fontsize") {
      if (auto s = string_value(name, value); s && !s->empty())
        add_mapped_override("body.font-size", *s, value);
      return true;
    }
    if (lower == "mainfont" || lower == "sansfont" || lower == "monofont" || lower == "cjkmainfont") {
      if (auto s = string_value(name, value); s && !s->empty()) {
        if (lower == "mainfont") add_mapped_override("body.font-family", *s, value);
        if (lower == "sansfont") {
          add_mapped_override("name.font-family", *s, value);
          add_mapped_override("section.font-family", *s, value);
        }
        if (lower == "monofont") {
          add_mapped_override("code.font-family", *s, value);
          add_mapped_override("code-block.font-family", *s, value);
        }
        if (lower == "cjkmainfont") {
          meta_.cjk_font = *s;
          meta_.cjk_font_location = location(value.Mark());
        }
      }
      return true;
    }
    if (is_foreign_key(lower)) {
      ignore(name, key, "not a cvpress key");
      return true;
    }
    return false;
  }

  // pandoc's `geometry: margin=2cm` (one string of comma-separated options, or a list of them).
  void read_geometry(const YAML::Node& value) {
    std::vector<std::pair<std::string, YAML::Node>> options;
    const auto split = [&](const YAML::Node& node) {
      std::string_view rest = node.Scalar();
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view option = trim(rest.substr(0, comma));
        if (!option.empty()) options.emplace_back(std::string(option), node);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    };
    if (value.IsScalar()) split(value);
    if (value.IsSequence())
      for (const YAML::Node& item : value)
        if (item.IsScalar()) split(item);
    for (const auto& [option, node] : options) {
      const std::size_t eq = option.find('=');
      const std::string name = lowercase(trim(std::string_view(option).substr(0, eq)));
      const std::string length = eq == std::string::npos
                                     ? std::string()
                                     : std::string(trim(std::string_view(option).substr(eq + 1)));
      if (name == "a4paper") {
        meta_.paper = "a4";
      } else if (name == "letterpaper") {
        meta_.paper = "letter";
      } else if (!length.empty() && (name == "margin" || name == "top" || name == "bottom" ||
                                     name == "left" || name == "right")) {
        add_mapped_override(name == "margin" ? "page.margin" : "page.margin-" + name, length, node);
      } else if (!length.empty() && (name == "hmargin" || name == "vmargin")) {
        add_mapped_override(name == "hmargin" ? "page.margin-left" : "page.margin-top", length, node);
        add_mapped_override(name == "hmargin" ? "page.margin-right" : "page.margin-bottom", length, node);
      } else {
        warning(node.Mark(), "ignored geometry option \"" + option + "\"",
                "cvpress takes margin=, top=, bottom=, left=, right=, hmargin=, vmargin=, a4paper and "
                "letterpaper");
      }
    }
  }

  // `author:` as pandoc and Jekyll write it: a string, a list of strings, or a list of
  // mappings with a `name`.
  void read_author(const YAML::Node& value) {
    if (value.IsNull()) return;
    if (value.IsScalar()) {
      meta_.author = value.Scalar();
      return;
    }
    if (value.IsMap() && value["name"] && value["name"].IsScalar()) {
      meta_.author = value["name"].Scalar();
      return;
    }
    if (value.IsSequence()) {
      std::string authors;
      for (const YAML::Node& item : value) {
        std::string one;
        if (item.IsScalar()) one = item.Scalar();
        if (item.IsMap() && item["name"] && item["name"].IsScalar()) one = item["name"].Scalar();
        if (one.empty()) continue;
        authors += (authors.empty() ? "" : ", ") + one;
      }
      meta_.author = authors;
      return;
    }
    error(value.Mark(), "front matter key \"author\" must be a name or a list of names, not " +
                            std::string(type_name(value)));
  }

  // Stores `name` if it is a document key and returns true; false for an override.
  bool read_document_key(const std::string& name, const YAML::Node& key, const YAML::Node& value) {
    if (name == "author") {
      read_author(value);
    } else if (name == "title" || name == "subject") {
      if (auto s = string_value(name, value)) (name == "title" ? meta_.title : meta_.subject) = *s;
    } else if (name == "layout") {
      if (auto s = string_value(name, value)) {
        meta_.layout = *s;
        meta_.layout_location = value.IsNull() ? location(key.Mark()) : location(value.Mark());
      }
    } else if (name == "lang") {
      if (auto s = string_value(name, value); s && !s->empty()) {
        if (is_language_tag(*s)) {
          meta_.lang = *s;
        } else {
          std::string hint = "use a BCP 47 language tag such as \"en\", \"en-US\" or \"zh-Hans\"";
          if (s->find('_') != std::string::npos) {
            std::string fixed = *s;
            std::replace(fixed.begin(), fixed.end(), '_', '-');
            hint = "BCP 47 separates subtags with hyphens: \"" + fixed + "\"";
          }
          error(value.Mark(), "invalid lang \"" + *s + "\"", hint);
        }
      }
    } else if (name == "paper") {
      if (auto s = string_value(name, value); s && !s->empty()) {
        const std::string paper = lowercase(*s);
        if (paper == "a4" || paper == "letter") {
          meta_.paper = paper;
        } else {
          error(value.Mark(), "invalid paper \"" + *s + "\"", "use a4 or letter");
        }
      }
    } else if (name == "dir") {
      if (auto s = string_value(name, value); s && !s->empty()) {
        const std::string dir = lowercase(*s);
        if (dir == "ltr" || dir == "rtl") {
          meta_.dir = dir;
        } else {
          error(value.Mark(), "invalid dir \"" + *s + "\"",
                "use ltr (left to right) or rtl (right to left, e.g. Arabic or Hebrew)");
        }
      }
    } else if (name == "date") {
      if (auto s = string_value(name, value); s && !s->empty()) {
        if (is_iso_date(*s)) {
          meta_.date = *s;
        } else if (s->size() > 10 && is_iso_date(s->substr(0, 10)) && (*s)[10] == ' ') {
          meta_.date = s->substr(0, 10);  // Jekyll's `2024-05-01 10:00:00 +0200`: the day is what a PDF needs
        } else if (s->size() >= 5 && std::all_of(s->begin(), s->begin() + 4, is_digit) && (*s)[4] == '-') {
          error(value.Mark(), "invalid date \"" + *s + "\"",
                "use ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z], e.g. 2024-05-01");
        } else {
          // pandoc's date is free text ("May 2024"): it stays what it is to pandoc.
          warning(value.Mark(), "date \"" + *s + "\" is not used as the PDF's date",
                  "the PDF's date needs ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z], e.g. 2024-05-01");
        }
      }
    } else if (name == "fit") {
      read_fit(value);
    } else if (name == "keywords") {
      read_keywords(value);
    } else {
      return false;
    }
    return true;
  }

  void read_fit(const YAML::Node& value) {
    const std::string written = value.IsScalar() ? value.Scalar() : std::string(type_name(value));
    const bool digits = value.IsScalar() && !written.empty() && written.size() <= 2 &&
                        std::all_of(written.begin(), written.end(), is_digit);
    const int pages = digits ? std::stoi(written) : 0;
    if (pages < 1 || pages > kMaxFitPages) {
      error(value.Mark(),
            "front matter key \"fit\" must be a whole number of pages from 1 to " +
                std::to_string(kMaxFitPages) + ", not " +
                (value.IsScalar() ? "\"" + written + "\"" : written),
            "e.g. `fit: 1` shrinks the résumé onto one page");
      return;
    }
    meta_.fit = pages;
  }

  void read_keywords(const YAML::Node& value) {
    const auto add_split = [&](std::string_view list) {
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view word = trim(list.substr(0, comma));
        if (!word.empty()) meta_.keywords.emplace_back(word);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
      }
    };
    if (value.IsNull()) return;
    if (value.IsScalar()) {
      add_split(value.Scalar());
      return;
    }
    if (value.IsSequence()) {
      for (const YAML::Node& item : value) {
        if (!item.IsScalar()) {
          error(item.Mark(), "front matter key \"keywords\" must be a list of strings, found " +
                                 std::string(type_name(item)) + " in it");
          continue;
        }
        meta_.keywords.push_back(item.Scalar());
      }
      return;
    }
    error(value.Mark(),
          "front matter key \"keywords\" must be a list of strings or one comma-separated string",
          "e.g. `keywords: [SRE, Kubernetes]`");
  }

  // Everything that is not a document key overrides the layout (DESIGN §6); the style stage
  // checks the names and values.
  void add_override(const std::string& name, const YAML::Node& key, const YAML::Node& value) {
    if (name.find('.') == std::string::npos && !value.IsMap()) {
      if (std::string_view near = near_document_key(name); !near.empty()) {
        error(key.Mark(), "unknown front matter key \"" + name + "\"",
              "did you mean \"" + std::string(near) + "\"?");
        return;
      }
    }
    if (value.IsMap()) {
      for (const auto& entry : value) {
        if (!entry.first.IsScalar()) {
          error(entry.first.Mark(), "front matter key must be a plain name");
          continue;
        }
        add_override(name + "." + entry.first.Scalar(), entry.first, entry.second);
      }
      return;
    }
    doc::Override item;
    item.key = name;
    item.key_location = location(key.Mark());
    // yaml-cpp marks an empty value at the next token; the key is the better place.
    item.value_location = value.IsNull() ? item.key_location : location(value.Mark());
    if (value.IsScalar()) {
      item.value = value.Scalar();
    } else if (value.IsSequence()) {
      for (const YAML::Node& element : value) {
        if (!element.IsScalar()) {
          error(element.Mark(), "front matter key \"" + name +
                                    "\" must be a value or a list of values, found " + type_name(element) +
                                    " in the list");
          return;
        }
        if (!item.value.empty()) item.value += ", ";
        item.value += element.Scalar();
      }
    }
    meta_.overrides.push_back(std::move(item));
  }

  const SourceFile& file_;
  Diagnostics& diags_;
  const uint32_t first_line_;  // the file's line of YAML line 0
  const FrontMatterSpan& span_;
  doc::Metadata meta_;
};

}  // namespace

FrontMatterSpan find_front_matter(const SourceFile& file, Diagnostics& diags) {
  const std::string_view text = file.text();
  FrontMatterSpan span;
  const std::size_t start = text.starts_with(kBom) ? kBom.size() : 0;
  span.body_begin = start;
  const auto [first, yaml_begin] = line_at(text, start);
  if (first != "---") return span;
  for (std::size_t at = yaml_begin; at < text.size();) {
    const auto [line, next] = line_at(text, at);
    if (line == "---" || line == "...") {
      span.present = true;
      span.yaml_begin = yaml_begin;
      span.yaml_end = at;
      span.body_begin = next;
      return span;
    }
    at = next;
  }
  diags.error(file.path(), {1, 1}, "front matter is not closed",
              "end the front matter with a line that is exactly `---`; a file without front matter must not "
              "start with `---`");
  return span;
}

doc::Metadata read_front_matter(const SourceFile& file, const FrontMatterSpan& span, Diagnostics& diags) {
  CVPRESS_ASSERT(span.present);
  return FrontMatterReader(file, span, diags).read();
}

}  // namespace cvpress::markdown
