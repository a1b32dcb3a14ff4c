// Shaping (FontLibrary::shape) with HarfBuzz.
//
// The whole paragraph goes into the buffer as context (hb_buffer_add_utf8 with item
// offset and length), so contextual forms and kerning at a run's edges see their
// neighbours; only [begin, end) is shaped. Cluster level: HarfBuzz's default,
// HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES: a base and its marks share one cluster, and
// clusters are monotone in the text's order, so a cluster is always a whole grapheme (what
// itemization and line breaking work in) and maps to one stretch of source text for the
// PDF's ToUnicode / ActualText. Nothing is cached yet; the buffer is reused.
#include "text/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/error.h"
#include "text/font_library_impl.h"

namespace cvpress::text {
namespace {

hb_feature_t feature(const char* tag, bool on) {
  hb_feature_t f{};
  f.tag = hb_tag_from_string(tag, -1);
  f.value = on ? 1u : 0u;
  f.start = HB_FEATURE_GLOBAL_START;
  f.end = HB_FEATURE_GLOBAL_END;
  return f;
}

}  // namespace

ShapedRun FontLibrary::shape(const ShapeRequest& request) {
  CVPRESS_ASSERT(request.begin <= request.end && request.end <= request.text.size());
  // hb_buffer_add_utf8 takes int lengths.
  CVPRESS_ASSERT(request.text.size() <= static_cast<std::size_t>(INT32_MAX));
  ShapedRun out;
  if (request.begin == request.end) return out;
  Face& face = impl_->face(request.font);

  if (!impl_->buffer) {
    impl_->buffer.reset(hb_buffer_create());
    if (!hb_buffer_allocation_successful(impl_->buffer.get()))
      throw Error("out of memory creating a shaping buffer");
  }
  hb_buffer_t* buffer = impl_->buffer.get();
  hb_buffer_reset(buffer);
  hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  hb_buffer_add_utf8(buffer, request.text.data(), static_cast<int>(request.text.size()),
                     static_cast<unsigned int>(request.begin), static_cast<int>(request.end - request.begin));
  hb_buffer_set_direction(buffer,
                          request.direction == Direction::RightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  const std::string lang(request.lang);
  hb_buffer_set_language(buffer,
                         lang.empty() ? HB_LANGUAGE_INVALID : hb_language_from_string(lang.c_str(), -1));
  hb_buffer_guess_segment_properties(buffer);  // fills in the script from the run's text

  std::vector<hb_feature_t> features = {feature("kern", request.kerning), feature("liga", request.ligatures),
                                        feature("clig", request.ligatures)};
  for (std::size_t at = 0; at < request.features.size();) {
    const std::size_t comma = std::min(request.features.find(',', at), request.features.size());
    const std::string_view one = request.features.substr(at, comma - at);
    hb_feature_t f{};
    if (!one.empty() && hb_feature_from_string(one.data(), static_cast<int>(one.size()), &f))
      features.push_back(f);
    at = comma + 1;
  }
  hb_shape(face.hb_font(), buffer, features.data(), static_cast<unsigned int>(features.size()));

  unsigned int count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
  out.glyphs.reserve(count);
  for (unsigned int i = 0; i < count; ++i) {
    ShapedGlyph g;
    g.glyph = infos[i].codepoint;
    g.cluster = infos[i].cluster;  // byte offset into the whole text (add_utf8 keeps them so)
    g.x_advance = positions[i].x_advance;
    g.x_offset = positions[i].x_offset;
    g.y_offset = positions[i].y_offset;
    g.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&infos[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    out.advance += g.x_advance;
    out.glyphs.push_back(g);
  }
  return out;
}

}  // namespace cvpress::text
