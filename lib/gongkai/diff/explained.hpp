// An office's explanations of findings (check/explanations.hpp) applied to a diff: the newer
// report's explanations apply to the findings of a comparison (a step of a series: its newer
// report's). An explained finding stays in the findings with its reason; the cell's rule moves
// from `flags` to `explained`; cross_year_failed() no longer counts it. An explanation of a rule
// the comparison ran (the diff's flags; in a year-over-year step also the cross-year rules and
// text-reuse) that fits nothing is reported stale.
#pragma once

#include <gongkai/check/explanations.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/diff/series.hpp>

#include <cstddef>
#include <functional>

namespace gongkai {

// What a comparison ran, for stale explanations.
[[nodiscard]] ExplainScope diff_scope(const ReportDiff& d);

// Applies the newer report's explanations to `d`; their problems and stale explanations are
// added to d.findings.
void explain_diff(ReportDiff& d, ExplanationSet& newer);

// Applies to each step of `s` the explanations of its newer report (`of(i)`: those of the
// report s.reports[i], nullptr when none), in s.findings too; rows' flags follow.
void explain_series(SeriesDiff& s, const std::function<ExplanationSet*(std::size_t report)>& of);

}  // namespace gongkai
