// The pdf stage's entry: walks the PagedDocument once, in order. libharu builds the
// document (pages, graphics, images, links, outline, info); text goes through our own
// fonts and text objects written into the page's content stream between libharu's drawing
// calls, so the paint order is the item order. Fonts are subset and written at the end,
// when every glyph is known; then the /ID (a content hash) is set and the file is saved.
#include "pdf/pdf.h"

#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <variant>

#include <hpdf.h>

#include "pdf/content.h"
#include "pdf/document_id.h"
#include "pdf/font_embedder.h"
#include "pdf/hpdf_internals.h"
#include "pdf/libharu.h"
#include "pdf/render_options.h"

namespace cvpress::pdf {
namespace {

constexpr const char* kDefaultProducer = "cvpress";

HPDF_REAL real(Pt v) { return static_cast<HPDF_REAL>(v.value()); }
HPDF_REAL channel(uint8_t c) { return static_cast<HPDF_REAL>(c / 255.0); }

// poppler's pdftotext takes a glyph that starts less than 0.1 em from the start of the
// glyph before it for the second print of overprinted (fake bold) text, and puts each in
// a word of its own (TextOutputDev.cc, dupMaxPriDelta): the letters around it scatter.
constexpr double kOverprintEm = 0.1;

// True when a glyph of [first, last) starts within kOverprintEm of the glyph drawn after
// it, as the glyph after a zero-advance mark does (Thai ั and ์, many Devanagari vowel
// signs): the cluster then goes into an /ActualText span, which poppler reads as one
// piece of text over the span's extent. `pen`: where glyph `first` is drawn from,
// relative to the run's origin.
bool stacks(const frame::GlyphRun& run, std::size_t first, std::size_t last, Pt pen) {
  const double limit = kOverprintEm * run.size.value();
  for (std::size_t k = first; k < last && k + 1 < run.glyphs.size(); ++k) {
    const frame::Glyph& g = run.glyphs[k];
    const frame::Glyph& next = run.glyphs[k + 1];
    const Pt start = pen + g.x_offset;
    pen += g.advance;
    if (std::abs((pen + next.x_offset - start).value()) < limit) return true;
  }
  return false;
}

enum class ImageFormat { Png, Jpeg };

// The ellipse inscribed in `r` as a clipping path: four cubic Béziers with the control
// distance 4/3·(√2 − 1) ≈ 0.5523 of the radius (the standard circle approximation,
// error < 0.03 %).
std::string ellipse_clip(const Rect& r, Pt page_height) {
  constexpr double kKappa = 0.5522847498;
  const double rx = r.width.value() / 2, ry = r.height.value() / 2;
  const double cx = r.x.value() + rx, cy = page_height.value() - r.y.value() - ry;
  const double kx = rx * kKappa, ky = ry * kKappa;
  std::string out;
  auto pt = [&](double x, double y) {
    append_number(out, x);
    out += ' ';
    append_number(out, y);
    out += ' ';
  };
  pt(cx + rx, cy);
  out += "m\n";
  pt(cx + rx, cy + ky), pt(cx + kx, cy + ry), pt(cx, cy + ry);
  out += "c\n";
  pt(cx - kx, cy + ry), pt(cx - rx, cy + ky), pt(cx - rx, cy);
  out += "c\n";
  pt(cx - rx, cy - ky), pt(cx - kx, cy - ry), pt(cx, cy - ry);
  out += "c\n";
  pt(cx + kx, cy - ry), pt(cx + rx, cy - ky), pt(cx + rx, cy);
  out += "c\nh W n\n";
  return out;
}

ImageFormat sniff_image(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 8> head{};
  if (!in || !in.read(head.data(), head.size())) throw Error("image " + path + ": cannot be read");
  const std::string_view h(head.data(), head.size());
  if (h == std::string_view("\x89PNG\r\n\x1a\n", 8)) return ImageFormat::Png;  // PNG spec §5.2
  if (h.substr(0, 3) == "\xFF\xD8\xFF") return ImageFormat::Jpeg;              // JPEG SOI + marker
  throw Error("image " + path + ": neither PNG nor JPEG");
}

HPDF_Date to_hpdf(const frame::Date& d) {
  HPDF_Date out{};
  out.year = d.year;
  out.month = d.month;
  out.day = d.day;
  out.hour = d.hour;
  out.minutes = d.minute;
  out.seconds = d.second;
  out.ind = 'Z';  // frame dates are UTC
  return out;
}

class Renderer {
 public:
  Renderer(const frame::PagedDocument& doc, const RenderOptions& options) : doc_(doc), options_(options) {}

