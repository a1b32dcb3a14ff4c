#pragma once
// The style stage: layout templates (layouts/*.yaml, DESIGN §6) loaded, validated and
// cascaded into a ComputedStyle per element role. Templates are data: every key is
// declared once with its type, default and help text (see style/schema.cpp).
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/base.h"
#include "doc/doc.h"

namespace cvpress::style {

/// What an element is to the résumé. Each role has one style rule in a template.
enum class Role {
  Page,      // the page body: default text style every role inherits from
  Name,      // the first `#` heading: the person's name
  Header,    // what stands between the name and the first `##` (contact lines)
  Section,   // `##`
  Entry,     // `###`
  Subentry,  // `####`
  Heading5,
  Heading6,
  Paragraph,
  List,
  ListItem,
  Marker,  // bullets and numbers
  BlockQuote,
  CodeBlock,
  Code,  // inline code span
  Link,
  Strong,
  Emphasis,
  Strikethrough,
  Table,
  TableHeader,  // a header cell
  TableCell,
  Rule,    // thematic break
  Footer,  // running footer (multi-page résumés)
  Aside,   // the text after ` | ` in an entry heading (dates, place), set flush right
  Label,   // the `Label:` of a labelled row
  Icon,    // a contact item's icon
  Photo,   // an image standing alone in a paragraph; in the header, the portrait
};
inline constexpr std::size_t kRoleCount = static_cast<std::size_t>(Role::Photo) + 1;

/// The template key of a role ("section", "list-item", ...).
[[nodiscard]] const char* role_key(Role role);

enum class TextAlign { Start, End, Left, Right, Center, Justify };
enum class TextTransform { None, Uppercase };
enum class FontWeight { Normal, Bold };
enum class FontStyle { Normal, Italic };

struct Border {
  Insets width;  // per side; zero = none
  Color color;
  friend bool operator==(const Border&, const Border&) = default;
};

/// Every property of an element after the cascade. Inherited properties (font, colour,
/// line height, alignment, ...) come from the parent; box properties (margin, padding,
/// border, background) do not.
struct ComputedStyle {
  // Inherited
  std::vector<std::string> font_family;  // a stack, first available wins
  Pt font_size = Pt(10);
  FontWeight font_weight = FontWeight::Normal;
  FontStyle font_style = FontStyle::Normal;
  Color color;
  double line_height = 1.3;  // multiple of font_size
  Pt letter_spacing;         // added after every grapheme
  TextTransform text_transform = TextTransform::None;
  TextAlign text_align = TextAlign::Start;
  bool underline = false;
  bool strikethrough = false;
  bool ligatures = true;
  bool hyphenate = false;     // words may be hyphenated at line ends (by the document's lang)
  std::string font_features;  // more OpenType features, HarfBuzz syntax: "smcp,c2sc", "onum"
  // Not inherited
  Insets margin;
  Insets padding;
  Border border;
  std::optional<Color> background;
  Pt indent;                         // lists: indent of nested content (hanging indent)
  std::vector<std::string> bullets;  // lists: marker per nesting level, cycled
  Pt marker_gap;                     // lists: space between marker and text
  bool keep_with_next = false;       // headings: never the last thing on a page
  bool bookmark = false;             // headings: an outline entry
  std::string separator;             // header: contact items in one row, separated by this
  bool icons = false;                // header: an icon before each contact item with a link
  Pt label_width;                    // labels: width of the term column (0: a run-in label)
  Pt width;                          // images: shown this wide (0: natural size, at most the measure)
  bool round = false;                // images: clipped to a circle (an ellipse if not square)
};

/// A style rule as written: only the properties the template (or an override) sets.
/// Unset properties cascade.
struct StyleRule {
  std::optional<std::vector<std::string>> font_family;
  std::optional<Pt> font_size;
  std::optional<FontWeight> font_weight;
  std::optional<FontStyle> font_style;
  std::optional<Color> color;
  std::optional<double> line_height;
  std::optional<Pt> letter_spacing;
  std::optional<TextTransform> text_transform;
  std::optional<TextAlign> text_align;
  std::optional<bool> underline;
  std::optional<bool> strikethrough;
  std::optional<bool> ligatures;
  std::optional<bool> hyphenate;
  std::optional<std::string> font_features;
  std::optional<Pt> margin_top, margin_right, margin_bottom, margin_left;
  std::optional<Pt> padding_top, padding_right, padding_bottom, padding_left;
  std::optional<Pt> border_top, border_right, border_bottom, border_left;
  std::optional<Color> border_color;
  std::optional<Color> background;
  std::optional<Pt> indent;
  std::optional<std::vector<std::string>> bullets;
  std::optional<Pt> marker_gap;
  std::optional<bool> keep_with_next;
  std::optional<bool> bookmark;
  std::optional<std::string> separator;
  std::optional<bool> icons;
  std::optional<Pt> label_width;
  std::optional<Pt> width;
  std::optional<bool> round;
  /// Lengths written in `em`, by template key ("font-size", "margin-top", ...): multiples
  /// of the element's own computed font size (for font-size itself: of the parent's),
  /// resolved by compute(). A key present here wins over the absolute member of the same
  /// property (the loader keeps only the last one written).
  std::map<std::string, double, std::less<>> em;
};

enum class Paper { A4, Letter };

enum class Side { Left, Right };

/// A second, narrower column beside the main one (two-column layouts).
struct Sidebar {
  Pt width;  // 0: a one-column layout
  Side side = Side::Left;
  Pt gap;                             // between the sidebar and the main column
  std::optional<Color> background;    // tint of the sidebar, edge to edge of the page
  Insets padding;                     // inside the tint
  std::vector<std::string> sections;  // what goes there: "header", "name", and section titles
};

// ---- Pagination keys (issue 3: running footer, fit to pages)

/// When the running footer is shown.
enum class FooterShow { Auto, Always, Never };  // auto: on documents of more than one page

struct FooterSetup {
  FooterShow show = FooterShow::Auto;
  /// The footer's text: `{name}` (the first heading), `{page}`, `{pages}`, `{page-label}`
  /// ("Page 2 of 3" in the document's language), `{continued}` (a continuation mark on every
  /// page but the last). Set in the `footer` role's style, in the bottom margin.
  std::string text = "{name} · {page-label}";
  /// Page numbers in the language's own digits (Arabic-Indic, Devanagari, Thai ...).
  bool native_digits = false;
};

/// How far fit-to-pages (`--fit-pages N`, front matter `fit: N`) may tighten a layout, in
/// the order it tries: spacing, leading, margins, type size.
struct FitBounds {
  double min_spacing = 0.5;    // vertical margins between blocks shrink to at least this fraction
  double min_leading = 1.15;   // line heights (multiples of the font size) shrink to at least this
  Pt min_margin = Pt::mm(12);  // page margins shrink to at least this (never grow)
  Pt min_font_size = Pt(9);    // body text shrinks to at least this (never below 8.5 pt)
};

struct PageSetup {
  std::optional<Paper> paper;  // unset: from the document's lang (US/CA -> Letter, else A4)
  Insets margin;
  Sidebar sidebar;
  std::vector<std::string> inline_lists;  // section titles whose lists are set as one row
  FooterSetup footer;                     // pagination: the running footer
  FitBounds fit;                          // pagination: fit-to-pages bounds
};

/// A tightening of a layout, each amount from 0 (as the layout says) to 1 (at its bound in
/// FitBounds): what fit-to-pages searches over.
struct Tightening {
  double spacing = 0;
  double leading = 0;
  double margin = 0;
  double font = 0;
  friend bool operator==(const Tightening&, const Tightening&) = default;
};

/// The body font size never goes below this, whatever a layout declares (issue 3).
inline constexpr Pt kMinBodyFontSize = Pt(8.5);

/// Applies `t` to a computed style: vertical margins scaled toward
/// `bounds.min_spacing`, the line height toward `bounds.min_leading` (never raised), font
/// sizes scaled by the factor that takes `body_size` toward `bounds.min_font_size`.
void tighten(ComputedStyle& style, const Tightening& t, const FitBounds& bounds, Pt body_size);

/// Page margins under `t`: each side moved toward `bounds.min_margin` (a side already
/// smaller stays as it is).
[[nodiscard]] Insets tighten(const Insets& margin, const Tightening& t, const FitBounds& bounds);

/// A loaded template.
struct Layout {
  std::string name;         // "classic"
  std::string description;  // one line, for `cvpress layouts`
  std::string path;         // the file it came from
  PageSetup page;
  std::array<StyleRule, kRoleCount> rules;  // indexed by Role
};

/// Page size of a paper in points (ISO 216 A4 = 210 x 297 mm; ANSI Letter = 8.5 x 11 in).
[[nodiscard]] Size paper_size(Paper paper);
/// The paper for a BCP 47 tag when the document does not say: Letter for US, CA
/// (and es-MX, PH ...), A4 elsewhere.
[[nodiscard]] Paper default_paper(std::string_view lang);

/// Resolves `name_or_path`: a path to a .yaml file (contains '/' or ends in .yaml), else a
/// name looked up as `<dir>/<name>.yaml` in `layout_dirs`. Reports unknown keys (with a
/// "did you mean" hint), wrong types, bad colours and lengths at file:line:col.
/// Returns nullopt when the template cannot be used (errors reported).
[[nodiscard]] std::optional<Layout> load_layout(std::string_view name_or_path,
                                                const std::vector<std::string>& layout_dirs,
                                                Diagnostics& diags);

/// The same, for a layout named in a document: an unknown name is reported at
/// `from_file`:`at` (e.g. the front matter's `layout:` value) instead of without a location.
[[nodiscard]] std::optional<Layout> load_layout(std::string_view name_or_path,
                                                const std::vector<std::string>& layout_dirs,
                                                Diagnostics& diags, const std::string& from_file,
                                                SourceLocation at);

/// Applies front-matter overrides (`doc::Metadata::overrides`, dotted keys as in the
/// template, e.g. `section.color: "#0b5394"` or `page.margin: 15mm`) to `layout`,
/// reporting bad keys and values at their location in `source_path`.
/// Where overrides were written. In a document's front matter, a mapping whose top key is
/// neither `page` nor a style nor a near miss of one was written for another tool
/// (`pdf_options: {format: A4}`): one warning, not an error. Everywhere else (batch
/// manifests, the shared resume.yaml, layouts) every unknown key is an error.
enum class OverrideSource { FrontMatter, Strict };

void apply_overrides(Layout& layout, const std::vector<doc::Override>& overrides,
                     const std::string& source_path, Diagnostics& diags,
                     OverrideSource source = OverrideSource::Strict);

/// The cascade: `role`'s rule applied over `parent` (inherited properties carried over,
/// box properties reset to their defaults first).
[[nodiscard]] ComputedStyle compute(const Layout& layout, Role role, const ComputedStyle& parent);

/// The style of the page body (Role::Page over the built-in defaults).
[[nodiscard]] ComputedStyle root_style(const Layout& layout);

/// The template reference, docs/layouts.md, generated from the schema's declarations.
[[nodiscard]] std::string reference_markdown();

/// Layout names found in `layout_dirs` with their descriptions, sorted by name.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> list_layouts(
    const std::vector<std::string>& layout_dirs);

}  // namespace cvpress::style
