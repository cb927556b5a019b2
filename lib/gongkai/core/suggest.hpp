// "Did you mean …?": the closest of a set of known names to a mistyped one. Distance is
// counted in code points, so a Chinese label with one wrong character is one edit away from
// the official wording, just as `agncy` is from `agency`. Generic: callers pass whatever
// names (IDs, labels, normalised or not) they accept in that place.
//
// Bounded work: only candidates of plausible length are compared, and the distance is
// computed in a band of the allowed width with an early exit (as ninja's EditDistance takes
// max_edit_distance), so a 3,000,000-character input costs no more than a short one.
//
// Meaning first: a suggestion that drops or adds one of the input's distinctive words
// (「部分」, 「不」, 「未」, 「非」, 「无」: words that turn an outcome into another) is not
// offered while one that keeps them is; and a near tie lists every tied candidate rather
// than picking one.
#pragma once

#include <gongkai/core/text.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// Optimal-string-alignment distance (insertions, deletions, substitutions and transpositions
// of neighbours, each one edit) between two UTF-8 strings, in code points.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The distance when it is at most `max`, else `max + 1`; O(max × the shorter length), and
// O(1) when the lengths differ by more than `max`. `transpositions`: OSA (a swap of
// neighbours is one edit) or plain Levenshtein.
[[nodiscard]] std::size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, std::size_t max,
                                                bool transpositions = true);

// The distinctive words (「部分」, 「不」, …) a text has outside brackets, as a bit set.
[[nodiscard]] unsigned distinctive_words(std::u32string_view text);

// How many of the distinctive words (「部分」, 「不」, …) one of the strings has and the other
// has not: 0 when a suggestion keeps the input's meaning words.
[[nodiscard]] std::size_t distinctive_mismatch(std::u32string_view input, std::u32string_view candidate);

// The candidates worth suggesting for `input`, best first: none when no candidate is a
// plausible typo (at most a third of the longer name's code points may differ, at least one
// may), one, or several when they tie (same distance, same meaning words). Ties keep the
// candidates' order, so callers list their preferred names first.
[[nodiscard]] std::vector<std::string> did_you_mean(std::string_view input, const std::vector<std::string>& candidates);

// The first of did_you_mean(), for callers that need one name.
[[nodiscard]] std::optional<std::string> closest(std::string_view input, const std::vector<std::string>& candidates);

// 「A」或「B」 / 'A' or 'B': suggestions as a message quotes them (each an excerpt).
[[nodiscard]] Text quoted_alternatives(const std::vector<std::string>& names);

}  // namespace gongkai
