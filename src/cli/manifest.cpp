#include "cli/manifest.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace cvpress::cli {
namespace {

constexpr std::array<std::string_view, 2> kTopKeys = {"defaults", "jobs"};
constexpr std::array<std::string_view, 4> kDefaultKeys = {"layout", "paper", "out-dir", "overrides"};
constexpr std::array<std::string_view, 5> kJobKeys = {"input", "output", "layout", "paper", "overrides"};

class ManifestReader {
 public:
  ManifestReader(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {
    const std::size_t slash = file.path().rfind('/');
    dir_ = slash == std::string::npos ? std::string() : file.path().substr(0, slash);
    if (slash == 0) dir_ = "/";
  }

  Manifest read() {
    Manifest manifest;
    manifest.path = file_.path();
    YAML::Node root;
    try {
      root = YAML::Load(file_.text());
    } catch (const YAML::Exception& e) {
      error(e.mark, "invalid manifest: " + e.msg);
      return manifest;
    }
    if (!root.IsMap()) {
      error(root.Mark(), "a manifest must be a mapping with `jobs:` (and optionally `defaults:`)");
      return manifest;
    }
    check_keys(root, kTopKeys);
    ManifestJob defaults;
    if (const YAML::Node d = root["defaults"]) {
      if (!d.IsMap()) {
        error(d.Mark(), "manifest key \"defaults\" must be a mapping");
      } else {
        check_keys(d, kDefaultKeys);
        read_settings(d, defaults);
        if (auto out = scalar(d, "out-dir")) manifest.out_dir = resolve_path(dir_, *out);
      }
    }
    const YAML::Node jobs = root["jobs"];
    if (!jobs || !jobs.IsSequence()) {
      error(jobs ? jobs.Mark() : root.Mark(), "a manifest needs a `jobs:` list",
            "list inputs, e.g. `jobs: [resume.en.md, resume.zh.md]`");
      return manifest;
    }
    for (const YAML::Node& entry : jobs) {
      ManifestJob job = defaults;
      job.location = location(entry.Mark());
      if (entry.IsScalar()) {
        job.input = resolve_path(dir_, entry.Scalar());
      } else if (entry.IsMap()) {
        check_keys(entry, kJobKeys);
        const auto input = scalar(entry, "input");
        if (!input) {
          if (!entry["input"]) error(entry.Mark(), "a job needs an `input:`");
          continue;
        }
        job.input = resolve_path(dir_, *input);
        if (auto output = scalar(entry, "output")) job.output = resolve_path(dir_, *output);
        read_settings(entry, job);
      } else {
        error(entry.Mark(), "a job must be an input path or a mapping with `input:`");
        continue;
      }
      if (job.input.empty()) {
        error(entry.Mark(), "a job's input must not be empty");
        continue;
      }
      manifest.jobs.push_back(std::move(job));
    }
    return manifest;
  }

 private:
  // layout, paper and overrides of a `defaults:` or job mapping, over what `into` has.
  void read_settings(const YAML::Node& map, ManifestJob& into) {
    if (auto layout = scalar(map, "layout")) {
      into.layout = is_layout_file(*layout) ? resolve_path(dir_, *layout) : *layout;
    }
    if (auto paper = scalar(map, "paper")) {
      if (*paper != "a4" && *paper != "letter") {
        error(map["paper"].Mark(), "invalid paper \"" + *paper + "\"", "use a4 or letter");
      } else {
        into.paper = *paper;
      }
    }
    if (const YAML::Node overrides = map["overrides"]) {
      if (!overrides.IsMap()) {
        error(overrides.Mark(), "manifest key \"overrides\" must be a mapping of layout keys to values");
      } else {
        flatten(overrides, "", into.overrides);
      }
    }
  }

  // Nested maps flattened with '.', as front matter does (`page: {margin: 18mm}` is
  // `page.margin`). Later entries for the same key win when applied.
  void flatten(const YAML::Node& map, const std::string& prefix, std::vector<doc::Override>& out) {
    for (const auto& entry : map) {
      const std::string key = prefix + entry.first.Scalar();
      if (entry.second.IsMap()) {
        flatten(entry.second, key + ".", out);
      } else if (entry.second.IsScalar()) {
        out.push_back(
            {key, entry.second.Scalar(), location(entry.first.Mark()), location(entry.second.Mark())});
      } else {
        error(entry.second.Mark(), "override \"" + key + "\" must be a single value");
      }
    }
  }

  std::optional<std::string> scalar(const YAML::Node& map, const char* key) {
    const YAML::Node value = map[key];
    if (!value) return std::nullopt;
    if (!value.IsScalar()) {
      error(value.Mark(), std::string("manifest key \"") + key + "\" must be a string");
      return std::nullopt;
    }
    return value.Scalar();
  }

  template <std::size_t N>
  void check_keys(const YAML::Node& map, const std::array<std::string_view, N>& known) {
    for (const auto& entry : map) {
      const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      const std::string_view best = closest(name, known);
      std::string hint = "known keys here:";
      for (std::string_view k : known) hint += std::string(" ") + std::string(k);
      if (!best.empty()) hint = "did you mean \"" + std::string(best) + "\"?";
      error(entry.first.Mark(), "unknown manifest key \"" + name + "\"", hint);
    }
  }

  SourceLocation location(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return SourceLocation{1, 1};
    const auto line = static_cast<uint32_t>(mark.line) + 1;
    const std::size_t start = file_.line_offset(line);
    return file_.location_of(std::min(start + static_cast<std::size_t>(mark.column), file_.text().size()));
  }

  void error(const YAML::Mark& mark, std::string message, std::string hint = {}) {
    diags_.error(file_.path(), location(mark), std::move(message), std::move(hint));
  }

  const SourceFile& file_;
  Diagnostics& diags_;
  std::string dir_;
};

}  // namespace

Manifest read_manifest(const SourceFile& file, Diagnostics& diags) {
  return ManifestReader(file, diags).read();
}

std::string resolve_path(const std::string& base_dir, const std::string& path) {
  if (base_dir.empty() || path.empty() || path.front() == '/') return path;
  return std::filesystem::path(base_dir + "/" + path).lexically_normal().string();
}

bool is_layout_file(const std::string& layout) {
  const std::string_view s = layout;
  return s.find('/') != std::string_view::npos || s.ends_with(".yaml") || s.ends_with(".yml");
}

}  // namespace cvpress::cli
