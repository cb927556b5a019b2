// Reads a workbook laid out as the published tables 二, 三 and 四 — as staff fill them in, or as
// gongkai writes them (render/xlsx_report.hpp) — into a Report. Cells are found by their row
// and column labels, not by address (readers/official_tables.hpp): each table is looked for
// in every sheet, in tab order, the first sheet holding its header is read, and a table may
// share a sheet with another. Every value keeps its `Sheet!C7` location.
//
// Labels are matched by readers/label_match.hpp: a retyped label is a `label` warning naming
// both wordings (once per distinct printed label), a label matching nothing beside figures is
// a `label` error, and so are figures that cannot be placed. A table not found is an `xlsx`
// warning; a workbook holding none of them an `xlsx` error. The form is `meta.form_id`, else
// inferred from the labels (the form they fit best; a tie goes to the form of the year, else
// the newest) and reported as an info finding, rule `form`. Figures: numeric cells through
// parse_cell_number, text cells through parse_cell_text (units typed into cells, blanks).
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/report_meta.hpp>
#include <gongkai/readers/xlsx/xlsx_limits.hpp>

#include <optional>
#include <string_view>

namespace gongkai {

// `bytes` is the .xlsx file. Throws InputError when it is not a readable XLSX (damaged, a zip
// bomb, not a workbook: see readers/xlsx/xlsx_error.hpp). Every other problem goes to `out`;
// nullopt when no table could be found.
[[nodiscard]] std::optional<Report> read_official_workbook(std::string_view name, std::string_view bytes,
                                                           const FormSet& forms, const ReportMeta& meta,
                                                           Diagnostics& out, const XlsxLimits& limits = {});

}  // namespace gongkai
