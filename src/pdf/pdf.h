#pragma once
// The pdf stage: frame::PagedDocument -> PDF bytes, through libharu for the document
// structure and our own Type0/Identity-H fonts (subset with hb-subset) for the text
// (DESIGN §4).
#include <string>

#include "base/base.h"
#include "frame/frame.h"

namespace cvpress::pdf {

/// Writes `doc` as a complete PDF. Deterministic: the same PagedDocument gives the same
/// bytes (no clock, no locale; /ID and subset tags from content hashes).
/// Throws cvpress::Error when a font cannot be read or may not be embedded (OS/2 fsType),
/// or libharu fails.
[[nodiscard]] std::string render(const frame::PagedDocument& doc);

}  // namespace cvpress::pdf
