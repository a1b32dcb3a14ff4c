#pragma once
// One embedded font face: a Type0 font with Identity-H encoding whose CIDs are chosen by
// us, so any glyph HarfBuzz picked can be shown (ligatures, contextual forms, conjuncts).
// The font program is an hb-subset subset: glyf outlines become FontFile2 with a
// CIDToGIDMap (CID = original glyph id), CID-keyed CFF becomes FontFile3/CIDFontType0C
// (CID = the charset's CID, which hb-subset keeps), name-keyed CFF is subset keeping glyph
// ids (CID = glyph id). The ToUnicode CMap comes from the clusters the glyphs were drawn
// for (pdf-backend.md §6-§8).
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <hb.h>
#include <hpdf.h>

#include "base/c_handle.h"
#include "frame/frame.h"
#include "pdf/libharu.h"
#include "pdf/pdf.h"

namespace cvpress::pdf {

/// What finish() wrote, for tests and measurements.
struct EmbeddedFont {
  std::string base_font;          // "ABCDEF+NotoSerif-Regular"
  bool cff = false;               // FontFile3/CIDFontType0C, else FontFile2
  std::size_t glyph_count = 0;    // CIDs shown
  std::size_t program_bytes = 0;  // font program before compression
  uint64_t program_hash = 0;      // FNV-1a of the font program
};

class FontCache;

/// A face from a FontCache: new references the caller destroys.
struct CachedFace {
  hb_blob_t* blob = nullptr;  // the whole file, immutable
  hb_face_t* face = nullptr;  // prepared for subsetting (hb_subset_preprocess), immutable
};

/// FontCache's state. `face` maps the file on first use and prepares each face once.
/// Throws cvpress::Error naming the file when it cannot be read.
struct FontCache::Impl {
  [[nodiscard]] CachedFace face(const std::string& path, uint32_t face_index);

  std::mutex mutex;
  std::map<std::string, CHandle<hb_blob_t, hb_blob_destroy>> blobs;                       // by path
  std::map<std::pair<std::string, uint32_t>, CHandle<hb_face_t, hb_face_destroy>> faces;  // by (path, index)
};

class FontEmbedder {
 public:
  /// Opens face `font.face_index` of `font.path` with HarfBuzz and FreeType. `doc` must
  /// outlive the embedder. Throws cvpress::Error naming the file when it cannot be read,
  /// when its OS/2 fsType forbids embedding (restricted licence, bitmap only, no
  /// subsetting) or when it has no glyf or CFF outlines (CFF2 is not supported).
  /// With `cache`, the file's bytes and the prepared HarfBuzz face come from it (it must
  /// outlive the embedder).
  FontEmbedder(const HpdfDocument& doc, const frame::FontFile& font, bool compress,
               const FontCache* cache = nullptr);
  ~FontEmbedder();
  FontEmbedder(const FontEmbedder&) = delete;
  FontEmbedder& operator=(const FontEmbedder&) = delete;

  /// The Type0 font dictionary for page resources (owned by the document's xref). It is
  /// created on the first call and filled in by finish().
  [[nodiscard]] HPDF_Dict type0();

  struct EncodedCluster {
    std::vector<uint16_t> cids;      // one per glyph, in the order given
    bool needs_actual_text = false;  // the CIDs cannot spell the text: wrap in /ActualText
  };
  /// Chooses the CIDs for the glyphs of one cluster (`glyph_ids` in visual order) that
  /// stand for `text` (UTF-8, logical order) and records their ToUnicode meaning.
  /// Throws cvpress::Error when a glyph id is not in the font.
  [[nodiscard]] EncodedCluster encode_cluster(std::span<const uint32_t> glyph_ids, std::string_view text,
                                              bool rtl);

  /// PDF path operators (`m l c h`, no painting operator) tracing the outline of
  /// `glyph_id` at `size`, its origin at (x, y) in PDF user space. For ornaments drawn as
  /// shapes rather than text (frame::GlyphRun::artifact). Does not embed the font.
  [[nodiscard]] std::string outline(uint32_t glyph_id, Pt size, Pt x, Pt y) const;

  /// The /W width of glyph `glyph_id`, in 1/1000 em, rounded to an integer.
  [[nodiscard]] int width(uint32_t glyph_id) const;

  /// Subsets the font to the glyphs shown and writes the font program, FontDescriptor,
  /// CIDFont and ToUnicode objects into the Type0 dictionary. Call once, after the last
  /// encode_cluster() and only when type0() was used. Throws cvpress::Error naming the
  /// file when subsetting fails.
  EmbeddedFont finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The OS/2 fsType bits that forbid embedding the font the way we do, as a message
/// ("restricted licence embedding") or empty when embedding is allowed (OpenType OS/2
/// table, fsType).
[[nodiscard]] std::string embedding_refusal(uint16_t fs_type);

}  // namespace cvpress::pdf
