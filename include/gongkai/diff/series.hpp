// Several years of one agency side by side (`gongkai diff Y1 Y2 … Yn`): one column per year in
// the reports' own year order, a trend per cell, each consecutive pair compared by
// diff_reports (its flags and cross-year findings), a gap or a duplicate year reported.
#pragma once

#include <gongkai/diff/report_diff.hpp>

#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct SeriesRow {
  std::string id;                // cell ID in the newest report's form
  const CellDef* def = nullptr;  // that form's cell
  bool derived = false;
  std::vector<Side> values;        // one per report, in year order; not_in_form when not comparable
  std::string trend;               // one mark per step: ↑ ↓ → (numbers), · (no two numbers)
  std::vector<std::string> flags;  // rule IDs of the steps' findings about this cell, first seen first
  std::vector<std::string> explained;  // rule IDs of such findings a step's newer report explains
};

struct SeriesDiff {
  std::vector<DiffSide> reports;     // in year order (input order within a year)
  std::shared_ptr<const Form> form;  // the newest report's
  std::vector<SeriesRow> rows;
  std::vector<ReportDiff> steps;         // report i-1 -> i
  Diagnostics findings;                  // duplicate-year, year-gap, then each step's findings
  std::vector<std::string> key_figures;  // the settings' key figures this form has

  [[nodiscard]] bool cross_year_failed() const;
};

// REQUIRES: at least two reports, each through check_report. Different agencies: nullopt, with
// an error (rule `diff-agency`) in `out`. A year given twice is an error (`duplicate-year`), a
// missing year between two a warning (`year-gap`), both in the result's findings.
[[nodiscard]] std::optional<SeriesDiff> diff_series(std::vector<const Report*> reports, const DiffOptions& options,
                                                    Diagnostics& out);

}  // namespace gongkai
