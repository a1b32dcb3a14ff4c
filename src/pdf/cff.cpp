#include "pdf/cff.h"

#include <array>

#include "base/base.h"

namespace cvpress::pdf {
namespace {

// Top DICT operators (TN #5176 Table 9); two-byte operators are 1200 + second byte.
constexpr unsigned kOpCharset = 15;
constexpr unsigned kOpCharStrings = 17;
constexpr unsigned kOpRos = 1230;
// Standard strings occupy SIDs 0..390 (TN #5176 Appendix A); custom strings follow.
constexpr unsigned kStandardStringCount = 391;

[[noreturn]] void malformed(const std::string& what) { throw Error("malformed CFF table: " + what); }

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> data) : data_(data) {}

  [[nodiscard]] std::size_t size() const { return data_.size(); }
  void require(std::size_t offset, std::size_t length, const char* what) const {
    if (offset > data_.size() || length > data_.size() - offset)
      malformed(std::string(what) + " out of bounds");
  }
  [[nodiscard]] uint32_t u8(std::size_t offset) const {
    require(offset, 1, "read");
    return data_[offset];
  }
  [[nodiscard]] uint32_t u16(std::size_t offset) const { return u8(offset) << 8 | u8(offset + 1); }
  [[nodiscard]] uint32_t unsigned_n(std::size_t offset, uint32_t bytes) const {
    uint32_t v = 0;
    for (uint32_t i = 0; i < bytes; ++i) v = v << 8 | u8(offset + i);
    return v;
  }
  [[nodiscard]] std::span<const uint8_t> slice(std::size_t begin, std::size_t end) const {
    if (end < begin) malformed("INDEX offsets decrease");
    require(begin, end - begin, "INDEX element");
    return data_.subspan(begin, end - begin);
  }

 private:
  std::span<const uint8_t> data_;
};

// An INDEX (TN #5176 §5): count, offSize, count+1 offsets (1-based), then the data.
struct Index {
  std::vector<std::span<const uint8_t>> items;
  std::size_t end = 0;  // offset just past the INDEX
};

Index read_index(const Reader& r, std::size_t offset, const char* name) {
  Index index;
  const uint32_t count = r.u16(offset);
  if (count == 0) {
    index.end = offset + 2;
    return index;
  }
  const uint32_t off_size = r.u8(offset + 2);
  if (off_size < 1 || off_size > 4)
    malformed(std::string(name) + " INDEX has offSize " + std::to_string(off_size));
  const std::size_t offsets = offset + 3;
  r.require(offsets, (std::size_t{count} + 1) * off_size, name);
  const std::size_t base = offsets + (std::size_t{count} + 1) * off_size - 1;
  std::size_t previous = base + r.unsigned_n(offsets, off_size);
  index.items.reserve(count);
  for (uint32_t i = 1; i <= count; ++i) {
    const std::size_t next = base + r.unsigned_n(offsets + std::size_t{i} * off_size, off_size);
    index.items.push_back(r.slice(previous, next));
    previous = next;
  }
  index.end = previous;
  return index;
}

// Top DICT operands we need are integers; reals (operand 30) are skipped as 0.
struct TopDict {
  long charset = 0;
  long char_strings = 0;
  bool has_ros = false;
  std::array<long, 3> ros{};
};

