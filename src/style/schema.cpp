// The schema table (one row per key) and the value parsers it uses. Reading order: the
// small parsers (numbers, lengths, colours), then the setters the table's rows call, then
// the table itself, then parse() which turns a Raw value into a typed Value for one row.
#include "style/schema.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>
#include <utility>

namespace cvpress::style::schema {

namespace {

// The template keys of the roles, indexed by Role.
constexpr std::array<std::string_view, kRoleCount> kRoleKeys = {
    "body",       "name",      "header", "section",   "entry",         "subentry",   "heading5",
    "heading6",   "paragraph", "list",   "list-item", "marker",        "blockquote", "code-block",
    "code",       "link",      "strong", "emphasis",  "strikethrough", "table",      "table-header",
    "table-cell", "rule",      "footer", "aside",     "label",         "icon",       "photo",
};

// CSS Color 4 named colours: the basic set plus the grays a résumé uses.
struct NamedColor {
  std::string_view name;
  Color color;
};
constexpr NamedColor kNamedColors[] = {
    {"black", {0, 0, 0}},          {"white", {255, 255, 255}},     {"gray", {128, 128, 128}},
    {"grey", {128, 128, 128}},     {"silver", {192, 192, 192}},    {"darkgray", {169, 169, 169}},
    {"darkgrey", {169, 169, 169}}, {"lightgray", {211, 211, 211}}, {"lightgrey", {211, 211, 211}},
    {"dimgray", {105, 105, 105}},  {"dimgrey", {105, 105, 105}},   {"red", {255, 0, 0}},
    {"maroon", {128, 0, 0}},       {"green", {0, 128, 0}},         {"navy", {0, 0, 128}},
    {"blue", {0, 0, 255}},         {"teal", {0, 128, 128}},        {"purple", {128, 0, 128}},
    {"olive", {128, 128, 0}},
};

// Units of a length: points = value * num / den. CSS Values 4 absolute lengths: 1in = 2.54cm = 96px = 72pt.
// (Multiplying before dividing gives the same double as Pt::mm.)
struct Unit {
  std::string_view name;
  double num, den;
};
constexpr Unit kUnits[] = {
    {"pt", 1, 1}, {"mm", 72, 25.4}, {"cm", 72, 2.54}, {"in", 72, 1}, {"px", 3, 4},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Reads a leading decimal number (no exponent: "1em" must leave "em" for the unit).
// Returns the value and the number of bytes read, or nullopt.
std::optional<std::pair<double, std::size_t>> leading_number(std::string_view s) {
  std::size_t skip = 0;
  if (!s.empty() && s.front() == '+') skip = 1;
  double v = 0;
  const char* first = s.data() + skip;
  const auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v, std::chars_format::fixed);
  if (ec != std::errc() || !std::isfinite(v)) return std::nullopt;
  return std::pair{v, static_cast<std::size_t>(ptr - s.data())};
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

StyleRule& rule(Layout& layout, Role role) { return layout.rules[static_cast<std::size_t>(role)]; }

// The four sides of a Box value in order top, right, bottom, left.
void set_sides(StyleRule& r, const std::array<LengthMember, 4>& members, const std::array<Length, 4>& v) {
  for (std::size_t i = 0; i < 4; ++i) set_length(r, members[i], v[i]);
}

constexpr std::array<LengthMember, 4> kMargin = {&StyleRule::margin_top, &StyleRule::margin_right,
                                                 &StyleRule::margin_bottom, &StyleRule::margin_left};
constexpr std::array<LengthMember, 4> kPadding = {&StyleRule::padding_top, &StyleRule::padding_right,
                                                  &StyleRule::padding_bottom, &StyleRule::padding_left};
constexpr std::array<LengthMember, 4> kBorder = {&StyleRule::border_top, &StyleRule::border_right,
                                                 &StyleRule::border_bottom, &StyleRule::border_left};

// The keys of StyleRule's length members; StyleRule::em is keyed by these.
struct LengthKey {
  LengthMember member;
  std::string_view key;
};
const LengthKey kLengthKeys[] = {
    {&StyleRule::font_size, "font-size"},
    {&StyleRule::letter_spacing, "letter-spacing"},
    {&StyleRule::margin_top, "margin-top"},
    {&StyleRule::margin_right, "margin-right"},
    {&StyleRule::margin_bottom, "margin-bottom"},
    {&StyleRule::margin_left, "margin-left"},
    {&StyleRule::padding_top, "padding-top"},
    {&StyleRule::padding_right, "padding-right"},
    {&StyleRule::padding_bottom, "padding-bottom"},
    {&StyleRule::padding_left, "padding-left"},
    {&StyleRule::border_top, "border-top"},
    {&StyleRule::border_right, "border-right"},
    {&StyleRule::border_bottom, "border-bottom"},
    {&StyleRule::border_left, "border-left"},
    {&StyleRule::indent, "indent"},
    {&StyleRule::marker_gap, "marker-gap"},
    {&StyleRule::label_width, "label-width"},
    {&StyleRule::width, "width"},
};

Pt points(Length l) { return Pt(l.value); }  // page lengths: em is rejected by parse()

using R = Role;
using V = Value;
using L = Layout;

// The schema. Rule defaults are those of the page body before the template speaks
// (ComputedStyle's member initialisers); inherited properties then flow from parent to child.
// clang-format off
const Property kProperties[] = {
  // ---- top level
  {Scope::Layout, "description", Type::String, "", "",
   "one line shown by `cvpress layouts`",
   [](L& l, R, const V& v) { l.description = v.text; }},

  // ---- page:
  {Scope::Page, "paper", Type::Enum, "a4|letter", "from the document's lang (US, CA ... letter; else a4)",
   "paper size; leave unset so the document's lang (or --paper) decides",
   [](L& l, R, const V& v) { l.page.paper = static_cast<Paper>(v.choice); }},
  {Scope::Page, "margin", Type::Box, "", "20mm",
   "page margins: 1 to 4 lengths, CSS order (top right bottom left)",
   [](L& l, R, const V& v) {
     l.page.margin = {points(v.box[0]), points(v.box[1]), points(v.box[2]), points(v.box[3])};
   }, false},
  {Scope::Page, "margin-top", Type::Length, "", "20mm", "top page margin",
   [](L& l, R, const V& v) { l.page.margin.top = points(v.length); }, false},
  {Scope::Page, "margin-right", Type::Length, "", "20mm", "right page margin",
   [](L& l, R, const V& v) { l.page.margin.right = points(v.length); }, false},
  {Scope::Page, "margin-bottom", Type::Length, "", "20mm", "bottom page margin",
   [](L& l, R, const V& v) { l.page.margin.bottom = points(v.length); }, false},
  {Scope::Page, "margin-left", Type::Length, "", "20mm", "left page margin",
   [](L& l, R, const V& v) { l.page.margin.left = points(v.length); }, false},

  {Scope::Page, "sidebar-width", Type::Length, "", "0",
   "two-column layouts: width of the sidebar column (0: one column)",
   [](L& l, R, const V& v) { l.page.sidebar.width = points(v.length); }, false},
  {Scope::Page, "sidebar-side", Type::Enum, "left|right", "left", "which side the sidebar is on",
   [](L& l, R, const V& v) { l.page.sidebar.side = static_cast<Side>(v.choice); }},
  {Scope::Page, "sidebar-gap", Type::Length, "", "0", "space between the sidebar and the main column",
   [](L& l, R, const V& v) { l.page.sidebar.gap = points(v.length); }, false},
  {Scope::Page, "sidebar-background", Type::ColorOrNone, "", "none",
   "tint of the sidebar, from the page edge to the gap, top to bottom",
   [](L& l, R, const V& v) { l.page.sidebar.background = v.color; }},
  {Scope::Page, "sidebar-padding", Type::Box, "", "0",
   "space inside the sidebar's tint: 1 to 4 lengths, CSS order",
   [](L& l, R, const V& v) {
     l.page.sidebar.padding = {points(v.box[0]), points(v.box[1]), points(v.box[2]), points(v.box[3])};
   }, false},
  {Scope::Page, "sidebar-sections", Type::StringList, "", "[header]",
   "what the sidebar holds: `header` (contact lines), `name`, and sections by their title "
   "(case-insensitive), e.g. [header, Skills, Languages]",
   [](L& l, R, const V& v) { l.page.sidebar.sections = v.list; }},

  {Scope::Page, "inline-lists", Type::StringList, "", "[]",
   "sections (by title, case-insensitive) whose lists are set as one wrapped row, items separated by "
   "the list's `separator` (default \" · \"), e.g. [Skills, Languages, Interests]",
   [](L& l, R, const V& v) { l.page.inline_lists = v.list; }},

  // ---- page: pagination (issue 3): the running footer and the bounds of fit-to-pages
  {Scope::Page, "footer", Type::Enum, "auto|always|never", "auto",
   "the running footer (name, page N of M): auto shows it on résumés of more than one page",
   [](L& l, R, const V& v) { l.page.footer.show = static_cast<FooterShow>(v.choice); }},
  {Scope::Page, "footer-text", Type::String, "", "\"{name} · {page-label}\"",
   "the footer's text: {name}, {page}, {pages}, {page-label} (\"Page 2 of 3\" in the document's "
   "language), {continued} (a continuation mark on all pages but the last); styled by `footer:`",
   [](L& l, R, const V& v) { l.page.footer.text = v.text; }},
  {Scope::Page, "footer-digits", Type::Enum, "latin|native", "latin",
   "page numbers in the footer: latin (0-9) or native, the document language's own digits "
   "(Arabic-Indic for ar, Extended Arabic-Indic for fa/ur, Devanagari for hi/mr/ne, Bengali, Thai, Lao, "
   "Khmer, Myanmar)",
   [](L& l, R, const V& v) { l.page.footer.native_digits = v.choice == 1; }},
  {Scope::Page, "fit-min-spacing", Type::Number, "", "0.5",
   "fit-to-pages: vertical margins between blocks shrink to at least this fraction (0 to 1)",
   [](L& l, R, const V& v) { l.page.fit.min_spacing = std::clamp(v.number, 0.0, 1.0); }},
  {Scope::Page, "fit-min-leading", Type::Number, "", "1.15",
   "fit-to-pages: line heights (multiples of the font size) shrink to at least this",
   [](L& l, R, const V& v) { l.page.fit.min_leading = v.number; }},
  {Scope::Page, "fit-min-margin", Type::Length, "", "12mm",
   "fit-to-pages: page margins shrink to at least this",
   [](L& l, R, const V& v) { l.page.fit.min_margin = points(v.length); }, false},
  {Scope::Page, "fit-min-font-size", Type::Length, "", "9pt",
   "fit-to-pages: body text shrinks to at least this (never below 8.5pt), other sizes in proportion",
   [](L& l, R, const V& v) { l.page.fit.min_font_size = max(points(v.length), kMinBodyFontSize); }, false},

  // ---- role rules: inherited
  {Scope::Rule, "font-family", Type::StringList, "", "Noto Sans",
   "font stack: a family name or a list of them, the first that is available wins",
   [](L& l, R r, const V& v) { rule(l, r).font_family = v.list; }, true, false, true},
  {Scope::Rule, "font-size", Type::Length, "", "10pt",
   "text size; em is relative to the parent's font size",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::font_size, v.length); }},
  {Scope::Rule, "font-weight", Type::Enum, "normal|bold", "normal", "font weight",
   [](L& l, R r, const V& v) { rule(l, r).font_weight = static_cast<FontWeight>(v.choice); }},
  {Scope::Rule, "font-style", Type::Enum, "normal|italic", "normal", "upright or italic",
   [](L& l, R r, const V& v) { rule(l, r).font_style = static_cast<FontStyle>(v.choice); }},
  {Scope::Rule, "color", Type::Color, "", "#000000", "text colour",
   [](L& l, R r, const V& v) { rule(l, r).color = v.color; }},
  {Scope::Rule, "line-height", Type::Number, "", "1.3",
   "distance between baselines as a multiple of the font size",
   [](L& l, R r, const V& v) { rule(l, r).line_height = v.number; }},
  {Scope::Rule, "letter-spacing", Type::Length, "", "0",
   "extra space after every character (em: of the element's font size)",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::letter_spacing, v.length); },
   true, true},
  {Scope::Rule, "text-transform", Type::Enum, "none|uppercase", "none", "set the text in capitals",
   [](L& l, R r, const V& v) { rule(l, r).text_transform = static_cast<TextTransform>(v.choice); }},
  {Scope::Rule, "text-align", Type::Enum, "start|end|left|right|center|justify", "start",
   "horizontal alignment of lines (start and end follow the writing direction)",
   [](L& l, R r, const V& v) { rule(l, r).text_align = static_cast<TextAlign>(v.choice); }},
  {Scope::Rule, "underline", Type::Bool, "", "false", "underline the text",
   [](L& l, R r, const V& v) { rule(l, r).underline = v.flag; }},
  {Scope::Rule, "strikethrough", Type::Bool, "", "false", "strike the text through",
   [](L& l, R r, const V& v) { rule(l, r).strikethrough = v.flag; }},
  {Scope::Rule, "ligatures", Type::Bool, "", "true", "use the font's standard ligatures (fi, fl ...)",
   [](L& l, R r, const V& v) { rule(l, r).ligatures = v.flag; }},
  {Scope::Rule, "hyphenate", Type::Bool, "", "false",
   "break words at line ends with a hyphen, by the hyphenation patterns of the document's `lang` "
   "(never URLs, e-mail addresses, code, words with digits or in capitals only)",
   [](L& l, R r, const V& v) { rule(l, r).hyphenate = v.flag; }},

  // ---- role rules: box properties (not inherited)
  {Scope::Rule, "margin", Type::Box, "", "0",
   "space outside the box: 1 to 4 lengths, CSS order (top right bottom left)",
   [](L& l, R r, const V& v) { set_sides(rule(l, r), kMargin, v.box); }, true, true},
  {Scope::Rule, "margin-top", Type::Length, "", "0", "space above the box",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::margin_top, v.length); }, true, true},
  {Scope::Rule, "margin-right", Type::Length, "", "0", "space right of the box",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::margin_right, v.length); }, true, true},
  {Scope::Rule, "margin-bottom", Type::Length, "", "0", "space below the box",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::margin_bottom, v.length); }, true, true},
  {Scope::Rule, "margin-left", Type::Length, "", "0", "space left of the box",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::margin_left, v.length); }, true, true},
  {Scope::Rule, "padding", Type::Box, "", "0",
   "space between border and content: 1 to 4 lengths, CSS order",
   [](L& l, R r, const V& v) { set_sides(rule(l, r), kPadding, v.box); }},
  {Scope::Rule, "padding-top", Type::Length, "", "0", "space between top border and content",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::padding_top, v.length); }},
  {Scope::Rule, "padding-right", Type::Length, "", "0", "space between right border and content",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::padding_right, v.length); }},
  {Scope::Rule, "padding-bottom", Type::Length, "", "0", "space between bottom border and content",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::padding_bottom, v.length); }},
  {Scope::Rule, "padding-left", Type::Length, "", "0", "space between left border and content",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::padding_left, v.length); }},
  {Scope::Rule, "border", Type::Border, "", "none",
   "a line on every side: a width, optionally followed by its colour (0.6pt \"#cccccc\"), or none",
   [](L& l, R r, const V& v) {
     set_sides(rule(l, r), kBorder, v.box);
     if (v.color) rule(l, r).border_color = v.color;
   }},
  {Scope::Rule, "border-top", Type::Length, "", "0", "width of the line above the box",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::border_top, v.length); }},
  {Scope::Rule, "border-right", Type::Length, "", "0", "width of the line right of the box",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::border_right, v.length); }},
  {Scope::Rule, "border-bottom", Type::Length, "", "0", "width of the line below the box",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::border_bottom, v.length); }},
  {Scope::Rule, "border-left", Type::Length, "", "0", "width of the line left of the box",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::border_left, v.length); }},
  {Scope::Rule, "border-color", Type::Color, "", "the text colour", "colour of the border lines",
   [](L& l, R r, const V& v) { rule(l, r).border_color = v.color; }},
  {Scope::Rule, "background", Type::ColorOrNone, "", "none", "fill behind the box, or none",
   [](L& l, R r, const V& v) { rule(l, r).background = v.color; }},
  {Scope::Rule, "indent", Type::Length, "", "0", "lists: how far nested content is indented",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::indent, v.length); }},
  {Scope::Rule, "bullets", Type::StringList, "", "[\"\u2022\", \"\u2013\", \"\u25E6\"]",
   "lists: the marker of each nesting level, repeated when the list nests deeper",
   [](L& l, R r, const V& v) { rule(l, r).bullets = v.list; }},
  {Scope::Rule, "marker-gap", Type::Length, "", "0", "lists: space between the marker and the text",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::marker_gap, v.length); }},
  {Scope::Rule, "keep-with-next", Type::Bool, "", "false",
   "headings: never the last thing on a page",
   [](L& l, R r, const V& v) { rule(l, r).keep_with_next = v.flag; }},
  {Scope::Rule, "bookmark", Type::Bool, "", "false", "headings: an entry in the PDF outline",
   [](L& l, R r, const V& v) { rule(l, r).bookmark = v.flag; }},
  {Scope::Rule, "font-features", Type::StringList, "", "[]",
   "more OpenType features, e.g. [smcp, c2sc] for small capitals or [onum] for old-style figures",
   [](L& l, R r, const V& v) {
     std::string joined;
     for (const std::string& f : v.list) joined += (joined.empty() ? "" : ",") + f;
     rule(l, r).font_features = joined;
   }, true, false, true},
  {Scope::Rule, "width", Type::Length, "", "0",
   "images: the width to show them at (0: their natural size at 96 dpi, never wider than the column)",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::width, v.length); }},
  {Scope::Rule, "round", Type::Bool, "", "false", "images: clip to a circle (a portrait)",
   [](L& l, R r, const V& v) { rule(l, r).round = v.flag; }},
  {Scope::Rule, "separator", Type::String, "", "\"\"",
   "header: set its contact list as one wrapped row, items separated by this text (empty: a list)",
   [](L& l, R r, const V& v) { rule(l, r).separator = v.text; }},
  {Scope::Rule, "icons", Type::Bool, "", "false",
   "header: an icon before each contact item with a link (email, phone, web, GitHub, LinkedIn)",
   [](L& l, R r, const V& v) { rule(l, r).icons = v.flag; }},
  {Scope::Rule, "label-width", Type::Length, "", "0",
   "labels: width of the term column of `Label: value` rows (0: the label runs into the value)",
   [](L& l, R r, const V& v) { set_length(rule(l, r), &StyleRule::label_width, v.length); }},
};
// clang-format on

