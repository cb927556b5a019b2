// One cell of a sheet row as the streaming reader delivers it: its column, what kind of value
// it holds and the value as text. Numbers stay text as the file stores them ("12", "0.5",
// "1E-3"; dates are serial numbers, not converted): the caller decides what a figure means.
#pragma once

#include <gongkai/readers/xlsx/cell_ref.hpp>

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace gongkai {

enum class XlsxValueType : std::uint8_t {
  number,   // `<v>` of a numeric cell, also a date (Excel stores dates as day numbers)
  text,     // shared string, inline string, or a formula's string result
  boolean,  // text is "TRUE" or "FALSE"
  error,    // a formula error: "#N/A", "#DIV/0!", …
  date,     // an ISO 8601 date stored as such (`t="d"`, rare)
};

struct XlsxCell {
  std::uint32_t column = 0;  // 1-based: A = 1
  XlsxValueType type = XlsxValueType::number;
  bool formula = false;  // the value is a formula's cached result
  // Valid only during the row callback (it points into the reader's buffers).
  std::string_view text;
};

// Called once per row that holds at least one value, in file order. `cells` are in file order
// (ascending columns in any sane file); empty cells are left out. Return false to stop reading.
using XlsxRowCallback = std::function<bool(std::uint32_t row, std::span<const XlsxCell> cells)>;

struct XlsxSheetSummary {
  // Merged ranges (`<mergeCell ref="A1:C1">`): the top-left cell's value covers the range.
  // They follow the rows in the file, so they are known only once the sheet is read.
  std::vector<CellRange> merged;
  bool complete = true;    // false when the callback stopped the read (merged is then empty)
  std::uint64_t rows = 0;  // rows delivered to the callback
};

}  // namespace gongkai
