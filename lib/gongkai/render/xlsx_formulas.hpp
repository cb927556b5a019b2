// The spreadsheet formulas of a table's derived totals (the 总计 column, （七）总计, category
// figures, 复议/诉讼 总计): each is `SUM` of its parts' cells, built from the form's sum rules
// (check/derive.hpp sum_instances), so a spreadsheet recomputes the total when a part is edited.
//
// The choice, for a derived cell that has a figure and sits on the sheet:
// - computed by gongkai (the report left it out) → a formula;
// - given by the report and equal to its parts → a formula too (same figure, now live);
// - given and DIFFERENT from its parts (a report built with --allow-errors) → no formula: the
//   report's own figure is kept, so the published number is never silently replaced.
// Concretely a formula is emitted only when evaluating it over the figures written on the sheet
// gives exactly the cell's figure, so the cached value and any client's recomputation agree.
// A part that is not on the sheet (a category row the layout does not print) is replaced by its
// own parts, recursively.
#pragma once

#include <gongkai/model/report.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace gongkai {

// A cell's place on a worksheet, 0-based (row 0, col 0 is A1).
struct SheetPos {
  std::uint32_t row = 0;
  std::uint32_t col = 0;
  friend bool operator==(SheetPos, SheetPos) = default;
};

// A1-style reference: {0, 0} -> "A1", {4, 27} -> "AB5".
[[nodiscard]] std::string a1_ref(SheetPos p);

// `placed` maps CellDef::index to where that cell is written on one sheet. Returns, by
// CellDef::index, the formula (without a leading '=') of every placed derived cell that gets
// one under the rule above, e.g. "SUM(B5:G5)" or "SUM(B6:B7,B9:B16)".
[[nodiscard]] std::map<std::size_t, std::string> total_formulas(const Report& report,
                                                                const std::map<std::size_t, SheetPos>& placed);

}  // namespace gongkai
