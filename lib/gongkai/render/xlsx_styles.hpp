// The cell formats of the XLSX report, made once per workbook and shared by its sheets: the
// official form's look (thin borders everywhere, centred figures, wrapped labels), the number
// formats (counts as integers, 万元 amounts with two decimals), and the marks gongkai adds (the
// stamped-with-errors notice, cells an error finding names). Internal to render/xlsx_*.cpp.
#pragma once

#include <gongkai/forms/form.hpp>

#include <xlsxwriter.h>

namespace gongkai {

struct XlsxStyles {
  lxw_format* title = nullptr;          // the sheet's heading above the table
  lxw_format* notice = nullptr;         // the stamped-with-errors warning: bold red, wrapped
  lxw_format* header = nullptr;         // column headers: bordered, centred
  lxw_format* block_title = nullptr;    // a block title of table 二 (第二十条第（一）项): the same, bold
  lxw_format* row_label = nullptr;      // row labels: bordered, left, wrapped
  lxw_format* count = nullptr;          // a count: "0"
  lxw_format* amount = nullptr;         // an amount in 万元: "0.00" (the value itself is exact)
  lxw_format* count_flagged = nullptr;  // the same, for a cell an error finding names
  lxw_format* amount_flagged = nullptr;
  lxw_format* prose = nullptr;  // a paragraph: wrapped, top-aligned
  lxw_format* prose_heading = nullptr;
  lxw_format* link = nullptr;         // a pointer from the prose sheet to a table sheet
  lxw_format* grid_text = nullptr;    // a findings cell: bordered, wrapped, top-aligned
  lxw_format* grid_header = nullptr;  // the findings' column titles

  [[nodiscard]] lxw_format* value_format(const ColumnDef& column, bool flagged) const {
    const bool money = column.kind == ValueKind::amount;
    if (flagged) return money ? amount_flagged : count_flagged;
    return money ? amount : count;
  }
};

// REQUIRES: `book` is open. The formats belong to the workbook.
[[nodiscard]] XlsxStyles make_xlsx_styles(lxw_workbook* book);

}  // namespace gongkai
