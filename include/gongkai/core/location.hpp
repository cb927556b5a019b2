// Where a value came from: a file and a 1-based line and column, or a spreadsheet cell
// reference such as `表三!C7`. Every cell of a report carries one, and so does every finding.
#pragma once

#include <string>

namespace gongkai {

struct SourceLoc {
  std::string file;      // path as given by the user, or "-" for standard input
  int line = 0;          // 1-based; 0 when unknown
  int column = 0;        // 1-based; 0 when unknown
  std::string cell_ref;  // spreadsheet reference (Sheet!C7) when read from a workbook

  [[nodiscard]] bool known() const { return !file.empty(); }
  // `file:line:col`, `file:line`, `file!Sheet!C7` or `file`, whichever is known.
  [[nodiscard]] std::string to_string() const;
};

}  // namespace gongkai
