// A diff as an XLSX workbook (libxlsxwriter): a sheet per form table with every cell (row,
// column, Σ, the figures as numbers, change, percent change, kind, flags, cell ID), a frozen
// header, an autofilter and conditional formatting that marks flagged rows; a sheet of the
// flags with their rule IDs; a revision's prose changes; for a series a sheet of the key
// figures with a native line chart (one series per key figure, the years as categories, a year
// without a figure left empty and drawn as a gap). Text is always written as text, never as a
// formula. The same diff gives the same bytes: the workbook's time is 1 January of the year
// after the newest report, never the clock.
#pragma once

#include <gongkai/render/diff_model.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_diff_xlsx(const DiffModel& model, Lang lang);

}  // namespace gongkai
