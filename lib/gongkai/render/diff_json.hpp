// A diff as JSON for pipelines: every cell (never folded) with its IDs in both forms, labels,
// both states and figures (blank and absent kept apart: "state" is value, blank or absent, or
// not-in-form), change, percent change (exact tenths and as printed), kind and flags; the
// prose changes of a revision; the findings; counts. A series: its years, rows and steps.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/diff/series.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_diff_json(const ReportDiff& diff, Lang lang);
[[nodiscard]] std::string render_series_json(const SeriesDiff& series, Lang lang);

}  // namespace gongkai
