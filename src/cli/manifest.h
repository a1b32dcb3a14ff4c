#pragma once
// The batch manifest (`cvpress batch --manifest batch.yaml`): a list of jobs with defaults
// at the top. Relative paths are resolved against the manifest's folder, so a manifest
// works from any working directory:
//
//   defaults:              # all optional
//     layout: modern       # a name, or a .yaml file
//     paper: a4
//     out-dir: out         # where outputs go when a job names none (default: beside the input)
//     overrides:           # layout overrides, as in front matter; these win over the document's
//       accent: "#0b5394"
//   jobs:
//     - people/ada.en.md               # an input (a glob is allowed), all defaults
//     - input: people/alan.md
//       output: out/turing.pdf
//       layout: classic
//       overrides: {page.margin: 18mm}  # after the defaults' overrides
#include <string>
#include <vector>

#include "base/base.h"
#include "doc/doc.h"

namespace cvpress::cli {

struct ManifestJob {
  std::string input;   // resolved; may be a glob
  std::string output;  // resolved; empty: out_dir or beside the input
  std::string layout;  // the job's, else the defaults'; a file resolved, a name as written
  std::string paper;
  std::vector<doc::Override> overrides;  // the defaults', then the job's (so the job's win)
  SourceLocation location;               // of the entry, for errors about it
};

struct Manifest {
  std::string path;
  std::string out_dir;  // resolved; empty when not given
  std::vector<ManifestJob> jobs;
};

/// Reads a manifest. Unknown keys (with a "did you mean" hint), wrong types, a job without
/// an input and YAML syntax errors are reported to `diags` at their line:column in `file`.
[[nodiscard]] Manifest read_manifest(const SourceFile& file, Diagnostics& diags);

/// `path` resolved against `base_dir` (absolute paths and an empty base stay as they are).
[[nodiscard]] std::string resolve_path(const std::string& base_dir, const std::string& path);

/// True when a layout value names a file (contains '/' or ends in .yaml/.yml), not a layout name
/// (style::load_layout's rule).
[[nodiscard]] bool is_layout_file(const std::string& layout);

}  // namespace cvpress::cli
