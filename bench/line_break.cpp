// Paragraph layout speed: one justified, hyphenated paragraph of N words (classic layout,
// Noto Serif 10pt, A4 measure) through markdown -> boxes -> layout, i.e. collect, shape,
// hyphenate, break and build lines. Up to kMaxOptimalCandidates (line_break.cpp) the
// paragraph is set by Knuth–Plass; the 20,000-word one by the first-fit fallback.
#include <benchmark/benchmark.h>

#include <string>

#include "boxes/boxes.h"
#include "layout/layout.h"
#include "markdown/markdown.h"
#include "style/style.h"
#include "text/text.h"

namespace {

using namespace cvpress;

// N words of English prose, deterministic (a linear congruential generator over a list).
std::string paragraph(int words) {
  static const char* const kWords[] = {
      "responsible", "for",       "the",           "design",    "of",         "distributed", "systems",
      "and",         "their",     "deployment",    "on",        "Kubernetes", "clusters",    "with",
      "automated",   "pipelines", "observability", "including", "monitoring", "a",           "scheduler",
      "implemented", "in",        "Golang",        "handling",  "thousands",  "nodes",       "reliability"};
  std::string out;
  uint32_t state = 12345;
  for (int i = 0; i < words; ++i) {
    state = state * 1103515245u + 12345u;
    if (i > 0) out += ' ';
    out += kWords[(state >> 16) % (sizeof kWords / sizeof *kWords)];
  }
  return out + ".\n";
}

void BM_LayoutParagraph(benchmark::State& state) {
  text::FontLibrary fonts({{std::string(CVPRESS_SOURCE_DIR) + "/fonts"}, true});
  Diagnostics diags;
  const doc::Document document =
      markdown::parse(SourceFile("bench.md", paragraph(static_cast<int>(state.range(0)))), diags);
  const std::optional<style::Layout> layout =
      style::load_layout(std::string(CVPRESS_SOURCE_DIR) + "/layouts/classic.yaml", {}, diags);
  const boxes::BoxTree tree = boxes::build(document, *layout, "en", diags);
  std::size_t lines = 0;
  for (auto _ : state) {
    const layout::Flow flow = layout::layout(tree, fonts, {Pt(481.89), "bench.md"}, diags);
    lines = flow.slices.size();
    benchmark::DoNotOptimize(lines);
  }
  state.counters["lines"] = static_cast<double>(lines);
}
BENCHMARK(BM_LayoutParagraph)->Arg(200)->Arg(2000)->Arg(5000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
