// Finding one table of a form (二, 三 or 四) in a sheet by its labels, as the published form lays
// it out and as staff retype it: header rows are recognised by their column labels, data rows
// by the row labels in the columns left of the figures, never by fixed addresses. So rows may
// be moved, a title or blank rows inserted, labels retyped (spec §6), spans merged or not.
//
// - grid (三): the header band is the run of rows holding column labels (自然人 … 总计); the
//   columns left of the first figure column hold the row labels, a category and its sub-row
//   side by side (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密), merged down or typed once.
// - single_row (四): the column labels (结果维持 … 总计) repeated per case kind; the row each
//   column belongs to (行政复议, 未经复议直接起诉, 复议后起诉) is the label above it; the figures
//   are the first row below the header holding any. Typed as three rows instead, one header of
//   five column labels and the kinds of case as row labels on the left, it is read as a grid.
// - blocks (二): a block title row (第二十条第（一）项), a header row (信息内容 + the block's
//   column labels), data rows; each data row is read with the header row above it.
//
// Internal to readers/official_workbook.cpp; matching uses readers/label_match.hpp.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/forms/form.hpp>
#include <gongkai/readers/label_match.hpp>
#include <gongkai/readers/sheet_grid.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gongkai {

// A figure position of the table found in the sheet: the form cell and where it is. The
// sheet's cell there may be empty (a blank cell).
struct PlacedValue {
  const CellDef* cell = nullptr;
  std::uint32_t row = 0;
  std::uint32_t column = 0;
};

// A label that was not the official wording (matched: a warning) or matched nothing (an
// error, only when figures depend on it).
struct LabelNote {
  LabelMatch match;
  std::string printed;
  Text kind;  // 行标签 / row label, 列标签 / column label
  std::uint32_t row = 0;
  std::uint32_t column = 0;
};

// Figures that cannot be placed for another reason than a label (no label at all, a heading
// row): an error at (row, column).
struct PlacementProblem {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  Text message;
};

struct TablePlacement {
  bool found = false;
  std::uint32_t first_row = 0;  // the first row recognised as the table's
  std::vector<PlacedValue> values;
  std::vector<LabelNote> notes;
  std::vector<PlacementProblem> problems;
};

class TableFinder {
 public:
  TableFinder(const Form& form, const TableDef& table);
  ~TableFinder();
  TableFinder(const TableFinder&) = delete;
  TableFinder& operator=(const TableFinder&) = delete;

  [[nodiscard]] const TableDef& table() const { return table_; }

  // Rows of `grid` whose labels say this table is there: its header rows, block titles.
  [[nodiscard]] std::vector<std::uint32_t> anchors(const SheetGrid& grid) const;

  // The first row of the table's header block that ends at `anchor` (one of anchors()): the
  // rows right above it that hold only the form's own header texts and no figure — the
  // section heading, the corner note (the 勾稽关系 note of table 三), the column title
  // (申请人情况), column groups (法人或其他组织), the label over the row labels (信息内容),
  // the column labels and, where a row's label stands above its columns (table 四), the row
  // labels. Read from the form, so wherever a paste puts them they end the table above.
  [[nodiscard]] std::uint32_t header_top(const SheetGrid& grid, std::uint32_t anchor) const;

  // Reads the table from rows [from, to] of `grid`. REQUIRES: `from` is one of anchors().
  [[nodiscard]] TablePlacement place(const SheetGrid& grid, std::uint32_t from, std::uint32_t to) const;

 private:
  struct Matchers;
  const Form& form_;
  const TableDef& table_;
  std::unique_ptr<Matchers> m_;
};

}  // namespace gongkai
