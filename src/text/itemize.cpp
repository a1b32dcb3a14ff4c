// Itemization by font (FontLibrary::itemize). Why two passes: a common-script cluster
// (space, punctuation, digit; UAX #24 Common/Inherited) takes the font of the text around
// it, and at the start of a paragraph that is the text after it, whose font is only known
// once the clusters of real scripts have theirs.
//
//   1. Every grapheme cluster of a real script (Latin, Han, ...) gets the first chain face
//      covering all its code points; if none, a fallback face from fontconfig.
//   2. Left to right, every common cluster gets the first face covering it of:
//      a. its context: the face of the last real-script cluster before it (the first one
//         after it at the start of the paragraph; in text with no real script at all,
//         the face of the paragraph's first cluster). Spaces between Chinese words stay in
//         the CJK face, spaces between Latin words in the Latin face.
//      b. the previous cluster's face (a run of punctuation stays together);
//      c. the next real-script cluster's face ("（" before Chinese in English text),
//         which then becomes the context (the text ahead is where this run belongs);
//      d. the chain's faces in order, then fontconfig's fallback.
//      So "：" in "Education：Associate" goes to the CJK face (the Latin face has no
//      full-width colon), and in "2019-08 ～ 2022-12" only "～" does: the context of the
//      second date is still the Latin face, not the tilde's.
//   3. Adjacent clusters with the same face merge into one run.
#include "text/text.h"

#include <algorithm>
#include <vector>

#include "base/utf8.h"
#include "text/font_library_impl.h"
#include "text/unicode.h"

namespace cvpress::text {
namespace {

struct Cluster {
  std::size_t begin = 0;  // byte offsets into the paragraph
  std::size_t end = 0;
  bool common = true;         // only Common/Inherited code points (or none needing a glyph)
  std::vector<char32_t> cps;  // the code points that need a glyph
  FontId font = kNoFont;
};

}  // namespace

std::vector<FontRun> FontLibrary::itemize(std::string_view text, std::size_t begin, std::size_t end,
                                          const FontChain& chain) {
  CVPRESS_ASSERT(begin <= end && end <= text.size());
  std::vector<Cluster> clusters;
  std::size_t start = begin;
  for (std::size_t boundary : grapheme_boundaries(text.substr(begin, end - begin))) {
    Cluster cluster;
    cluster.begin = start;
    cluster.end = begin + boundary;
    for (std::size_t at = cluster.begin; at < cluster.end;) {
      const utf8::Decoded d = utf8::decode(text, at);
      at += d.length;
      if (!needs_glyph(d.code_point)) continue;
      cluster.cps.push_back(d.code_point);
      if (!is_common_script(d.code_point)) cluster.common = false;
    }
    clusters.push_back(std::move(cluster));
    start = begin + boundary;
  }

  auto covers_all = [&](FontId id, const Cluster& c) {
    return id != kNoFont &&
           std::all_of(c.cps.begin(), c.cps.end(), [&](char32_t cp) { return impl_->face(id).covers(cp); });
  };
  std::vector<FontId> extension;  // faces this call appended to the chain (fallback_for)
  auto first_covering = [&](const Cluster& c) {
    for (FontId id : chain.faces) {
      if (covers_all(id, c)) return id;
    }
    return impl_->fallback_for(chain, c.cps, extension);
  };

  // Pass 1: clusters of a real script.
  for (Cluster& c : clusters) {
    if (c.common) continue;
    c.font = first_covering(c);
  }
  // Pass 2: common clusters, left to right, so the previous cluster's face is final.
  std::vector<FontId> next_real(clusters.size(), kNoFont);  // face of the next real-script cluster
  FontId next = kNoFont;
  for (std::size_t i = clusters.size(); i-- > 0;) {
    next_real[i] = next;
    if (!clusters[i].common) next = clusters[i].font;
  }
  FontId context = kNoFont;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    Cluster& c = clusters[i];
    if (!c.common) {
      context = c.font;
      continue;
    }
    if (context == kNoFont) context = next_real[i];
    const FontId previous = i > 0 ? clusters[i - 1].font : kNoFont;
    if (covers_all(context, c)) {
      c.font = context;
    } else if (covers_all(previous, c)) {
      c.font = previous;
    } else if (covers_all(next_real[i], c)) {
      c.font = next_real[i];
      context = c.font;
    } else if (c.cps.empty()) {
      // Nothing to draw (a line feed, a lone ZWJ) and no neighbour: the chain's first face.
      c.font = chain.faces.empty() ? kNoFont : chain.faces.front();
    } else {
      c.font = first_covering(c);
    }
    if (context == kNoFont) context = c.font;  // text without any real script
  }

  // Pass 3: merge.
  std::vector<FontRun> runs;
  for (const Cluster& c : clusters) {
    if (!runs.empty() && runs.back().font == c.font) {
      runs.back().end = c.end;
    } else {
      runs.push_back(FontRun{c.begin, c.end, c.font});
    }
  }
  return runs;
}

}  // namespace cvpress::text
