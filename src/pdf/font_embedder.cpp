#include "pdf/font_embedder.h"
#include "pdf/content.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include "base/base.h"
#include "pdf/cff.h"
#include "pdf/cid_map.h"
#include "pdf/hpdf_internals.h"

namespace cvpress::pdf {
namespace {

// OS/2 fsType bits (OpenType spec, OS/2 table, "fsType").
constexpr uint16_t kFsRestricted = 0x0002;      // restricted licence embedding
constexpr uint16_t kFsPermissionMask = 0x000E;  // bits 1-3: restricted, preview & print, editable
constexpr uint16_t kFsNoSubsetting = 0x0100;    // embed only the whole font
constexpr uint16_t kFsBitmapOnly = 0x0200;      // embed only bitmaps

// FontDescriptor /Flags (ISO 32000-1 §9.8.2, Table 123).
constexpr int32_t kFlagFixedPitch = 1 << 0;
constexpr int32_t kFlagSymbolic = 1 << 2;  // glyphs are addressed by CID, not a standard encoding
constexpr int32_t kFlagItalic = 1 << 6;
// /StemV is required but not in the font; 80 is the customary value for a regular weight
// (viewers use it only when substituting a missing font, and ours is embedded).
constexpr int32_t kDefaultStemV = 80;

// Tables a PDF consumer never reads. Dropping GSUB also stops hb-subset from pulling in
// every glyph reachable by substitution (pdf-backend.md, "Closure").
constexpr const char* kDroppedTables[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "DSIG",
                                          "vhea", "vmtx", "VORG", "morx", "kerx", "feat", "STAT", "meta",
                                          "COLR", "CPAL", "SVG ", "sbix", "CBDT", "CBLC", "EBDT", "EBLC",
                                          "EBSC", "hdmx", "LTSH", "VDMX", "PCLT", "gasp"};

hb_tag_t tag_of(const char* four) { return hb_tag_from_string(four, 4); }

bool has_table(hb_face_t* face, const char* tag) {
  CHandle<hb_blob_t, hb_blob_destroy> blob{hb_face_reference_table(face, tag_of(tag))};
  return hb_blob_get_length(blob.get()) > 0;
}

std::span<const uint8_t> bytes_of(hb_blob_t* blob) {
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  return {reinterpret_cast<const uint8_t*>(data), length};
}

// A PDF name may hold any byte but libharu escapes none; PostScript names are printable
// ASCII without delimiters (Adobe TN #5902), so anything else is dropped.
std::string sanitized_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool delimiter = std::string_view("()<>[]{}/%#").find(c) != std::string_view::npos;
    if (c > ' ' && c < 0x7F && !delimiter) out += c;
  }
  return out.empty() ? "Unnamed" : out;
}

// Six uppercase letters (ISO 32000-1 §9.6.4), from the font and the glyph set so that the
// same subset of the same font always gets the same tag.
std::string subset_tag(std::string_view postscript_name, const std::map<uint16_t, uint32_t>& glyphs) {
  uint64_t h = fnv1a(postscript_name);
  for (const auto& [cid, gid] : glyphs) h = fnv1a_u64(uint64_t{cid} << 32 | gid, h);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag += static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

}  // namespace

std::string embedding_refusal(uint16_t fs_type) {
  if ((fs_type & kFsPermissionMask) == kFsRestricted) return "restricted licence embedding";
  if (fs_type & kFsBitmapOnly) return "bitmap embedding only";
  if (fs_type & kFsNoSubsetting) return "no subsetting";
  return {};
}

struct FontEmbedder::Impl {
  const HpdfDocument& doc;
  frame::FontFile file;
  bool compress;

  CHandle<FT_LibraryRec_, FT_Done_FreeType> ft_library;  // one per face: faces are few
  CHandle<FT_FaceRec_, FT_Done_Face> ft_face;
  CHandle<hb_blob_t, hb_blob_destroy> blob;
  CHandle<hb_face_t, hb_face_destroy> face;
  CHandle<hb_font_t, hb_font_destroy> font;
  unsigned upem = 1000;
  uint32_t glyph_count = 0;
  bool cff = false;
  CffInfo cff_info;
  std::string postscript_name;
  CidMap cids{CidMap::kNoSpareCids};
  HPDF_Dict type0 = nullptr;

