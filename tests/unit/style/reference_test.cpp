#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "style/style.h"

using namespace cvpress;

TEST_CASE("docs/layouts.md is the reference generated from the schema") {
  std::ifstream in(std::string(CVPRESS_SOURCE_DIR) + "/docs/layouts.md", std::ios::binary);
  REQUIRE_MESSAGE(in, "docs/layouts.md is missing: build/cvpress layouts --reference > docs/layouts.md");
  std::ostringstream committed;
  committed << in.rdbuf();
  INFO("regenerate with: build/cvpress layouts --reference > docs/layouts.md");
  CHECK(committed.str() == style::reference_markdown());
}

TEST_CASE("the reference documents every role and every style property") {
  const std::string doc = style::reference_markdown();
  for (std::size_t i = 0; i < style::kRoleCount; ++i)
    CHECK(doc.find("| `" + std::string(style::role_key(static_cast<style::Role>(i))) + "` |") !=
          std::string::npos);
  for (const char* key : {"font-family", "margin-top", "border-color", "keep-with-next", "extends"})
    CHECK(doc.find(std::string("`") + key + "`") != std::string::npos);
}