TopDict read_top_dict(std::span<const uint8_t> dict) {
  TopDict top;
  std::vector<long> operands;
  const Reader r(dict);
  for (std::size_t i = 0; i < dict.size();) {
    const uint32_t b0 = r.u8(i);
    if (b0 <= 21) {  // an operator
      uint32_t op = b0;
      ++i;
      if (b0 == 12) op = 1200 + r.u8(i++);
      const bool has_operand = !operands.empty();
      if (op == kOpCharset && has_operand) top.charset = operands.back();
      if (op == kOpCharStrings && has_operand) top.char_strings = operands.back();
      if (op == kOpRos) {
        if (operands.size() != 3) malformed("ROS needs 3 operands");
        top.has_ros = true;
        for (std::size_t k = 0; k < 3; ++k) top.ros[k] = operands[k];
      }
      operands.clear();
    } else if (b0 == 28) {
      operands.push_back(static_cast<int16_t>(r.u16(i + 1)));
      i += 3;
    } else if (b0 == 29) {
      operands.push_back(static_cast<int32_t>(r.unsigned_n(i + 1, 4)));
      i += 5;
    } else if (b0 == 30) {  // real number: nibbles up to an 0xf terminator
      ++i;
      for (;;) {
        const uint32_t b = r.u8(i++);
        if ((b & 0x0F) == 0x0F || (b >> 4) == 0x0F) break;
      }
      operands.push_back(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push_back(static_cast<long>(b0) - 139);
      ++i;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push_back(static_cast<long>((b0 - 247) * 256 + r.u8(i + 1) + 108));
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push_back(-static_cast<long>((b0 - 251) * 256 + r.u8(i + 1) + 108));
      i += 2;
    } else {
      malformed("reserved byte " + std::to_string(b0) + " in Top DICT");
    }
  }
  return top;
}

std::string string_of(const Index& strings, long sid) {
  if (sid < 0) malformed("negative SID");
  // Registry and Ordering are custom strings in every CID font seen; a standard SID has no
  // text we need, so it is kept as its number.
  if (sid < static_cast<long>(kStandardStringCount)) return "SID" + std::to_string(sid);
  const auto k = static_cast<std::size_t>(sid) - kStandardStringCount;
  if (k >= strings.items.size()) malformed("SID " + std::to_string(sid) + " past the String INDEX");
  const auto s = strings.items[k];
  return std::string(s.begin(), s.end());
}

// The charset (TN #5176 §13): glyph 0 is always CID 0; formats 0, 1 and 2 list the rest.
std::vector<uint16_t> read_charset(const Reader& r, std::size_t offset, uint32_t glyph_count) {
  std::vector<uint16_t> cids(glyph_count, 0);
  const uint32_t format = r.u8(offset);
  std::size_t at = offset + 1;
  uint32_t gid = 1;
  if (format == 0) {
    for (; gid < glyph_count; ++gid, at += 2) cids[gid] = static_cast<uint16_t>(r.u16(at));
  } else if (format == 1 || format == 2) {
    while (gid < glyph_count) {
      const uint32_t first = r.u16(at);
      const uint32_t left = format == 1 ? r.u8(at + 2) : r.u16(at + 2);
      at += format == 1 ? 3 : 4;
      if (first + left > 0xFFFF) malformed("charset range past CID 65535");
      for (uint32_t k = 0; k <= left && gid < glyph_count; ++k)
        cids[gid++] = static_cast<uint16_t>(first + k);
    }
  } else {
    malformed("charset format " + std::to_string(format));
  }
  return cids;
}

}  // namespace

CffInfo read_cff(std::span<const uint8_t> table) {
  const Reader r(table);
  if (r.size() < 4) malformed("shorter than its header");
  if (r.u8(0) != 1) malformed("major version " + std::to_string(r.u8(0)) + " (CFF2 is not supported)");
  const Index names = read_index(r, r.u8(2), "Name");
  const Index top_dicts = read_index(r, names.end, "Top DICT");
  if (top_dicts.items.empty()) malformed("no Top DICT");
  const Index strings = read_index(r, top_dicts.end, "String");
  const TopDict top = read_top_dict(top_dicts.items[0]);
  if (top.char_strings <= 0 || static_cast<std::size_t>(top.char_strings) >= r.size())
    malformed("no CharStrings");
  CffInfo info;
  info.glyph_count = r.u16(static_cast<std::size_t>(top.char_strings));
  if (!top.has_ros) return info;
  info.cid_keyed = true;
  info.registry = string_of(strings, top.ros[0]);
  info.ordering = string_of(strings, top.ros[1]);
  info.supplement = static_cast<int>(top.ros[2]);
  // Offsets 0..2 name the predefined charsets (ISOAdobe, Expert, ExpertSubset); a CID font
  // must have its own (TN #5176 §18), so those cannot occur.
  if (top.charset <= 2 || static_cast<std::size_t>(top.charset) >= r.size())
    malformed("CID-keyed font without a charset");
  info.gid_to_cid = read_charset(r, static_cast<std::size_t>(top.charset), info.glyph_count);
  return info;
}

}  // namespace cvpress::pdf
