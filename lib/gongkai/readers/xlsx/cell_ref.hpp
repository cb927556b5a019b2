// Spreadsheet cell references: `C7` is row 7, column 3 (A = 1). Workbooks name cells this way
// in their XML (`<c r="C7">`, `<mergeCell ref="A1:C1">`) and people name them this way in
// findings (`表三!C7`), so parsing and formatting live together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// Excel's grid: 1,048,576 rows by 16,384 columns (XFD).
inline constexpr std::uint32_t kXlsxMaxRows = 1048576;
inline constexpr std::uint32_t kXlsxMaxColumns = 16384;

struct CellRef {
  std::uint32_t row = 0;     // 1-based
  std::uint32_t column = 0;  // 1-based: A = 1

  friend bool operator==(const CellRef&, const CellRef&) = default;
};

// A rectangle of cells, both corners inclusive (a merged cell `A1:C1`).
struct CellRange {
  CellRef first;
  CellRef last;

  [[nodiscard]] bool contains(std::uint32_t row, std::uint32_t column) const {
    return row >= first.row && row <= last.row && column >= first.column && column <= last.column;
  }
  friend bool operator==(const CellRange&, const CellRange&) = default;
};

// `C7` -> {7, 3}. Accepts `$C$7`. nullopt when malformed or outside Excel's grid.
[[nodiscard]] std::optional<CellRef> parse_cell_ref(std::string_view ref);

// `A1:C3`, or a single cell `B2` (a range of one). nullopt when malformed or reversed.
[[nodiscard]] std::optional<CellRange> parse_cell_range(std::string_view ref);

// The column letters alone: 3 -> `C`, 28 -> `AB`. REQUIRES: column >= 1.
[[nodiscard]] std::string column_name(std::uint32_t column);

// `C7`. REQUIRES: row >= 1, column >= 1.
[[nodiscard]] std::string format_cell_ref(CellRef ref);

// `Sheet!C7`, the form of SourceLoc::cell_ref. A sheet name Excel would quote (spaces,
// punctuation, a leading digit) is quoted the same way: `'My Sheet'!C7`.
[[nodiscard]] std::string sheet_cell_ref(std::string_view sheet, CellRef ref);

}  // namespace gongkai