  // Built on first use: most runs never need them.
  std::optional<std::map<uint32_t, char32_t>> reverse_cmap;  // glyph -> lowest code point
  CHandle<hb_set_t, hb_set_destroy> gsub_lookups;
  std::map<char32_t, CHandle<hb_set_t, hb_set_destroy>> closures;

  const FontCache* cache = nullptr;

  Impl(const HpdfDocument& d, const frame::FontFile& f, bool c, const FontCache* fc)
      : doc(d), file(f), compress(c), cache(fc) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw Error("font " + file.path + " (face " + std::to_string(file.face_index) + "): " + what);
  }

  void open() {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) fail("FreeType could not start");
    ft_library.reset(library);
    if (cache) {
      const CachedFace shared = cache->impl().face(file.path, file.face_index);
      blob.reset(shared.blob);
      face.reset(shared.face);
    } else {
      blob.reset(hb_blob_create_from_file_or_fail(file.path.c_str()));
      if (!blob) fail("cannot be read as a font");
      face.reset(hb_face_create(blob.get(), file.face_index));
    }
    unsigned int length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    FT_Face ftf = nullptr;
    if (length == 0 ||
        FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(length),
                           static_cast<FT_Long>(file.face_index), &ftf) != 0)
      fail("cannot be read as a font");
    ft_face.reset(ftf);
    if (const char* ps = FT_Get_Postscript_Name(ftf)) postscript_name = ps;
    if (postscript_name.empty()) postscript_name = file.postscript_name;
    postscript_name = sanitized_name(postscript_name);
    if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(ftf, FT_SFNT_OS2))) {
      const std::string refusal = embedding_refusal(os2->fsType);
      if (!refusal.empty())
        fail("its licence does not allow embedding it in a PDF (OS/2 fsType: " + refusal + ")");
    }

    glyph_count = hb_face_get_glyph_count(face.get());
    if (glyph_count == 0) fail("has no glyphs");
    upem = hb_face_get_upem(face.get());
    font.reset(hb_font_create(face.get()));
    hb_font_set_scale(font.get(), static_cast<int>(upem), static_cast<int>(upem));  // font units, unhinted

    if (has_table(face.get(), "glyf")) {
      // A second meaning of a glyph gets a CID above the glyph range (CIDToGIDMap maps it).
      cids = CidMap(glyph_count);
    } else if (has_table(face.get(), "CFF ")) {
      cff = true;
      CHandle<hb_blob_t, hb_blob_destroy> table{hb_face_reference_table(face.get(), tag_of("CFF "))};
      try {
        cff_info = read_cff(bytes_of(table.get()));
      } catch (const Error& e) {
        fail(e.what());
      }
    } else if (has_table(face.get(), "CFF2")) {
      fail("variable CFF2 outlines are not supported; use a static instance of the font");
    } else {
      fail("has no glyf or CFF outlines");
    }
  }

  uint16_t natural_cid(uint32_t gid) const {
    if (gid >= glyph_count || gid > 0xFFFF)
      fail("glyph id " + std::to_string(gid) + " is not in the font (" + std::to_string(glyph_count) +
           " glyphs)");
    if (cff && cff_info.cid_keyed) {
      if (gid >= cff_info.gid_to_cid.size())
        fail("glyph id " + std::to_string(gid) + " is not in the CFF charset");
      return cff_info.gid_to_cid[gid];
    }
    return static_cast<uint16_t>(gid);
  }

  const std::map<uint32_t, char32_t>& reverse() {
    if (!reverse_cmap) {
      reverse_cmap.emplace();
      CHandle<hb_set_t, hb_set_destroy> unicodes{hb_set_create()};
      hb_face_collect_unicodes(face.get(), unicodes.get());
      for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes.get(), &cp);) {
        hb_codepoint_t g = 0;
        if (hb_font_get_nominal_glyph(font.get(), cp, &g)) reverse_cmap->emplace(g, cp);  // lowest cp wins
      }
    }
    return *reverse_cmap;
  }

  std::optional<char32_t> nominal(uint32_t gid) {
    const auto& r = reverse();
    const auto it = r.find(gid);
    if (it == r.end()) return std::nullopt;
    return it->second;
  }

  // Glyphs reachable from the nominal glyph of `cp` through any GSUB lookup.
  const hb_set_t* closure_of(char32_t cp) {
    auto it = closures.find(cp);
    if (it != closures.end()) return it->second.get();
    CHandle<hb_set_t, hb_set_destroy> set;
    hb_codepoint_t g = 0;
    if (hb_font_get_nominal_glyph(font.get(), cp, &g)) {
      if (!gsub_lookups) {
        gsub_lookups.reset(hb_set_create());
        const unsigned n = hb_ot_layout_table_get_lookup_count(face.get(), HB_OT_TAG_GSUB);
        if (n > 0) hb_set_add_range(gsub_lookups.get(), 0, n - 1);
      }
      set.reset(hb_set_create());
      hb_set_add(set.get(), g);
      hb_ot_layout_lookups_substitute_closure(face.get(), gsub_lookups.get(), set.get());
    }
    return closures.emplace(cp, std::move(set)).first->second.get();
  }

  // Best-effort text of each glyph of a cluster whose glyphs do not spell it (reordered or
  // split clusters): the glyph's own code point, else a character whose GSUB closure
  // produces the glyph, else a share of what is left.
  std::vector<std::u32string> guess_texts(std::span<const uint32_t> gids,
                                          std::span<const std::size_t> logical, std::u32string rest) {
    std::vector<std::u32string> texts(gids.size());
    std::vector<std::size_t> unresolved;
    for (std::size_t k : logical) {
      std::size_t at = std::u32string::npos;
      if (const auto cp = nominal(gids[k])) at = rest.find(*cp);
      for (std::size_t c = 0; c < rest.size() && at == std::u32string::npos; ++c)
        if (const hb_set_t* closure = closure_of(rest[c]); closure && hb_set_has(closure, gids[k])) at = c;
      if (at == std::u32string::npos) {
        unresolved.push_back(k);
        continue;
      }
      texts[k] = rest.substr(at, 1);
      rest.erase(at, 1);
    }
    for (std::size_t u = 0; u < unresolved.size() && !rest.empty(); ++u) {
      const bool last = u + 1 == unresolved.size();
      texts[unresolved[u]] = last ? rest : rest.substr(0, 1);
      rest.erase(0, last ? rest.size() : 1);
    }
    return texts;
  }
};

