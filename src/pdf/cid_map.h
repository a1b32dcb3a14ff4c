#pragma once
// The CID policy of one font: which CID each drawn glyph is shown with and what text
// that CID stands for in the ToUnicode CMap (DESIGN §4; measured in pdf-backend.md §7).
//
// A CID has one meaning for the whole document, but one glyph can stand for different
// text (a glyph shared by two ligatures, "ﬁ" drawn for "fi" and for "ﬁ"). A glyf font
// then shows the glyph under a second CID (its CIDToGIDMap points both at the glyph);
// a CFF font cannot (its CIDs are fixed by the charset), so the caller wraps the cluster
// in /ActualText instead. Pure bookkeeping: no font, no libharu.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cvpress::pdf {

class CidMap {
 public:
  static constexpr uint32_t kNoSpareCids = 0x10000;  // past the last 2-byte Identity-H code

  /// `first_spare_cid`: the first CID free for second meanings (the glyph count of a glyf
  /// font); pass kNoSpareCids when the font cannot have any (CFF).
  explicit CidMap(uint32_t first_spare_cid) : next_spare_(first_spare_cid) {}

  struct Assignment {
    uint16_t cid;
    bool meaning_kept;  // false: the CID already means other text; wrap the glyph in /ActualText
  };

  /// Shows glyph `gid` (whose own CID is `natural_cid`) for `text`. A `strong` text is
  /// what an extractor must read; a weak one is a best-effort guess inside an /ActualText
  /// span, which never displaces a strong meaning and is displaced by one.
  /// Precondition: `text` is not empty.
  [[nodiscard]] Assignment assign(uint16_t natural_cid, uint32_t gid, std::u32string_view text, bool strong);

  /// CID -> original glyph id, for every CID shown, in CID order.
  [[nodiscard]] const std::map<uint16_t, uint32_t>& glyphs() const { return glyphs_; }
  /// CID -> text for every CID shown, in CID order.
  [[nodiscard]] std::vector<std::pair<uint16_t, std::u32string>> to_unicode() const;

 private:
  struct Meaning {
    std::u32string text;
    bool strong = false;
  };
  std::map<uint16_t, uint32_t> glyphs_;
  std::map<uint16_t, Meaning> meanings_;
  std::map<std::pair<uint32_t, std::u32string>, uint16_t> second_cids_;  // (gid, text) -> CID
  uint32_t next_spare_;
};

/// A ToUnicode CMap (ISO 32000-1 §9.10.3; Adobe TN #5411) mapping each 2-byte code to
/// UTF-16BE text with `bfchar` blocks of at most 100 entries. `entries` in code order.
[[nodiscard]] std::string to_unicode_cmap(const std::vector<std::pair<uint16_t, std::u32string>>& entries);

}  // namespace cvpress::pdf
