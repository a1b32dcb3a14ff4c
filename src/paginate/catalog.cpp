// The words of running footers per language, and the footer template.
//
// Why the catalog lives in paginate, as plain strings: which words a page needs is a
// pagination matter (only paginate knows page N of M), but setting them needs fonts and
// shaping, which paginate may not touch (DESIGN §1). So paginate owns the words and the
// template, returns a string, and the driver (cli/render.cpp) has layout set it with
// layout::layout_footer() and hands the slice back to place_footer(). The strings are
// those of the CLDR-era print dialogs of each language (the wording LibreOffice and the
// browsers use in their "page N of M" footers); numbers stay ASCII digits, which every
// script here reads.
#include <array>
#include <string>

#include "base/utf8.h"
#include "paginate/paginate.h"

namespace cvpress::paginate {
namespace {

struct CatalogEntry {
  std::string_view tag;  // a language, or language-script / language-region
  PageWords words;
};

// Longer tags first within a language, so "zh-Hant" is found before "zh".
constexpr std::array<CatalogEntry, 19> kCatalog = {{
    {"en", {"Page {page} of {pages}", "continued"}},   {"de", {"Seite {page} von {pages}", "Fortsetzung"}},
    {"fr", {"Page {page} sur {pages}", "suite"}},      {"es", {"Página {page} de {pages}", "continúa"}},
    {"pt", {"Página {page} de {pages}", "continua"}},  {"it", {"Pagina {page} di {pages}", "continua"}},
    {"nl", {"Pagina {page} van {pages}", "vervolg"}},  {"ru", {"Страница {page} из {pages}", "продолжение"}},
    {"el", {"Σελίδα {page} από {pages}", "συνέχεια"}}, {"zh-Hant", {"第 {page} 頁，共 {pages} 頁", "續"}},
    {"zh-TW", {"第 {page} 頁，共 {pages} 頁", "續"}},  {"zh-HK", {"第 {page} 頁，共 {pages} 頁", "續"}},
    {"zh", {"第 {page} 页，共 {pages} 页", "续"}},     {"ja", {"{page} / {pages} ページ", "続き"}},
    {"ko", {"{pages}쪽 중 {page}쪽", "계속"}},         {"ar", {"صفحة {page} من {pages}", "يتبع"}},
    {"he", {"עמוד {page} מתוך {pages}", "המשך"}},      {"hi", {"पृष्ठ {page} / {pages}", "जारी"}},
    {"th", {"หน้า {page} จาก {pages}", "ต่อ"}},
}};

// BCP 47 tags compare case-insensitively; '_' is accepted for '-' (POSIX locales).
bool tag_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto fold = [](char c) {
      if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
      return c == '_' ? '-' : c;
    };
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

PageWords page_words(std::string_view lang) {
  // "zh-Hant-TW": try "zh-Hant", then "zh-TW" is not a prefix, so also the language + last
  // subtag; then the language alone.
  const std::size_t dash = lang.find_first_of("-_");
  const std::string_view primary = lang.substr(0, dash);
  if (dash != std::string_view::npos) {
    const std::size_t second = lang.find_first_of("-_", dash + 1);
    const std::string_view two = lang.substr(0, second);
    for (const CatalogEntry& e : kCatalog)
      if (tag_equal(e.tag, two)) return e.words;
    const std::size_t last = lang.find_last_of("-_");
    const std::string with_last = std::string(primary) + "-" + std::string(lang.substr(last + 1));
    for (const CatalogEntry& e : kCatalog)
      if (tag_equal(e.tag, with_last)) return e.words;
  }
  for (const CatalogEntry& e : kCatalog)
    if (tag_equal(e.tag, primary)) return e.words;
  return kCatalog.front().words;
}

std::string localized_number(int n, std::string_view lang) {
  // The zero of each decimal digit set (Unicode Nd; the nine after it follow in order).
  struct Digits {
    std::string_view language;
    char32_t zero;
  };
  static constexpr Digits kDigits[] = {
      {"ar", 0x0660}, {"fa", 0x06F0}, {"ur", 0x06F0}, {"ps", 0x06F0}, {"hi", 0x0966},
      {"mr", 0x0966}, {"ne", 0x0966}, {"sa", 0x0966}, {"bn", 0x09E6}, {"as", 0x09E6},
      {"th", 0x0E50}, {"lo", 0x0ED0}, {"km", 0x17E0}, {"my", 0x1040},
  };
  const std::string latin = std::to_string(n);
  const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
  for (const Digits& d : kDigits) {
    if (!tag_equal(d.language, primary)) continue;
    std::string out;
    for (char c : latin) {
      if (c >= '0' && c <= '9')
        utf8::append(out, d.zero + static_cast<char32_t>(c - '0'));
      else
        out += c;
    }
    return out;
  }
  return latin;
}

namespace {

// `text` without the spaces and separators at either end (what joined a name that is absent).
std::string strip_joiners(std::string_view text) {
  static constexpr std::string_view kJoiners[] = {" ", "\t",     "\u00B7", "|", ",",
                                                  "-", "\u2013", "\u2014", "/", "\u2022"};
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view j : kJoiners) {
      if (text.starts_with(j)) text.remove_prefix(j.size()), changed = true;
      if (text.ends_with(j)) text.remove_suffix(j.size()), changed = true;
    }
  }
  return std::string(text);
}

}  // namespace

std::string footer_text(std::string_view pattern, std::string_view lang, std::string_view name, int page,
                        int pages, bool native_digits) {
  const PageWords words = page_words(lang);
  const std::string page_number = native_digits ? localized_number(page, lang) : std::to_string(page);
  const std::string pages_number = native_digits ? localized_number(pages, lang) : std::to_string(pages);
  std::string label(words.page_label);
  replace_all(label, "{page}", page_number);
  replace_all(label, "{pages}", pages_number);
  std::string out(pattern);
  replace_all(out, "{page-label}", label);
  replace_all(out, "{continued}", page < pages ? words.continued : std::string_view());
  replace_all(out, "{pages}", pages_number);
  replace_all(out, "{page}", page_number);
  if (name.empty()) {
    // No name in the document: none is invented, and the separator that joined it goes too
    // ("{name} · {page-label}" -> "Page 1 of 2").
    replace_all(out, "{name}", "");
    return strip_joiners(out);
  }
  replace_all(out, "{name}", name);  // last: a name is never read for placeholders
  return out;
}

}  // namespace cvpress::paginate
