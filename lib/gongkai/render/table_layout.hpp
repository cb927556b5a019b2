// The official form's grid for one table of sections 二, 三 and 四: which label sits where, what
// it spans, and which value cell fills which position. HTML, XLSX and Markdown all draw from this
// one layout, so the form's shape is written once and only from the form data (no row IDs here).
//
// Three layouts (TableDef::layout):
// - blocks (二): per block a title row spanning the table, a header row (row_header, then the
//   block's column labels), then data rows. A block narrower than the widest one lets its last
//   header and value cells span the remaining columns.
// - grid (三): a corner note over the label columns; column_title over all value columns; column
//   groups over their columns; ungrouped columns span the group rows. Body label columns: one
//   per row depth; a row with children spans them vertically; a leaf row spans the label
//   columns to its right. Category rows print no row of their own, except when the report gives
//   the category figure and none of its sub-rows (spec §3): then the category is one leaf row.
// - single_row (四): rows are the header (each row label over its columns; group rows over
//   their children), column labels below, and one body row of every value.
//
// The flat view (FlatSection) is the same table for renderers without spans (Markdown): each
// column header is the header labels above it joined with 「·」, each body row carries its label
// path.
#pragma once

#include <gongkai/forms/form.hpp>
#include <gongkai/model/report.hpp>

#include <string>
#include <vector>

namespace gongkai {

// What a layout cell is on the form, for styling (bold headings, left-aligned labels).
enum class CellRole {
  title,         // a block title row of table 二 (第二十条第（一）项)
  column_label,  // a header label over value columns, the corner note included
  row_label,     // a body row's label
  value,         // a figure
};

// One cell of the grid, placed by its top-left position; positions it covers are not listed.
struct LayoutCell {
  int row = 0, col = 0;  // 0-based grid position of the top-left corner
  int row_span = 1, col_span = 1;
  std::string text;               // verbatim label; empty for a value cell
  bool header = false;            // a label cell (any role but value)
  const CellDef* cell = nullptr;  // non-null: a value cell showing this report cell
  CellRole role = CellRole::value;
};

// A body row of the flat view: its label path from the top and its value cells in order.
struct FlatRow {
  std::vector<std::string> path;  // e.g. 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密
  std::vector<const CellDef*> cells;
};

// A run of flat rows under one header: the whole table, or one block of a blocks table.
struct FlatSection {
  std::string title;                // the block title (第二十条第（一）项), or empty
  std::vector<std::string> header;  // one per column: label column header(s) first when present
  int label_columns = 0;            // leading header entries that head row labels (0 or 1)
  std::vector<FlatRow> rows;
};

struct TableLayout {
  const TableDef* table = nullptr;
  std::string heading;            // the section heading, verbatim (二、主动公开政府信息情况)
  int columns = 0;                // grid width
  int rows = 0;                   // grid height, header rows included
  int header_rows = 0;            // rows 0..header_rows-1 are the table's header (0 for blocks: each block
                                  // has its own title and header rows inside the body)
  int label_columns = 0;          // leading columns holding row labels
  std::vector<LayoutCell> cells;  // row-major by top-left position
  std::vector<FlatSection> flat;

  // The layout cell whose top-left is (row, col), or nullptr (covered or out of range).
  [[nodiscard]] const LayoutCell* at(int row, int col) const;
};

// REQUIRES: `table` belongs to report.form.
[[nodiscard]] TableLayout layout_table(const Report& report, const TableDef& table);

// The join used for flattened labels: 「·」.
inline constexpr const char* kFlatJoin = "·";

}  // namespace gongkai