// What a template does before it says anything, so a template that only sets colours still
// gets bold strong text and monospace code (the "user-agent style sheet" of CSS 2 App. D).
struct BuiltinRule {
  Role role;
  std::string_view key;
  std::string_view value;
};
constexpr BuiltinRule kBuiltinRules[] = {
    {Role::Name, "font-size", "2em"},
    {Role::Name, "font-weight", "bold"},
    {Role::Name, "keep-with-next", "true"},
    {Role::Section, "font-weight", "bold"},
    {Role::Section, "font-size", "1.15em"},
    {Role::Section, "margin-top", "1em"},
    {Role::Section, "keep-with-next", "true"},
    {Role::Section, "bookmark", "true"},
    {Role::Entry, "font-weight", "bold"},
    {Role::Entry, "margin-top", "0.6em"},
    {Role::Entry, "keep-with-next", "true"},
    {Role::Entry, "bookmark", "true"},
    {Role::Subentry, "font-weight", "bold"},
    {Role::Subentry, "keep-with-next", "true"},
    {Role::Heading5, "font-weight", "bold"},
    {Role::Heading5, "keep-with-next", "true"},
    {Role::Heading6, "font-weight", "bold"},
    {Role::Heading6, "keep-with-next", "true"},
    {Role::Paragraph, "margin-bottom", "0.4em"},
    {Role::List, "margin-bottom", "0.4em"},
    {Role::List, "indent", "1.2em"},
    {Role::List, "marker-gap", "0.5em"},
    {Role::CodeBlock, "font-family", "Noto Sans Mono"},
    {Role::CodeBlock, "ligatures", "false"},
    {Role::Code, "font-family", "Noto Sans Mono"},
    {Role::Code, "ligatures", "false"},
    {Role::Strong, "font-weight", "bold"},
    {Role::Emphasis, "font-style", "italic"},
    {Role::Strikethrough, "strikethrough", "true"},
    {Role::Link, "underline", "true"},
    {Role::TableHeader, "font-weight", "bold"},
    {Role::Rule, "border-top", "0.5pt"},
    {Role::Label, "font-weight", "bold"},
    {Role::Icon, "font-family", "ForkAwesome"},
    {Role::Photo, "width", "28mm"},
};

