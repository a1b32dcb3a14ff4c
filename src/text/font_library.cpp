// FontLibrary: the font_dirs scan, find(), load(), info() and covers(). Fallback chains
// live in fallback.cpp, itemization in itemize.cpp, shaping in shape.cpp.
#include "text/text.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "base/error.h"
#include "text/fallback.h"
#include "text/font_library_impl.h"

namespace cvpress::text {
namespace {

namespace fs = std::filesystem;

bool is_font_file(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext == ".ttf" || ext == ".otf" || ext == ".ttc";
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// Font files under `dir`, recursively, skipping hidden files and folders, sorted by path
// so the scan order (and with it every tie-break) never depends on the file system.
std::vector<std::string> font_files_under(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error("font directory " + dir + " does not exist");
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) throw Error("cannot read font directory " + dir + ": " + ec.message());
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) throw Error("cannot read font directory " + dir + ": " + ec.message());
    if (is_hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_font_file(it->path())) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// How far a face is from the requested style, compared lexicographically: a real bold
// matters more than a real italic (a résumé's emphasis survives without slant, but a bold
// heading set regular loses its hierarchy), then the normal width, then the nearest weight
// (400 for regular, 700 for bold: OpenType OS/2 usWeightClass names).
std::tuple<int, int, int, int> style_distance(const FaceSummary& face, bool bold, bool italic) {
  const int target_weight = bold ? 700 : 400;
  return {face.bold != bold ? 1 : 0, face.italic != italic ? 1 : 0,
          std::abs(static_cast<int>(face.width) - 5),
          std::abs(static_cast<int>(face.weight) - target_weight)};
}

}  // namespace

std::vector<FaceSummary> scan_font_dirs(FT_Library ft, const std::vector<std::string>& font_dirs) {
  std::vector<FaceSummary> scanned;
  for (const std::string& dir : font_dirs) {
    for (const std::string& file : font_files_under(dir)) {
      for (FaceSummary& face : summarize_font_file(ft, file)) scanned.push_back(std::move(face));
    }
  }
  return scanned;
}

FontLibrary::FontLibrary(FontLibraryOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  FT_Library ft = nullptr;
  if (FT_Init_FreeType(&ft) != 0) throw Error("cannot initialise FreeType");
  impl_->ft.reset(ft);
  if (const FontFiles* files = impl_->options.files) {
    impl_->options.font_dirs = files->impl().font_dirs;
    impl_->scanned = files->impl().scanned;
  } else {
    impl_->scanned = scan_font_dirs(ft, impl_->options.font_dirs);
  }
}

FontLibrary::~FontLibrary() = default;

Face& FontLibrary::Impl::face(FontId id) const {
  CVPRESS_ASSERT(id < faces.size());
  return *faces[id];
}

FontId FontLibrary::Impl::load(const std::string& path, uint32_t face_index) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  const std::string key = ec ? path : abs.lexically_normal().string();
  if (auto it = loaded.find({key, face_index}); it != loaded.end()) return it->second;
  auto face = std::make_unique<Face>(ft.get(), key, face_index, options.files);
  const auto id = static_cast<FontId>(faces.size());
  CVPRESS_ASSERT(id != kNoFont);
  faces.push_back(std::move(face));
  loaded.emplace(std::make_pair(key, face_index), id);
  return id;
}

FontId FontLibrary::load(const std::string& path, uint32_t face_index) {
  return impl_->load(path, face_index);
}

std::optional<FontId> FontLibrary::find(std::string_view family, bool bold, bool italic) {
  std::string key(family);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto cache_key = std::make_tuple(key, bold, italic);
  if (auto it = impl_->found.find(cache_key); it != impl_->found.end()) return it->second;

  std::optional<FontId> result;
  const FaceSummary* best = nullptr;
  for (const FaceSummary& face : impl_->scanned) {
    if (!equal_ignore_case(face.family, family)) continue;
    if (!best || style_distance(face, bold, italic) < style_distance(*best, bold, italic)) best = &face;
  }
  if (best) {
    result = impl_->load(best->path, best->face_index);
  } else if (impl_->options.use_fontconfig) {
    if (auto location = fontconfig_family(family, bold, italic)) {
      result = impl_->load(location->path, location->face_index);
    }
  }
  impl_->found.emplace(std::move(cache_key), result);
  return result;
}

const FaceInfo& FontLibrary::info(FontId id) const { return impl_->face(id).info(); }

bool FontLibrary::covers(FontId id, char32_t cp) const { return impl_->face(id).covers(cp); }

}  // namespace cvpress::text
