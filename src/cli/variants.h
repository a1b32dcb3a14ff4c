#pragma once
// Language variants of one résumé: `resume.en.md`, `resume.zh.md`, ... render to
// `resume.en.pdf`, `resume.zh.pdf`, and may share front matter (layout, colours, paper) from
// `resume.yaml` beside them, so the look is defined once for every language.
#include <string>
#include <string_view>

#include "base/base.h"
#include "doc/doc.h"

namespace cvpress::cli {

/// The language tag of a variant's file name (`resume.zh-TW.md` -> "zh-TW"): the last dotted
/// part before the extension, when it looks like a BCP 47 tag (a 2-3 letter language,
/// optional subtags); empty for a file that is not a variant (`resume.md`, `my.resume.md`).
[[nodiscard]] std::string variant_tag(std::string_view path);

/// The shared front matter file of a variant: `resume.yaml` beside `resume.en.md`, when
/// `input` is a variant and that file exists; empty otherwise.
[[nodiscard]] std::string shared_front_matter_path(const std::string& input);

/// A variant's shared front matter, read. `path` is empty when there is none.
struct SharedFrontMatter {
  std::string path;
  doc::Metadata meta;
};

/// Reads the shared front matter of `input`, if it has one; problems go to `diags` at
/// their line:column in the shared file. Throws cvpress::Error when the file exists but
/// cannot be read.
[[nodiscard]] SharedFrontMatter read_shared_front_matter(const std::string& input, Diagnostics& diags);

/// Completes a variant's metadata from the shared file's: every document key the variant
/// leaves unset is taken from `shared`, except `lang` (the variant's own, or its file
/// name's, always decides the language). Overrides are not copied: the caller applies the
/// shared ones first, located in their own file, then the variant's, so the variant's win.
void inherit_front_matter(doc::Metadata& variant, const doc::Metadata& shared);

}  // namespace cvpress::cli