  Rendered run() {
    set_up();
    for (std::size_t i = 0; i < doc_.pages.size(); ++i) draw_page(doc_.pages[i], i + 1);
    Rendered out;
    std::vector<uint64_t> program_hashes;
    for (auto& font : fonts_) {
      if (!font || !font->used) continue;
      out.fonts.push_back(font->embedder.finish());
      program_hashes.push_back(out.fonts.back().program_hash);
    }
    hpdf::set_file_id(pdf_, document_id(doc_, program_hashes));
    hpdf::require_pdf_version_1_5(pdf_);
    out.bytes = save();
    return out;
  }

 private:
  struct Font {
    Font(const HpdfDocument& pdf, const frame::FontFile& file, bool compress, const FontCache* cache)
        : embedder(pdf, file, compress, cache) {}
    FontEmbedder embedder;
    bool used = false;
  };

  void set_up() {
    HPDF_Doc d = pdf_.get();
    // Before the first page: libharu picks each content stream's filter when creating it.
    pdf_.check(HPDF_SetCompressionMode(d, options_.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE),
               "set the compression mode");
    pdf_.check(HPDF_UseUTFEncodings(d), "enable UTF-8 text");
    utf8_ = pdf_.check(HPDF_GetEncoder(d, "UTF-8"), "get the UTF-8 encoder");
    // Info strings go through the current encoder: UTF-8 in, UTF-16BE with BOM out.
    pdf_.check(HPDF_SetCurrentEncoder(d, "UTF-8"), "select the UTF-8 encoder");

    const frame::DocumentInfo& info = doc_.info;
    std::string keywords;
    for (const std::string& k : info.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
    const std::pair<HPDF_InfoType, const std::string*> strings[] = {
        {HPDF_INFO_TITLE, &info.title},     {HPDF_INFO_AUTHOR, &info.author},
        {HPDF_INFO_SUBJECT, &info.subject}, {HPDF_INFO_KEYWORDS, &keywords},
        {HPDF_INFO_CREATOR, &info.creator},
    };
    for (const auto& [type, value] : strings)
      if (!value->empty()) pdf_.check(HPDF_SetInfoAttr(d, type, value->c_str()), "set a document info entry");
    const std::string producer = info.producer.empty() ? kDefaultProducer : info.producer;
    pdf_.check(HPDF_SetInfoAttr(d, HPDF_INFO_PRODUCER, producer.c_str()), "set the producer");
    if (info.date) {
      // Only a date the input gives: never the clock (DESIGN §9).
      const HPDF_Date date = to_hpdf(*info.date);
      pdf_.check(HPDF_SetInfoDateAttr(d, HPDF_INFO_CREATION_DATE, date), "set the creation date");
      pdf_.check(HPDF_SetInfoDateAttr(d, HPDF_INFO_MOD_DATE, date), "set the modification date");
    }
    if (!info.lang.empty()) hpdf::set_lang(pdf_, info.lang);
    if (!info.title.empty()) hpdf::set_display_doc_title(pdf_);
  }

  void draw_page(const frame::Page& page, std::size_t number) {
    const std::string which = "page " + std::to_string(number);
    HPDF_Page p = pdf_.check(HPDF_AddPage(pdf_.get()), "add " + which);
    pdf_.check(HPDF_Page_SetWidth(p, real(page.size.width)), "set the width of " + which);
    pdf_.check(HPDF_Page_SetHeight(p, real(page.size.height)), "set the height of " + which);
    // The one content stream our text goes into; libharu's drawing appends to it too.
    const HPDF_Stream stream = hpdf::start_content_stream(pdf_, p);
    const Pt height = page.size.height;
    for (const frame::Item& item : page.items) {
      std::visit(
          [&](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, frame::GlyphRun>) draw_run(p, stream, height, i);
            if constexpr (std::is_same_v<T, frame::FillRect>) draw_rect(p, height, i);
            if constexpr (std::is_same_v<T, frame::Line>) draw_line(p, height, i);
            if constexpr (std::is_same_v<T, frame::Image>) draw_image(p, stream, height, i);
          },
          item);
    }
    for (const frame::Link& link : page.links) add_link(p, height, link);
    for (const frame::Bookmark& b : page.bookmarks) add_bookmark(p, height, b);
  }

