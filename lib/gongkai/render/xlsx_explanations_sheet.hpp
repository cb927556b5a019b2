// The XLSX report's reviewer appendix (render/explanations_appendix.hpp): one sheet, a row per
// explained finding — rule, the cell's official label, the finding, the office's reason and
// where it is written. Written only when the report has explained findings.
// Internal to render/xlsx_*.cpp.
#pragma once

#include <gongkai/render/explanations_appendix.hpp>
#include <gongkai/render/xlsx_sheet.hpp>

#include <xlsxwriter.h>

#include <vector>

namespace gongkai {

void write_explanations_sheet(lxw_worksheet* ws, const XlsxSheetContext& ctx, const std::vector<AppendixRow>& rows);

}  // namespace gongkai
