#pragma once
// Incremental batches: a job whose inputs have not changed since its output was written is
// skipped. The inputs are summarised in a content hash recorded beside the output
// (`resume.en.pdf.cvpress-hash`), written only after the PDF itself is in place.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/job.h"

namespace cvpress::cli {

/// What a job's output depends on besides the job itself.
struct HashContext {
  std::string version;                       // cvpress version
  uint64_t fonts = 0;                        // text::FontFiles::fingerprint()
  std::vector<std::string> layout_dirs;      // every layout in them counts (names, extends)
  std::optional<int64_t> source_date_epoch;  // the document date when front matter has none
};

/// The hash of everything `job`'s PDF depends on, as 32 hex digits: the input's bytes;
/// its shared front matter (`resume.yaml`) and the images it shows; the layout templates
/// (every file in the layout folders, and a layout file the job, the document or the shared
/// front matter names, with the files it extends); the fonts; the job's options; the
/// cvpress version. A file that cannot be read counts as missing (the render reports it).
[[nodiscard]] std::string job_hash(const Job& job, const HashContext& context);

/// Where the hash of `output` is recorded: `output` + ".cvpress-hash".
[[nodiscard]] std::string stamp_path(const std::string& output);

/// True when `output` exists, has the size recorded with it, and was written for `hash`.
[[nodiscard]] bool is_up_to_date(const std::string& output, const std::string& hash);

/// Records that `output` (just written) was rendered for `hash`; atomically. Throws
/// cvpress::Error when the stamp cannot be written.
void write_stamp(const std::string& output, const std::string& hash);

}  // namespace cvpress::cli
