#include <gongkai/diff/explained.hpp>

#include <algorithm>

namespace gongkai {
namespace {

bool same_finding(const Diagnostic& a, const Diagnostic& b) {
  return a.rule == b.rule && a.severity == b.severity && a.message.en == b.message.en &&
         a.where.to_string() == b.where.to_string();
}

// Moves a cell's explained rules from `flags` to `explained`.
void mark_cells(ReportDiff& d) {
  for (const auto& f : d.findings.items()) {
    if (!f.explanation || f.cells.empty()) continue;
    for (auto& c : d.cells) {
      if (c.new_id.empty() || c.new_id != f.cells.front().id) continue;
      auto it = std::find(c.flags.begin(), c.flags.end(), f.rule);
      if (it == c.flags.end()) continue;
      c.flags.erase(it);
      if (std::find(c.explained.begin(), c.explained.end(), f.rule) == c.explained.end()) c.explained.push_back(f.rule);
      break;
    }
  }
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

ExplainScope diff_scope(const ReportDiff& d) {
  ExplainScope scope;
  scope.diff = true;
  scope.cross_year = d.mode == DiffMode::year_over_year;
  return scope;
}

void explain_diff(ReportDiff& d, ExplanationSet& newer) {
  Diagnostics extra;
  newer.apply(d.findings, extra);
  newer.report_stale(diff_scope(d), extra);
  mark_cells(d);
  d.findings.append(extra);
}

void explain_series(SeriesDiff& s, const std::function<ExplanationSet*(std::size_t report)>& of) {
  for (std::size_t k = 0; k < s.steps.size(); ++k) {
    ExplanationSet* set = of(k + 1);
    if (set == nullptr || set->empty()) continue;
    ReportDiff& step = s.steps[k];
    const std::size_t before = step.findings.items().size();
    explain_diff(step, *set);
    // The series' findings hold copies of the step's: mark them alike, add what is new.
    for (std::size_t i = 0; i < before; ++i) {
      const Diagnostic& f = step.findings.items()[i];
      if (!f.explanation) continue;
      for (auto& g : s.findings.items())
        if (!g.explanation && same_finding(f, g)) {
          g.explanation = f.explanation;
          g.explained_at = f.explained_at;
          break;
        }
    }
    for (std::size_t i = before; i < step.findings.items().size(); ++i) s.findings.add(step.findings.items()[i]);
  }
  // Each row's flags again, from the steps' cells.
  for (auto& row : s.rows) {
    row.flags.clear();
    row.explained.clear();
    for (const auto& step : s.steps)
      for (const auto& cd : step.cells)
        if (cd.id == row.id) {
          for (const auto& f : cd.flags) add_unique(row.flags, f);
          for (const auto& f : cd.explained) add_unique(row.explained, f);
        }
  }
}

}  // namespace gongkai
