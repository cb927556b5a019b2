// Percentages in prose — year-over-year change and shares — to one decimal, rounded half away
// from zero, computed on integers with checked arithmetic. A float would print 21.85% as
// 21.8% or 21.9% depending on its binary rounding; a published report must not depend on that.
#pragma once

#include <gongkai/core/text.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace gongkai {

// `part / whole` in tenths of a percent, rounded half away from zero: (1, 3) -> 333 (33.3%),
// (1, 8) -> 125 (12.5%), (1, 16) -> 63 (6.3%). REQUIRES: part >= 0, whole > 0.
// nullopt when part * 1000 overflows.
[[nodiscard]] std::optional<std::int64_t> percent_tenths(std::int64_t part, std::int64_t whole);

// 219 -> "21.9%", 5 -> "0.5%", 1000 -> "100.0%".
[[nodiscard]] std::string format_tenths(std::int64_t tenths);

struct YoyPhrase {
  std::optional<std::string> text;  // the phrase, when it can be said
  std::optional<Text> problem;      // why not (negative figure, overflow)
};

// The year-over-year phrase for a figure that went from `previous` to `current`:
//   「同比上升21.9%」, 「同比下降5.0%」, 「与上年持平」; a change too small to show at one
//   decimal 「同比上升不足0.1%」; last year 0 and now more 「上年为0」 (no percentage exists).
// Figures must not be negative (a signed 本年增/减 has no meaningful percentage).
[[nodiscard]] YoyPhrase yoy_phrase(std::int64_t current, std::int64_t previous);

}  // namespace gongkai
