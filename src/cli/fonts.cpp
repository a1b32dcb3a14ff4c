#include "cli/fonts.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <tuple>

#include <fmt/core.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/render.h"
#include "text/text.h"

namespace cvpress::cli {
namespace {

// The code point a "no font covers ... U+XXXX ..." message names; 0 when none.
char32_t code_point_in(std::string_view message) {
  const std::size_t at = message.find("U+");
  if (at == std::string_view::npos) return 0;
  char32_t cp = 0;
  std::size_t digits = 0;
  for (std::size_t i = at + 2; i < message.size() && digits < 6; ++i, ++digits) {
    const char c = message[i];
    const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (v < 0) break;
    cp = cp * 16 + static_cast<char32_t>(v);
  }
  return digits >= 4 ? cp : 0;
}

// 12345 -> "12,345": counts line up and read at a glance.
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

}  // namespace

std::vector<FaceUse> font_usage(const frame::PagedDocument& doc) {
  // (script, font index) -> characters; std::map keeps the output independent of hashing.
  std::map<std::pair<std::string, frame::FontIndex>, std::size_t> counts;
  for (const frame::Page& page : doc.pages) {
    for (const frame::Item& item : page.items) {
      const auto* run = std::get_if<frame::GlyphRun>(&item);
      if (run == nullptr || run->artifact) continue;
      std::string previous = "Inherited";  // a mark at the start of a run has no base
      for (const std::string& cluster : run->clusters) {
        for (char32_t cp : utf8::to_u32(cluster)) {
          std::string script = text::script_name(cp);
          // UAX #24: an Inherited character (a combining mark) takes its base's script.
          if (script == "Inherited") script = previous;
          ++counts[{script, run->font}];
          previous = script;
        }
      }
    }
  }
  std::map<std::string, std::size_t> per_script;
  for (const auto& [key, n] : counts) per_script[key.first] += n;
  std::vector<FaceUse> out;
  for (const auto& [key, n] : counts) {
    CVPRESS_ASSERT(key.second < doc.fonts.size());
    out.push_back(FaceUse{key.first, doc.fonts[key.second], n});
  }
  std::stable_sort(out.begin(), out.end(), [&](const FaceUse& a, const FaceUse& b) {
    const std::size_t sa = per_script[a.script], sb = per_script[b.script];
    return std::tie(sb, a.script, b.characters, a.face.postscript_name) <
           std::tie(sa, b.script, a.characters, b.face.postscript_name);
  });
  return out;
}

std::vector<Uncovered> uncovered_characters(const Diagnostics& diags) {
  std::vector<Uncovered> out;
  for (const Diagnostic& d : diags.all()) {
    if (!is_missing_glyph(d)) continue;
    const char32_t cp = code_point_in(d.message);
    if (std::any_of(out.begin(), out.end(), [&](const Uncovered& u) { return u.code_point == cp; })) continue;
    out.push_back(Uncovered{cp, d.file, d.location, d.hint});
  }
  std::stable_sort(out.begin(), out.end(), [](const Uncovered& a, const Uncovered& b) {
    return std::tie(a.file, a.location.line, a.location.column) <
           std::tie(b.file, b.location.line, b.location.column);
  });
  return out;
}

std::string format_fonts_report(const std::vector<FaceUse>& uses, const std::vector<Uncovered>& uncovered) {
  std::size_t script_width = 0, count_width = 0, name_width = 0;
  for (const FaceUse& u : uses) {
    script_width = std::max(script_width, u.script.size());
    count_width = std::max(count_width, grouped(u.characters).size());
    name_width = std::max(name_width, u.face.postscript_name.size());
  }
  std::string out;
  for (std::size_t i = 0; i < uses.size(); ++i) {
    const FaceUse& u = uses[i];
    const bool first = i == 0 || uses[i - 1].script != u.script;
    std::string face = u.face.path;
    if (u.face.face_index != 0) face += "#" + std::to_string(u.face.face_index);
    out += fmt::format("{:<{}}  {:>{}}  {:<{}}  {}\n", first ? u.script : "", script_width,
                       grouped(u.characters), count_width, u.face.postscript_name, name_width, face);
  }
  if (uncovered.empty()) return out + "all characters covered\n";
  out += fmt::format("uncovered: {} character{}\n", uncovered.size(), uncovered.size() == 1 ? "" : "s");
  for (const Uncovered& u : uncovered) {
    const std::string at =
        u.location.known() ? fmt::format("{}:{}:{}", u.file, u.location.line, u.location.column) : u.file;
    out += fmt::format("{}: {} {}\n", at, utf8::code_point_label(u.code_point),
                       text::unicode_name(u.code_point));
    if (!u.hint.empty()) out += "  hint: " + u.hint + "\n";
  }
  return out;
}

int fonts_command(const FontsArgs& args) {
  struct stat st {};
  if (::stat(args.input.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    std::cerr << args.input << ": error: no such file\n";
    return kInputError;
  }
  text::FontLibrary fonts({{args.data_dir + "/fonts"}, true});
  RenderRequest request;
  request.input = args.input;
  request.layout = args.layout;
  request.layout_dirs = {args.data_dir + "/layouts"};
  request.past_missing_glyphs = true;
  Diagnostics diags;
  const RenderResult result = render_pages(request, fonts, diags);
  // Everything but the missing glyphs (which the report lists) goes to stderr as usual.
  bool other_errors = false;
  for (const Diagnostic& d : diags.all()) {
    if (is_missing_glyph(d)) continue;
    std::cerr << format(d) << '\n';
    other_errors = other_errors || d.severity == Severity::Error;
  }
  if (!result.ok || other_errors) return kInputError;
  const std::vector<Uncovered> uncovered = uncovered_characters(diags);
  std::cout << format_fonts_report(font_usage(result.pages), uncovered);
  return uncovered.empty() ? kOk : kInputError;
}

}  // namespace cvpress::cli
