// The per-unit overview as a workbook: one row per unit, frozen header, filters on every
// column, figures as numbers, status shaded. See overview.hpp for the columns.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/text.hpp>

#include <string>
#include <vector>

namespace gongkai {

// The .xlsx bytes; the document's dates are fixed (identical input, identical bytes).
// Throws InputError when the workbook cannot be written.
[[nodiscard]] std::string render_overview_xlsx(const std::vector<UnitSummary>& units, Lang lang,
                                               const std::string& title);

}  // namespace gongkai
