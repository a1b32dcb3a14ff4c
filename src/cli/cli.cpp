// The command line (DESIGN §7):
//   cvpress render IN.md [-o OUT.pdf] [--layout NAME|FILE] [--paper a4|letter] [--fit-pages N]
//                        [--report] [--dump-frames]
//   cvpress layouts
//   cvpress fonts IN.md [--layout NAME|FILE]
#include "cli/cli.h"

#include <unistd.h>

#include <fmt/core.h>
#include <sys/stat.h>
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <iostream>

#include "cli/atomic_file.h"
#include "cli/batch.h"
#include "cli/fonts.h"
#include "cli/render.h"
#include "pdf/pdf.h"
#include "style/style.h"
#include "text/text.h"

namespace cvpress::cli {
namespace {

// Where fonts/ and layouts/ live: $CVPRESS_DATA_DIR, else the source tree the binary was
// built from.
std::string data_dir() {
  if (const char* env = std::getenv("CVPRESS_DATA_DIR"); env && *env) return env;
  return CVPRESS_DATA_DIR;
}

std::optional<int64_t> source_date_epoch() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return std::nullopt;
  int64_t v = 0;
  const std::string_view s(env);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string default_output(const std::string& input) {
  const std::size_t slash = input.rfind('/');
  const std::size_t dot = input.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash))
    return input.substr(0, dot) + ".pdf";
  return input + ".pdf";
}

void print(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.all()) std::cerr << format(d) << '\n';
}

struct RenderArgs {
  std::string input;
  std::string output;
  std::string layout;
  std::string paper;
  bool dump_frames = false;
  bool dump_glyphs = false;
  std::optional<int> fit_pages;
  bool report = false;
  bool strict = false;
};

