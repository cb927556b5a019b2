// The rule table: one row per rule gongkai reports (rules.cpp). The checker runs the rows that
// have a check, in table order; `gongkai rules`, check.hpp's rule_list() and the tests read the
// same rows. A new rule is its check in one file pair of check/ and one row in rules.cpp.
#pragma once

#include <gongkai/check.hpp>

#include <cstddef>
#include <set>
#include <span>
#include <string_view>

namespace gongkai {

// What the report rules share while one report is checked.
struct CheckContext {
  Report& report;
  const CheckOptions& options;
  // Cells whose given total disagreed with its parts (the sum rules): a balance through one of
  // them repeats the same mistake and is left out (one wrong total, one finding).
  std::set<std::size_t> wrong_totals;
};

using ReportCheck = void (*)(CheckContext& ctx, Diagnostics& out);
using CrossYearCheck = void (*)(const Report& current, const Report& previous, Diagnostics& out);

struct RuleRow {
  RuleInfo info;
  ReportCheck check;     // a rule of one report; nullptr otherwise
  CrossYearCheck cross;  // a rule of two years; nullptr otherwise
  // When both are nullptr: the rule, or the part of gongkai, whose check finds it.
  std::string_view found_by;
};

// Every row, in the order the checker runs them.
[[nodiscard]] std::span<const RuleRow> rule_table();

}  // namespace gongkai
