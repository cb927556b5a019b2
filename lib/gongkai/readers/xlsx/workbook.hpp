// An XLSX workbook read from bytes in memory: its sheets (names, order, whether hidden) and
// their rows, streamed one at a time (see sheet_stream.hpp), so a register of a million rows
// is read in memory independent of its length. Only the shared string table is held whole,
// bounded by XlsxLimits. A damaged, hostile or non-XLSX file is an InputError (xlsx_error.hpp).
//
//   XlsxWorkbook book(name, bytes);
//   for (std::size_t i = 0; i < book.sheets().size(); ++i)
//     book.read_sheet(i, [&](std::uint32_t row, std::span<const XlsxCell> cells) { …; return true; });
#pragma once

#include <gongkai/readers/xlsx/shared_strings.hpp>
#include <gongkai/readers/xlsx/xlsx_cell.hpp>
#include <gongkai/readers/xlsx/xlsx_limits.hpp>
#include <gongkai/readers/xlsx/zip_package.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct XlsxSheet {
  std::string name;     // as shown on the tab
  std::string part;     // xl/worksheets/sheet1.xml
  bool hidden = false;  // state="hidden" or "veryHidden"
};

class XlsxWorkbook {
 public:
  // Reads the package structure and the shared strings. REQUIRES: `bytes` outlives the
  // workbook. `name` is the file's name, for messages. Throws InputError.
  XlsxWorkbook(std::string_view name, std::string_view bytes, const XlsxLimits& limits = {});

  // Worksheets in tab order (chart sheets are left out).
  [[nodiscard]] const std::vector<XlsxSheet>& sheets() const { return sheets_; }

  // Streams sheet `index` through `on_row`. Throws InputError; whatever `on_row` throws
  // passes through. REQUIRES: index < sheets().size().
  XlsxSheetSummary read_sheet(std::size_t index, const XlsxRowCallback& on_row);

  [[nodiscard]] const std::string& name() const { return package_.name(); }

 private:
  ZipPackage package_;
  std::vector<XlsxSheet> sheets_;
  std::optional<SharedStrings> shared_;
  std::string shared_part_ = "xl/sharedStrings.xml";
};

}  // namespace gongkai
