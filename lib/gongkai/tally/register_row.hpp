// A row of a register as the tally sees it, whichever file it came from: the cells' text by
// column, and enough to say where each cell is — `file:line:col` for a CSV, `file:Sheet!C12`
// for a workbook — built only when a finding needs it, so a million clean rows cost nothing.
// Readers (register_input.hpp) push rows into a RegisterConsumer one at a time.
#pragma once

#include <gongkai/core/location.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct RegisterCell {
  std::string_view text;  // valid during the consumer's row() call only
  bool number = false;    // an XLSX numeric cell (a date column then holds a serial day)
  int line = 0;           // CSV: where the field starts
  int column = 0;         // CSV: its character column
};

struct RegisterRow {
  std::vector<RegisterCell> cells;  // by column, 0-based; a cell not in the file is empty
  int line = 0;                     // CSV: the line the row starts on
  std::uint32_t sheet_row = 0;      // XLSX: the 1-based row number

  [[nodiscard]] std::string_view text(std::size_t column) const {
    return column < cells.size() ? cells[column].text : std::string_view();
  }
  // True when every cell is empty or white space (Excel exports trailing ",,,," rows).
  [[nodiscard]] bool blank() const;
};

struct RegisterOrigin {
  std::string file;   // as the user named it
  std::string sheet;  // the worksheet; empty for a CSV

  // Where cell `column` (0-based) of `row` is.
  [[nodiscard]] SourceLoc where(const RegisterRow& row, std::size_t column) const;
  // Where the row is: file:line, or file:Sheet!A12.
  [[nodiscard]] SourceLoc where(const RegisterRow& row) const;
  // where() without the file: a further place of a grouped finding, whose file is the group's
  // (no copy of a long path per row).
  [[nodiscard]] SourceLoc place(const RegisterRow& row, std::size_t column) const;
  // `file:12` or `file:Sheet!A12`, how a message names another row.
  [[nodiscard]] std::string row_name(const RegisterRow& row) const { return where(row).to_string(); }
};

// Receives a register file's rows. A CSV is one begin/end; a workbook calls begin/end once per
// worksheet; end_file follows the file's last sheet.
class RegisterConsumer {
 public:
  virtual ~RegisterConsumer() = default;
  virtual void begin(const RegisterOrigin& origin) = 0;
  // Returns false to stop reading this file or sheet.
  virtual bool row(const RegisterRow& row) = 0;
  virtual void end() = 0;
  virtual void end_file() = 0;
};

}  // namespace gongkai