FontEmbedder::FontEmbedder(const HpdfDocument& doc, const frame::FontFile& font, bool compress,
                           const FontCache* cache)
    : impl_(std::make_unique<Impl>(doc, font, compress, cache)) {
  impl_->open();
}

FontEmbedder::~FontEmbedder() = default;

HPDF_Dict FontEmbedder::type0() {
  if (!impl_->type0) impl_->type0 = hpdf::new_dict(impl_->doc, true);
  return impl_->type0;
}

namespace {

// Collects a glyph outline from HarfBuzz's draw callbacks as PDF path operators, in user
// space: font units scaled to the size and moved to the glyph's origin. TrueType's
// quadratic segments become the equivalent cubics (PDF has no quadratic operator).
struct OutlineSink {
  double scale, x0, y0;
  double last_x = 0, last_y = 0;
  std::string out;

  void point(double x, double y) {
    append_number(out, x0 + x * scale);
    out += ' ';
    append_number(out, y0 + y * scale);
    out += ' ';
  }
  // The segment's end point and its operator; the next segment starts here.
  void end_at(double x, double y, std::string_view op) {
    point(x, y);
    out += op;
    last_x = x;
    last_y = y;
  }
};

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  static_cast<OutlineSink*>(data)->end_at(x, y, "m\n");
}

void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  static_cast<OutlineSink*>(data)->end_at(x, y, "l\n");
}

void quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float cx, float cy, float x, float y,
                  void*) {
  auto& s = *static_cast<OutlineSink*>(data);
  // The cubic with the same curve: control points 2/3 of the way to the quadratic's.
  s.point(s.last_x + 2.0 / 3.0 * (cx - s.last_x), s.last_y + 2.0 / 3.0 * (cy - s.last_y));
  s.point(x + 2.0 / 3.0 * (cx - x), y + 2.0 / 3.0 * (cy - y));
  s.end_at(x, y, "c\n");
}

void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y,
              float x, float y, void*) {
  auto& s = *static_cast<OutlineSink*>(data);
  s.point(c1x, c1y);
  s.point(c2x, c2y);
  s.end_at(x, y, "c\n");
}

void close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) {
  static_cast<OutlineSink*>(data)->out += "h\n";
}

}  // namespace