int render_command(const RenderArgs& args) {
  struct stat st {};
  if (::stat(args.input.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    std::cerr << args.input << ": error: no such file\n";
    return kInputError;
  }
  const std::string dir = data_dir();
  text::FontLibrary fonts({{dir + "/fonts"}, true});
  RenderRequest request;
  request.input = args.input;
  request.layout = args.layout;
  request.paper = args.paper;
  request.layout_dirs = {dir + "/layouts"};
  request.source_date_epoch = source_date_epoch();
  request.fit_pages = args.fit_pages;
  request.strict = args.strict;

  Diagnostics diags;
  RenderResult result = render_pages(request, fonts, diags);
  print(diags);
  if (args.report && result.ok) {
    // The report goes to stdout, unless stdout carries the PDF or the frame dump.
    std::ostream& out = args.output == "-" || args.dump_frames ? std::cerr : std::cout;
    for (const std::string& line : result.report) out << line << '\n';
    out << fmt::format("{}: {} page{}, {} finding{}\n", args.input, result.pages.pages.size(),
                       result.pages.pages.size() == 1 ? "" : "s", result.report.size(),
                       result.report.size() == 1 ? "" : "s");
  }
  if (!result.ok || diags.has_errors()) {
    std::cerr << fmt::format("{}: {} error{}; no PDF written\n", args.input, diags.error_count(),
                             diags.error_count() == 1 ? "" : "s");
    return kInputError;
  }
  if (args.dump_frames) {
    std::cout << frame::dump(result.pages, {args.dump_glyphs});
    if (args.output.empty()) return kOk;
  }
  const std::string bytes = pdf::render(result.pages);
  const std::string output = args.output.empty() ? default_output(args.input) : args.output;
  if (output == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    return std::cout ? kOk : kInputError;
  }
  write_file_atomically(output, bytes);
  return kOk;
}

int layouts_command(bool reference) {
  if (reference) {
    std::cout << style::reference_markdown();
    return kOk;
  }
  const std::string dir = data_dir();
  for (const auto& [name, description] : style::list_layouts({dir + "/layouts"}))
    std::cout << fmt::format("{:<12} {}\n", name, description);
  return kOk;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"cvpress: typesets a Markdown résumé into a print-ready PDF", "cvpress"};
  app.set_version_flag("--version", "cvpress " CVPRESS_VERSION);
  app.require_subcommand(1);

  RenderArgs render;
  CLI::App* render_cmd = app.add_subcommand("render", "Render one Markdown file to PDF");
  render_cmd->add_option("input", render.input, "The Markdown file")->required();
  render_cmd->add_option("-o,--output", render.output,
                         "The PDF to write (default: INPUT with .pdf; - for stdout)");
  render_cmd->add_option("--layout", render.layout, "Layout name (see `cvpress layouts`) or a .yaml file");
  render_cmd->add_option("--paper", render.paper, "Paper size")->check(CLI::IsMember({"a4", "letter"}));
  render_cmd->add_flag("--dump-frames", render.dump_frames,
                       "Print the laid-out pages as text (golden-test format)");
  render_cmd->add_flag("--dump-glyphs", render.dump_glyphs, "With --dump-frames: also list glyph ids");
  render_cmd
      ->add_option("--fit-pages", render.fit_pages,
                   "Tighten spacing, leading, margins, then type size (within the layout's bounds) until the "
                   "résumé takes at most N pages; an error when it cannot")
      ->check(CLI::Range(1, 100));
  render_cmd->add_flag(
      "--strict", render.strict,
      "Treat every warning as an error (ignored front matter keys, remote or missing images, "
      "dropped HTML ...)");
  render_cmd->add_flag("--report", render.report,
                       "Print the typographic report: widows, orphans, split entries, overfull lines, what "
                       "fitting changed");

  CLI::App* layouts_cmd = app.add_subcommand("layouts", "List the available layouts");
  bool layouts_reference = false;
  layouts_cmd->add_flag("--reference", layouts_reference,
                        "Print the template key reference (docs/layouts.md)");

  // `cvpress fonts`: the work in cli/fonts.cpp.
  FontsArgs fonts;
  CLI::App* fonts_cmd = app.add_subcommand(
      "fonts", "List which font sets which text, per script, and the characters no font covers");
  fonts_cmd->add_option("input", fonts.input, "The Markdown file")->required();
  fonts_cmd->add_option("--layout", fonts.layout, "Layout name (see `cvpress layouts`) or a .yaml file");

  // `cvpress batch`: options in cli/batch.h, the work in cli/batch.cpp.
  BatchArgs batch;
  CLI::App* batch_cmd = app.add_subcommand("batch", "Render many Markdown files in one process");
  batch_cmd->add_option("inputs", batch.inputs, "Markdown files, folders or globs");
  batch_cmd->add_option("--manifest", batch.manifest, "A batch.yaml listing jobs (see README)");
  batch_cmd->add_option("--out-dir", batch.out_dir, "Write the PDFs here (default: beside each input)");
  batch_cmd->add_option("-j,--jobs", batch.jobs, "Worker threads (default: one per core)")
      ->check(CLI::Range(1u, 1024u));
  batch_cmd->add_option("--layout", batch.layout, "Layout name or .yaml file for every job");
  batch_cmd->add_option("--shard", batch.shard, "Render only shard K of N (K/N, 0-based)");
  batch_cmd->add_flag("--force", batch.force, "Render even the jobs whose output is up to date");
  batch_cmd->add_flag("--strict", batch.strict, "Treat every warning of a job as an error of that job");
  batch_cmd->add_option("--report", batch.report, "Write a JSON Lines report, one object per job");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kUsageError;
  }

  try {
    if (*render_cmd) return render_command(render);
    if (*layouts_cmd) return layouts_command(layouts_reference);
    if (*fonts_cmd) {
      fonts.data_dir = data_dir();
      return fonts_command(fonts);
    }
    if (*batch_cmd) {
      batch.data_dir = data_dir();
      batch.source_date_epoch = source_date_epoch();
      return batch_command(batch);
    }
  } catch (const InternalError& e) {
    std::cerr << "cvpress: " << e.what() << "\nplease report this as a bug\n";
    return kInternalError;
  } catch (const Error& e) {
    std::cerr << e.what() << '\n';
    return kInputError;
  } catch (const std::exception& e) {
    std::cerr << "cvpress: internal error: " << e.what() << '\n';
    return kInternalError;
  }
  return kUsageError;
}

}  // namespace cvpress::cli
