#include "cli/job_hash.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include "base/hash.h"
#include "cli/atomic_file.h"
#include "cli/manifest.h"
#include "cli/variants.h"
#include "markdown/markdown.h"

namespace cvpress::cli {
namespace {

namespace fs = std::filesystem;

// A second FNV-1a stream with its own start, so the recorded hash has 128 bits: accidental
// collisions between two versions of one job are then out of the question.
constexpr uint64_t kSecondOffset = fnv1a("cvpress job hash, second half");

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

// Feeds labelled, length-prefixed fields, so ("ab", "c") and ("a", "bc") differ.
class Hasher {
 public:
  void add(std::string_view label, std::string_view value) {
    for (std::string_view part : {label, value}) {
      a_ = fnv1a(part, fnv1a_u64(part.size(), a_));
      b_ = fnv1a(part, fnv1a_u64(part.size(), b_));
    }
  }
  void add_file(std::string_view label, const std::string& path) {
    const auto bytes = read_file(path);
    add(label, path);
    add(bytes ? "bytes" : "missing", bytes ? *bytes : std::string_view());
  }
  [[nodiscard]] std::string hex() const { return fmt::format("{:016x}{:016x}", a_, b_); }

 private:
  uint64_t a_ = kFnvOffset;
  uint64_t b_ = kSecondOffset;
};

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// A layout file and the files it extends, relative ones resolved as the style stage does
// (against the file that names them). Names are covered by the layout folders.
void add_layout_chain(Hasher& h, const std::string& file, std::vector<std::string>& seen) {
  if (std::find(seen.begin(), seen.end(), file) != seen.end()) return;  // a cycle: the render reports it
  seen.push_back(file);
  h.add_file("layout file", file);
  try {
    const YAML::Node root = YAML::LoadFile(file);
    const YAML::Node base = root.IsMap() ? root["extends"] : YAML::Node();
    if (!base || !base.IsScalar() || !is_layout_file(base.Scalar())) return;
    add_layout_chain(h, resolve_path(folder_of(file), base.Scalar()), seen);
  } catch (const YAML::Exception&) {
    // Unreadable or malformed: its bytes are hashed, and the render reports the problem.
  }
}

void add_images(Hasher& h, const doc::Node& node, const std::string& folder) {
  if (node.kind == doc::NodeKind::Image && node.url.find("://") == std::string::npos) {
    h.add_file("image", resolve_path(folder.empty() ? "." : folder, node.url));
  }
  for (const doc::Node& child : node.children) add_images(h, child, folder);
}

}  // namespace

std::string job_hash(const Job& job, const HashContext& context) {
  Hasher h;
  h.add("cvpress", context.version);
  h.add("fonts", fmt::format("{:016x}", context.fonts));
  h.add("source date epoch", context.source_date_epoch ? std::to_string(*context.source_date_epoch) : "");
  h.add("layout", job.layout);
  h.add("paper", job.paper);
  for (const OverrideSet& set : job.overrides) {
    h.add("overrides from", set.path);
    for (const doc::Override& o : set.overrides) h.add(o.key, o.value);
  }

  // The document, parsed only to learn which layout file and images it uses; its problems
  // are the render's to report.
  h.add("input", job.input);
  const auto text = read_file(job.input);
  h.add(text ? "bytes" : "missing", text ? *text : std::string_view());
  Diagnostics ignored;
  std::vector<std::string> layout_files;
  if (job.layout.empty() || !is_layout_file(job.layout)) {
    // Every template in the layout folders: the named one and whatever it extends.
    for (const std::string& dir : context.layout_dirs) {
      std::error_code ec;
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file(ec)) found.push_back(entry.path().string());
      std::sort(found.begin(), found.end());
      for (const std::string& f : found) h.add_file("layout folder file", f);
    }
  }
  if (is_layout_file(job.layout)) add_layout_chain(h, job.layout, layout_files);
  if (text) {
    const doc::Document document = markdown::parse(SourceFile(job.input, *text), ignored);
    add_images(h, document.root, folder_of(job.input));
    if (job.layout.empty() && is_layout_file(document.meta.layout))
      add_layout_chain(h, document.meta.layout, layout_files);
    if (const std::string shared = shared_front_matter_path(job.input); !shared.empty()) {
      h.add_file("shared front matter", shared);
      if (const auto yaml = read_file(shared)) {
        const doc::Metadata meta = markdown::parse_front_matter_file(SourceFile(shared, *yaml), ignored);
        if (job.layout.empty() && document.meta.layout.empty() && is_layout_file(meta.layout))
          add_layout_chain(h, meta.layout, layout_files);
      }
    }
  }
  return h.hex();
}

std::string stamp_path(const std::string& output) { return output + ".cvpress-hash"; }

bool is_up_to_date(const std::string& output, const std::string& hash) {
  std::error_code ec;
  const auto size = fs::file_size(output, ec);
  if (ec) return false;
  const auto stamp = read_file(stamp_path(output));
  return stamp && *stamp == fmt::format("{} {}\n", hash, size);
}

void write_stamp(const std::string& output, const std::string& hash) {
  std::error_code ec;
  const auto size = fs::file_size(output, ec);
  if (ec) throw Error(output + ": error: cannot read back: " + ec.message());
  write_file_atomically(stamp_path(output), fmt::format("{} {}\n", hash, size));
}

}  // namespace cvpress::cli
