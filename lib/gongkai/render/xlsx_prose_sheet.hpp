// The XLSX report's text sheet: the report's title, then the six sections in order — the prose
// of 一, 五 and 六 (already expanded Markdown, see built_report.hpp) one paragraph per row,
// wrapped in one wide column, and for 二, 三, 四 a link to the table's own sheet. Markdown is
// kept as its author wrote it except that heading marks are dropped (the heading is set in
// bold) and a paragraph's soft line breaks are joined, as a Markdown reader would.
// Internal to render/xlsx_*.cpp.
#pragma once

#include <gongkai/render/xlsx_sheet.hpp>

#include <xlsxwriter.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// One row of the text sheet.
struct ProseBlock {
  std::string text;
  bool heading = false;
};

// Markdown split into the rows the sheet shows: paragraphs (soft breaks joined), headings,
// list items and table rows (a table's delimiter row dropped) one per row. A paragraph longer
// than a cell shows comfortably is cut after a sentence (「。」).
[[nodiscard]] std::vector<ProseBlock> prose_blocks(std::string_view markdown);

// `table_sheets`: section id -> the name of the sheet holding that table.
void write_prose_sheet(lxw_worksheet* ws, const XlsxSheetContext& ctx,
                       const std::map<std::string, std::string>& table_sheets);

}  // namespace gongkai
