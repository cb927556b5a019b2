// What the sheets of the XLSX report share: the report being written, its formats, the cells
// error findings name, the stamped-with-errors notice, sheet names Excel accepts, and the width
// arithmetic that turns CJK text into Excel column units. Internal to render/xlsx_*.cpp.
#pragma once

#include <gongkai/render/built_report.hpp>
#include <gongkai/render/xlsx_styles.hpp>

#include <xlsxwriter.h>

#include <set>
#include <string>
#include <string_view>

namespace gongkai {

struct XlsxSheetContext {
  const BuiltReport& built;
  const XlsxStyles& styles;
  std::set<std::string> flagged;  // cell IDs an error finding names first: shown in red
  std::string notice;             // stamped builds: the notice atop every sheet (render/report_text.hpp)
  std::string page_notice;        // its Chinese line alone, for the printed page header (255 bytes max)
};

// Throws InputError naming the libxlsxwriter error when `e` is not LXW_NO_ERROR.
void xlsx_check(lxw_error e);

// Width of `text` in Excel column units (the width of a '0' in the default font): a CJK
// character is a little over two.
[[nodiscard]] double xlsx_text_width(std::string_view text);

// Points per line of wrapped 11 pt text, CJK included.
inline constexpr double kXlsxLineHeight = 15.0;

// The row height (points) that shows `text` wrapped in `room` column units, its own line breaks
// included. Rows get explicit heights: LibreOffice does not grow rows to fit wrapped text when
// it opens a file, nor does any client for merged cells; capped at Excel's 409 pt.
[[nodiscard]] double xlsx_wrapped_height(std::string_view text, double room);

// A sheet name Excel accepts and no other sheet of the book has: `wanted` without []:*?/\ ,
// cut to 31 UTF-16 units, made unique with a 「（2）」 suffix. Adds the result to `taken`.
[[nodiscard]] std::string xlsx_sheet_name(std::string_view wanted, std::set<std::string>& taken);

// Writes `text` across columns [0, columns) of `row` (merged when wider than one column).
void xlsx_write_banner(lxw_worksheet* ws, std::uint32_t row, int columns, const std::string& text, lxw_format* format);

// A4, fitted to one page wide, page numbers, and when `notice` is not empty, the notice in red
// in the printed page header.
void xlsx_print_setup(lxw_worksheet* ws, bool landscape, const std::string& notice);

}  // namespace gongkai
