// The checker: the rows of the rule table (rules.cpp) that have a check, run in table order.
// No rule is named here.
#include <gongkai/check/checker.hpp>

#include <gongkai/check/rules.hpp>

namespace gongkai {

void check_report(Report& report, const CheckOptions& options, Diagnostics& out) {
  CheckContext ctx{report, options, {}};
  for (const RuleRow& row : rule_table())
    if (row.check != nullptr) row.check(ctx, out);
}

void check_cross_year(const Report& current, const Report& previous, Diagnostics& out) {
  for (const RuleRow& row : rule_table())
    if (row.cross != nullptr) row.cross(current, previous, out);
}

}  // namespace gongkai
