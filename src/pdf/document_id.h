#pragma once
// The trailer /ID of a document: a content hash, so the same input gives the same bytes
// (libharu's own /ID hashes the clock).
#include <array>
#include <cstdint>
#include <span>

#include "frame/frame.h"

namespace cvpress::pdf {

/// 16 bytes from two independent 64-bit FNV-1a hashes over everything `doc` draws and
/// says: fonts, glyphs, cluster text, geometry, colours, images, links, bookmarks and
/// the document info. `extra` folds in further values (the embedded font programs'
/// hashes), in order.
[[nodiscard]] std::array<uint8_t, 16> document_id(const frame::PagedDocument& doc,
                                                  std::span<const uint64_t> extra = {});

}  // namespace cvpress::pdf
