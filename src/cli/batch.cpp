// The batch scheduler. The order of work, and why:
//   1. plan: expand inputs and the manifest into jobs, decide outputs, refuse collisions;
//   2. shard: keep this process's part (--shard K/N), so N processes cover every job once;
//   3. share: scan and map the fonts once for every worker (text::FontFiles for shaping,
//      pdf::FontCache for embedding);
//   4. run: N workers take the next job from one counter; each owns its FontLibrary, so
//      nothing mutable is shared but the counter, the outcome slots and the progress line;
//   5. report: the summary, and --report lines in job order, whatever the finishing order.
#include "cli/batch.h"

#include <glob.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include <fmt/core.h>

#include "cli/atomic_file.h"
#include "cli/cli.h"
#include "cli/job_hash.h"
#include "cli/manifest.h"
#include "cli/progress.h"
#include "cli/render.h"
#include "cli/report.h"
#include "cli/shard.h"
#include "pdf/pdf.h"
#include "text/text.h"

namespace cvpress::cli {
namespace {

namespace fs = std::filesystem;

// The one piece of process-wide mutable state: the signal that asked the batch to stop
// (0: none). A lock-free atomic is async-signal-safe to store from a handler.
std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int signal) { g_stop_signal.store(signal); }

// Catches SIGINT and SIGTERM for the batch's lifetime. SA_RESETHAND: a second signal
// takes the default action, so an impatient user can still kill the process at once.
class StopSignals {
 public:
  StopSignals() {
    g_stop_signal.store(0);
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    ::sigaction(SIGINT, &action, &old_int_);
    ::sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  [[nodiscard]] static int signal() { return g_stop_signal.load(); }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

bool has_glob_characters(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

bool is_markdown(const std::string& path) {
  const std::string_view s = path;
  return s.ends_with(".md") || s.ends_with(".markdown");
}

// Paths matching a glob pattern, sorted bytewise (glob(3) sorts by the locale's collation).
std::vector<std::string> expand_glob(const std::string& pattern) {
  glob_t found{};
  std::vector<std::string> out;
  if (::glob(pattern.c_str(), GLOB_NOSORT, nullptr, &found) == 0) {
    for (std::size_t i = 0; i < found.gl_pathc; ++i) out.emplace_back(found.gl_pathv[i]);
  }
  ::globfree(&found);
  std::sort(out.begin(), out.end());
  return out;
}

// An input as written: a glob or a folder becomes its Markdown files; a file stays itself
// (even a missing one: that job fails with its own error, the others run).
std::vector<std::string> expand_input(const std::string& input, const std::string& origin, SourceLocation at,
                                      Diagnostics& diags) {
  std::vector<std::string> out;
  std::error_code ec;
  if (has_glob_characters(input)) {
    for (std::string& path : expand_glob(input))
      if (is_markdown(path) && fs::is_regular_file(path, ec)) out.push_back(std::move(path));
    if (out.empty()) diags.error(origin, at, "no Markdown file matches " + input);
  } else if (fs::is_directory(input, ec)) {
    for (std::string& path : expand_glob(input + (input.ends_with("/") ? "*" : "/*")))
      if (is_markdown(path) && fs::is_regular_file(path, ec)) out.push_back(std::move(path));
    if (out.empty()) diags.error(origin, at, "no Markdown file in folder " + input);
  } else {
    out.push_back(input);
  }
  return out;
}

// NAME.pdf for NAME.md, in `dir` when given, else beside the input.
std::string output_for(const std::string& input, const std::string& dir) {
  const fs::path in(input);
  fs::path name = in.filename();
  name.replace_extension(".pdf");
  if (!dir.empty()) return (fs::path(dir) / name).string();
  return (in.parent_path() / name).string();
}

std::string normal_key(const std::string& path) {
  std::error_code ec;
  const fs::path abs = fs::absolute(path, ec);
  return (ec ? fs::path(path) : abs).lexically_normal().string();
}

unsigned available_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

// "no font covers U+10FFFD <private-use-10FFFD>" -> "U+10FFFD <private-use-10FFFD>".
std::vector<std::string> missing_glyphs(const std::vector<Diagnostic>& diagnostics) {
  constexpr std::string_view kPrefix = "no font covers ";
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Error && d.message.starts_with(kPrefix))
      out.push_back(d.message.substr(kPrefix.size()));
  }
  return out;
}

struct Shared {
  const BatchArgs& args;
  std::vector<std::string> layout_dirs;
  HashContext hash;
  const text::FontFiles& fonts;
  const pdf::FontCache& pdf_fonts;
};

// One job, start to finish, isolated: whatever goes wrong is this job's outcome.
JobOutcome run_job(const Job& job, const Shared& shared, text::FontLibrary& fonts) {
  const auto start = std::chrono::steady_clock::now();
  JobOutcome outcome;
  auto finish = [&](JobStatus status) {
    outcome.status = status;
    outcome.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    outcome.missing_glyphs = missing_glyphs(outcome.diagnostics);
    return outcome;
  };
  try {
    std::error_code ec;
    if (!fs::is_regular_file(job.input, ec)) {
      outcome.diagnostics.push_back({Severity::Error, job.input, {}, "no such file", {}});
      return finish(JobStatus::Failed);
    }
    const std::string hash = job_hash(job, shared.hash);
    if (!shared.args.force && is_up_to_date(job.output, hash)) return finish(JobStatus::Unchanged);

    RenderRequest request;
    request.input = job.input;
    request.layout = job.layout;
    request.paper = job.paper;
    request.layout_dirs = shared.layout_dirs;
    request.source_date_epoch = shared.args.source_date_epoch;
    request.overrides = job.overrides;
    request.strict = shared.args.strict;
    Diagnostics diags;
    RenderResult result = render_pages(request, fonts, diags);
    outcome.diagnostics = diags.all();
    if (!result.ok || diags.has_errors()) return finish(JobStatus::Failed);

    const std::string bytes = pdf::render(result.pages, shared.pdf_fonts);
    outcome.pages = result.pages.pages.size();
    if (const fs::path dir = fs::path(job.output).parent_path(); !dir.empty())
      fs::create_directories(dir, ec);
    write_file_atomically(job.output, bytes);
    write_stamp(job.output, hash);
    return finish(JobStatus::Rendered);
  } catch (const InternalError& e) {
    outcome.failure = std::string("cvpress: ") + e.what() + "\nplease report this as a bug";
    outcome.internal_error = true;
  } catch (const Error& e) {
    outcome.failure = e.what();
  } catch (const std::exception& e) {
    outcome.failure = std::string("cvpress: internal error: ") + e.what();
    outcome.internal_error = true;
  }
  return finish(JobStatus::Failed);
}

void print(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.all()) std::cerr << format(d) << '\n';
}

}  // namespace