std::string FontEmbedder::outline(uint32_t glyph_id, Pt size, Pt x, Pt y) const {
  CHandle<hb_draw_funcs_t, hb_draw_funcs_destroy> funcs(hb_draw_funcs_create());
  hb_draw_funcs_set_move_to_func(funcs.get(), move_to, nullptr, nullptr);
  hb_draw_funcs_set_line_to_func(funcs.get(), line_to, nullptr, nullptr);
  hb_draw_funcs_set_quadratic_to_func(funcs.get(), quadratic_to, nullptr, nullptr);
  hb_draw_funcs_set_cubic_to_func(funcs.get(), cubic_to, nullptr, nullptr);
  hb_draw_funcs_set_close_path_func(funcs.get(), close_path, nullptr, nullptr);
  OutlineSink sink{size.value() / impl_->upem, x.value(), y.value(), 0, 0, {}};
  hb_font_get_glyph_shape(impl_->font.get(), glyph_id, funcs.get(), &sink);
  return sink.out;
}

int FontEmbedder::width(uint32_t glyph_id) const {
  const double advance = hb_font_get_glyph_h_advance(impl_->font.get(), glyph_id);
  return static_cast<int>(std::lround(advance * 1000.0 / impl_->upem));
}

FontEmbedder::EncodedCluster FontEmbedder::encode_cluster(std::span<const uint32_t> glyph_ids,
                                                          std::string_view text, bool rtl) {
  Impl& f = *impl_;
  EncodedCluster out;
  const std::size_t n = glyph_ids.size();
  if (n == 0) return out;
  const std::u32string text32 = utf8::to_u32(text);
  std::vector<std::u32string> texts(n);
  bool strong = true;
  if (n == 1) {
    texts[0] = text32;  // one glyph for the whole cluster, ligatures included
  } else {
    std::vector<std::size_t> logical(n);
    for (std::size_t k = 0; k < n; ++k) logical[k] = rtl ? n - 1 - k : k;
    std::u32string spelled;
    for (std::size_t k : logical) {
      const auto cp = f.nominal(glyph_ids[k]);
      if (!cp) break;
      spelled += *cp;
    }
    if (spelled.size() == n && spelled == text32) {
      for (std::size_t k = 0; k < n; ++k) texts[k] = std::u32string(1, *f.nominal(glyph_ids[k]));
    } else {
      strong = false;
      out.needs_actual_text = true;
      texts = f.guess_texts(glyph_ids, logical, text32);
    }
  }
  out.cids.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const uint32_t gid = glyph_ids[k];
    const uint16_t cid = f.natural_cid(gid);
    bool strong_k = strong;
    if (texts[k].empty()) {
      // Every drawn CID needs a ToUnicode entry: an unmapped one extracts as garbage.
      strong_k = false;
      if (const auto cp = f.nominal(gid))
        texts[k] = std::u32string(1, *cp);
      else
        texts[k] = text32.empty() ? std::u32string(1, utf8::kReplacement) : text32.substr(0, 1);
    }
    const CidMap::Assignment a = f.cids.assign(cid, gid, texts[k], strong_k);
    if (!a.meaning_kept) out.needs_actual_text = true;
    out.cids.push_back(a.cid);
  }
  return out;
}

