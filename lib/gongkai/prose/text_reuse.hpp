// Rule `text-reuse` (warning, cross-year): a prose section largely copied from the same
// agency's report of the year before. 30号 names 内容雷同 as a failing of annual reports.
//
// Measure: the share of this year's character 5-grams that also occur in last year's section
// (containment, not Jaccard: appending a new paragraph to last year's text must not hide the
// copy). Both texts are normalised first — NFKC, white space, punctuation and Markdown marks
// removed, every digit read as 0 — so changed figures and re-wrapped lines do not disguise a
// copy. Sections under 40 5-grams are not compared: 「本年度无其他需要报告的事项」 may
// rightly be the same every year. Flagged at 60.0% and above.
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gongkai {

inline constexpr std::size_t kReuseGram = 5;
inline constexpr std::size_t kReuseMinGrams = 40;
inline constexpr std::int64_t kReuseThresholdTenths = 600;  // 60.0%

struct ReuseScore {
  std::size_t grams = 0;    // distinct 5-grams this year
  std::size_t shared = 0;   // of which also last year
  std::int64_t tenths = 0;  // shared / grams in tenths of a percent, rounded half away from zero
};

// nullopt when `current` is too short to judge.
[[nodiscard]] std::optional<ReuseScore> reuse_score(std::string_view current, std::string_view previous);

}  // namespace gongkai
