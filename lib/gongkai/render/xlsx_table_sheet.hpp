// One table of sections 二, 三 and 四 as a worksheet laid out as the official form: the grid of
// render/table_layout.hpp (so XLSX and HTML agree on every span), merged header cells with the
// verbatim labels, thin borders, figures as numbers (blank stays blank), derived totals as
// SUM formulas with their values cached (render/xlsx_formulas.hpp), CJK-aware column widths,
// frozen header rows, and an A4 print setup that repeats the header on every page.
//
// Sheet rows: the section heading, the stamped-with-errors notice when there is one, then the
// form's grid, then a unit note for an amount column whose label does not name its unit.
// Internal to render/xlsx_*.cpp.
#pragma once

#include <gongkai/render/table_layout.hpp>
#include <gongkai/render/xlsx_sheet.hpp>

#include <xlsxwriter.h>

namespace gongkai {

void write_table_sheet(lxw_worksheet* ws, const TableLayout& layout, const XlsxSheetContext& ctx);

}  // namespace gongkai