std::string join_choices(std::string_view choices) {
  std::string out;
  for (char c : choices) out += c == '|' ? std::string(", ") : std::string(1, c);
  return out;
}

std::vector<std::string_view> split_choices(std::string_view choices) {
  std::vector<std::string_view> out;
  while (!choices.empty()) {
    const auto bar = choices.find('|');
    out.push_back(choices.substr(0, bar));
    if (bar == std::string_view::npos) break;
    choices.remove_prefix(bar + 1);
  }
  return out;
}

std::string in_quotes(std::string_view s) { return '"' + std::string(s) + '"'; }

constexpr std::string_view kLengthHint =
    "write a number and a unit: pt, mm, cm, in, px or em (e.g. 10pt, 3mm, 0.9em); 0 needs no unit";
constexpr std::string_view kColorHint =
    "write \"#rrggbb\" or \"#rgb\" in quotes (an unquoted # starts a YAML comment), or a name such as "
    "black, gray or navy";

// A Length-typed item: parsed, or the problem with it.
std::optional<Problem> length_item(const Property& p, std::string_view key, std::string_view item,
                                   Length& out) {
  const std::string_view t = trim(item);
  const auto l = parse_length(t);
  if (!l) {
    const auto n = parse_number(t);
    if (n && *n != 0)
      return Problem{"missing unit in " + in_quotes(t) + " for " + std::string(key),
                     std::string(kLengthHint)};
    return Problem{"invalid length " + in_quotes(t) + " for " + std::string(key), std::string(kLengthHint)};
  }
  if (l->em && !p.allow_em)
    return Problem{"em is not allowed for " + std::string(key) + ": " + in_quotes(t),
                   "page lengths have no font size to be relative to; use pt, mm, cm or in"};
  if (l->value < 0 && !p.allow_negative)
    return Problem{"negative length " + in_quotes(t) + " for " + std::string(key),
                   std::string(key) + " cannot be negative"};
  out = *l;
  return std::nullopt;
}

