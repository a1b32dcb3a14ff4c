#pragma once
// render() with knobs for tests and measurements. Internal to the pdf stage and its tests;
// the rest of cvpress calls pdf::render() from pdf.h.
#include <string>
#include <vector>

#include "frame/frame.h"
#include "pdf/font_embedder.h"
#include "pdf/pdf.h"

namespace cvpress::pdf {

struct RenderOptions {
  bool compress = true;              // false: every stream uncompressed, so tests can read the PDF as text
  const FontCache* fonts = nullptr;  // shared font files (a batch); null: read per document
};

struct Rendered {
  std::string bytes;                // the PDF file
  std::vector<EmbeddedFont> fonts;  // the fonts embedded, in font-table order
};

/// As pdf::render(), with options and a report of the embedded fonts.
[[nodiscard]] Rendered render(const frame::PagedDocument& doc, const RenderOptions& options);

}  // namespace cvpress::pdf
