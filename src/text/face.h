#pragma once
// One loaded face: the file's bytes (an hb_blob, read once and shared by HarfBuzz and
// FreeType), the HarfBuzz face and font used for shaping and coverage, and the FreeType
// face used for names and metrics. Internal to the text stage.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include "base/c_handle.h"
#include "text/text.h"

namespace cvpress::text {

class Face {
 public:
  /// Loads face `face_index` of the font file at `path` (made absolute): its bytes from
  /// `files` when given (shared with other libraries), else mapped for this face alone.
  /// `ft` and `files` must outlive the face. Throws cvpress::Error naming the file when it
  /// cannot be read or parsed.
  Face(FT_Library ft, const std::string& path, uint32_t face_index, const FontFiles* files = nullptr);

  [[nodiscard]] const FaceInfo& info() const { return info_; }
  /// The HarfBuzz font at scale == units per em (so positions come out in font units).
  /// Owned by the face.
  [[nodiscard]] hb_font_t* hb_font() const { return font_.get(); }
  /// True when the cmap maps `cp` to a glyph.
  [[nodiscard]] bool covers(char32_t cp) const;

 private:
  CHandle<hb_blob_t, hb_blob_destroy> blob_;
  CHandle<hb_face_t, hb_face_destroy> hb_face_;
  CHandle<hb_font_t, hb_font_destroy> font_;
  CHandle<FT_FaceRec_, FT_Done_Face> ft_face_;
  FaceInfo info_;
};

/// Family, style and PostScript name of every face in a font file, read with FreeType
/// without keeping the file open: what the font_dirs scan records.
struct FaceSummary {
  std::string path;
  uint32_t face_index = 0;
  std::string family;
  bool bold = false;
  bool italic = false;
  uint16_t weight = 400;  // OS/2 usWeightClass (400 regular, 700 bold)
  uint16_t width = 5;     // OS/2 usWidthClass (5 normal, < 5 condensed)
};

/// Every face of the file at `path` (several for a .ttc). Throws cvpress::Error naming the
/// file when it cannot be read or parsed.
[[nodiscard]] std::vector<FaceSummary> summarize_font_file(FT_Library ft, const std::string& path);

/// Every face of the font files under `font_dirs` (see FontFiles), in scan order.
[[nodiscard]] std::vector<FaceSummary> scan_font_dirs(FT_Library ft,
                                                      const std::vector<std::string>& font_dirs);

struct FontFiles::Impl {
  std::vector<std::string> font_dirs;
  std::vector<FaceSummary> scanned;  // font_dirs, in scan order; immutable after construction

  /// A new reference to the (immutable) bytes of the file at absolute `path`, mapped on the
  /// first request. The caller destroys the reference. Throws cvpress::Error naming the file.
  [[nodiscard]] hb_blob_t* blob(const std::string& path) const;

  mutable std::mutex mutex;                                                  // guards the members below
  mutable std::map<std::string, CHandle<hb_blob_t, hb_blob_destroy>> blobs;  // by absolute path
  mutable std::once_flag fingerprinted;
  mutable uint64_t fingerprint = 0;
};

}  // namespace cvpress::text