std::vector<Job> plan_jobs(const BatchArgs& args, Diagnostics& diags) {
  std::vector<Job> jobs;
  auto add = [&](const std::string& input, Job job) {
    job.input = input;
    jobs.push_back(std::move(job));
  };
  if (!args.manifest.empty()) {
    const Manifest manifest = read_manifest(SourceFile::read(args.manifest), diags);
    for (const ManifestJob& m : manifest.jobs) {
      Job job;
      job.layout = m.layout;
      job.paper = m.paper;
      if (!m.overrides.empty()) job.overrides.push_back({manifest.path, m.overrides});
      const std::vector<std::string> inputs = expand_input(m.input, manifest.path, m.location, diags);
      if (!m.output.empty() && inputs.size() > 1) {
        diags.error(manifest.path, m.location,
                    "a job with an `output:` needs one input, but " + m.input + " matches " +
                        std::to_string(inputs.size()));
        continue;
      }
      for (const std::string& input : inputs) {
        job.output = !m.output.empty()       ? m.output
                     : !args.out_dir.empty() ? output_for(input, args.out_dir)
                                             : output_for(input, manifest.out_dir);
        add(input, job);
      }
    }
  }
  for (const std::string& pattern : args.inputs) {
    for (const std::string& input : expand_input(pattern, "", {}, diags)) {
      Job job;
      job.output = output_for(input, args.out_dir);
      add(input, std::move(job));
    }
  }
  if (!args.layout.empty()) {
    for (Job& job : jobs) job.layout = args.layout;
  }

  // Each input once per output; two different inputs may not share an output.
  std::vector<Job> unique;
  std::map<std::string, std::string> writer;  // output key -> input key
  for (Job& job : jobs) {
    const std::string out = normal_key(job.output), in = normal_key(job.input);
    if (auto it = writer.find(out); it != writer.end()) {
      if (it->second != in) {
        diags.error("", {}, "two jobs would write " + job.output + ": " + it->second + " and " + in,
                    "give one of them another name, or use a manifest with `output:`");
      }
      continue;
    }
    if (out == in) {
      diags.error("", {}, "the output of " + job.input + " would overwrite it");
      continue;
    }
    writer.emplace(out, in);
    unique.push_back(std::move(job));
  }
  return unique;
}

std::vector<Job> select_shard(std::vector<Job> jobs, uint32_t index, uint32_t count) {
  std::erase_if(jobs, [&](const Job& job) { return shard_of(job.input, count) != index; });
  return jobs;
}

