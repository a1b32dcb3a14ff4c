#include "layout/image.h"

#include <fstream>
#include <iterator>
#include <vector>

namespace cvpress::layout {
namespace {

uint32_t be16(const std::vector<unsigned char>& b, std::size_t at) {
  return static_cast<uint32_t>(b[at] << 8 | b[at + 1]);
}
uint32_t be32(const std::vector<unsigned char>& b, std::size_t at) {
  return static_cast<uint32_t>(b[at]) << 24 | static_cast<uint32_t>(b[at + 1]) << 16 |
         static_cast<uint32_t>(b[at + 2]) << 8 | b[at + 3];
}

}  // namespace

std::optional<PixelSize> image_size(const std::string& path, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = "cannot be read";
    return std::nullopt;
  }
  // A JPEG's frame header may follow large metadata (EXIF, ICC): read up to 1 MiB.
  constexpr std::size_t kHeaderLimit = 1 << 20;
  std::vector<unsigned char> b(kHeaderLimit);
  in.read(reinterpret_cast<char*>(b.data()), static_cast<std::streamsize>(b.size()));
  b.resize(static_cast<std::size_t>(in.gcount()));
  // PNG (ISO/IEC 15948 §5.2, §11.2.2): signature, then the IHDR chunk with width, height.
  static const unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (b.size() >= 24 && std::equal(std::begin(kPng), std::end(kPng), b.begin()) && b[12] == 'I' &&
      b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
    const PixelSize s{be32(b, 16), be32(b, 20)};
    if (s.width && s.height) return s;
    why = "is a PNG file with no pixels";
    return std::nullopt;
  }
  // JPEG (ITU T.81 §B.2): markers after SOI until a start-of-frame SOF0..SOF15 (not DHT
  // C4, JPG C8, DAC CC), whose segment holds precision, height, width.
  if (b.size() >= 4 && b[0] == 0xFF && b[1] == 0xD8) {
    std::size_t at = 2;
    while (at + 9 < b.size()) {
      if (b[at] != 0xFF) break;
      const unsigned char marker = b[at + 1];
      if (marker == 0xFF) {  // fill byte
        ++at;
        continue;
      }
      const std::size_t length = be16(b, at + 2);
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        const PixelSize s{be16(b, at + 7), be16(b, at + 5)};
        if (s.width && s.height) return s;
        break;
      }
      at += 2 + length;
    }
    why = "is a JPEG file whose size could not be read";
    return std::nullopt;
  }
  why = "is not a PNG or JPEG file";
  return std::nullopt;
}

}  // namespace cvpress::layout
