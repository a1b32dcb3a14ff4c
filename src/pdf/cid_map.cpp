#include "pdf/cid_map.h"

#include <algorithm>

#include "base/base.h"
#include "pdf/content.h"

namespace cvpress::pdf {
namespace {

// PostScript limits a bfchar block to 100 entries (Adobe TN #5014, "beginbfchar").
constexpr std::size_t kMaxBfcharEntries = 100;
constexpr uint32_t kCidLimit = 0x10000;  // Identity-H codes are two bytes

}  // namespace

CidMap::Assignment CidMap::assign(uint16_t natural_cid, uint32_t gid, std::u32string_view text, bool strong) {
  CVPRESS_ASSERT(!text.empty());
  auto it = meanings_.find(natural_cid);
  if (it == meanings_.end() || it->second.text == text || (strong && !it->second.strong)) {
    if (it == meanings_.end() || strong) meanings_[natural_cid] = Meaning{std::u32string(text), strong};
    glyphs_[natural_cid] = gid;
    return {natural_cid, true};
  }
  if (!strong) {  // a guess never displaces a meaning; the glyph is inside /ActualText anyway
    glyphs_[natural_cid] = gid;
    return {natural_cid, true};
  }
  const std::pair<uint32_t, std::u32string> key{gid, std::u32string(text)};
  if (auto second = second_cids_.find(key); second != second_cids_.end()) return {second->second, true};
  if (next_spare_ < kCidLimit) {
    const auto cid = static_cast<uint16_t>(next_spare_++);
    second_cids_.emplace(key, cid);
    meanings_[cid] = Meaning{std::u32string(text), true};
    glyphs_[cid] = gid;
    return {cid, true};
  }
  glyphs_[natural_cid] = gid;
  return {natural_cid, false};
}

std::vector<std::pair<uint16_t, std::u32string>> CidMap::to_unicode() const {
  std::vector<std::pair<uint16_t, std::u32string>> out;
  out.reserve(glyphs_.size());
  for (const auto& [cid, gid] : glyphs_) {
    const auto it = meanings_.find(cid);
    CVPRESS_ASSERT(it != meanings_.end());  // assign() records a meaning for every CID it returns
    out.emplace_back(cid, it->second.text);
  }
  return out;
}

std::string to_unicode_cmap(const std::vector<std::pair<uint16_t, std::u32string>>& entries) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t first = 0; first < entries.size(); first += kMaxBfcharEntries) {
    const std::size_t last = std::min(entries.size(), first + kMaxBfcharEntries);
    out += std::to_string(last - first) + " beginbfchar\n";
    for (std::size_t e = first; e < last; ++e)
      out += "<" + hex4(entries[e].first) + "> <" + utf16be_hex(entries[e].second) + ">\n";
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace cvpress::pdf
