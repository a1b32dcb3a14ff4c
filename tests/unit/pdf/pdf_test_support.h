#pragma once
// Helpers shared by the pdf stage's tests: real glyph runs shaped with HarfBuzz (so the
// glyph ids are the ones layout would produce), temporary files and the poppler/qpdf
// command-line tools the checks shell out to.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <harfbuzz/hb.h>
#include <unistd.h>

#include "base/base.h"
#include "frame/frame.h"

namespace cvpress::pdf::test {

inline constexpr const char* kSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
inline constexpr const char* kSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
inline constexpr const char* kCjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
inline constexpr uint32_t kCjkScFace = 2;  // fc-query: face 2 is "Noto Sans CJK SC"
inline constexpr const char* kInter = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";  // name-keyed CFF
// fontTools lives in Debian's python3-fonttools, for /usr/bin/python3 (not a pyenv shim).
inline constexpr const char* kPython = "/usr/bin/python3";

struct HbFont {
  CHandle<hb_blob_t, hb_blob_destroy> blob;
  CHandle<hb_face_t, hb_face_destroy> face;
  CHandle<hb_font_t, hb_font_destroy> font;
  unsigned upem = 0;
};

inline HbFont open_font(const std::string& path, uint32_t face_index = 0) {
  HbFont f;
  f.blob.reset(hb_blob_create_from_file_or_fail(path.c_str()));
  REQUIRE(f.blob);
  f.face.reset(hb_face_create(f.blob.get(), face_index));
  f.upem = hb_face_get_upem(f.face.get());
  f.font.reset(hb_font_create(f.face.get()));
  hb_font_set_scale(f.font.get(), static_cast<int>(f.upem), static_cast<int>(f.upem));
  return f;
}

inline uint32_t glyph_of(const HbFont& f, char32_t cp) {
  hb_codepoint_t g = 0;
  REQUIRE(hb_font_get_nominal_glyph(f.font.get(), cp, &g));
  return g;
}

/// `text` shaped with HarfBuzz (default features, so "fi" becomes a ligature) as a frame
/// run of font `font_index` at `size`, baseline origin (x, y) in frame coordinates.
inline frame::GlyphRun shape(const std::string& path, uint32_t face_index, frame::FontIndex font_index,
                             std::string_view text, double size, double x, double y, bool rtl = false) {
  const HbFont f = open_font(path, face_index);
  CHandle<hb_buffer_t, hb_buffer_destroy> buf{hb_buffer_create()};
  hb_buffer_add_utf8(buf.get(), text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buf.get());
  if (rtl) hb_buffer_set_direction(buf.get(), HB_DIRECTION_RTL);
  hb_shape(f.font.get(), buf.get(), nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);
  // HarfBuzz clusters are byte offsets; frames number the clusters in logical order.
  std::map<uint32_t, uint32_t> index_of;
  for (unsigned i = 0; i < n; ++i) index_of[info[i].cluster] = 0;
  frame::GlyphRun run;
  run.font = font_index;
  run.size = Pt(size);
  run.origin = Point{Pt(x), Pt(y)};
  run.rtl = rtl;
  for (auto it = index_of.begin(); it != index_of.end(); ++it) {
    it->second = static_cast<uint32_t>(run.clusters.size());
    const auto next = std::next(it);
    const std::size_t end = next == index_of.end() ? text.size() : next->first;
    run.clusters.emplace_back(text.substr(it->first, end - it->first));
  }
  const double scale = size / f.upem;
  for (unsigned i = 0; i < n; ++i) {
    run.glyphs.push_back(frame::Glyph{info[i].codepoint, index_of[info[i].cluster],
                                      Pt(pos[i].x_advance * scale), Pt(pos[i].x_offset * scale),
                                      Pt(-pos[i].y_offset * scale)});
  }
  return run;
}

/// A fresh path in the temporary directory, unique per process and name.
inline std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("cvpress-pdf-test-" + std::to_string(getpid()) + "-" + name))
      .string();
}

inline std::string write_temp(const std::string& name, const std::string& bytes) {
  const std::string path = temp_path(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr
};

inline CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  std::size_t got = 0;
  while ((got = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), got);
  r.status = pclose(pipe);
  return r;
}

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace cvpress::pdf::test
