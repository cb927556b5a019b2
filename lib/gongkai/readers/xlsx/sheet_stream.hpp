// Streams one worksheet part (`<worksheet><sheetData><row><c>…`) row by row through the
// callback, holding only the current row: memory does not grow with the number of rows.
// Resolves each cell's value (shared string, inline string, number, boolean, error, a
// formula's cached result) and collects the merged ranges that follow the rows.
#pragma once

#include <gongkai/readers/xlsx/shared_strings.hpp>
#include <gongkai/readers/xlsx/xlsx_cell.hpp>
#include <gongkai/readers/xlsx/zip_package.hpp>

#include <string_view>

namespace gongkai {

struct WorksheetSource {
  std::string_view part;                  // xl/worksheets/sheet1.xml
  std::string_view sheet_name;            // for cell references in messages
  const SharedStrings* shared = nullptr;  // nullptr when the workbook has no shared strings
  std::string_view shared_part;           // its part name, for messages
};

// Throws InputError naming `Sheet!C7` for a bad cell, `part:line:col` for bad XML.
[[nodiscard]] XlsxSheetSummary stream_worksheet(ZipPackage& package, const WorksheetSource& source,
                                                const XlsxRowCallback& on_row);

}  // namespace gongkai