std::string_view type_name(Type t) {
  switch (t) {
    case Type::Length: return "a length";
    case Type::Box: return "1 to 4 lengths";
    case Type::Border: return "a border (a width and an optional colour)";
    case Type::Number: return "a number";
    case Type::Color: return "a colour";
    case Type::ColorOrNone: return "a colour or none";
    case Type::String: return "a string";
    case Type::StringList: return "a string or a list of strings";
    case Type::Bool: return "true or false";
    case Type::Enum: return "one word";
  }
  return "a value";
}

}  // namespace

std::span<const Property> properties() { return kProperties; }

const Property* find(Scope scope, std::string_view key) {
  for (const Property& p : kProperties)
    if (p.scope == scope && p.key == key) return &p;
  return nullptr;
}

std::vector<std::string_view> keys(Scope scope) {
  std::vector<std::string_view> out;
  for (const Property& p : kProperties)
    if (p.scope == scope) out.push_back(p.key);
  return out;
}

std::optional<Role> role_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kRoleCount; ++i)
    if (kRoleKeys[i] == key) return static_cast<Role>(i);
  return std::nullopt;
}

std::string_view length_key(LengthMember member) {
  for (const LengthKey& k : kLengthKeys)
    if (k.member == member) return k.key;
  CVPRESS_ASSERT(false && "length member missing from kLengthKeys");
  return {};
}

