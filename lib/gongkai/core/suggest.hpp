// "Did you mean …?": the closest of a set of known names to a mistyped one. Distance is
// counted in code points, so a Chinese label with one wrong character is one edit away from
// the official wording, just as `agncy` is from `agency`. Generic: callers pass whatever
// names (IDs, labels, normalised or not) they accept in that place.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// Optimal-string-alignment distance (insertions, deletions, substitutions and transpositions
// of neighbours, each one edit) between two UTF-8 strings, in code points.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `input`, or nullopt when none is close enough to be a plausible
// typo: at most a third of the longer name's code points may differ (at least one may).
// Ties go to the earlier candidate, so callers list their preferred names first.
[[nodiscard]] std::optional<std::string> closest(std::string_view input, const std::vector<std::string>& candidates);

}  // namespace gongkai
