#pragma once
// "Did you mean" for misspelt keys and names: templates, front matter, manifests.
#include <cstddef>
#include <span>
#include <string_view>

namespace cvpress {

/// Optimal string alignment distance: Levenshtein plus the transposition of two adjacent
/// characters as one edit ("wieght" -> "weight" is 1). Byte-wise; keys are ASCII.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` within two edits (the first in order on a tie), or empty
/// when none is that close. Two edits catch a transposition plus a slip; more suggests an
/// unrelated word. A word is never "close" by deleting all of it.
[[nodiscard]] std::string_view closest(std::string_view word, std::span<const std::string_view> candidates);

/// Whether `word` is a near miss of `key`: one edit away, or two for keys of six letters or
/// more (a slip in a short word makes another word: "date" and "data", "name" and "lang").
[[nodiscard]] bool near_miss(std::string_view word, std::string_view key);

}  // namespace cvpress
