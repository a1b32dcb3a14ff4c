#pragma once
// The cli stage: commands, options, the render pipeline, atomic output, exit codes
// (DESIGN §7). The only stage that reads the environment (SOURCE_DATE_EPOCH,
// CVPRESS_DATA_DIR).
namespace cvpress::cli {

/// Exit codes: 0 ok, 1 input errors, 2 usage, 3 internal error.
enum ExitCode : int { kOk = 0, kInputError = 1, kUsageError = 2, kInternalError = 3 };

/// Runs the command line. Never throws.
[[nodiscard]] int run(int argc, char** argv);

}  // namespace cvpress::cli