int batch_command(const BatchArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  if (args.inputs.empty() && args.manifest.empty()) {
    std::cerr << "cvpress batch: give inputs (files, folders, globs) or --manifest FILE\n";
    return kUsageError;
  }
  std::optional<Shard> shard = Shard{};
  if (!args.shard.empty()) {
    shard = parse_shard(args.shard);
    if (!shard) {
      std::cerr << "cvpress batch: --shard expects K/N with 0 <= K < N, e.g. 0/4, not \"" << args.shard
                << "\"\n";
      return kUsageError;
    }
  }

  // 1-2. Plan and shard.
  Diagnostics plan_diags;
  std::vector<Job> jobs = plan_jobs(args, plan_diags);
  print(plan_diags);
  if (plan_diags.has_errors()) {
    std::cerr << "cvpress batch: nothing rendered\n";
    return kUsageError;
  }
  const std::size_t planned = jobs.size();
  jobs = select_shard(std::move(jobs), shard->index, shard->count);

  // 3. Shared, read-only: the font files and the layout folders.
  const text::FontFiles font_files({args.data_dir + "/fonts"});
  const pdf::FontCache pdf_fonts;
  Shared shared{args, {args.data_dir + "/layouts"}, {}, font_files, pdf_fonts};
  shared.hash = {CVPRESS_VERSION, font_files.fingerprint(), shared.layout_dirs, args.source_date_epoch};

  // 4. Run.
  const StopSignals signals;
  const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(
      args.jobs ? args.jobs : available_cores(), std::max<std::size_t>(jobs.size(), 1)));
  std::vector<JobOutcome> outcomes(jobs.size());
  Progress progress(jobs.size(), ::isatty(STDERR_FILENO) == 1, std::cerr);
  std::atomic<std::size_t> next{0};
  std::string fatal;  // a worker that could not start (FreeType), guarded by fatal_mutex
  std::mutex fatal_mutex;
  {
    std::vector<std::jthread> threads;
    for (unsigned w = 0; w < workers; ++w) {
      threads.emplace_back([&] {
        try {
          text::FontLibrary fonts({{}, true, &font_files});
          while (StopSignals::signal() == 0) {
            const std::size_t i = next.fetch_add(1);
            if (i >= jobs.size()) break;
            outcomes[i] = run_job(jobs[i], shared, fonts);
            progress.finished(jobs[i], outcomes[i]);
          }
        } catch (const std::exception& e) {
          const std::lock_guard lock(fatal_mutex);
          if (fatal.empty()) fatal = e.what();
          next.store(jobs.size());  // nobody takes another job
        }
      });
    }
  }  // joins every worker
  progress.close();

  // 5. Report.
  std::size_t count[4] = {};
  bool internal = false;
  for (const JobOutcome& o : outcomes) {
    ++count[static_cast<int>(o.status)];
    internal = internal || o.internal_error;
  }
  if (!args.report.empty()) {
    std::string lines;
    for (std::size_t i = 0; i < jobs.size(); ++i) lines += report_line(jobs[i], outcomes[i]) + "\n";
    write_file_atomically(args.report, lines);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t rendered = count[static_cast<int>(JobStatus::Rendered)];
  const std::size_t failed = count[static_cast<int>(JobStatus::Failed)];
  const std::size_t not_started = count[static_cast<int>(JobStatus::NotStarted)];
  std::string summary = fmt::format("batch: {} rendered, {} unchanged, {} failed", rendered,
                                    count[static_cast<int>(JobStatus::Unchanged)], failed);
  if (not_started) summary += fmt::format(", {} not started", not_started);
  summary += fmt::format(" ({} job{}", jobs.size(), jobs.size() == 1 ? "" : "s");
  if (shard->count > 1) summary += fmt::format(" of {} in shard {}/{}", planned, shard->index, shard->count);
  summary += fmt::format(") in {}", human_duration(seconds));
  if (rendered && seconds > 0)
    summary += fmt::format(", {:.1f} documents/s", static_cast<double>(rendered) / seconds);
  std::cerr << summary << '\n';
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (outcomes[i].status == JobStatus::Failed) std::cerr << "failed: " << jobs[i].input << '\n';
  }
  if (!fatal.empty()) throw Error(fatal);
  if (const int signal = StopSignals::signal(); signal != 0) {
    std::cerr << fmt::format("batch: interrupted by {}; {} job{} not started, no partial output left\n",
                             signal == SIGINT ? "SIGINT" : "SIGTERM", not_started,
                             not_started == 1 ? "" : "s");
    return 128 + signal;
  }
  if (internal) return kInternalError;
  return failed ? kInputError : kOk;
}

}  // namespace cvpress::cli
