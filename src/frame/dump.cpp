// The text dump of laid-out pages: the golden-test format (after SILE's debug
// outputter). One line per item, coordinates rounded to 0.01 pt, so a reviewer reads
// a layout change as a diff.
#include <charconv>
#include <cmath>
#include <string>
#include <variant>

#include "frame/frame.h"

namespace cvpress::frame {
namespace {

std::string pt(Pt v) { return format_number(v.value()); }

std::string color(Color c) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "#";
  for (uint8_t v : {c.r, c.g, c.b}) {
    out += kHex[v >> 4];
    out += kHex[v & 0xF];
  }
  return out;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + '"';
}

std::string run_text(const GlyphRun& run) {
  std::string text;
  for (const std::string& c : run.clusters) text += c;
  return text;
}

struct ItemDumper {
  std::string& out;
  const DumpOptions& options;

  void operator()(const GlyphRun& run) const {
    Pt width;
    for (const Glyph& g : run.glyphs) width += g.advance;
    out += "  text " + pt(run.origin.x) + " " + pt(run.origin.y) + " w=" + pt(width) +
           " font=" + std::to_string(run.font) + " size=" + pt(run.size) + " " + color(run.color);
    if (run.rtl) out += " rtl";
    if (run.artifact) out += " artifact";
    out += " " + quoted(run_text(run));
    if (!run.actual_text.empty()) out += " actual=" + quoted(run.actual_text);
    if (run.silent) out += " silent";
    out += '\n';
    if (options.glyph_ids) {
      out += "   ";
      for (const Glyph& g : run.glyphs) {
        out += " " + std::to_string(g.id) + "@" + pt(g.advance);
        if (g.x_offset != Pt(0) || g.y_offset != Pt(0))
          out += "(" + pt(g.x_offset) + "," + pt(g.y_offset) + ")";
      }
      out += '\n';
    }
  }
  void operator()(const FillRect& r) const {
    out += "  rect " + pt(r.rect.x) + " " + pt(r.rect.y) + " " + pt(r.rect.width) + "x" + pt(r.rect.height) +
           " " + color(r.color) + '\n';
  }
  void operator()(const Line& l) const {
    out += "  line " + pt(l.from.x) + " " + pt(l.from.y) + " -> " + pt(l.to.x) + " " + pt(l.to.y) +
           " t=" + pt(l.thickness) + " " + color(l.color) + '\n';
  }
  void operator()(const Image& i) const {
    out += "  image " + pt(i.rect.x) + " " + pt(i.rect.y) + " " + pt(i.rect.width) + "x" + pt(i.rect.height) +
           " " + quoted(i.path) + '\n';
  }
};

}  // namespace

std::string format_number(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, decimals);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string dump(const PagedDocument& doc, const DumpOptions& options) {
  std::string out;
  for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
    // Only the file name: absolute paths differ between machines.
    const std::string& path = doc.fonts[i].path;
    const std::size_t slash = path.rfind('/');
    out += "font " + std::to_string(i) + " " + doc.fonts[i].postscript_name + " " +
           (slash == std::string::npos ? path : path.substr(slash + 1)) + "#" +
           std::to_string(doc.fonts[i].face_index) + '\n';
  }
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    out += "page " + std::to_string(p + 1) + " " + pt(page.size.width) + "x" + pt(page.size.height) + '\n';
    const ItemDumper dumper{out, options};
    for (const Item& item : page.items) std::visit(dumper, item);
    for (const Link& l : page.links)
      out += "  link " + pt(l.area.x) + " " + pt(l.area.y) + " " + pt(l.area.width) + "x" +
             pt(l.area.height) + " " + quoted(l.uri) + '\n';
    for (const Bookmark& b : page.bookmarks)
      out += "  bookmark " + std::to_string(b.level) + " " + pt(b.y) + " " + quoted(b.title) + '\n';
  }
  return out;
}

}  // namespace cvpress::frame