EmbeddedFont FontEmbedder::finish() {
  Impl& f = *impl_;
  const HpdfDocument& doc = f.doc;
  const auto& glyphs = f.cids.glyphs();
  CVPRESS_ASSERT(f.type0 != nullptr && !glyphs.empty());

  // Subset: .notdef plus every glyph shown.
  CHandle<hb_subset_input_t, hb_subset_input_destroy> input{hb_subset_input_create_or_fail()};
  if (!input) f.fail("hb-subset could not start (out of memory)");
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyph_set, 0);
  for (const auto& [cid, gid] : glyphs) hb_set_add(glyph_set, gid);
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* t : kDroppedTables) hb_set_add(dropped, tag_of(t));
  // Name-keyed CFF has no charset CIDs and CIDFontType0 no CIDToGIDMap, so glyph ids must
  // stay put. Never for CID-keyed CFF: a 65,535-glyph CJK font would keep its full size.
  const bool retain_gids = f.cff && !f.cff_info.cid_keyed;
  hb_subset_input_set_flags(input.get(), retain_gids ? HB_SUBSET_FLAGS_RETAIN_GIDS : HB_SUBSET_FLAGS_DEFAULT);
  CHandle<hb_subset_plan_t, hb_subset_plan_destroy> plan{
      hb_subset_plan_create_or_fail(f.face.get(), input.get())};
  if (!plan) f.fail("hb-subset could not plan the subset");
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  CHandle<hb_face_t, hb_face_destroy> subset{hb_subset_plan_execute_or_fail(plan.get())};
  if (!subset) f.fail("hb-subset could not subset it");
  const auto new_gid = [&](uint32_t gid) {
    const hb_codepoint_t g = hb_map_get(old_to_new, gid);
    if (g == HB_MAP_VALUE_INVALID) f.fail("hb-subset dropped glyph " + std::to_string(gid));
    return g;
  };

  CHandle<hb_blob_t, hb_blob_destroy> program{f.cff ? hb_face_reference_table(subset.get(), tag_of("CFF "))
                                                    : hb_face_reference_blob(subset.get())};
  const std::span<const uint8_t> bytes = bytes_of(program.get());
  if (bytes.empty()) f.fail("hb-subset produced an empty font program");
  if (f.cff) {
    // The content streams already hold CIDs: the subset must show the same glyphs under them.
    CffInfo sub;
    try {
      sub = read_cff(bytes);
    } catch (const Error& e) {
      f.fail(std::string("subset: ") + e.what());
    }
    for (const auto& [cid, gid] : glyphs) {
      const uint32_t g = new_gid(gid);
      const bool kept =
          f.cff_info.cid_keyed ? g < sub.gid_to_cid.size() && sub.gid_to_cid[g] == cid : g == cid;
      if (!kept) f.fail("hb-subset renumbered CID " + std::to_string(cid));
    }
  }

  EmbeddedFont result;
  result.cff = f.cff;
  result.glyph_count = glyphs.size();
  result.program_bytes = bytes.size();
  result.program_hash = fnv1a(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  result.base_font = subset_tag(f.postscript_name, glyphs) + "+" + f.postscript_name;

  HPDF_Dict font_file = hpdf::new_stream(doc, f.compress);
  hpdf::write(doc, font_file, bytes);
  if (f.cff) {
    hpdf::add_name(doc, font_file, "Subtype", "CIDFontType0C");
  } else {
    CVPRESS_ASSERT(bytes.size() <= INT32_MAX);
    hpdf::add_int(doc, font_file, "Length1", static_cast<int32_t>(bytes.size()));
  }

  // FontDescriptor, in glyph space (1/1000 em), metrics from FreeType.
  FT_Face ft = f.ft_face.get();
  const auto to_1000 = [&](double units) {
    return static_cast<int32_t>(std::lround(units * 1000.0 / f.upem));
  };
  const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(ft, FT_SFNT_POST));
  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(ft, FT_SFNT_OS2));
  const double italic_angle = post ? static_cast<double>(post->italicAngle) / 65536.0 : 0.0;
  int32_t flags = kFlagSymbolic;
  if (post && post->isFixedPitch) flags |= kFlagFixedPitch;
  if (italic_angle != 0 || (ft->style_flags & FT_STYLE_FLAG_ITALIC)) flags |= kFlagItalic;
  HPDF_Dict descriptor = hpdf::new_dict(doc, true);
  hpdf::add_name(doc, descriptor, "Type", "FontDescriptor");
  hpdf::add_name(doc, descriptor, "FontName", result.base_font);
  hpdf::add_int(doc, descriptor, "Flags", flags);
  HPDF_Array bbox = hpdf::new_array(doc);
  for (FT_Pos v : {ft->bbox.xMin, ft->bbox.yMin, ft->bbox.xMax, ft->bbox.yMax})
    hpdf::append(doc, bbox, to_1000(static_cast<double>(v)));
  hpdf::add(doc, descriptor, "FontBBox", bbox);
  hpdf::add_real(doc, descriptor, "ItalicAngle", italic_angle);
  hpdf::add_int(doc, descriptor, "Ascent", to_1000(ft->ascender));
  hpdf::add_int(doc, descriptor, "Descent", to_1000(ft->descender));
  hpdf::add_int(doc, descriptor, "CapHeight",
                to_1000(os2 && os2->version >= 2 ? os2->sCapHeight : ft->ascender));
  hpdf::add_int(doc, descriptor, "StemV", kDefaultStemV);
  hpdf::add(doc, descriptor, f.cff ? "FontFile3" : "FontFile2", font_file);

  // CIDFont.
  HPDF_Dict cid_font = hpdf::new_dict(doc, true);
  hpdf::add_name(doc, cid_font, "Type", "Font");
  hpdf::add_name(doc, cid_font, "Subtype", f.cff ? "CIDFontType0" : "CIDFontType2");
  hpdf::add_name(doc, cid_font, "BaseFont", result.base_font);
  HPDF_Dict system_info = hpdf::new_dict(doc, false);
  const bool ros = f.cff && f.cff_info.cid_keyed;
  hpdf::add_string(doc, system_info, "Registry", ros ? f.cff_info.registry : "Adobe");
  hpdf::add_string(doc, system_info, "Ordering", ros ? f.cff_info.ordering : "Identity");
  hpdf::add_int(doc, system_info, "Supplement", ros ? f.cff_info.supplement : 0);
  hpdf::add(doc, cid_font, "CIDSystemInfo", system_info);
  hpdf::add(doc, cid_font, "FontDescriptor", descriptor);
  // /W: [first [w w ...] first [w ...] ...], one group per run of consecutive CIDs.
  HPDF_Array widths = hpdf::new_array(doc);
  HPDF_Array group = nullptr;
  int32_t previous = -2;
  for (const auto& [cid, gid] : glyphs) {
    if (cid != previous + 1) {
      hpdf::append(doc, widths, int32_t{cid});
      group = hpdf::new_array(doc);
      hpdf::append(doc, widths, group);
    }
    hpdf::append(doc, group, width(gid));
    previous = cid;
  }
  hpdf::add(doc, cid_font, "W", widths);
  if (!f.cff) {
    // CIDToGIDMap: CID (original glyph id, or a second CID) -> glyph id in the subset,
    // two bytes big-endian per CID (ISO 32000-1 §9.7.4.2, Table 117).
    std::vector<uint8_t> map(2 * (std::size_t{glyphs.rbegin()->first} + 1), 0);
    for (const auto& [cid, gid] : glyphs) {
      const uint32_t g = new_gid(gid);
      map[2 * std::size_t{cid}] = static_cast<uint8_t>(g >> 8);
      map[2 * std::size_t{cid} + 1] = static_cast<uint8_t>(g & 0xFF);
    }
    HPDF_Dict cid_to_gid = hpdf::new_stream(doc, f.compress);
    hpdf::write(doc, cid_to_gid, std::span<const uint8_t>(map));
    hpdf::add(doc, cid_font, "CIDToGIDMap", cid_to_gid);
  }

  HPDF_Dict to_unicode = hpdf::new_stream(doc, f.compress);
  hpdf::write(doc, to_unicode, std::string_view(to_unicode_cmap(f.cids.to_unicode())));

  // The Type0 font pages already refer to. For a CIDFontType0 descendant its name is
  // the CIDFont's name, a hyphen and the CMap name (ISO 32000-1 §9.7.6.1, Table 121).
  HPDF_Dict type0 = f.type0;
  hpdf::add_name(doc, type0, "Type", "Font");
  hpdf::add_name(doc, type0, "Subtype", "Type0");
  hpdf::add_name(doc, type0, "BaseFont", f.cff ? result.base_font + "-Identity-H" : result.base_font);
  hpdf::add_name(doc, type0, "Encoding", "Identity-H");
  HPDF_Array descendants = hpdf::new_array(doc);
  hpdf::append(doc, descendants, cid_font);
  hpdf::add(doc, type0, "DescendantFonts", descendants);
  hpdf::add(doc, type0, "ToUnicode", to_unicode);
  return result;
}

FontCache::FontCache() : impl_(std::make_unique<Impl>()) {}
FontCache::~FontCache() = default;

CachedFace FontCache::Impl::face(const std::string& path, uint32_t face_index) {
  const std::lock_guard lock(mutex);
  auto b = blobs.find(path);
  if (b == blobs.end()) {
    CHandle<hb_blob_t, hb_blob_destroy> bytes{hb_blob_create_from_file_or_fail(path.c_str())};
    if (!bytes)
      throw Error("font " + path + " (face " + std::to_string(face_index) + "): cannot be read as a font");
    hb_blob_make_immutable(bytes.get());  // never copied to be made writable: safe to share
    b = blobs.emplace(path, std::move(bytes)).first;
  }
  auto f = faces.find({path, face_index});
  if (f == faces.end()) {
    CHandle<hb_face_t, hb_face_destroy> prepared{hb_face_create(b->second.get(), face_index)};
    hb_face_make_immutable(prepared.get());
    f = faces.emplace(std::make_pair(path, face_index), std::move(prepared)).first;
  }
  return {hb_blob_reference(b->second.get()), hb_face_reference(f->second.get())};
}

}  // namespace cvpress::pdf
