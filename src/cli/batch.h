#pragma once
// `cvpress batch`: many documents in one process (DESIGN §7, §8). Worker threads each own
// a FontLibrary (FreeType, HarfBuzz, shaping caches) over one shared, read-only FontFiles
// store; a job's problems fail that job alone; outputs are written atomically; SIGINT and
// SIGTERM stop the scheduling of new jobs, let running ones finish and leave no partial
// file. The PDFs are the same bytes whatever -j is and in whatever order jobs finish: a
// document's output depends on its own inputs only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/base.h"
#include "cli/job.h"

namespace cvpress::cli {

struct BatchArgs {
  std::vector<std::string> inputs;  // files, folders (their *.md) and globs
  std::string manifest;             // a batch.yaml instead of (or as well as) inputs
  std::string out_dir;              // outputs go here; default: beside each input (or the manifest's)
  unsigned jobs = 0;                // worker threads; 0: one per available core
  std::string layout;               // for every job, over the manifest's and the documents'
  std::string shard;                // "K/N": this process renders shard K of N
  bool force = false;               // render even when the output is up to date
  bool strict = false;              // --strict: a job's warnings are its errors
  std::string report;               // a JSON Lines file, one object per job
  std::string data_dir;             // holds fonts/ and layouts/
  std::optional<int64_t> source_date_epoch;
};

/// The job list, in the order given (a glob's and a folder's matches sorted by path),
/// each input once per output. An output is `--out-dir`/NAME.pdf, else the manifest's
/// choice, else beside its input. Problems (a pattern that matches nothing, two jobs that
/// would write one file, manifest errors) go to `diags`.
[[nodiscard]] std::vector<Job> plan_jobs(const BatchArgs& args, Diagnostics& diags);

/// The jobs of `jobs` in shard `index` of `count`, in their order.
[[nodiscard]] std::vector<Job> select_shard(std::vector<Job> jobs, uint32_t index, uint32_t count);

/// Runs the batch, reporting on stderr; returns the exit code: 0 when every job was
/// rendered or unchanged, 1 when a job failed (3 when that was an internal error), 2 for a
/// usage problem (nothing rendered), 128 + the signal number when interrupted.
/// Throws cvpress::Error for an environment failure that stops everything (the fonts).
[[nodiscard]] int batch_command(const BatchArgs& args);

}  // namespace cvpress::cli
