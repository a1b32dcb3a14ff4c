#include "pdf/document_id.h"

#include <bit>
#include <string_view>
#include <variant>

#include "base/base.h"

namespace cvpress::pdf {
namespace {

// A second, independent FNV-1a stream: same algorithm, another offset basis (the FNV-1a
// hash of "cvpress /ID"), so the two halves of the /ID do not repeat each other.
constexpr uint64_t kSecondOffset = fnv1a("cvpress /ID");

class Hasher {
 public:
  void bytes(std::string_view s) {
    u64(s.size());  // length first: "ab"+"c" and "a"+"bc" differ
    a_ = fnv1a(s, a_);
    b_ = fnv1a(s, b_);
  }
  void u64(uint64_t v) {
    a_ = fnv1a_u64(v, a_);
    b_ = fnv1a_u64(v, b_);
  }
  void pt(Pt v) { u64(std::bit_cast<uint64_t>(v.value() == 0 ? 0.0 : v.value())); }
  void color(Color c) { u64(uint64_t{c.r} << 16 | uint64_t{c.g} << 8 | c.b); }
  void rect(const Rect& r) {
    pt(r.x);
    pt(r.y);
    pt(r.width);
    pt(r.height);
  }

  void operator()(const frame::GlyphRun& run) {
    u64(1);
    u64(run.font);
    pt(run.size);
    color(run.color);
    pt(run.origin.x);
    pt(run.origin.y);
    u64(run.rtl);
    u64(run.glyphs.size());
    for (const frame::Glyph& g : run.glyphs) {
      u64(uint64_t{g.id} << 32 | g.cluster);
      pt(g.advance);
      pt(g.x_offset);
      pt(g.y_offset);
    }
    u64(run.clusters.size());
    for (const std::string& c : run.clusters) bytes(c);
    bytes(run.actual_text);
    u64(run.silent ? 1 : 0);
  }
  void operator()(const frame::FillRect& r) {
    u64(2);
    rect(r.rect);
    color(r.color);
  }
  void operator()(const frame::Line& l) {
    u64(3);
    pt(l.from.x);
    pt(l.from.y);
    pt(l.to.x);
    pt(l.to.y);
    pt(l.thickness);
    color(l.color);
  }
  void operator()(const frame::Image& i) {
    u64(4);
    rect(i.rect);
    bytes(i.path);
  }

  [[nodiscard]] std::array<uint8_t, 16> digest() const {
    std::array<uint8_t, 16> out{};
    for (int i = 0; i < 8; ++i) {
      out[static_cast<std::size_t>(i)] = static_cast<uint8_t>(a_ >> (56 - 8 * i));
      out[static_cast<std::size_t>(8 + i)] = static_cast<uint8_t>(b_ >> (56 - 8 * i));
    }
    return out;
  }

 private:
  uint64_t a_ = kFnvOffset;
  uint64_t b_ = kSecondOffset;
};

}  // namespace

std::array<uint8_t, 16> document_id(const frame::PagedDocument& doc, std::span<const uint64_t> extra) {
  Hasher h;
  h.u64(doc.fonts.size());
  for (const frame::FontFile& f : doc.fonts) {
    h.bytes(f.path);
    h.u64(f.face_index);
    h.bytes(f.postscript_name);
  }
  h.u64(doc.pages.size());
  for (const frame::Page& page : doc.pages) {
    h.pt(page.size.width);
    h.pt(page.size.height);
    h.u64(page.items.size());
    for (const frame::Item& item : page.items) std::visit(h, item);
    h.u64(page.links.size());
    for (const frame::Link& link : page.links) {
      h.rect(link.area);
      h.bytes(link.uri);
    }
    h.u64(page.bookmarks.size());
    for (const frame::Bookmark& b : page.bookmarks) {
      h.bytes(b.title);
      h.u64(static_cast<uint64_t>(b.level));
      h.pt(b.y);
    }
  }
  const frame::DocumentInfo& info = doc.info;
  for (const std::string* s :
       {&info.title, &info.author, &info.subject, &info.creator, &info.producer, &info.lang})
    h.bytes(*s);
  h.u64(info.keywords.size());
  for (const std::string& k : info.keywords) h.bytes(k);
  h.u64(info.date.has_value());
  if (info.date) {
    for (int v : {info.date->year, info.date->month, info.date->day, info.date->hour, info.date->minute,
                  info.date->second})
      h.u64(static_cast<uint64_t>(v));
  }
  for (uint64_t v : extra) h.u64(v);
  return h.digest();
}

}  // namespace cvpress::pdf
