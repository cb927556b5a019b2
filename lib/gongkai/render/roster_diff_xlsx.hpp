// A roster diff as a workbook for the reviewer's spreadsheet: one row per unit in roster order
// (the table of roster_diff_table.hpp), frozen header, an autofilter on every column, counts and
// figures as numbers, every text written as text (an agency named 「=HYPERLINK(…)」 is never a
// formula), rows shaded by what they need: errors, warnings. A second sheet lists the findings.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/roster_diff.hpp>

#include <string>

namespace gongkai {

// The .xlsx bytes; the document's dates are fixed (identical input, identical bytes).
// Throws InputError when the workbook cannot be written.
[[nodiscard]] std::string render_roster_diff_xlsx(const RosterDiff& diff, Lang lang);

}  // namespace gongkai