  Font& font(frame::FontIndex index) {
    CVPRESS_ASSERT(index < doc_.fonts.size());
    if (fonts_.size() < doc_.fonts.size()) fonts_.resize(doc_.fonts.size());
    auto& slot = fonts_[index];
    // Opened on first use: a font the pages never draw with is never read.
    if (!slot) slot = std::make_unique<Font>(pdf_, doc_.fonts[index], options_.compress, options_.fonts);
    return *slot;
  }

  // An ornament (a contact icon): its glyphs as filled outlines inside /Artifact marked
  // content, so no extractor reads it as text and the font is not embedded for it.
  void draw_outlines(HPDF_Stream stream, Pt height, const frame::GlyphRun& run) {
    Font& f = font(run.font);
    std::string out = "/Artifact BMC\nq\n";
    out += format_number(run.color.r / 255.0) + " " + format_number(run.color.g / 255.0) + " " +
           format_number(run.color.b / 255.0) + " rg\n";
    Pt pen = run.origin.x;
    for (const frame::Glyph& g : run.glyphs) {
      out += f.embedder.outline(g.id, run.size, pen + g.x_offset, height - run.origin.y - g.y_offset);
      pen += g.advance;
    }
    out += "f\nQ\nEMC\n";
    hpdf::write(pdf_, stream, out);
  }

  void draw_run(HPDF_Page page, HPDF_Stream stream, Pt height, const frame::GlyphRun& run) {
    if (run.glyphs.empty()) return;
    if (run.artifact) {
      draw_outlines(stream, height, run);
      return;
    }
    Font& f = font(run.font);
    f.used = true;
    const std::string resource = hpdf::local_font_name(pdf_, page, f.embedder.type0());
    // A run-wide /ActualText replaces everything inside it, so no cluster spans nest in it
    // (poppler keeps only the innermost span's text).
    const bool run_span = !run.actual_text.empty() || run.silent;
    std::string out;
    if (run_span) out += begin_actual_text(utf8::to_u32(run.actual_text));
    TextObject text(resource, run.size, run.color, run.origin.x, height - run.origin.y);
    std::vector<uint32_t> ids;
    Pt pen;  // where glyph i is drawn from
    for (std::size_t i = 0; i < run.glyphs.size();) {
      // Glyphs [i, j) form one cluster.
      const uint32_t cluster = run.glyphs[i].cluster;
      CVPRESS_ASSERT(cluster < run.clusters.size());
      std::size_t j = i;
      ids.clear();
      while (j < run.glyphs.size() && run.glyphs[j].cluster == cluster) ids.push_back(run.glyphs[j++].id);
      const std::string& cluster_text = run.clusters[cluster];
      const FontEmbedder::EncodedCluster encoded = f.embedder.encode_cluster(ids, cluster_text, run.rtl);
      const bool span = (encoded.needs_actual_text || stacks(run, i, j, pen)) && !run_span;
      if (span) text.begin_span(utf8::to_u32(cluster_text));
      for (std::size_t k = i; k < j; ++k) {
        const frame::Glyph& g = run.glyphs[k];
        // Frames offset y downwards; PDF user space points up.
        text.glyph(encoded.cids[k - i], f.embedder.width(g.id), g.advance, g.x_offset, -g.y_offset);
        pen += g.advance;
      }
      if (span) text.end_span();
      i = j;
    }
    out += text.finish();
    if (run_span) out += kEndMarkedContent;
    hpdf::write(pdf_, stream, out);
  }

  void draw_rect(HPDF_Page page, Pt height, const frame::FillRect& r) {
    pdf_.check(HPDF_Page_SetRGBFill(page, channel(r.color.r), channel(r.color.g), channel(r.color.b)),
               "set a fill colour");
    pdf_.check(HPDF_Page_Rectangle(page, real(r.rect.x), real(height - r.rect.bottom()), real(r.rect.width),
                                   real(r.rect.height)),
               "draw a rectangle");
    pdf_.check(HPDF_Page_Fill(page), "fill a rectangle");
  }

  void draw_line(HPDF_Page page, Pt height, const frame::Line& l) {
    pdf_.check(HPDF_Page_SetLineWidth(page, real(l.thickness)), "set a line width");
    pdf_.check(HPDF_Page_SetRGBStroke(page, channel(l.color.r), channel(l.color.g), channel(l.color.b)),
               "set a stroke colour");
    pdf_.check(HPDF_Page_MoveTo(page, real(l.from.x), real(height - l.from.y)), "draw a line");
    pdf_.check(HPDF_Page_LineTo(page, real(l.to.x), real(height - l.to.y)), "draw a line");
    pdf_.check(HPDF_Page_Stroke(page), "stroke a line");
  }

