// The starting point of a new year's report (`gongkai init`): every cell an office fills in
// left 【待填写】, the derived totals left to check; and, from last year's report, what the form
// says carries over — its cross-year rules (report-templates/forms/*.yaml `cross_year`):
// 上年结转 from last year's 结转下年度继续办理 (carry) and 现行有效件数 from last year's
// (stock), so that the new report starts consistent with the old one.
#pragma once

#include <gongkai/model/report.hpp>

#include <memory>
#include <string>
#include <vector>

namespace gongkai {

// Every cell that is not a derived total (or a category figure) is blank and marked as a stub
// (CellValue::stub): written as 【待填写】, an error until someone writes the real figure.
// Never 0: a figure nobody filled must not look like a real one (blank is not 0).
[[nodiscard]] Report stub_report(std::shared_ptr<const Form> form);

struct CarriedCells {
  std::vector<std::string> rows;     // `table.row` filled from last year (carry rules)
  std::vector<std::string> columns;  // `table.column` filled from last year (stock rules)
  std::vector<std::string> missing;  // cell IDs last year's report does not give (absent, blank, or not in its form)
};

// Fills `next` from `last` by `next`'s form's cross-year rules. Each cell so filled points to
// where last year's figure came from. REQUIRES: `last` has been through check_report (its
// totals derived).
CarriedCells carry_from_last_year(Report& next, const Report& last);

}  // namespace gongkai