void set_length(StyleRule& rule, LengthMember member, Length value) {
  const std::string_view key = length_key(member);
  if (value.em) {
    (rule.*member).reset();
    rule.em.insert_or_assign(std::string(key), value.value);
  } else {
    rule.*member = Pt(value.value);
    if (auto it = rule.em.find(key); it != rule.em.end()) rule.em.erase(it);
  }
}

std::optional<Pt> resolve_length(const StyleRule& rule, LengthMember member, Pt em_base) {
  if (auto it = rule.em.find(length_key(member)); it != rule.em.end()) return em_base * it->second;
  return rule.*member;
}

std::optional<double> parse_number(std::string_view text) {
  const auto n = leading_number(text);
  if (!n || n->second != text.size()) return std::nullopt;
  return n->first;
}

std::optional<Length> parse_length(std::string_view text) {
  const auto n = leading_number(text);
  if (!n) return std::nullopt;
  const std::string unit = lower(text.substr(n->second));
  if (unit.empty()) {
    if (n->first == 0) return Length{0, false};  // as in CSS, a bare 0 is a length
    return std::nullopt;
  }
  if (unit == "em") return Length{n->first, true};
  for (const Unit& u : kUnits)
    if (unit == u.name) return Length{n->first * u.num / u.den, false};
  return std::nullopt;
}