  void draw_image(HPDF_Page page, HPDF_Stream stream, Pt height, const frame::Image& i) {
    auto it = images_.find(i.path);
    if (it == images_.end()) {
      const ImageFormat format = sniff_image(i.path);
      HPDF_Image image = format == ImageFormat::Png ? HPDF_LoadPngImageFromFile(pdf_.get(), i.path.c_str())
                                                    : HPDF_LoadJpegImageFromFile(pdf_.get(), i.path.c_str());
      pdf_.check(image, "load image " + i.path);
      it = images_.emplace(i.path, image).first;
    }
    if (i.clip_circle) hpdf::write(pdf_, stream, "q\n" + ellipse_clip(i.rect, height));
    pdf_.check(HPDF_Page_DrawImage(page, it->second, real(i.rect.x), real(height - i.rect.bottom()),
                                   real(i.rect.width), real(i.rect.height)),
               "draw image " + i.path);
    if (i.clip_circle) hpdf::write(pdf_, stream, "Q\n");
  }

  void add_link(HPDF_Page page, Pt height, const frame::Link& link) {
    const HPDF_Rect area{real(link.area.x), real(height - link.area.bottom()), real(link.area.right()),
                         real(height - link.area.y)};
    HPDF_Annotation a =
        pdf_.check(HPDF_Page_CreateURILinkAnnot(page, area, link.uri.c_str()), "add a link to " + link.uri);
    pdf_.check(HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0), "set a link border");
  }

  // Level n nests under the closest preceding entry of a lower level, across pages.
  void add_bookmark(HPDF_Page page, Pt height, const frame::Bookmark& b) {
    while (!outline_.empty() && outline_.back().level >= b.level) outline_.pop_back();
    HPDF_Outline parent = outline_.empty() ? nullptr : outline_.back().outline;
    HPDF_Outline o = pdf_.check(HPDF_CreateOutline(pdf_.get(), parent, b.title.c_str(), utf8_),
                                "add the bookmark \"" + b.title + "\"");
    HPDF_Destination dest = pdf_.check(HPDF_Page_CreateDestination(page), "create a bookmark destination");
    // FitH: the page's width fills the window with the bookmark's y at the top. (libharu's
    // SetXYZ rejects zoom 0, the "keep the current zoom" of ISO 32000-1 §12.3.2.2.)
    pdf_.check(HPDF_Destination_SetFitH(dest, real(height - b.y)), "set a bookmark destination");
    pdf_.check(HPDF_Outline_SetDestination(o, dest), "set a bookmark destination");
    pdf_.check(HPDF_Outline_SetOpened(o, HPDF_TRUE), "open a bookmark");
    outline_.push_back({b.level, o});
  }

  std::string save() {
    HPDF_Doc d = pdf_.get();
    pdf_.check(HPDF_SaveToStream(d), "write the PDF");
    const HPDF_UINT32 size = HPDF_GetStreamSize(d);
    std::string bytes(size, '\0');
    HPDF_UINT32 read = size;
    const HPDF_STATUS status = HPDF_ReadFromStream(d, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
    // Reading up to the end reports HPDF_STREAM_EOF (and records it as an error): expected.
    if (status != HPDF_OK && status != HPDF_STREAM_EOF) pdf_.check(status, "read the PDF back");
    if (read != size)
      throw Error("libharu returned " + std::to_string(read) + " of " + std::to_string(size) + " bytes");
    pdf_.reset_error();
    return bytes;
  }

  struct OutlineEntry {
    int level;
    HPDF_Outline outline;
  };

  const frame::PagedDocument& doc_;
  RenderOptions options_;
  HpdfDocument pdf_;
  HPDF_Encoder utf8_ = nullptr;
  std::vector<std::unique_ptr<Font>> fonts_;  // by FontIndex, null until used
  std::map<std::string, HPDF_Image> images_;  // by path: each file embedded once
  std::vector<OutlineEntry> outline_;         // the open outline levels
};

}  // namespace

Rendered render(const frame::PagedDocument& doc, const RenderOptions& options) {
  return Renderer(doc, options).run();
}

std::string render(const frame::PagedDocument& doc) { return render(doc, RenderOptions{}).bytes; }

std::string render(const frame::PagedDocument& doc, const FontCache& fonts) {
  RenderOptions options;
  options.fonts = &fonts;
  return render(doc, options).bytes;
}

}  // namespace cvpress::pdf
