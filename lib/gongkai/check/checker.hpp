// Runs every single-report rule of the spec (§5) on a report and returns all findings.
// The report's derived totals are filled in as a side effect (see derive.hpp), so after
// check_report the model is complete for the renderers.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>

namespace gongkai {

struct CheckOptions {
  // The known forms, to name the right one in a `form-year` finding. Default: none.
  const FormSet* forms = nullptr;
};

// Rules: blank-cell, category-sum (missing sub-rows), column-total, category-sum, outcome-sum,
// case-total, balance, form-year, deadline (only when a publication date is late).
void check_report(Report& report, const CheckOptions& options, Diagnostics& out);

// Cross-year rules (carry-continuity, in-force-continuity) between a report and the same
// agency's report of the year before. REQUIRES: both have been through check_report.
void check_cross_year(const Report& current, const Report& previous, Diagnostics& out);

// Whether `previous` can be `current`'s last-year report: the same agency, the year before.
// When not, an error (rule `previous`, at `previous`'s file) names both and returns false: the
// cross-year rules must not compare another agency's figures, another year's, or the report
// with itself.
[[nodiscard]] bool check_previous_fits(const Report& current, const Report& previous, Diagnostics& out);

}  // namespace gongkai
