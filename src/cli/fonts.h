#pragma once
// `cvpress fonts FILE.md`: which face sets which text, per Unicode script, and which
// characters no face covers (DESIGN §5, §7). It runs the render pipeline as `render`
// does, past missing glyphs, and reads the answer off the laid-out pages: each glyph
// run names its face and carries the source text of its clusters.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/base.h"
#include "frame/frame.h"

namespace cvpress::cli {

/// The characters one face sets in one script.
struct FaceUse {
  std::string script;  // text::script_name; an Inherited mark counts in its base's script
  frame::FontFile face;
  std::size_t characters = 0;  // code points, spaces included
};

/// Counts the code points of every text run's clusters by script and face (icon runs,
/// frame::GlyphRun::artifact, are ornaments, not text, and do not count). Scripts with
/// the most characters first, then by name; within a script, faces with the most first.
[[nodiscard]] std::vector<FaceUse> font_usage(const frame::PagedDocument& doc);

/// A character no face covers, from layout's "no font covers" error.
struct Uncovered {
  char32_t code_point = 0;
  std::string file;
  SourceLocation location;  // its first occurrence
  std::string hint;         // which package or font would cover it
};

/// The uncovered characters among `diags` (cli::is_missing_glyph), each once, in source order.
[[nodiscard]] std::vector<Uncovered> uncovered_characters(const Diagnostics& diags);

/// The command's output, e.g.
///   Devanagari  2,341  NotoSansDevanagari-Regular  /usr/share/fonts/.../NotoSansDevanagari-Regular.ttf
///               118    NotoSansDevanagari-Bold     /usr/share/fonts/.../NotoSansDevanagari-Bold.ttf
///   Latin       ...
///   uncovered: 1 character
///   resume.md:4:9: U+10FFFD <private-use-10FFFD>
///     hint: ...
/// or "all characters covered" as the last line.
[[nodiscard]] std::string format_fonts_report(const std::vector<FaceUse>& uses,
                                              const std::vector<Uncovered>& uncovered);

struct FontsArgs {
  std::string input;
  std::string layout;    // as `render --layout`; empty: front matter, then the default
  std::string data_dir;  // where fonts/ and layouts/ live
};

/// Runs `cvpress fonts`: the report on stdout, other diagnostics on stderr. Returns
/// kOk when every character is covered, kInputError when one is not or the document has
/// other errors.
[[nodiscard]] int fonts_command(const FontsArgs& args);

}  // namespace cvpress::cli
