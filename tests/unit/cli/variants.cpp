#include "cli/variants.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace cvpress;
namespace fs = std::filesystem;

TEST_CASE("a variant's language tag is the last dotted part of its name") {
  CHECK(cli::variant_tag("resume.en.md") == "en");
  CHECK(cli::variant_tag("people/cv.zh-TW.md") == "zh-TW");
  CHECK(cli::variant_tag("cv.sr-Latn-RS.md") == "sr-Latn-RS");
  CHECK(cli::variant_tag("resume.md") == "");
  CHECK(cli::variant_tag("my.resume.md") == "");
  CHECK(cli::variant_tag("v1.2/resume.md") == "");
  CHECK(cli::variant_tag(".en.md") == "");
}

TEST_CASE("a variant finds the shared yaml beside it, a plain document does not") {
  const fs::path dir = fs::temp_directory_path() / ("cvpress-variants-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "resume.yaml") << "layout: modern\n";
  const std::string en = (dir / "resume.en.md").string();
  CHECK(cli::shared_front_matter_path(en) == (dir / "resume.yaml").string());
  CHECK(cli::shared_front_matter_path((dir / "resume.md").string()) == "");
  CHECK(cli::shared_front_matter_path((dir / "other.en.md").string()) == "");
  fs::remove_all(dir);
}

TEST_CASE("a variant inherits what it leaves unset, never the language, and keeps its own keys") {
  doc::Metadata variant;
  variant.lang = "";
  variant.paper = "a4";
  doc::Metadata shared;
  shared.lang = "en";
  shared.layout = "modern";
  shared.paper = "letter";
  shared.author = "Ada Lovelace";
  shared.fit = 1;
  shared.overrides.push_back({"accent", "#0b5394", {}, {}});
  cli::inherit_front_matter(variant, shared);
  CHECK(variant.lang == "");
  CHECK(variant.layout == "modern");
  CHECK(variant.paper == "a4");
  CHECK(variant.author == "Ada Lovelace");
  CHECK(variant.fit == 1);
  CHECK(variant.overrides.empty());  // applied from their own file, before the variant's
}
