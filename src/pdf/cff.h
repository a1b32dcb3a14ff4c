#pragma once
// What PDF embedding needs from a CFF table (Adobe Technical Note #5176, "The Compact
// Font Format Specification"): whether the font is CID-keyed (its Top DICT has ROS) and,
// if so, the charset as a glyph id -> CID table. Every read is bounds-checked.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cvpress::pdf {

struct CffInfo {
  bool cid_keyed = false;
  // Registry-Ordering-Supplement (TN #5176 §18, Top DICT operator 12 30); CID-keyed only.
  std::string registry, ordering;
  int supplement = 0;
  uint32_t glyph_count = 0;  // entries of the CharStrings INDEX
  // gid_to_cid[gid] is the CID of glyph `gid`; CID-keyed fonts only (empty otherwise).
  std::vector<uint16_t> gid_to_cid;
};

/// Reads the `CFF ` table `table` (the bare table, not the sfnt). Throws cvpress::Error
/// saying what is malformed (the caller adds the font file's name).
[[nodiscard]] CffInfo read_cff(std::span<const uint8_t> table);

}  // namespace cvpress::pdf
