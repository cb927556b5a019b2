// The XLSX report's findings sheet, present when check or prose found anything: one row per
// finding with its severity, rule ID, the cells it names (official labels and IDs), the message
// in Chinese and English, the expected and actual figures and where the value came from — the
// same data as `gongkai check --format json`, for staff who work in a spreadsheet.
// Internal to render/xlsx_*.cpp.
#pragma once

#include <gongkai/render/xlsx_sheet.hpp>

#include <xlsxwriter.h>

namespace gongkai {

void write_findings_sheet(lxw_worksheet* ws, const XlsxSheetContext& ctx);

}  // namespace gongkai
