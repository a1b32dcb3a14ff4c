#pragma once
// The template schema: every key a layout (or a front-matter override) may set, declared
// once with its type, default and help text. The loader, the override path and the
// built-in defaults all go through this table, so a key cannot be valid in one place and
// unknown in another. Private to the style stage (tests include it too).
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "style/style.h"

namespace cvpress::style::schema {

/// Where a key lives in a template.
enum class Scope {
  Layout,  // top level: `description`
  Page,    // under `page:`
  Rule,    // under a role's mapping (`section:`, `list-item:` ...)
};

enum class Type {
  Length,       // 10pt, 3mm, 1.2cm, 0.5in, 12px, 0.9em, bare 0
  Box,          // 1, 2, 3 or 4 lengths in CSS order (top right bottom left)
  Border,       // a width, optionally followed by a colour: `0.6pt #cccccc`; `none`
  Number,       // a plain decimal number
  Color,        // #rgb, #rrggbb or a CSS name
  ColorOrNone,  // a colour, or `none`
  String,
  StringList,  // one string or a YAML list of strings
  Bool,        // true or false
  Enum,        // one of `choices`
};

/// A length as written: points, or a multiple of the font size.
struct Length {
  double value = 0;
  bool em = false;
  friend bool operator==(const Length&, const Length&) = default;
};

/// A value after parsing, in the member its property's Type uses.
struct Value {
  Length length;                  // Length
  std::array<Length, 4> box{};    // Box, Border widths: top, right, bottom, left
  std::optional<Color> color;     // Color, ColorOrNone (nullopt = none), Border (if given)
  double number = 0;              // Number
  std::string text;               // String, Enum (the choice, lowercase)
  std::size_t choice = 0;         // Enum: index into the property's choices
  std::vector<std::string> list;  // StringList
  bool flag = false;              // Bool
};

/// Applies a parsed value to a layout; `role` is the rule's role for Scope::Rule.
using Apply = void (*)(Layout& layout, Role role, const Value& value);

struct Property {
  Scope scope;
  std::string_view key;  // kebab-case, as written in a template
  Type type;
  std::string_view choices;   // Enum: allowed values separated by '|'; else empty
  std::string_view fallback;  // the default, as a template would write it
  std::string_view help;      // one line
  Apply apply;
  bool allow_em = true;         // lengths: `em` accepted (page lengths have no font size)
  bool allow_negative = false;  // lengths and numbers
  bool split_commas = false;    // StringList: "A, B" is two items (font stacks, as in CSS)
};

/// Every property, in declaration order (the order `cvpress layouts --help`-style
/// listings and "valid keys" hints use).
[[nodiscard]] std::span<const Property> properties();
/// The property `key` in `scope`, or nullptr.
[[nodiscard]] const Property* find(Scope scope, std::string_view key);
/// The keys of `scope`, in declaration order.
[[nodiscard]] std::vector<std::string_view> keys(Scope scope);

/// The role whose template key is `key` ("section" -> Role::Section), if any.
[[nodiscard]] std::optional<Role> role_from_key(std::string_view key);

/// A value as it came from YAML or a front-matter override: one scalar, or a list of scalars.
struct Raw {
  std::vector<std::string> items;
  bool list = false;
};

/// Why a value was rejected: the message names the key and the value, the hint the
/// accepted form.
struct Problem {
  std::string message;
  std::string hint;
};

/// Parses `raw` as `property`'s type into `out`; returns the problem instead when it
/// does not fit. Messages name the key as `shown_key` (e.g. "section.color" for an
/// override); empty = the property's own key.
[[nodiscard]] std::optional<Problem> parse(const Property& property, const Raw& raw, Value& out,
                                           std::string_view shown_key = {});

/// "10pt", "3mm", "0.9em", "0" (bare zero only). Numbers are read locale-independently.
[[nodiscard]] std::optional<Length> parse_length(std::string_view text);
/// "#rgb", "#rrggbb" (any case) or a CSS colour name.
[[nodiscard]] std::optional<Color> parse_color(std::string_view text);
/// A finite decimal number ("1.32", "-2", ".5").
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

// "Did you mean": the shared spelling helpers of the base stage.
using cvpress::closest;
using cvpress::edit_distance;

/// A length member of StyleRule (font_size, margin_top, ...).
using LengthMember = std::optional<Pt> StyleRule::*;
/// The template key of a length member ("margin-top"): the key of its entry in StyleRule::em.
[[nodiscard]] std::string_view length_key(LengthMember member);
/// Sets a length member as written: points into the member, em into `rule.em` (the other
/// form of the same property is cleared, so the last one written wins).
void set_length(StyleRule& rule, LengthMember member, Length value);
/// The member in points: its em entry times `em_base` when written in em, else the member.
[[nodiscard]] std::optional<Pt> resolve_length(const StyleRule& rule, LengthMember member, Pt em_base);

/// The layout every template starts from: schema page defaults, and the built-in rules
/// that make strong bold, emphasis italic, code monospace, ... before the template says
/// anything.
[[nodiscard]] Layout base_layout();
/// The built-in page-body style: ComputedStyle's defaults with the schema's default font stack.
[[nodiscard]] ComputedStyle builtin_style();

}  // namespace cvpress::style::schema
