// Checking reports: every rule of one report (spec §5), the cross-year rules between a report and
// the same agency's report of the year before, and the list of every rule gongkai reports — the
// one table the checker runs, `gongkai rules` prints and the tests hold every emitted rule ID to.
//
//   gongkai::Diagnostics found;
//   gongkai::check_report(report, gongkai::CheckOptions{&forms}, found);
//   if (gongkai::check_previous_fits(report, last_year, found))
//     gongkai::check_cross_year(report, last_year, found);
//   for (const gongkai::RuleInfo& r : gongkai::rule_list()) std::cout << r.id << "\n";
//
// Nothing here names a third-party type.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct CheckOptions {
  // The known forms, to name the right one in a `form-year` finding. Default: none.
  const FormSet* forms = nullptr;
};

// Runs every single-report rule of the rule table, in its order, and adds their findings to
// `out`. The report's derived totals are filled in as a side effect (computed cells are marked),
// so after check_report the model is complete for the renderers.
void check_report(Report& report, const CheckOptions& options, Diagnostics& out);

// Runs every cross-year rule of the rule table between a report and the same agency's report of
// the year before. REQUIRES: both have been through check_report.
void check_cross_year(const Report& current, const Report& previous, Diagnostics& out);

// Whether `previous` can be `current`'s last-year report: the same agency, the year before.
// When not, an error (rule `previous`, at `previous`'s file) names both and returns false: the
// cross-year rules must not compare another agency's figures, another year's, or the report
// with itself.
[[nodiscard]] bool check_previous_fits(const Report& current, const Report& previous, Diagnostics& out);

// Where a rule is found.
enum class RuleScope {
  report,      // checked on one report (check_report)
  cross_year,  // checked on two years of one agency (check_cross_year)
  reader,      // found while reading an input (tallies, CSV, XLSX, registers, rosters)
  prose,       // found while expanding the prose of a built or checked report
  batch,       // found when many units are consolidated (merge, reconcile)
  command,     // found by the command line tool (outputs, limits of what is printed)
  diff,        // found when reports of one agency are compared (gongkai diff)
};
[[nodiscard]] std::string_view to_string(RuleScope scope);

// One rule: its stable ID (as findings name it), default severity, and what it says.
struct RuleInfo {
  std::string_view id;
  Severity severity = Severity::error;
  RuleScope scope = RuleScope::report;
  std::string_view summary_zh;
  std::string_view summary_en;
  std::string_view spec;  // where it is defined: "§5" of the format spec, or the doc
  // Why no input in sample-data/broken/ can show it (a write failure, an option); empty when
  // sample-data/broken/<id>.* shows it.
  std::string_view no_sample;
  [[nodiscard]] std::string_view summary(Lang lang) const { return lang == Lang::zh ? summary_zh : summary_en; }
};

// Every rule gongkai reports, in the order the checker runs them (the report rules, then the
// cross-year rules), then the rules found elsewhere.
[[nodiscard]] std::span<const RuleInfo> rule_list();

// The rule with this ID; nullptr when there is none.
[[nodiscard]] const RuleInfo* find_rule(std::string_view id);

// The rule IDs a mistyped one may have meant, best first (empty when none is close).
[[nodiscard]] std::vector<std::string> rules_like(std::string_view id);

}  // namespace gongkai
