#pragma once
// FontLibrary's private state, shared by the files that implement it (font_library.cpp,
// fallback.cpp, itemize.cpp, shape.cpp).
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include "base/c_handle.h"
#include "text/face.h"
#include "text/text.h"

namespace cvpress::text {

struct FontLibrary::Impl {
  explicit Impl(FontLibraryOptions opts) : options(std::move(opts)) {}

  /// The face behind `id`; asserts that `id` is a face of this library.
  [[nodiscard]] Face& face(FontId id) const;
  /// Loads (or returns the already loaded) face `face_index` of `path`.
  FontId load(const std::string& path, uint32_t face_index);
  /// The face for a cluster (its code points `cps`, default-ignorables left out) that no
  /// face of `chain` covers: a face of `extension` first (the faces this itemize call
  /// already appended to the chain), then fontconfig's choice, cached per code point, which
  /// is appended to `extension`. kNoFont when no installed face covers the cluster.
  ///
  /// The extension lives for one itemize call, not in the library: a batch worker's library
  /// renders many documents, and a document's fonts must not depend on which came before.
  FontId fallback_for(const FontChain& chain, std::span<const char32_t> cps, std::vector<FontId>& extension);

  FontLibraryOptions options;
  CHandle<FT_LibraryRec_, FT_Done_FreeType> ft;
  std::vector<FaceSummary> scanned;                                            // font_dirs, in scan order
  std::vector<std::unique_ptr<Face>> faces;                                    // indexed by FontId
  std::map<std::pair<std::string, uint32_t>, FontId> loaded;                   // (path, index) -> id
  std::map<std::tuple<std::string, bool, bool>, std::optional<FontId>> found;  // find() cache
  // fontconfig's answer per (code point, bold, italic, serif chain, primary language
  // subtag); kNoFont when nothing covers it. A pure function of its key, so caching it
  // keeps output deterministic.
  std::map<std::tuple<char32_t, bool, bool, bool, std::string>, FontId> code_point_fallback;
  // Reused between shape() calls (hb_buffer_reset keeps its allocation).
  CHandle<hb_buffer_t, hb_buffer_destroy> buffer;
};

}  // namespace cvpress::text
