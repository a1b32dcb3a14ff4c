#include "cli/variants.h"

#include <sys/stat.h>

#include "markdown/markdown.h"

namespace cvpress::cli {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

// The file name of `path` without its folder and its extension.
std::string_view stem_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(0, dot);
}

// A 2-3 letter language subtag, then subtags of 1-8 letters or digits (BCP 47's shape,
// not its registry: "en", "zh-TW", "sr-Latn-RS").
bool looks_like_tag(std::string_view tag) {
  std::size_t start = 0;
  for (int index = 0; start <= tag.size(); ++index) {
    const std::size_t dash = tag.find('-', start);
    const std::string_view sub = tag.substr(start, dash == std::string_view::npos ? tag.npos : dash - start);
    bool ok = index == 0 ? sub.size() >= 2 && sub.size() <= 3 : !sub.empty() && sub.size() <= 8;
    for (char c : sub) ok = ok && (index == 0 ? is_alpha(c) : is_alnum(c));
    if (!ok) return false;
    if (dash == std::string_view::npos) return true;
    start = dash + 1;
  }
  return false;
}

}  // namespace

std::string variant_tag(std::string_view path) {
  const std::string_view stem = stem_of(path);
  const std::size_t dot = stem.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  const std::string_view tag = stem.substr(dot + 1);
  return looks_like_tag(tag) ? std::string(tag) : std::string();
}

std::string shared_front_matter_path(const std::string& input) {
  const std::string tag = variant_tag(input);
  if (tag.empty()) return {};
  const std::string_view stem = stem_of(input);
  const std::size_t slash = input.rfind('/');
  const std::string dir = slash == std::string::npos ? std::string() : input.substr(0, slash + 1);
  std::string shared = dir + std::string(stem.substr(0, stem.size() - tag.size() - 1)) + ".yaml";
  struct stat st {};
  if (::stat(shared.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
  return shared;
}

SharedFrontMatter read_shared_front_matter(const std::string& input, Diagnostics& diags) {
  SharedFrontMatter shared;
  shared.path = shared_front_matter_path(input);
  if (!shared.path.empty())
    shared.meta = markdown::parse_front_matter_file(SourceFile::read(shared.path), diags);
  return shared;
}

void inherit_front_matter(doc::Metadata& variant, const doc::Metadata& shared) {
  auto inherit = [](std::string& own, const std::string& common) {
    if (own.empty()) own = common;
  };
  inherit(variant.title, shared.title);
  inherit(variant.author, shared.author);
  if (variant.layout.empty()) {
    variant.layout = shared.layout;
    variant.layout_location = {};  // in another file: load_layout reports it without a location
  }
  inherit(variant.paper, shared.paper);
  inherit(variant.date, shared.date);
  inherit(variant.subject, shared.subject);
  inherit(variant.dir, shared.dir);
  if (variant.keywords.empty()) variant.keywords = shared.keywords;
  if (!variant.fit) variant.fit = shared.fit;
}

}  // namespace cvpress::cli
