#pragma once
// Images: their pixel size, read from the file's header (PNG IHDR, JPEG SOFn), which is
// all layout needs; the PDF stage embeds the file itself.
#include <cstdint>
#include <optional>
#include <string>

namespace cvpress::layout {

struct PixelSize {
  uint32_t width = 0, height = 0;
};

/// The pixel size of a PNG or JPEG file; nullopt (and `why`) when the file cannot be read
/// or is neither.
[[nodiscard]] std::optional<PixelSize> image_size(const std::string& path, std::string& why);

}  // namespace cvpress::layout
