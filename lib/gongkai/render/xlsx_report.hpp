// The statutory report as an XLSX workbook, for staff who work in Excel, WPS or LibreOffice.
//
// Sheets, in this order: one per table of sections 二, 三 and 四, named by the section heading
// and laid out as the official form (render/xlsx_table_sheet.hpp: merged headers, verbatim
// labels, borders, numbers as numbers, derived totals as SUM formulas with cached values);
// 「报告正文」 with the title and the six sections in order, the prose of 一, 五 and 六 and a
// link to each table's sheet (render/xlsx_prose_sheet.hpp). Nothing else: the findings are
// working material, not the report (`build --findings FILE` writes them apart). One sheet per table because each prints
// on its own A4 page, as the form does. A report built with --allow-errors carries a red notice at the top of every
// sheet and in every printed page header, and the cells an error finding names are shaded red.
//
// Document properties: title 「{agency}{year}年政府信息公开工作年度报告」, author and company the
// agency, keywords and comments the year and the form. The creation date is
// BuiltReport::generated (else the publication date, else 1 January of the year after the
// report's), never the clock: identical input gives identical bytes.
//
// libxlsxwriter 1.1.4 can only write to a named file (no output buffer), so this function
// writes a temporary file in the system temp directory (TMPDIR), reads it back and removes it
// before returning, also on failure; no other function of the library touches the disk for
// XLSX. libxlsxwriter itself also uses anonymous temporary files (tmpfile) while assembling.
#pragma once

#include <gongkai/render/built_report.hpp>

#include <string>

namespace gongkai {

// The .xlsx bytes. REQUIRES: built.report is set and has been through check_report.
// Throws InputError when the workbook cannot be written (no usable temp directory, disk full).
[[nodiscard]] std::string render_xlsx_report(const BuiltReport& built);

}  // namespace gongkai
