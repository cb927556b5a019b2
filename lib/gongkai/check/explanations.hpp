// Explained findings (issue 9's "explained warnings"): an office acknowledges a finding in its
// tallies with a written reason, keyed by rule and cell (build/explanations_input.hpp reads
// them). A finding an explanation fits keeps its rule and severity and gets
// Diagnostic::explanation and explained_at: it is shown as explained, is not counted as a
// warning (nor by --strict) and SARIF lists it as suppressed. Only warnings and info notes can
// be explained: an explanation that fits an error is itself an error (rule `explanation`), and
// the error stays. An explanation that fits no finding of a rule that was run is stale (rule
// `stale-explanation`, a warning at the explanation).
#pragma once

#include <gongkai/check.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/text.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace gongkai {

struct Explanation {
  std::string rule;        // a rule ID of the rule table
  std::string cell_id;     // the culprit cell (a finding's first cell); empty: a finding naming no cell
  std::string cell_label;  // that cell's official label, for messages and the appendix
  Text reason;             // the office's words (the same text in both when written in one language)
  SourceLoc where;         // the entry in the tally
};

// Which rules were run where the explanations are applied: an explanation of a rule that was
// not run cannot be judged stale.
struct ExplainScope {
  bool report = false;      // the report's own rules (reading, check_report)
  bool prose = false;       // the prose rules (a report with prose, or a build)
  bool cross_year = false;  // paired with last year's report: the cross-year rules, text-reuse
  bool diff = false;        // gongkai diff's flags
};

[[nodiscard]] bool rule_was_run(const ExplainScope& scope, const RuleInfo& rule);

// One unit's explanations, with which of them fitted a finding so far.
class ExplanationSet {
 public:
  ExplanationSet() = default;
  explicit ExplanationSet(std::vector<Explanation> items);

  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] const std::vector<Explanation>& items() const { return items_; }

  // Marks every finding of `findings` that an explanation fits (same rule; same first cell, or
  // no cell on either side) and is not explained yet. A fitting error is left as it is and its
  // explanation reported in `out` (rule `explanation`, once per explanation). `out` may be
  // `findings`: what is reported is added after the findings were gone through.
  void apply(Diagnostics& findings, Diagnostics& out);
  // A `stale-explanation` warning in `out` for each explanation that fitted nothing so far and
  // whose rule `scope` ran.
  void report_stale(const ExplainScope& scope, Diagnostics& out) const;

 private:
  std::vector<Explanation> items_;
  std::vector<char> used_;
  std::vector<char> reported_error_;
};

// Findings of a severity that are not explained (the dropped ones counted as not explained).
[[nodiscard]] std::size_t count_unexplained(const Diagnostics& ds, Severity s);
// Findings that are explained.
[[nodiscard]] std::size_t count_explained(const Diagnostics& ds);

}  // namespace gongkai
