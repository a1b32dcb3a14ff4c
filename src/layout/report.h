#pragma once
// What layout found wrong with the lines it set, for `cvpress render --report` (issue 3):
// TeX's overfull and underfull \hbox messages, and hyphen stacks. Layout collects them in
// Context::line_reports() while it works; pagination adds its own findings.
#include "base/base.h"

namespace cvpress::layout {

/// One typographic problem of a line.
struct LineReport {
  enum class Kind {
    Overfull,     // wider than the measure by `amount` (also a warning in Diagnostics)
    Underfull,    // justified with badness > 1000 (TeX's \hbadness): the spaces gape
    HyphenStack,  // `count` consecutive lines end with a hyphen (more than two)
    WideCode,     // a code block set at `count` percent of its size to fit; `wrapped` lines still wrap
  };
  Kind kind = Kind::Overfull;
  SourceLocation location;  // where the (first) line starts in the source
  Pt amount;                // Overfull: by how much; Underfull: the space stretched in
  int badness = 0;          // Underfull: TeX's badness, 100 r^3 capped at 10000
  int count = 0;            // HyphenStack: how many lines; WideCode: the size it was set at, in percent
  int wrapped = 0;          // WideCode: lines that wrap even at the smallest size
};

}  // namespace cvpress::layout
