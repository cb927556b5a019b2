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

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// `bytes` is the .xlsx file. Throws InputError when it is not a readable XLSX (damaged, a zip
// bomb, not a workbook: see readers/xlsx/xlsx_error.hpp). Every other problem goes to `out`;
// nullopt when no table could be found.
[[nodiscard]] std::optional<Report> read_official_workbook(std::string_view name, std::string_view bytes,
                                                           const FormSet& forms, const ReportMeta& meta,
                                                           Diagnostics& out, const XlsxLimits& limits = {});

class SheetGrid;

// Where the grids come from, for the findings of read_official_grids: a workbook's sheets, or
// the tables of a published page laid out as one grid (import/map_tables.hpp).
struct GridSource {
  std::string name;  // the input's path
  // The place of a grid position, for a value's provenance and a finding. Default: `Sheet!C7`.
  std::function<SourceLoc(const SheetGrid&, std::uint32_t row, std::uint32_t column)> locate;
  std::string rule = "xlsx";  // the rule of "table not found" and "no table at all"
  // A table not found (warning); `{0}` is the table's section heading, `{1}` its ID.
  Text missing{"工作簿中没有找到表格「{0}」：没有工作表含有它的列标签",
               "table {1} ({0}) not found in the workbook: no sheet has its column labels"};
  // None of the tables found (error).
  Text none{"工作簿中没有表格二、三、四：没有工作表含有它们的列标签（如「自然人」「结果维持」「本年制发件数」）",
            "the workbook holds none of tables 二, 三, 四: no sheet has their column labels (such as 自然人, "
            "结果维持, 本年制发件数)"};
};

// Tables 二, 三 and 四 found in `grids` as read_official_workbook finds them in a workbook's
// sheets (form chosen or inferred the same way). nullopt, with an error, when none is there.
[[nodiscard]] std::optional<Report> read_official_grids(const GridSource& source, const std::vector<SheetGrid>& grids,
                                                        const FormSet& forms, const ReportMeta& meta, Diagnostics& out);

}  // namespace gongkai
