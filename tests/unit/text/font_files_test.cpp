#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/error.h"
#include "test_fonts.h"
#include "text/text.h"

namespace cvpress::text {
namespace {

std::vector<uint32_t> glyphs_of(FontLibrary& fonts, std::string_view text) {
  const FontId serif = *fonts.find("Noto Serif", false, false);
  ShapeRequest request;
  request.font = serif;
  request.text = text;
  request.end = text.size();
  request.lang = "en";
  std::vector<uint32_t> out;
  for (const ShapedGlyph& g : fonts.shape(request).glyphs) out.push_back(g.glyph);
  return out;
}

TEST_CASE("libraries sharing a font store read each font file once") {
  const FontFiles files({testing::kFontsDir});
  FontLibrary a({{}, true, &files});
  FontLibrary b({{}, true, &files});
  CHECK(glyphs_of(a, "office") == glyphs_of(b, "office"));
  CHECK(files.files_read() == 1);
  CHECK(a.info(*a.find("Noto Serif", true, false)).bold);
  CHECK(files.files_read() == 2);
}

TEST_CASE("a library over a shared store finds and shapes as one that reads its own files") {
  const FontFiles files({testing::kFontsDir});
  FontLibrary shared({{}, true, &files});
  FontLibrary own(testing::bundled_fonts());
  CHECK(glyphs_of(shared, "Résumé, office") == glyphs_of(own, "Résumé, office"));
  CHECK(shared.info(*shared.find("Noto Sans", false, true)).path ==
        own.info(*own.find("Noto Sans", false, true)).path);
}

TEST_CASE("worker threads shape concurrently over one store with the same result") {
  const FontFiles files({testing::kFontsDir});
  std::vector<std::vector<uint32_t>> results(4);
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < results.size(); ++i) {
    workers.emplace_back([&files, &results, i] {
      FontLibrary fonts({{}, true, &files});
      for (int n = 0; n < 50; ++n) results[i] = glyphs_of(fonts, "The office affords a fine view");
    });
  }
  for (std::thread& t : workers) t.join();
  for (const auto& r : results) CHECK(r == results.front());
}

TEST_CASE("the font fingerprint is stable within a process") {
  const FontFiles a({testing::kFontsDir});
  const FontFiles b({testing::kFontsDir});
  CHECK(a.fingerprint() == b.fingerprint());
  CHECK(a.fingerprint() != 0);
}

TEST_CASE("a font store over a missing directory names it") {
  CHECK_THROWS_WITH_AS(FontFiles({"/nonexistent-fonts"}), "font directory /nonexistent-fonts does not exist",
                       Error);
}

}  // namespace
}  // namespace cvpress::text
