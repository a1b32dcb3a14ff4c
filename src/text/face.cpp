#include "text/face.h"

#include <filesystem>
#include <string_view>

#include FT_SFNT_NAMES_H
#include FT_TRUETYPE_TABLES_H

#include "base/error.h"

namespace cvpress::text {
namespace {

// OS/2 usWeightClass from which a face counts as bold: 600 is SemiBold, the first weight
// CSS's `bolder` and fontconfig's FC_WEIGHT_DEMIBOLD treat as bold (OpenType OS/2 spec).
constexpr uint16_t kBoldWeightClass = 600;
// OS/2 fsSelection bit 7, USE_TYPO_METRICS: the typo ascender/descender/line gap are the
// metrics to use (OpenType OS/2 spec, "fsSelection").
constexpr uint16_t kUseTypoMetrics = 1u << 7;

using FtFace = CHandle<FT_FaceRec_, FT_Done_Face>;

// FreeType's own message for `error` (FT_Error_String is null unless FreeType was built
// with FT_CONFIG_OPTION_ERROR_STRINGS, which Debian's is not), via the FT_ERRORS_H
// x-macro table as fterrors.h documents.
std::string ft_error_text(FT_Error error) {
  const char* text = nullptr;
#undef FTERRORS_H_
#define FT_ERROR_START_LIST switch (error) {
#define FT_ERRORDEF(e, v, s) \
  case v:                    \
    text = s;                \
    break;
#define FT_ERROR_END_LIST \
  default: break;         \
    }
#include FT_ERRORS_H
  return text ? std::string(text) : "FreeType error " + std::to_string(error);
}

struct Style {
  bool bold = false;
  bool italic = false;
  uint16_t weight = 400;
  uint16_t width = 5;
};

Style style_of(FT_Face face) {
  Style style;
  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
  if (os2 && os2->version != 0xFFFFu) {
    style.bold = os2->usWeightClass >= kBoldWeightClass;
    style.weight = os2->usWeightClass;
    style.width = os2->usWidthClass;
  } else {
    style.bold = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    style.weight = style.bold ? 700 : 400;
  }
  style.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  return style;
}

std::string absolute(const std::string& path) {
  std::error_code ec;
  auto abs = std::filesystem::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

// The top of glyph `ch`'s bounding box in font units, or 0 when the face lacks it: the
// fallback for cap and x height when OS/2 is older than version 2.
int32_t glyph_top(hb_font_t* font, char32_t ch) {
  hb_codepoint_t glyph = 0;
  hb_glyph_extents_t extents{};
  if (!hb_font_get_nominal_glyph(font, ch, &glyph)) return 0;
  if (!hb_font_get_glyph_extents(font, glyph, &extents)) return 0;
  return extents.y_bearing;
}

}  // namespace

Face::Face(FT_Library ft, const std::string& path, uint32_t face_index, const FontFiles* files) {
  const std::string abs = absolute(path);
  // hb_blob_create_from_file_or_fail maps the file read-only: the bytes are read once and
  // shared by HarfBuzz and FreeType (FT_New_Memory_Face does not copy); with a FontFiles
  // store, once for every library of the process.
  if (files) {
    blob_.reset(files->impl().blob(abs));
  } else {
    blob_.reset(hb_blob_create_from_file_or_fail(abs.c_str()));
    if (!blob_) throw Error("cannot read font file " + abs);
  }
  unsigned int length = 0;
  const char* data = hb_blob_get_data(blob_.get(), &length);
  if (length == 0) throw Error("cannot load font file " + abs + ": the file is empty");

  FT_Face raw = nullptr;
  const FT_Error error =
      FT_New_Memory_Face(ft, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(length),
                         static_cast<FT_Long>(face_index), &raw);
  ft_face_.reset(raw);
  if (error) {
    throw Error("cannot load font file " + abs + " (face " + std::to_string(face_index) +
                "): " + ft_error_text(error));
  }
  if (!FT_IS_SFNT(raw)) throw Error("cannot load font file " + abs + ": not an OpenType/TrueType font");

  hb_face_.reset(hb_face_create(blob_.get(), face_index));
  if (hb_face_get_glyph_count(hb_face_.get()) == 0) {
    throw Error("cannot load font file " + abs + " (face " + std::to_string(face_index) + "): no glyphs");
  }
  font_.reset(hb_font_create(hb_face_.get()));  // scale defaults to units per em
  hb_font_make_immutable(font_.get());

  info_.path = abs;
  info_.face_index = face_index;
  if (const char* ps = FT_Get_Postscript_Name(raw)) info_.postscript_name = ps;
  if (raw->family_name) info_.family = raw->family_name;
  const Style style = style_of(raw);
  info_.bold = style.bold;
  info_.italic = style.italic;
  info_.units_per_em = hb_face_get_upem(hb_face_.get());

  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(raw, FT_SFNT_OS2));
  const auto* hhea = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(raw, FT_SFNT_HHEA));
  const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(raw, FT_SFNT_POST));
  const bool has_os2 = os2 && os2->version != 0xFFFFu;
  if (has_os2 && (os2->fsSelection & kUseTypoMetrics)) {
    info_.ascender = os2->sTypoAscender;
    info_.descender = os2->sTypoDescender;
    info_.line_gap = os2->sTypoLineGap;
  } else if (hhea) {
    info_.ascender = hhea->Ascender;
    info_.descender = hhea->Descender;
    info_.line_gap = hhea->Line_Gap;
  } else {
    info_.ascender = raw->ascender;
    info_.descender = raw->descender;
    info_.line_gap = raw->height - raw->ascender + raw->descender;
  }
  if (has_os2 && os2->version >= 2) {
    info_.cap_height = os2->sCapHeight;
    info_.x_height = os2->sxHeight;
  }
  if (info_.cap_height <= 0) info_.cap_height = glyph_top(font_.get(), U'H');
  if (info_.x_height <= 0) info_.x_height = glyph_top(font_.get(), U'x');
  if (post) {
    // Read post directly: FreeType's face->underline_position is moved to the centre of
    // the stroke, the post table gives its top edge (OpenType `post` spec).
    info_.underline_position = post->underlinePosition;
    info_.underline_thickness = post->underlineThickness;
  }
}

bool Face::covers(char32_t cp) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font_.get(), cp, &glyph) != 0;
}

std::vector<FaceSummary> summarize_font_file(FT_Library ft, const std::string& path) {
  const std::string abs = absolute(path);
  std::vector<FaceSummary> faces;
  FT_Long count = 1;
  for (FT_Long index = 0; index < count; ++index) {
    FT_Face raw = nullptr;
    const FT_Error error = FT_New_Face(ft, abs.c_str(), index, &raw);
    FtFace face(raw);
    if (error) {
      throw Error("cannot load font file " + abs + " (face " + std::to_string(index) +
                  "): " + ft_error_text(error));
    }
    if (index == 0) count = raw->num_faces;
    if (!FT_IS_SFNT(raw)) throw Error("cannot load font file " + abs + ": not an OpenType/TrueType font");
    const Style style = style_of(raw);
    faces.push_back(FaceSummary{abs, static_cast<uint32_t>(index), raw->family_name ? raw->family_name : "",
                                style.bold, style.italic, style.weight, style.width});
  }
  return faces;
}

}  // namespace cvpress::text
