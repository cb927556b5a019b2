// A small sheet held whole, for finding a table by its labels: every cell's value by position,
// and the merged ranges resolved so that a label merged over several cells (「行政诉讼」 over
// ten columns, 「三、本年度办理结果」 down twenty-two rows) is seen at each position it covers.
// Only sheets the size of a printed table are held; a larger one (a register) is left out by
// load_sheet_grid, so a workbook's size does not decide our memory.
#pragma once

#include <gongkai/readers/xlsx/workbook.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai {

struct GridCell {
  XlsxValueType type = XlsxValueType::text;
  bool formula = false;
  std::string text;
};

class SheetGrid {
 public:
  // REQUIRES: `merged` are within Excel's grid. Merged ranges are clipped to the cells holding
  // values; where ranges overlap (a damaged file), the first one listed wins.
  SheetGrid(std::string name, std::map<std::pair<std::uint32_t, std::uint32_t>, GridCell> cells,
            std::vector<CellRange> merged);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::uint32_t rows() const { return rows_; }        // last row holding a value
  [[nodiscard]] std::uint32_t columns() const { return columns_; }  // last column holding a value

  // The cell's own value, nullptr when empty.
  [[nodiscard]] const GridCell* value(std::uint32_t row, std::uint32_t column) const;

  // The cell a reader sees at a position: its own, or the top-left cell of the merged range
  // covering it. nullptr when there is none.
  [[nodiscard]] const GridCell* shown(std::uint32_t row, std::uint32_t column) const;

  // The label a reader sees at a position: the shown cell's text, trimmed, when it is text
  // (a figure is not a label). Empty otherwise.
  [[nodiscard]] std::string_view label(std::uint32_t row, std::uint32_t column) const;

  // True when the position lies inside a merged range and is not its top-left cell: it
  // shows the top-left's value and holds none of its own.
  [[nodiscard]] bool covered(std::uint32_t row, std::uint32_t column) const;

  // The merged range covering the position, if any.
  [[nodiscard]] const CellRange* merge_at(std::uint32_t row, std::uint32_t column) const;

  // True when merged ranges overlap beyond what a sheet of this size can hold (a damaged or
  // crafted file): they were not all indexed.
  [[nodiscard]] bool overlapping() const { return overlapping_; }

  // `Sheet!C7`.
  [[nodiscard]] std::string ref(std::uint32_t row, std::uint32_t column) const;

 private:
  std::string name_;
  std::map<std::pair<std::uint32_t, std::uint32_t>, GridCell> cells_;
  std::vector<CellRange> merged_;
  std::uint32_t rows_ = 0;
  std::uint32_t columns_ = 0;
  // For each position of the rows x columns holding values, the merged range covering it
  // (index into merged_), or -1: merge_at() is asked for every position many times.
  std::vector<std::int32_t> cover_;
  bool overlapping_ = false;
};

// Bounds on a sheet that may hold a table (the forms' tables are at most 30 rows by 16
// columns; a sheet holding all three, with titles and notes, about 100 rows). They also bound
// the work of finding labels in it.
struct GridLimits {
  // Rows holding values. Default: 1,000.
  std::uint32_t max_rows = 1000;
  // Columns. Default: 64.
  std::uint32_t max_columns = 64;
  // Merged ranges. Default: 5,000.
  std::size_t max_merged = 5000;
};

// Reads sheet `index` of `book` into a grid, or nullopt when it is larger than `limits` (it
// is then not read to its end) or its merged ranges overlap. Throws InputError as XlsxWorkbook::read_sheet does.
[[nodiscard]] std::optional<SheetGrid> load_sheet_grid(XlsxWorkbook& book, std::size_t index,
                                                       const GridLimits& limits = {});

}  // namespace gongkai