std::optional<Color> parse_color(std::string_view text) {
  if (!text.empty() && text.front() == '#') {
    const std::string_view hex = text.substr(1);
    if (hex.size() != 3 && hex.size() != 6) return std::nullopt;
    std::array<int, 6> d{};
    for (std::size_t i = 0; i < hex.size(); ++i)
      if ((d[i] = hex_digit(hex[i])) < 0) return std::nullopt;
    if (hex.size() == 3)  // #rgb = #rrggbb with each digit doubled
      return Color{static_cast<uint8_t>(d[0] * 17), static_cast<uint8_t>(d[1] * 17),
                   static_cast<uint8_t>(d[2] * 17)};
    return Color{static_cast<uint8_t>(d[0] * 16 + d[1]), static_cast<uint8_t>(d[2] * 16 + d[3]),
                 static_cast<uint8_t>(d[4] * 16 + d[5])};
  }
  const std::string name = lower(text);
  for (const NamedColor& c : kNamedColors)
    if (name == c.name) return c.color;
  return std::nullopt;
}

std::optional<Problem> parse(const Property& p, const Raw& raw, Value& out, std::string_view shown_key) {
  const std::string key(shown_key.empty() ? p.key : shown_key);
  const auto example = [&] {
    return "expected " + std::string(type_name(p.type)) + ", e.g. " + std::string(p.fallback);
  };
  if (!raw.list && raw.items.empty()) {
    if (p.type == Type::Color || p.type == Type::ColorOrNone)
      return Problem{"missing value for " + key, std::string(kColorHint)};
    return Problem{"missing value for " + key, example()};
  }
  if (raw.list && p.type != Type::StringList && p.type != Type::Box)
    return Problem{key + " expects " + std::string(type_name(p.type)) + ", not a list", example()};

  switch (p.type) {
    case Type::Length: return length_item(p, key, raw.items.front(), out.length);
    case Type::Box: {
      std::vector<std::string_view> items;
      if (raw.list) {
        for (const std::string& s : raw.items) items.push_back(s);
      } else {
        items = split_spaces(raw.items.front());
      }
      const std::string shown = raw.list ? "list" : in_quotes(trim(raw.items.front()));
      if (items.empty() || items.size() > 4)
        return Problem{
            "invalid " + key + " " + shown + ": expected 1 to 4 lengths",
            "1: all sides; 2: vertical horizontal; 3: top horizontal bottom; 4: top right bottom left"};
      std::vector<Length> v(items.size());
      for (std::size_t i = 0; i < items.size(); ++i)
        if (auto problem = length_item(p, key, items[i], v[i])) return problem;
      // CSS margin shorthand expansion: a missing side copies its opposite.
      const Length top = v[0];
      const Length right = v.size() > 1 ? v[1] : top;
      const Length bottom = v.size() > 2 ? v[2] : top;
      const Length left = v.size() > 3 ? v[3] : right;
      out.box = {top, right, bottom, left};
      return std::nullopt;
    }
    case Type::Border: {
      const std::string_view text = trim(raw.items.front());
      out.box = {};
      out.color.reset();
      if (lower(text) == "none") return std::nullopt;
      bool have_width = false;
      for (std::string_view token : split_spaces(text)) {
        if (lower(token) == "solid") continue;  // the only style there is
        if (auto l = parse_length(token); l && !have_width) {
          Length width;
          if (auto problem = length_item(p, key, token, width)) return problem;
          out.box = {width, width, width, width};
          have_width = true;
        } else if (auto c = parse_color(token); c && !out.color) {
          out.color = c;
        } else {
          return Problem{"invalid border " + in_quotes(text) + " for " + key,
                         "write a width and an optional colour, e.g. 0.6pt \"#cccccc\", or none"};
        }
      }
      if (!have_width)
        return Problem{"border " + in_quotes(text) + " for " + key + " has no width",
                       "write a width and an optional colour, e.g. 0.6pt \"#cccccc\", or none"};
      return std::nullopt;
    }
    case Type::Number: {
      const std::string_view text = trim(raw.items.front());
      const auto n = parse_number(text);
      if (!n) return Problem{"invalid number " + in_quotes(text) + " for " + key, example()};
      if (*n <= 0 && !p.allow_negative)
        return Problem{key + " must be greater than 0, not " + in_quotes(text), example()};
      out.number = *n;
      return std::nullopt;
    }
    case Type::Color:
    case Type::ColorOrNone: {
      const std::string_view text = trim(raw.items.front());
      if (p.type == Type::ColorOrNone && lower(text) == "none") {
        out.color.reset();
        return std::nullopt;
      }
      out.color = parse_color(text);
      if (!out.color)
        return Problem{"invalid colour " + in_quotes(text) + " for " + key, std::string(kColorHint)};
      return std::nullopt;
    }
    case Type::String: out.text = raw.items.front(); return std::nullopt;
    case Type::StringList: {
      out.list.clear();
      for (const std::string& item : raw.items) {
        if (!raw.list && p.split_commas) {
          std::string_view rest = item;
          while (true) {
            const auto comma = rest.find(',');
            const std::string_view part = trim(rest.substr(0, comma));
            if (!part.empty()) out.list.emplace_back(part);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
          }
        } else if (!item.empty()) {
          out.list.push_back(item);
        }
      }
      if (out.list.empty()) return Problem{"empty list for " + key, example()};
      return std::nullopt;
    }
    case Type::Bool: {
      const std::string text = lower(trim(raw.items.front()));
      if (text != "true" && text != "false")
        return Problem{"invalid value " + in_quotes(raw.items.front()) + " for " + key,
                       "expected true or false"};
      out.flag = text == "true";
      return std::nullopt;
    }
    case Type::Enum: {
      const std::string text = lower(trim(raw.items.front()));
      const auto choices = split_choices(p.choices);
      for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i] == text) {
          out.text = text;
          out.choice = i;
          return std::nullopt;
        }
      }
      std::string hint = "expected one of: " + join_choices(p.choices);
      if (const auto near = closest(text, choices); !near.empty())
        hint = "did you mean " + in_quotes(near) + "? (" + hint + ")";
      return Problem{"invalid value " + in_quotes(raw.items.front()) + " for " + key, hint};
    }
  }
  return Problem{"unsupported type for " + key, {}};
}

Layout base_layout() {
  Layout layout;
  const auto set = [&layout](Scope scope, Role role, std::string_view key, std::string_view text) {
    const Property* p = find(scope, key);
    CVPRESS_ASSERT(p != nullptr);
    Value v;
    const bool ok = !parse(*p, Raw{{std::string(text)}, false}, v);
    CVPRESS_ASSERT(ok);
    p->apply(layout, role, v);
  };
  set(Scope::Page, Role::Page, "margin", find(Scope::Page, "margin")->fallback);
  for (const BuiltinRule& b : kBuiltinRules) set(Scope::Rule, b.role, b.key, b.value);
  return layout;
}

ComputedStyle builtin_style() {
  ComputedStyle s;
  const Property* family = find(Scope::Rule, "font-family");
  CVPRESS_ASSERT(family != nullptr);
  s.font_family = {std::string(family->fallback)};
  return s;
}

}  // namespace cvpress::style::schema

namespace cvpress::style {

const char* role_key(Role role) {
  const auto i = static_cast<std::size_t>(role);
  CVPRESS_ASSERT(i < kRoleCount);
  return schema::kRoleKeys[i].data();  // string literals: NUL-terminated
}

}  // namespace cvpress::style
