// Paper sizes, and which one a document gets when it does not say.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "style/style.h"

namespace cvpress::style {

namespace {

// CLDR supplemental data, measurementData/paperSize: the territories whose paper is
// US-Letter (everywhere else uses ISO A4).
constexpr std::array<std::string_view, 14> kLetterRegions = {"BZ", "CA", "CL", "CO", "CR", "GT", "MX",
                                                             "NI", "PA", "PH", "PR", "SV", "US", "VE"};

bool all_of_kind(std::string_view s, bool (*kind)(char)) { return std::all_of(s.begin(), s.end(), kind); }
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

// The region subtag of a BCP 47 tag (RFC 5646 §2.1: language, optional 4-letter script,
// then a 2-letter or 3-digit region), upper-cased; empty when there is none.
std::string region_of(std::string_view tag) {
  std::size_t index = 0;
  while (!tag.empty()) {
    const auto sep = tag.find_first_of("-_");
    const std::string_view sub = tag.substr(0, sep);
    if (index == 1 && sub.size() == 4 && all_of_kind(sub, alpha)) {
      // a script subtag: the region, if any, follows
    } else if (index >= 1) {
      if ((sub.size() == 2 && all_of_kind(sub, alpha)) || (sub.size() == 3 && all_of_kind(sub, digit))) {
        std::string out(sub);
        for (char& c : out)
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return out;
      }
      return {};
    }
    if (sep == std::string_view::npos) break;
    tag.remove_prefix(sep + 1);
    ++index;
  }
  return {};
}

}  // namespace

Size paper_size(Paper paper) {
  switch (paper) {
    case Paper::A4: return {Pt::mm(210), Pt::mm(297)};         // ISO 216
    case Paper::Letter: return {Pt::inch(8.5), Pt::inch(11)};  // ANSI/ASME Y14.1
  }
  CVPRESS_ASSERT(false && "unknown paper");
  return {};
}

Paper default_paper(std::string_view lang) {
  const std::string region = region_of(lang);  // "en" alone names no country: A4
  const auto is = [&](std::string_view r) { return r == region; };
  return std::any_of(kLetterRegions.begin(), kLetterRegions.end(), is) ? Paper::Letter : Paper::A4;
}

}  // namespace cvpress::style
