#pragma once
// The pdf stage: frame::PagedDocument -> PDF bytes, through libharu for the document
// structure and our own Type0/Identity-H fonts (subset with hb-subset) for the text
// (DESIGN §4).
#include <memory>
#include <string>

#include "base/base.h"
#include "frame/frame.h"

namespace cvpress::pdf {

/// Writes `doc` as a complete PDF. Deterministic: the same PagedDocument gives the same
/// bytes (no clock, no locale; /ID and subset tags from content hashes).
/// Throws cvpress::Error when a font cannot be read or may not be embedded (OS/2 fsType),
/// or libharu fails.
[[nodiscard]] std::string render(const frame::PagedDocument& doc);

/// Font files shared by the render() calls of one process (a batch's workers): each file is
/// mapped once and each face prepared for subsetting once (hb_subset_preprocess), not once
/// per document. Thread-safe; the prepared faces are immutable HarfBuzz objects, read by
/// every thread, while each render() keeps its own FreeType objects.
class FontCache {
 public:
  FontCache();
  ~FontCache();
  FontCache(const FontCache&) = delete;
  FontCache& operator=(const FontCache&) = delete;

  struct Impl;  // internal to the pdf stage
  [[nodiscard]] Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// As render(doc), with fonts from `fonts` (which must outlive the call). The same bytes.
[[nodiscard]] std::string render(const frame::PagedDocument& doc, const FontCache& fonts);

}  // namespace cvpress::pdf
