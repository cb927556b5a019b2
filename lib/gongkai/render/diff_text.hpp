// A diff as the table a reviewer reads in a terminal (columns aligned by display width): one
// row per cell with the old and new figure, the change, the percent change and the flags;
// unchanged cells folded unless asked; the findings and, for a revision, the prose changes.
// A series: one column per year, a trend per cell, and a chart line per key figure.
// Plain functions, registered by the caller in its output-format table.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/diff/series.hpp>

#include <string>
#include <vector>

namespace gongkai {

struct DiffView {
  bool all = false;     // show unchanged cells too
  bool colour = false;  // ANSI colours (the caller decides: a terminal, and NO_COLOR unset)
};

[[nodiscard]] std::string render_diff_text(const ReportDiff& diff, Lang lang, const DiffView& view = {});
[[nodiscard]] std::string render_series_text(const SeriesDiff& series, Lang lang, const DiffView& view = {});

// A cell's name for the table: its row labels below the form's group labels, short where the
// form gives a short label, then the column: 「（三）不予公开 / 1.属于国家秘密 · 自然人」.
[[nodiscard]] std::string diff_cell_name(const CellDef& cell);

// A sparkline of the numbers (▁ … █ by position between the smallest and the largest, exact
// integer scaling); a space where a value is not a number.
[[nodiscard]] std::string sparkline(const std::vector<Side>& values);

// Rows of cells aligned by display width: the first `left` columns left-aligned, the rest right.
// `colours`, when given, holds an SGR parameter per cell ("31" red; empty: none): the cell's
// text (not its padding) is wrapped in that colour, so the columns stay aligned.
[[nodiscard]] std::string aligned_table(const std::vector<std::vector<std::string>>& rows, std::size_t left,
                                        const std::vector<std::vector<std::string>>* colours = nullptr);

}  // namespace gongkai
